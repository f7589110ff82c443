import { COMMON_KNOB_VALUES } from './common-knobs';

// `State`, the share link's content (docs/contracts.md), described once: each field with the
// reader that checks it. The type is derived from the readers, and src/share reads links, drafts
// and host messages with them, so the type and the validation cannot drift apart.

export type ParamValue = number | boolean | string;

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

/**
 * Reads one field's raw value: the value to keep, or undefined after pushing onto `problems` a
 * sentence for the learner saying what was wrong and what happens instead.
 */
type Reader<T> = (raw: unknown, problems: string[]) => T | undefined;

type Field<T, Required extends boolean> = { required: Required; read: Reader<T> };

const required = <T>(read: Reader<T>): Field<T, true> => ({ required: true, read });
const optional = <T>(read: Reader<T>): Field<T, false> => ({ required: false, read });

const DEMO_ID = /^[a-z0-9][a-z0-9_-]{0,63}$/i;
/** Knob ids are identifiers; starting with a letter also rules out `__proto__`. */
const PARAM_KEY = /^[a-z][a-z0-9_]{0,63}$/i;

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

/** A short quoted list for messages; long lists are cut so a hostile link cannot flood the UI. */
export function listOf(names: string[]): string {
  const shown = names.slice(0, 5).map((name) => JSON.stringify(name.slice(0, 40)));
  return names.length > 5 ? `${shown.join(', ')} and ${names.length - 5} more` : shown.join(', ');
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
    const common = Object.hasOwn(COMMON_KNOB_VALUES, key) ? COMMON_KNOB_VALUES[key] : undefined;
    if (isParamKey(key) && isParamValue(value) && (!common || common(value)))
      kept.push([key, value]);
    else dropped.push(key);
  }
  if (dropped.length > 0)
    problems.push(`Invalid knob settings were reset to their defaults: ${listOf(dropped)}.`);
  // fromEntries defines own properties, so no key can reach Object.prototype.
  return kept.length > 0 ? Object.fromEntries(kept) : undefined;
}

function readSchedule(raw: unknown, problems: string[]): number[] | undefined {
  const valid =
    Array.isArray(raw) &&
    raw.length <= STATE_LIMITS.scheduleSteps &&
    raw.every((step) => Number.isInteger(step) && step >= 0 && step <= STATE_LIMITS.maxThreadId);
  if (valid) return raw as number[];
  problems.push(
    `The step schedule is not a list of at most ${STATE_LIMITS.scheduleSteps} thread ids; it was dropped.`,
  );
  return undefined;
}

/** Every field of `State`, in the order a link lists them. */
export const STATE_SCHEMA = {
  /** The format version; older versions are upgraded before they are read (share/migrations.ts). */
  v: required((raw): 1 | undefined => (raw === 1 ? 1 : undefined)),
  /** A catalogue id; a link with a bad one opens the default demo, so it has no sentence here. */
  demo: required((raw) => (isDemoId(raw) ? raw : undefined)),
  /** The program replacing the demo's own. */
  code: optional((raw, problems) => {
    if (typeof raw !== 'string') problems.push('The program in the link is not text.');
    else if (raw.length > STATE_LIMITS.codeChars)
      problems.push(`The program is longer than ${STATE_LIMITS.codeChars} characters.`);
    else return raw;
    return undefined;
  }),
  /** Knob settings that differ from the demo's defaults. */
  params: optional(readParams),
  mode: optional((raw, problems): 'parallel' | 'step' | undefined => {
    if (raw === 'parallel' || raw === 'step') return raw;
    problems.push('The run mode is neither "parallel" nor "step"; using "parallel".');
    return undefined;
  }),
  /** Step mode: the thread id of each step, in order. */
  schedule: optional(readSchedule),
};

type Schema = typeof STATE_SCHEMA;
type ValueOf<F> = F extends Field<infer T, boolean> ? T : never;
type RequiredKeys = {
  [K in keyof Schema]: Schema[K]['required'] extends true ? K : never;
}[keyof Schema];
type OptionalKeys = Exclude<keyof Schema, RequiredKeys>;

/** The optional fields, read one by one (`v` and `demo` have rules of their own). */
export const OPTIONAL_FIELDS = (Object.keys(STATE_SCHEMA) as (keyof Schema)[]).filter(
  (key): key is OptionalKeys => !STATE_SCHEMA[key].required,
);

/** One object type instead of an intersection, so editors show the fields. */
type Flat<T> = { [K in keyof T]: T[K] };

/** What a share link holds (docs/contracts.md). `code` absent means the demo's own program. */
export type State = Flat<
  { [K in RequiredKeys]: ValueOf<Schema[K]> } & { [K in OptionalKeys]?: ValueOf<Schema[K]> }
>;
