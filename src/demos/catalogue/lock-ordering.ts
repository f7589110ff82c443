import type { DemoDefinition } from '../types';

export const lockOrdering: DemoDefinition = {
  id: 'lock-ordering',
  topic: 'deadlocks',
  title: 'Lock ordering: bank transfers',
  concepts: ['deadlock', 'lock ordering', 'Lock', 'invariant'],
  summary:
    'Transfers lock "from" then "to"; four transfers in a circle deadlock. Lock in account order instead.',
  source: `const ACCOUNTS = 4;
const balances = new SharedArray(ACCOUNTS, 1000);
const locks = Array.from({ length: ACCOUNTS }, (_, i) => new Lock({ name: \`account\${i}\` }));

function transfer(from, to, amount) {
  // The fix: always lock the lower-numbered account first, whatever the direction.
  const [first, second] = params.fix && to < from ? [to, from] : [from, to];
  locks[first].with(() => {
    sleep(2); // read the first account's record
    locks[second].with(() => {
      balances.add(from, -amount);
      balances.add(to, amount);
    });
  });
}

const opening = new Barrier(ACCOUNTS); // the tellers start together when the bank opens

export const threads = ACCOUNTS;

// Thread i pays account i + 1 (the last pays account 0): a circle of transfers.
export function thread(id) {
  opening.wait();
  for (let i = 0; i < 10; i++) transfer(id, (id + 1) % ACCOUNTS, 1 + Math.floor(random() * 50));
}

export function check() {
  let total = 0;
  for (let i = 0; i < ACCOUNTS; i++) total += balances.get(i);
  return total === ACCOUNTS * 1000 || \`money is not conserved: \${total} instead of \${ACCOUNTS * 1000}\`;
}
`,
  knobs: [{ id: 'fix', label: 'Lock accounts in index order', kind: 'boolean', default: false }],
  expect: { bug: 'deadlock', fix: 'ok' },
  explain: {
    tryThis:
      'Run it: four threads each hold one account and wait for the next, all round the circle. Then switch to Step mode: step each thread through the opening barrier and its first lock, and watch the headers turn one by one to "waits for …, held by …" until no lane can move. With the fix, try the same clicks: one lane can always still be stepped. Turn on the fix: every transfer finishes and the total is still 4000.',
    watch:
      'The wait-for graph is a ring of four: T0 waits for account1 held by T1, which waits for account2, and so on back to T0. On the step timeline the hatched bars are the waits, each labelled with the lock and its holder.',
    why: 'Locking "the account I pay from, then the one I pay to" depends on the direction of the transfer, so transfers in a circle take the locks in a circle. When each thread has its first lock, every second lock is held by the next thread in the ring.',
    fix: 'Give the locks a global order (here the account number) and always take the lower one first. The last thread then waits for account0 before taking account3, the ring has a break, and one thread can always finish. The sums stay right because both balances change under both locks.',
    python:
      'def transfer(a, b, amount):\n    first, second = sorted((a, b))   # one global order\n    with locks[first]:\n        with locks[second]:\n            balances[a] -= amount\n            balances[b] += amount',
  },
};
