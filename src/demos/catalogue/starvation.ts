import type { DemoDefinition } from '../types';

export const starvation: DemoDefinition = {
  id: 'starvation',
  topic: 'races-and-locks',
  title: 'Starvation: an unfair lock',
  concepts: ['starvation', 'fairness', 'ticket lock', 'compareExchange', 'polling'],
  summary:
    'Three threads share a printer through a home-made lock; the thread that just printed wins it back every time.',
  source: `const JOBS = 150;
const jobsLeft = new SharedInt(JOBS);
const printedBy = new SharedArray(3);
// A home-made lock: 1 while some thread holds the printer.
const taken = new SharedInt(0);
// The fix, a ticket lock: take a number, wait until it is called.
const nextTicket = new SharedInt(0);
const nowServing = new SharedInt(0);

export const threads = 3;

function lockPrinter() {
  if (params.fix) {
    const mine = nextTicket.add(1); // my place in the line
    while (nowServing.value !== mine) sleep(0.2);
  } else {
    while (taken.compareExchange(0, 1) !== 0) sleep(0.2); // try, nap, try again
  }
}

function unlockPrinter() {
  if (params.fix) nowServing.add(1); // call the next number
  else taken.value = 0; // free, but nobody is told
}

export function thread(id) {
  for (;;) {
    lockPrinter();
    const more = jobsLeft.value > 0;
    if (more) {
      work(1); // print one page
      printedBy.add(id, 1);
      jobsLeft.value -= 1;
    }
    unlockPrinter();
    if (!more) break;
  }
  print(\`thread \${id} printed \${printedBy.get(id)} jobs\`);
}

export function check() {
  const counts = [0, 1, 2].map((i) => printedBy.get(i));
  const fairShare = JOBS / 3;
  return (
    Math.min(...counts) >= fairShare / 2 ||
    \`unfair: the threads printed \${counts.join(', ')} jobs; each should get at least \${fairShare / 2} of \${JOBS}\`
  );
}
`,
  knobs: [{ id: 'fix', label: 'Use a ticket lock', kind: 'boolean', default: false }],
  expect: { bug: 'check-failed', fix: 'ok' },
  explain: {
    tryThis:
      'Run it: one thread prints all 150 jobs while the other two never get the printer. Turn on the fix: about 50 each, in rotation.',
    watch:
      'One lane runs without a break; the other two are a long row of tiny sleeps, each a failed attempt. With tickets, the three lanes take turns.',
    why: "The home-made lock is free only for the instant between one job's unlock and the same thread's next lock, a few microseconds. The others look at it every 0.2 ms, so they almost never look during that instant. Nothing is broken and nobody is blocked forever, yet two threads make no progress: that is starvation. Real locks have the same leaning on a smaller scale: releasing a lock does not hand it to the longest waiter, and a thread that asks again at once often wins (the Lock of Python and of Interleave make no fairness promise).",
    fix: 'Serve the threads in order of arrival. A ticket lock does it with two counters: each thread atomically takes the next number and waits until nowServing reaches it; unlocking calls the next number, so the thread that just printed goes to the back of the line. A Queue of jobs or a Condition with a turn counter work too. Fairness costs a little throughput: every job now waits for a hand-over.',
    python:
      'next_ticket = itertools.count()\nnow_serving = 0\n\ndef lock_printer():\n    mine = next(next_ticket)        # atomic in CPython\n    while now_serving != mine:\n        time.sleep(0.0002)\n\ndef unlock_printer():\n    global now_serving\n    now_serving += 1',
  },
};
