import { RUNNER_CONNECT, RUNNER_READY } from '../runtime/runner-protocol';
import type { RunnerFrame } from '../runtime/runner-client';

/** How long a new runner frame may take to load before the page gives up on it. */
const LOAD_MS = 15_000;

/**
 * Adds the hidden runner frame and connects to it. The frame is sandboxed without
 * allow-same-origin: an opaque origin, so the browser gives it its own process and a program
 * that exhausts memory there kills only the frame. It keeps shared memory through its own
 * isolation headers (see docs/hosting.md).
 */
export function openRunnerFrame(): Promise<RunnerFrame> {
  const frame = document.createElement('iframe');
  frame.src = new URL('runner.html', document.baseURI).href;
  frame.setAttribute('sandbox', 'allow-scripts');
  frame.allow = 'cross-origin-isolated';
  frame.hidden = true;
  frame.tabIndex = -1;
  frame.title = 'Program runner';
  frame.setAttribute('aria-hidden', 'true');
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      cleanup();
      frame.remove();
      reject(new Error('The program runner did not start.'));
    }, LOAD_MS);
    const onMessage = (event: MessageEvent<unknown>) => {
      const data = event.data as { type?: unknown } | null;
      if (event.source !== frame.contentWindow || data?.type !== RUNNER_READY) return;
      cleanup();
      const channel = new MessageChannel();
      frame.contentWindow?.postMessage({ type: RUNNER_CONNECT, port: channel.port2 }, '*', [
        channel.port2,
      ]);
      resolve({ port: channel.port1, dispose: () => frame.remove() });
    };
    const cleanup = () => {
      clearTimeout(timer);
      window.removeEventListener('message', onMessage);
    };
    window.addEventListener('message', onMessage);
    document.body.append(frame);
  });
}
