import type { ParamValue, State } from '../runtime/contract-types';

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

/**
 * Bounds on what a state may hold. They keep a hostile link or message from making the page
 * allocate or render without limit; a learner's real program is far below each of them.
 */
export const STATE_LIMITS = {
  codeChars: 200_000,
  paramKeys: 64,
  paramStringChars: 200,
  scheduleSteps: 100_000,
  /** Highest thread id a schedule may name: well above any pool the runtime will start. */
  maxThreadId: 255,
} as const;

const DEMO_ID = /^[a-z0-9][a-z0-9_-]{0,63}$/i;
/** Knob ids are identifiers; starting with a letter also rules out `__proto__`. */
const PARAM_KEY = /^[a-z][a-z0-9_]{0,63}$/i;
const FIELDS = new Set(['v', 'demo', 'code', 'params', 'mode', 'schedule']);

/** Bounds of the knobs every program has (DESIGN.md §2), whatever the demo. */
const COMMON_PARAMS: Record<string, (value: ParamValue) => boolean> = {
  threads: (value) => Number.isInteger(value) && (value as number) >= 1 && (value as number) <= 64,
  gil: (value) => typeof value === 'boolean',
  seed: (value) => Number.isSafeInteger(value),
};

/** Whether `value` is a string usable as a demo id in a link. */
export function isDemoId(value: unknown): value is string {
  return typeof value === 'string' && DEMO_ID.test(value);
}

/** Whether `key` is usable as a knob id. */
export function isParamKey(key: string): boolean {
  return PARAM_KEY.test(key);
}

/** Whether `value` is a knob value a link may carry: a finite number, a boolean or a short string. */
export function isParamValue(value: unknown): value is ParamValue {
  return (
    typeof value === 'boolean' ||
    (typeof value === 'number' && Number.isFinite(value)) ||
    (typeof value === 'string' && value.length <= STATE_LIMITS.paramStringChars)
  );
}

/** Whether `value` is a plain JSON object (not an array, not null). */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

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
  const demoValid = isDemoId(raw.demo);
  const state: State = { v: 1, demo: demoValid ? (raw.demo as string) : fallbackDemo };

  if (raw.code !== undefined) {
    if (typeof raw.code !== 'string') problems.push('The program in the link is not text.');
    else if (raw.code.length > STATE_LIMITS.codeChars)
      problems.push(`The program is longer than ${STATE_LIMITS.codeChars} characters.`);
    else state.code = raw.code;
  }
  if (raw.params !== undefined) {
    const params = readParams(raw.params, problems);
    if (params) state.params = params;
  }
  if (raw.mode !== undefined) {
    if (raw.mode === 'parallel' || raw.mode === 'step') state.mode = raw.mode;
    else problems.push('The run mode is neither "parallel" nor "step"; using "parallel".');
  }
  if (raw.schedule !== undefined) {
    if (isSchedule(raw.schedule)) state.schedule = raw.schedule;
    else
      problems.push(
        `The step schedule is not a list of at most ${STATE_LIMITS.scheduleSteps} thread ids; it was dropped.`,
      );
  }
  const unknown = Object.keys(raw).filter((key) => !FIELDS.has(key));
  if (unknown.length > 0) problems.push(`Unknown fields were ignored: ${listOf(unknown)}.`);
  return { state, problems, demoValid };
}

function readParams(raw: unknown, problems: string[]): Record<string, ParamValue> | undefined {
  if (!isRecord(raw)) {
    problems.push('The knob settings are not a record; using the defaults.');
    return undefined;
  }
  const entries = Object.entries(raw);
  if (entries.length > STATE_LIMITS.paramKeys) {
    problems.push(`More than ${STATE_LIMITS.paramKeys} knob settings; using the defaults.`);
    return undefined;
  }
  const kept: [string, ParamValue][] = [];
  const dropped: string[] = [];
  for (const [key, value] of entries) {
    const common = COMMON_PARAMS[key];
    if (isParamKey(key) && isParamValue(value) && (!common || common(value)))
      kept.push([key, value]);
    else dropped.push(key);
  }
  if (dropped.length > 0)
    problems.push(`Invalid knob settings were reset to their defaults: ${listOf(dropped)}.`);
  // fromEntries defines own properties, so no key can reach Object.prototype.
  return kept.length > 0 ? Object.fromEntries(kept) : undefined;
}

function isSchedule(value: unknown): value is number[] {
  return (
    Array.isArray(value) &&
    value.length <= STATE_LIMITS.scheduleSteps &&
    value.every((step) => Number.isInteger(step) && step >= 0 && step <= STATE_LIMITS.maxThreadId)
  );
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

/** A short quoted list for messages; long lists are cut so a hostile link cannot flood the UI. */
function listOf(names: string[]): string {
  const shown = names.slice(0, 5).map((name) => JSON.stringify(name.slice(0, 40)));
  return names.length > 5 ? `${shown.join(', ')} and ${names.length - 5} more` : shown.join(', ');
}
