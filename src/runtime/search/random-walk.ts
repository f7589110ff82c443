import { plannedScheduler } from '../step';
import { seededRandom } from '../worker/kernel';
import type { Strategy } from './strategy';

/**
 * Random walk: every step picks uniformly among the threads that can move. Each run is a plan
 * (`walk` with a seed), so its steps are chosen by the threads themselves.
 */
export function createRandomWalk(seed: number): Strategy {
  // One stream for the whole search hands each run its seed: no two runs repeat by construction.
  const random = seededRandom(seed, 0x5eed);
  return {
    name: 'random',
    next: () => plannedScheduler({ then: 'walk', seed: seedOf(random()) }),
    learn: () => {},
    complete: () => false,
  };
}

/** A run's 32-bit seed from a draw of the search's stream. */
export function seedOf(draw: number): number {
  return Math.floor(draw * 4294967296) >>> 0;
}
