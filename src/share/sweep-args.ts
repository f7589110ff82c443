import type { ParamValue, SweepOptions } from '../runtime/contract-types';
import { isParamKey, isParamValue, isRecord } from './state-fields';

/** Bounds of a sweep a host may ask for: enough for any lesson, too little to hang the page. */
export const SWEEP_LIMITS = {
  threadCounts: 12,
  maxThreads: 64,
  maxRepeats: 20,
  varyValues: 6,
} as const;

/** The checked sweep options, or a sentence saying what is wrong with them. */
export function sweepOptionsArg(value: unknown): SweepOptions | string {
  if (!isRecord(value)) return 'the options must be an object.';
  const options: SweepOptions = {};
  for (const [key, field] of Object.entries(value)) {
    if (key === 'threads') {
      const valid =
        Array.isArray(field) &&
        field.length >= 1 &&
        field.length <= SWEEP_LIMITS.threadCounts &&
        field.every((n) => Number.isInteger(n) && n >= 1 && n <= SWEEP_LIMITS.maxThreads);
      if (!valid)
        return `"threads" must list 1 to ${SWEEP_LIMITS.threadCounts} thread counts, each from 1 to ${SWEEP_LIMITS.maxThreads}.`;
      options.threads = field as number[];
    } else if (key === 'repeats') {
      if (
        !Number.isInteger(field) ||
        (field as number) < 1 ||
        (field as number) > SWEEP_LIMITS.maxRepeats
      )
        return `"repeats" must be an integer from 1 to ${SWEEP_LIMITS.maxRepeats}.`;
      options.repeats = field as number;
    } else if (key === 'vary') {
      const vary = varyArg(field);
      if (typeof vary === 'string') return vary;
      options.vary = vary;
    } else {
      return `unknown option "${key.slice(0, 40)}"; the options are threads, repeats and vary.`;
    }
  }
  return options;
}

function varyArg(value: unknown): Record<string, ParamValue[]> | string {
  const entries = isRecord(value) ? Object.entries(value) : [];
  const [entry] = entries;
  const valid =
    entries.length === 1 &&
    entry !== undefined &&
    isParamKey(entry[0]) &&
    Array.isArray(entry[1]) &&
    entry[1].length >= 1 &&
    entry[1].length <= SWEEP_LIMITS.varyValues &&
    entry[1].every(isParamValue);
  if (!valid || !entry)
    return `"vary" must name one knob with 1 to ${SWEEP_LIMITS.varyValues} values (numbers, booleans or short strings).`;
  return Object.fromEntries([[entry[0], entry[1] as ParamValue[]]]);
}
