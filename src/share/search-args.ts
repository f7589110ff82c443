import type { SearchOptions, SearchProgress, SearchStrategyName } from '../runtime/contract-types';
import { isRecord } from './state-fields';

/**
 * What a host page may ask of a search: the program model's own bounds on depth and preemptions
 * (docs/programs.md), and a budget large enough for any lesson but too small to keep the page busy
 * for long.
 */
export const SEARCH_LIMITS = {
  maxDepth: 3,
  maxPreemptions: 6,
  maxRuns: 100_000,
  maxMs: 120_000,
} as const;

const STRATEGIES: readonly SearchStrategyName[] = ['pct', 'random', 'exhaustive'];

const wholeIn = (value: unknown, lo: number, hi: number): value is number =>
  Number.isInteger(value) && (value as number) >= lo && (value as number) <= hi;

/** The checked search options, or a sentence saying what is wrong with them. */
export function searchOptionsArg(value: unknown): SearchOptions | string {
  if (!isRecord(value)) return 'the options must be an object.';
  const options: SearchOptions = {};
  for (const [key, field] of Object.entries(value)) {
    if (key === 'strategy') {
      if (!STRATEGIES.includes(field as SearchStrategyName))
        return `"strategy" must be one of ${STRATEGIES.join(', ')}.`;
      options.strategy = field as SearchStrategyName;
    } else if (key === 'depth') {
      if (!wholeIn(field, 1, SEARCH_LIMITS.maxDepth))
        return `"depth" must be an integer from 1 to ${SEARCH_LIMITS.maxDepth}.`;
      options.depth = field;
    } else if (key === 'preemptions') {
      if (!wholeIn(field, 0, SEARCH_LIMITS.maxPreemptions))
        return `"preemptions" must be an integer from 0 to ${SEARCH_LIMITS.maxPreemptions}.`;
      options.preemptions = field;
    } else if (key === 'maxRuns') {
      if (!wholeIn(field, 1, SEARCH_LIMITS.maxRuns))
        return `"maxRuns" must be an integer from 1 to ${SEARCH_LIMITS.maxRuns}.`;
      options.maxRuns = field;
    } else if (key === 'maxMs') {
      if (typeof field !== 'number' || !(field > 0 && field <= SEARCH_LIMITS.maxMs))
        return `"maxMs" must be a number of milliseconds above 0, at most ${SEARCH_LIMITS.maxMs}.`;
      options.maxMs = field;
    } else {
      return `unknown option "${key.slice(0, 40)}"; the options are strategy, depth, preemptions, maxRuns and maxMs.`;
    }
  }
  return options;
}

export type SearchProgressEvent = { type: 'interleave:search-progress' } & SearchProgress;

/** The event the frame posts to its host as a search goes on. */
export function searchProgressEvent(progress: SearchProgress): SearchProgressEvent {
  return { type: 'interleave:search-progress', ...progress };
}
