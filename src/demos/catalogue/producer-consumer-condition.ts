import type { DemoDefinition } from '../types';

export const producerConsumerCondition: DemoDefinition = {
  id: 'producer-consumer-condition',
  topic: 'coordination',
  title: 'Condition: while, not if',
  concepts: ['Condition', 'producer-consumer', 'spurious wake-up', 'notifyAll'],
  summary:
    'Two consumers wake for one item; the one that checked with "if" takes from an empty buffer.',
  source: `const ITEMS = 20;
const STOP = -1;
// A FIFO buffer in shared memory, guarded by the condition's lock.
const buffer = new SharedArray(32);
const head = new SharedInt(0);
const count = new SharedInt(0);
const itemReady = new Condition();
const consumedSum = new SharedInt(0);

function push(v) {
  buffer.set((head.value + count.value) % buffer.length, v);
  count.value += 1;
}

function pop() {
  if (count.value === 0) throw new Error('pop from an empty buffer');
  const v = buffer.get(head.value);
  head.value = (head.value + 1) % buffer.length;
  count.value -= 1;
  return v;
}

export const roles = { producer: 1, consumer: 2 };

export function producer() {
  for (let i = 1; i <= ITEMS; i++) {
    sleep(5); // make the next item
    itemReady.with(() => {
      push(i);
      itemReady.notifyAll(); // wake every waiting consumer
    });
  }
  itemReady.with(() => {
    push(STOP);
    push(STOP);
    itemReady.notifyAll();
  });
}

export function consumer(i) {
  for (;;) {
    const item = itemReady.with(() => {
      if (params.fix) {
        while (count.value === 0) itemReady.wait(); // re-check after every wake-up
      } else if (count.value === 0) {
        itemReady.wait(); // BUG: assumes the item is still there after waking
      }
      return pop();
    });
    if (item === STOP) return;
    consumedSum.add(item);
  }
}

export function check() {
  const expected = (ITEMS * (ITEMS + 1)) / 2;
  return consumedSum.value === expected || \`consumed items add up to \${consumedSum.value}, expected \${expected}\`;
}
`,
  knobs: [{ id: 'fix', label: 'Wait in a while loop', kind: 'boolean', default: false }],
  expect: { bug: 'error', fix: 'ok' },
  explain: {
    tryThis:
      'Run it: a consumer dies with "pop from an empty buffer". Then switch to Step mode and choose who wakes: step both consumers until they wait on itemReady, step the producer through its push and notifyAll, then step one consumer through its pop before the other. The second one’s next step reads count 0 and pops anyway. Turn on the fix: both consumers share all twenty items and stop at the STOP markers.',
    watch:
      'Both consumer lanes wait on itemReady; at a notifyAll both wake, and one after the other takes the lock. The second finds the buffer empty again and, with if, pops anyway: its lane ends in "failed" while the other consumer carries on.',
    why: 'Waking up from wait() only means "something may have changed", not "your condition holds". Between the notify and the moment a woken thread gets the lock back, another consumer can take the item. Spurious wake-ups (returning from wait with no notify at all) are allowed too. A thread that checked once with if acts on a stale answer.',
    fix: 'Always wait in a loop that re-tests the condition: while (count.value === 0) cond.wait(), or cond.waitFor(() => count.value > 0), which loops for you.',
    python:
      'cond = threading.Condition()\n\ndef consumer():\n    while True:\n        with cond:\n            while not items:        # "if not items:" breaks\n                cond.wait()\n            item = items.pop(0)\n        if item is None:\n            return\n        handle(item)',
  },
};
