import { expose } from 'comlink';
import { afterEach, describe, expect, it } from 'vitest';
import { WorkerPool } from './web-worker-pool';

// The pool over stand-in workers: each takes its control port from its first message, as a real
// program worker does, and answers `ready` unless it is told to stay loading.

type Fake = { id: number; terminated: boolean; port?: MessagePort; worker?: Worker };

function fakes(stillLoading: (id: number) => boolean = () => false) {
  const made: Fake[] = [];
  const create = (): Worker => {
    const fake: Fake = { id: made.length, terminated: false };
    made.push(fake);
    const worker = {
      postMessage(message: { port: MessagePort }) {
        fake.port = message.port;
        if (!stillLoading(fake.id)) expose({ ready: () => true, calibrate: () => 1 }, message.port);
      },
      terminate() {
        fake.terminated = true;
        fake.port?.close();
      },
    };
    fake.worker = worker as unknown as Worker;
    return fake.worker;
  };
  return { create, made };
}

const pools: WorkerPool[] = [];
afterEach(() => {
  for (const pool of pools.splice(0)) pool.dispose();
});

function poolOf(create: () => Worker, maxWarm?: number): WorkerPool {
  const pool = new WorkerPool(create, maxWarm);
  pools.push(pool);
  return pool;
}

async function until(ready: () => boolean): Promise<void> {
  for (let i = 0; i < 500 && !ready(); i++) await new Promise((r) => setTimeout(r, 10));
  expect(ready()).toBe(true);
}

describe('WorkerPool', () => {
  it('keeps a few warm, booted in batches, not the most it may keep', async () => {
    const { create, made } = fakes();
    const pool = poolOf(create, 16);
    await until(() => pool.idleCount === 8);
    expect(made).toHaveLength(8);
  });

  it('lends loaded workers before ones still loading', async () => {
    const { create, made } = fakes((id) => id === 0);
    const pool = poolOf(create, 4);
    await until(() => pool.idleCount === 4);
    await new Promise((r) => setTimeout(r, 50));
    const [lent] = pool.take(1);
    expect(made.findIndex((f) => f.worker === lent?.worker)).toBeGreaterThan(0);
    await expect(lent?.api.ready()).resolves.toBe(true);
  });

  it("gives a search's pool the runner pool's fresh workers, and refills the runner pool", async () => {
    const { create, made } = fakes();
    const pool = poolOf(create, 4);
    // Calibration borrows a worker once; the sibling shares its result.
    await pool.workItersPerMs();
    await until(() => pool.idleCount === 4);
    const own = pool.sibling();
    pools.push(own);
    const lent = own.take(2);
    expect(made).toHaveLength(4);
    expect(pool.idleCount).toBe(2);
    own.give(lent);
    expect(own.idleCount).toBe(2);
    await until(() => pool.idleCount === 4);
    own.dispose();
    expect(made.filter((f) => f.terminated)).toHaveLength(2);
  });

  it('terminates every worker a run used, and never lends it again', async () => {
    const { create, made } = fakes();
    const pool = poolOf(create, 4);
    await until(() => pool.idleCount === 4);
    const lent = pool.take(3);
    pool.retire(lent);
    expect(made.filter((f) => f.terminated)).toHaveLength(3);
    const again = pool.take(4);
    expect(again.some((w) => lent.includes(w))).toBe(false);
  });
});
