import type { ParamValue, State } from '../runtime/contract-types';
import { isRecord, listOf, OPTIONAL_FIELDS, STATE_SCHEMA } from '../runtime/state-schema';

export {
  isDemoId,
  isParamKey,
  isParamValue,
  isRecord,
  STATE_LIMITS,
} from '../runtime/state-schema';

/**
 * What a demo contributes to a share link: the program it runs when `code` is absent and its knob
 * defaults. Links hold only what differs from these.
 */
export type DemoDefaults = {
  source: string;
  params: Record<string, ParamValue>;
  /** The declared range of each number knob: links and host pages are held to it. */
  ranges?: Record<string, KnobRange>;
};

/** The bounds a number knob declares. */
export type KnobRange = { min: number; max: number };

/** Finds a demo's defaults by id; `undefined` means the catalogue has no such demo. */
export type DemoLookup = (demoId: string) => DemoDefaults | undefined;

/** The outcome of reading a state field by field. */
export type StateReading = {
  /** Every field that passed, over the defaults of those that did not. */
  state: State;
  /** One sentence per field other than `demo` that was dropped or repaired. */
  problems: string[];
  /** False when `demo` was missing or not an id: `state.demo` is then the fallback. */
  demoValid: boolean;
};

/**
 * Reads the fields of a state object (already at the current version), keeping each valid field
 * and dropping each invalid one with a sentence saying why. Never throws.
 */
export function readState(raw: Record<string, unknown>, fallbackDemo: string): StateReading {
  const problems: string[] = [];
  const demo = STATE_SCHEMA.demo.read(raw.demo, problems);
  const state: State = { v: 1, demo: demo ?? fallbackDemo };
  for (const key of OPTIONAL_FIELDS) {
    if (raw[key] === undefined) continue;
    const value = STATE_SCHEMA[key].read(raw[key], problems);
    // Each key's reader yields that key's type; TypeScript cannot pair them across a loop.
    if (value !== undefined) Object.assign(state, { [key]: value });
  }
  const unknown = Object.keys(raw).filter((key) => !Object.hasOwn(STATE_SCHEMA, key));
  if (unknown.length > 0) problems.push(`Unknown fields were ignored: ${listOf(unknown)}.`);
  return { state, problems, demoValid: demo !== undefined };
}

/**
 * Drops the settings whose type differs from the demo's knob of the same id (a number where the
 * demo has a switch), with a sentence saying so. Settings the demo does not declare are kept: a
 * learner's own program may read them.
 */
export function matchKnobTypes(state: State, defaults: DemoDefaults, problems: string[]): State {
  if (!state.params) return state;
  const mismatched = Object.keys(state.params).filter((key) => {
    const known = Object.hasOwn(defaults.params, key) ? defaults.params[key] : undefined;
    return known !== undefined && typeof known !== typeof state.params?.[key];
  });
  if (mismatched.length === 0) return state;
  problems.push(`Knob settings of the wrong type were reset: ${listOf(mismatched)}.`);
  const params = Object.fromEntries(
    Object.entries(state.params).filter(([key]) => !mismatched.includes(key)),
  );
  const { params: _dropped, ...rest } = state;
  return Object.keys(params).length > 0 ? { ...rest, params } : rest;
}

/**
 * Whether `value` is a well-formed current-version state with nothing to repair: what every
 * decoded link, loaded draft and accepted message must satisfy.
 */
export function isValidState(value: unknown): value is State {
  if (!isRecord(value) || value.v !== 1) return false;
  const { state, problems, demoValid } = readState(value, '');
  return (
    demoValid && problems.length === 0 && Object.keys(value).length === Object.keys(state).length
  );
}
