// How the step controller waits on the page's main thread, which must never block: a turn of
// the event loop without timer clamping, and a short bounded spin on a shared word.

let taskChannel: MessageChannel | null = null;

/** Resolves in a new task (a message to ourselves: no timer clamping), after pending events. */
export function nextTask(): Promise<void> {
  taskChannel ??= new MessageChannel();
  const channel = taskChannel;
  return new Promise((resolve) => {
    channel.port1.onmessage = () => resolve();
    channel.port2.postMessage(null);
  });
}

/** Spins (on the page: never blocks) until `i32[index] !== seen` or `ms` pass; true if it changed. */
export function spinFor(i32: Int32Array, index: number, seen: number, ms: number): boolean {
  const until = performance.now() + ms;
  do {
    if (Atomics.load(i32, index) !== seen) return true;
  } while (performance.now() < until);
  return false;
}
