// What the lab's controls edit, parsed and checked without the DOM.
import type { LabPreset } from '../demos/types';
import type { ParamValue } from '../runtime/contract-types';

/** The most threads one point may ask for: beyond this the worker pool is the experiment. */
export const MAX_SWEEP_THREADS = 64;
export const MAX_REPEATS = 20;

export type Parsed<T> = { ok: true; value: T } | { ok: false; error: string };

/** "1, 2, 4 8" → [1, 2, 4, 8]: commas or spaces, ascending, no repeats, 1…MAX_SWEEP_THREADS. */
export function parseThreadList(text: string): Parsed<number[]> {
  const parts = text.split(/[\s,]+/).filter((p) => p !== '');
  if (parts.length === 0) return { ok: false, error: 'List at least one thread count.' };
  const values = parts.map(Number);
  const bad = parts.find((_, i) => {
    const n = values[i] as number;
    return !Number.isInteger(n) || n < 1 || n > MAX_SWEEP_THREADS;
  });
  if (bad !== undefined) {
    return { ok: false, error: `"${bad}" is not a whole number from 1 to ${MAX_SWEEP_THREADS}.` };
  }
  return { ok: true, value: [...new Set(values)].sort((a, b) => a - b) };
}

/** A knob's value as the lab shows it: booleans as on/off ("gil: on"). */
export const formatParamValue = (value: ParamValue): string =>
  typeof value === 'boolean' ? (value ? 'on' : 'off') : String(value);

/** The knobs the lab can vary with their values: the GIL always, plus what the preset varies. */
export function varyChoicesOf(preset: LabPreset | undefined): Record<string, ParamValue[]> {
  return { gil: [false, true], ...preset?.vary };
}
