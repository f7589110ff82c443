import type { Knob } from '../demos/types';
import type { ParamValue } from './contract-types';
import { MAX_THREADS } from './spawn';

// The knobs every program has, whatever its demo (docs/programs.md, Knobs): one definition for the
// session's defaults, the link's validation and the workbench's controls.

/**
 * The common knobs the workbench shows after a demo's own. `threads` is not among them: its
 * default comes from the program (`export const threads`), and a demo that lets the learner
 * change it declares it with its own range.
 */
export const COMMON_KNOBS: readonly Knob[] = [
  {
    id: 'gil',
    label: 'GIL: one thread runs at a time',
    kind: 'boolean',
    default: false,
    help: 'As in CPython: released by sleep() and blocking calls.',
  },
  { id: 'seed', label: 'Random seed', kind: 'number', default: 1, min: 0, max: 1_000_000 },
];

/** The defaults of the common knobs, under a demo's own. */
export const COMMON_DEFAULTS: Readonly<Record<string, ParamValue>> = Object.fromEntries(
  COMMON_KNOBS.map((knob) => [knob.id, knob.default]),
);

/**
 * What a common knob accepts from a link or a host page, whatever the demo. Looser than the
 * controls' ranges where a hand-written link may reasonably go further (any integer seed).
 */
export const COMMON_KNOB_VALUES: Readonly<Record<string, (value: ParamValue) => boolean>> = {
  threads: (value) =>
    Number.isInteger(value) && (value as number) >= 1 && (value as number) <= MAX_THREADS,
  gil: (value) => typeof value === 'boolean',
  seed: (value) => Number.isSafeInteger(value),
};
