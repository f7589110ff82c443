// One thread's tight loop three ways (figure tight-loop-gil-off-vs-uninstrumented): as written,
// through the runtime's evaluation with the GIL off, and instrumented with GIL checks.
import { evaluateProgram } from '../src/runtime/worker/load-module';
import { setTickHandler } from '../src/runtime/worker/tick';
import type { Reply, TickLoop, TickRequest } from './protocol';

type Loop = (n: number) => number;
const loops = new Map<TickLoop, Loop>();
// Where a GIL checkpoint reads its drop request: the checks' handler reads one word as it does.
const dropWord = new Int32Array(new SharedArrayBuffer(4));

async function load(source: string): Promise<void> {
  const raw = URL.createObjectURL(new Blob([source], { type: 'text/javascript' }));
  loops.set('raw', ((await import(/* @vite-ignore */ raw)) as { loop: Loop }).loop);
  setTickHandler(null);
  loops.set('off', (await evaluateProgram(source, {})).exports.loop as Loop);
  setTickHandler(() => void Atomics.load(dropWord, 0));
  loops.set('checks', (await evaluateProgram(source, {})).exports.loop as Loop);
}

addEventListener('message', (event: MessageEvent<TickRequest>) => {
  void (async (): Promise<Reply> => {
    const message = event.data;
    try {
      if (message.type === 'setup') {
        await load(message.source);
        return { ms: 0 };
      }
      const loop = loops.get(message.kind);
      if (!loop) throw new Error(`no loop '${message.kind}'`);
      const start = performance.now();
      // The result goes back so the loop cannot be optimised away.
      const result = loop(message.n);
      return { ms: performance.now() - start + (result === 0.5 ? 1 : 0) };
    } catch (error) {
      return { error: error instanceof Error ? (error.stack ?? error.message) : String(error) };
    }
  })().then((reply) => postMessage(reply));
});
