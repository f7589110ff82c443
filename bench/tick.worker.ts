// One thread's tight loop three ways (figure tight-loop-gil-off-vs-uninstrumented): as written,
// through the runtime's evaluation with the GIL off, and instrumented with GIL checks.
import { instrumentSource } from '../src/runtime/instrument';
import { evaluateProgram } from '../src/runtime/worker/load-module';
import { setTickHandler } from '../src/runtime/worker/tick';
import type { Reply, TickLoop, TickRequest } from './protocol';

type Loop = (n: number) => number;
const CALLS = 200;
const loops = new Map<TickLoop, Loop>();
// Where a GIL checkpoint reads its drop request: the checks' handler reads one word as it does.
const dropWord = new Int32Array(new SharedArrayBuffer(4));

/**
 * Each loop gets its own copy of the source (a comment apart): V8 shares compiled code between
 * modules of identical text, and a shared function measured from two modules ran 10–20× slower in
 * one of them, whichever was loaded second or third, which measures V8's cache, not the checks.
 */
async function load(source: string): Promise<void> {
  const raw = `data:text/javascript;charset=utf-8,${encodeURIComponent(`${source}\n// raw`)}`;
  loops.set('raw', ((await import(/* @vite-ignore */ raw)) as { loop: Loop }).loop);
  setTickHandler(null);
  loops.set(
    'off',
    (await evaluateProgram({ source: `${source}\n// off` }, {})).exports.loop as Loop,
  );
  setTickHandler(() => void Atomics.load(dropWord, 0));
  // The runner instruments a program once per run, as here once per loop.
  const checks = `${source}\n// checks`;
  const program = { source: checks, instrumented: instrumentSource(checks) };
  loops.set('checks', (await evaluateProgram(program, {})).exports.loop as Loop);
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
      // Many calls of a shorter loop: the function itself gets hot and optimised, as a learner's
      // thread function called in a loop does, rather than one long call living on OSR.
      const start = performance.now();
      let result = 0;
      for (let call = 0; call < CALLS; call++) result ^= loop(message.n / CALLS);
      // The result goes back into the time so the loop cannot be optimised away.
      return { ms: performance.now() - start + (result === 0.5 ? 1 : 0) };
    } catch (error) {
      return { error: error instanceof Error ? (error.stack ?? error.message) : String(error) };
    }
  })().then((reply) => postMessage(reply));
});
