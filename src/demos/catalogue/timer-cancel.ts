import type { DemoDefinition } from '../types';

export const timerCancel: DemoDefinition = {
  id: 'timer-cancel',
  topic: 'basics',
  title: 'Timer: run later, or not at all',
  concepts: ['Timer', 'cancel', 'timeout', 'delayed execution'],
  summary:
    'A "still working…" warning is scheduled for later and cancelled if the job finishes first.',
  source: `const WARN_AFTER_MS = 100;
const warnings = new SharedInt(0);
const reminders = new SharedInt(0);

export function warnSlow(job) {
  warnings.add(1);
  print(\`\${job} is taking longer than \${WARN_AFTER_MS} ms…\`);
}

export function remind() {
  reminders.add(1);
  print('reminder: the nightly backup starts soon');
}

export function main() {
  new Timer(50, remind).start(); // fires once, 50 ms from now

  const warning = new Timer(WARN_AFTER_MS, warnSlow, 'export');
  warning.start();
  sleep(params.jobMs); // the job itself
  warning.cancel(); // harmless if the timer already fired
  print(\`export finished after \${params.jobMs} ms\`);
}

export function check() {
  const shouldWarn = params.jobMs > WARN_AFTER_MS;
  if (reminders.value !== 1) return \`the reminder fired \${reminders.value} times, expected once\`;
  return (
    warnings.value === (shouldWarn ? 1 : 0) ||
    \`a \${params.jobMs} ms job gave \${warnings.value} warnings with a \${WARN_AFTER_MS} ms timer\`
  );
}
`,
  knobs: [
    {
      id: 'jobMs',
      label: 'Job duration (ms)',
      kind: 'number',
      default: 60,
      min: 10,
      max: 300,
      step: 10,
      help: 'Above 100 ms the warning timer fires before the job cancels it.',
    },
  ],
  expect: { default: 'ok' },
  explain: {
    tryThis:
      'Set the job duration to 200 ms: the warning appears in the middle of the job. At 60 ms it is cancelled and never shows.',
    watch:
      'Each timer is a thread of its own: its lane waits out the delay, then runs the function, unless cancel() reached it first, in which case the lane just ends.',
    why: 'A Timer is a thread that sleeps for the delay and then calls the function once. cancel() only works while it is still waiting: it cannot stop a function that has started. Timers suit one-off deadlines and delayed actions; for repeating work, use a thread with a loop (or a timer that restarts itself).',
    python:
      'threading.Timer(0.05, remind).start()\nwarning = threading.Timer(0.1, warn_slow, args=("export",))\nwarning.start()\nrun_export()\nwarning.cancel()',
  },
};
