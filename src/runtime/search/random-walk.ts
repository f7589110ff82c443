import { seededRandom } from '../worker/kernel';
import { choicesOf } from './choices';
import { pickUniform, type Strategy } from './strategy';

/** Random walk: every step picks uniformly among the threads that can move. */
export function createRandomWalk(seed: number): Strategy {
  // One stream for the whole search: each run continues it, so no two runs repeat by construction.
  const random = seededRandom(seed, 0x5eed);
  return {
    name: 'random',
    next: () => (view) => pickUniform(choicesOf(view), random()),
    learn: () => {},
    complete: () => false,
  };
}
