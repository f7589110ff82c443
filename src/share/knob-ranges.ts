import type { ParamValue, State } from '../runtime/contract-types';
import type { KnobRange } from './state-fields';

/**
 * The state with every number knob held to the range its demo declares, and one sentence per
 * knob that was moved. A link or a host page may ask for anything (`threads: 64` where the demo
 * allows 16, `iterations: 1e12`); what runs is always something the demo's author meant to allow.
 */
export function clampToRanges(
  state: State,
  ranges: Record<string, KnobRange> | undefined,
): { state: State; problems: string[] } {
  const params = state.params;
  if (!params || !ranges) return { state, problems: [] };
  const problems: string[] = [];
  const clamped: [string, ParamValue][] = Object.entries(params).map(([key, value]) => {
    const range = Object.hasOwn(ranges, key) ? ranges[key] : undefined;
    if (!range || typeof value !== 'number') return [key, value];
    const held = Math.min(range.max, Math.max(range.min, value));
    if (held !== value)
      problems.push(
        `${key}: ${formatNumber(value)} is outside ${range.min}–${range.max}; using ${held}.`,
      );
    return [key, held];
  });
  if (problems.length === 0) return { state, problems };
  return { state: { ...state, params: Object.fromEntries(clamped) }, problems };
}

/** Large numbers in exponent form (1e12), so a hostile value cannot flood the notice. */
function formatNumber(value: number): string {
  return Math.abs(value) >= 1e6 ? value.toExponential().replace('+', '') : String(value);
}
