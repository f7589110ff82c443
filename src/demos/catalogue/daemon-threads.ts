import type { DemoDefinition } from '../types';

export const daemonThreads: DemoDefinition = {
  id: 'daemon-threads',
  topic: 'basics',
  title: 'Daemon threads: background work that does not hold up the exit',
  concepts: ['daemon thread', 'Thread', 'shutdown', 'thread lifecycle'],
  summary: 'A heartbeat loops forever; as a daemon it is dropped when the real work ends.',
  source: `const beats = new SharedInt(0);
const jobsDone = new SharedInt(0);

// Runs forever: only a daemon thread may do that without keeping the program alive.
export function heartbeat() {
  for (;;) {
    sleep(25);
    beats.add(1);
    print(\`heartbeat \${beats.value}\`);
  }
}

export function saveReports(count) {
  for (let i = 0; i < count; i++) {
    sleep(40); // write one report
    jobsDone.add(1);
    print(\`report \${i + 1} of \${count} saved\`);
  }
}

export function main() {
  const monitor = new Thread(heartbeat);
  monitor.daemon = params.daemon; // must be set before start()
  monitor.start();

  const saver = new Thread(saveReports, 4); // non-daemon: the run waits for it
  saver.start();
  print('main is done; the run ends when every non-daemon thread has ended');
}

export function check() {
  return jobsDone.value === 4 || \`only \${jobsDone.value} of 4 reports were saved\`;
}
`,
  knobs: [
    {
      id: 'daemon',
      label: 'Heartbeat is a daemon',
      kind: 'boolean',
      default: true,
      help: 'Off: the heartbeat keeps the run alive forever. Press Stop to end it.',
    },
  ],
  expect: { default: 'ok' },
  explain: {
    tryThis:
      'Run it: main ends at once, the reports are saved, and the run ends with the heartbeat still beating. Then turn the daemon knob off: the run never ends until you press Stop.',
    watch:
      'The main lane is the shortest. The run ends when the saver lane ends; the heartbeat lane is simply cut off there.',
    why: 'A program ends when its last non-daemon thread ends: main is not special. Daemon threads do not count, and whatever they were doing is abandoned mid-step (no finally blocks run). That suits background chores such as heartbeats, metrics or cache refreshes that have nothing to save.',
    fix: 'Make a thread a daemon only if killing it at any instant is harmless. For work that must finish or clean up, keep it non-daemon and stop it politely: set a stop Event that its loop checks, then join it with a timeout.',
    python:
      'monitor = threading.Thread(target=heartbeat, daemon=True)\nmonitor.start()\nsaver = threading.Thread(target=save_reports, args=(4,))\nsaver.start()\nprint("main is done")\n# the interpreter exits after saver; the daemon is dropped',
  },
};
