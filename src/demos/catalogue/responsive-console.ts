import type { DemoDefinition } from '../types';

export const responsiveConsole: DemoDefinition = {
  id: 'responsive-console',
  topic: 'pools',
  title: 'A responsive console',
  concepts: ['background thread', 'Queue', 'Event', 'input', 'graceful shutdown'],
  summary:
    'A background worker runs submitted tasks while the main thread keeps answering commands.',
  source: `const tasks = new Queue();
const results = new Queue();
const stop = new Event();
const submitted = new SharedInt(0);
const completed = new SharedInt(0);

// The background worker: checks for a stop request at least every 50 ms.
export function backgroundWorker() {
  while (!stop.isSet()) {
    let task;
    try {
      task = tasks.get(50);
    } catch (error) {
      if (error instanceof QueueEmpty) continue;
      throw error;
    }
    sleep(150); // the slow part
    results.put(\`completed: \${task}\`);
    completed.add(1);
    tasks.taskDone();
  }
}

// With interactive off, a scripted user types these, one every 60 ms.
const script = ['submit resize photos', 'submit send newsletter', 'results', 'submit backup', 'results', 'quit'];

function nextCommand(step) {
  if (params.interactive) return input('> ').trim();
  sleep(60);
  const line = script[step] ?? 'quit';
  print(\`> \${line}\`);
  return line;
}

export function main() {
  const worker = new Thread(backgroundWorker);
  worker.daemon = true;
  worker.start();
  print('commands: submit <task>, results, quit');
  for (let step = 0; ; step++) {
    while (!results.empty()) print(results.get()); // report whatever finished meanwhile
    const line = nextCommand(step);
    if (line === 'quit') break;
    if (line === 'results') print(\`\${tasks.qsize()} waiting, \${completed.value} completed\`);
    else if (line.startsWith('submit ')) {
      tasks.put(line.slice(7));
      submitted.add(1);
      print(\`submitted: \${line.slice(7)}\`);
    } else if (line !== '') print('unknown command');
  }
  print('finishing the submitted tasks…');
  tasks.join(); // every submitted task marked done
  while (!results.empty()) print(results.get());
  stop.set();
  worker.join(1000);
  print('goodbye');
}

export function check() {
  return (
    completed.value === submitted.value ||
    \`\${completed.value} of \${submitted.value} submitted tasks completed\`
  );
}
`,
  knobs: [
    {
      id: 'interactive',
      label: 'Type the commands yourself',
      kind: 'boolean',
      default: false,
      help: 'Off: a scripted session types the commands, so the demo runs unattended.',
    },
  ],
  expect: { default: 'ok' },
  explain: {
    tryThis:
      'Run it as scripted, then turn on interactive and type: submit a few tasks, ask for results while they run, then quit.',
    watch:
      'The main lane answers each command within a moment while the worker lane is busy with a 150 ms task; finished results show up at the next prompt.',
    why: 'If main ran each task itself, every command would wait behind the slow work. Handing tasks to a background thread through a Queue keeps main free to answer. The worker polls with get(timeout) so it notices the stop Event even when idle; at quit, tasks.join() waits for the work already submitted before the worker is stopped.',
    fix: 'Shut down in order: stop accepting input, wait for submitted work (join the queue), signal stop, then join the worker with a timeout. Making the worker a daemon is the safety net if it never stops.',
    python:
      'tasks, results, stop = queue.Queue(), queue.Queue(), threading.Event()\n\ndef background():\n    while not stop.is_set():\n        try:\n            task = tasks.get(timeout=0.05)\n        except queue.Empty:\n            continue\n        time.sleep(0.15)\n        results.put(f"completed: {task}")\n        tasks.task_done()\n\nthreading.Thread(target=background, daemon=True).start()\nwhile (line := input("> ")) != "quit":\n    ...',
  },
};
