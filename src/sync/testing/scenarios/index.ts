import type { Scenario } from '../thread-context';
import { conditionScenarios } from './condition';
import { eventBarrierScenarios } from './event-barrier';
import { lockScenarios } from './locks';
import { queueScenarios } from './queue';
import { valueScenarios } from './values';

/** Every scenario a stress worker can run, by name. */
export const scenarios: Readonly<Record<string, Scenario>> = {
  ...lockScenarios,
  ...conditionScenarios,
  ...eventBarrierScenarios,
  ...queueScenarios,
  ...valueScenarios,
};
