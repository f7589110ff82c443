import type { DemoDefinition } from '../types';

export const boundedBuffer: DemoDefinition = {
  id: 'bounded-buffer',
  topic: 'coordination',
  title: 'A bounded buffer with two conditions',
  concepts: ['Condition', 'bounded buffer', 'backpressure', 'producer-consumer'],
  summary: 'A fast producer and a slow consumer: the producer waits whenever the buffer is full.',
  source: `const ITEMS = 12;
const slots = new SharedArray(params.capacity);
const head = new SharedInt(0);
const count = new SharedInt(0);
const mostHeld = new SharedInt(0);
const outOfOrder = new SharedInt(0);
// Two conditions on one lock: producers wait for room, consumers for items.
const lock = new Lock();
const notFull = new Condition(lock);
const notEmpty = new Condition(lock);

export const roles = { producer: 1, consumer: 1 };

export function producer() {
  for (let i = 0; i < ITEMS; i++) {
    lock.with(() => {
      notFull.waitFor(() => count.value < slots.length); // blocks while full
      slots.set((head.value + count.value) % slots.length, i);
      count.value += 1;
      mostHeld.value = Math.max(mostHeld.value, count.value);
      notEmpty.notify();
    });
    print('produced', i);
  }
}

export function consumer() {
  for (let expected = 0; expected < ITEMS; expected++) {
    const item = lock.with(() => {
      notEmpty.waitFor(() => count.value > 0); // blocks while empty
      const v = slots.get(head.value);
      head.value = (head.value + 1) % slots.length;
      count.value -= 1;
      notFull.notify();
      return v;
    });
    if (item !== expected) outOfOrder.add(1);
    print('consumed', item);
    sleep(20); // the consumer is the slow one
  }
}

export function check() {
  if (outOfOrder.value > 0) return \`\${outOfOrder.value} items arrived out of order\`;
  return (
    mostHeld.value <= params.capacity ||
    \`the buffer held \${mostHeld.value} items; its capacity is \${params.capacity}\`
  );
}
`,
  knobs: [
    { id: 'capacity', label: 'Buffer capacity', kind: 'number', default: 3, min: 1, max: 12 },
  ],
  expect: { default: 'ok' },
  explain: {
    tryThis:
      'Change the capacity: at 1 the two threads move in lock step; at 12 the producer finishes at once and the consumer drains the buffer alone.',
    watch:
      'After filling the buffer, the producer lane waits on notFull, and each time the consumer takes an item the producer wakes to add one more.',
    why: 'A bounded buffer gives backpressure: a producer that runs ahead is made to wait instead of piling up work in memory. Two conditions sharing one lock let each side wake only the kind of thread that can act on the change: a removal wakes a producer, an insertion a consumer.',
    python:
      'lock = threading.Lock()\nnot_full = threading.Condition(lock)\nnot_empty = threading.Condition(lock)\n\ndef put(item):\n    with not_full:\n        not_full.wait_for(lambda: len(buf) < CAP)\n        buf.append(item)\n        not_empty.notify()\n\n# queue.Queue(maxsize=3) packages exactly this.',
  },
};
