import type { DemoDefinition } from '../types';

export const threadLocal: DemoDefinition = {
  id: 'thread-local',
  topic: 'basics',
  title: 'Thread-local data: one connection per thread',
  concepts: ['thread-local', 'local', 'ThreadPool', 'per-thread state'],
  summary:
    'Pool threads each open one database connection and reuse it for every request they handle.',
  source: `const connectionsOpened = new SharedInt(0);
const mixUps = new SharedInt(0);

// What every thread sees as \`local\` is its own object: no locks needed.
function connection() {
  if (local.connection === undefined) {
    sleep(30); // opening a connection is slow
    local.connection = \`conn-\${threadName}\`;
    connectionsOpened.add(1);
  }
  return local.connection;
}

function log(message) {
  // The request id travels in thread-local data instead of through every call.
  print(\`[request \${local.requestId}] \${message}\`);
}

export function handleRequest(requestId) {
  local.requestId = requestId;
  const conn = connection();
  log(\`query on \${conn}\`);
  sleep(5 + random() * 10);
  if (local.requestId !== requestId) mixUps.add(1);
  log('done');
}

export function main() {
  const pool = new ThreadPool(params.workers);
  pool.map(handleRequest, Array.from({ length: 12 }, (_, i) => 100 + i));
  pool.shutdown();
  print(\`12 requests served with \${connectionsOpened.value} connections\`);
}

export function check() {
  if (mixUps.value > 0) return \`\${mixUps.value} requests saw another request's id\`;
  return (
    connectionsOpened.value <= params.workers ||
    \`\${connectionsOpened.value} connections opened for \${params.workers} threads\`
  );
}
`,
  knobs: [{ id: 'workers', label: 'Pool threads', kind: 'number', default: 3, min: 1, max: 12 }],
  expect: { default: 'ok' },
  explain: {
    tryThis:
      'Change the number of pool threads: the count of connections opened follows it, not the 12 requests.',
    watch:
      'Each pool lane pays for opening its connection once, on its first request; its later requests go straight to the query.',
    why: 'local is an object that has a separate value in every thread. A pool thread that stores its connection there finds it again on its next task, and no other thread can see or change it, so no lock is needed. The request id works the same way: helpers such as log read it without it being passed down every call. In Interleave every plain variable is already per-thread (only the shared types are shared), but in Python module globals are shared, which is why threading.local exists.',
    python:
      'data = threading.local()\n\ndef connection():\n    if not hasattr(data, "conn"):\n        data.conn = open_connection()\n    return data.conn\n\ndef handle(request_id):\n    data.request_id = request_id\n    connection().query(...)\n\nwith ThreadPoolExecutor(max_workers=3) as pool:\n    list(pool.map(handle, range(100, 112)))',
  },
};
