import { isRecord } from './state-fields';

/**
 * One step of the link format's history: turns a state object written at version `n` into one
 * at `n + 1`. It receives untrusted JSON and may throw; the decoder treats a throw as damage.
 */
export type Migration = (raw: Record<string, unknown>) => Record<string, unknown>;

/**
 * The link format's history: entry `i` upgrades version `i + 1` to `i + 2`. Links are public and
 * live in course pages for years, so a format change appends an entry here and never edits or
 * removes one; the version a link carries says where in this list its upgrade starts.
 */
export const MIGRATIONS: readonly Migration[] = [];

/** The version `encodeState` writes. */
export const CURRENT_VERSION = MIGRATIONS.length + 1;

/** What the `v` field of a state object says. */
export type VersionReading =
  { kind: 'known'; version: number; problem?: string } | { kind: 'future'; version: number };

/**
 * Reads `v`: missing means 1 (the first links carried none); a value that is not a positive
 * integer is read as 1 with a problem, so the remaining fields still get their chance.
 */
export function readVersion(
  raw: Record<string, unknown>,
  current = CURRENT_VERSION,
): VersionReading {
  const v = raw.v;
  if (v === undefined) return { kind: 'known', version: 1 };
  if (!Number.isSafeInteger(v) || (v as number) < 1)
    return {
      kind: 'known',
      version: 1,
      problem: 'The link has an unreadable version; read as version 1.',
    };
  const version = v as number;
  return version > current ? { kind: 'future', version } : { kind: 'known', version };
}

/**
 * Runs the migrations from `version` to the last one, returning an object at the current version
 * (`v` included), or `null` when a migration throws or returns something other than an object.
 */
export function upgrade(
  raw: Record<string, unknown>,
  version: number,
  migrations: readonly Migration[] = MIGRATIONS,
): Record<string, unknown> | null {
  let current: unknown = raw;
  try {
    for (const migrate of migrations.slice(version - 1)) {
      if (!isRecord(current)) return null;
      current = migrate(current);
    }
  } catch {
    return null;
  }
  return isRecord(current) ? { ...current, v: migrations.length + 1 } : null;
}
