import type { State } from '../runtime/contract-types';
import { readVersion, upgrade } from './migrations';
import { isRecord, readState } from './state-fields';
import type { DemoLookup } from './state-fields';
import { compactState } from './url-state';

/** The part of the Web Storage API the draft needs; `localStorage` is one. */
export type DraftStorage = {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
};

/** Where the draft lives. The suffix versions the storage format, not the link format. */
export const DRAFT_KEY = 'interleave:draft:v1';

/**
 * Saves the learner's work. Returns false when storage refuses (full, or blocked in a sandboxed
 * frame): the workbench keeps working and says the draft is not saved. The older draft is then
 * removed, so the next visit cannot restore it as if it were the learner's latest work.
 */
export function saveDraft(store: DraftStorage, state: State): boolean {
  try {
    store.setItem(DRAFT_KEY, JSON.stringify(state));
    return true;
  } catch {
    clearDraft(store);
    return false;
  }
}

/**
 * The saved draft, or `null` when there is none or it cannot be used (junk, a future format,
 * no demo). Bad fields are dropped as a link's would be. Never throws.
 */
export function loadDraft(store: DraftStorage): State | null {
  let text: string | null;
  try {
    text = store.getItem(DRAFT_KEY);
  } catch {
    return null;
  }
  if (!text) return null;
  let raw: unknown;
  try {
    raw = JSON.parse(text) as unknown;
  } catch {
    return null;
  }
  if (!isRecord(raw)) return null;
  const version = readVersion(raw);
  if (version.kind === 'future') return null;
  const current = upgrade(raw, version.version);
  if (!current) return null;
  const { state, demoValid } = readState(current, '');
  return demoValid ? state : null;
}

/** Forgets the draft; false when storage refuses. */
export function clearDraft(store: DraftStorage): boolean {
  try {
    store.removeItem(DRAFT_KEY);
    return true;
  } catch {
    return false;
  }
}

/**
 * Whether the draft holds work the incoming state would hide, so the UI should offer "restore your
 * draft" (an incoming link never overwrites the draft). Both sides are compared as links would
 * hold them: a knob left at its default equals a knob not set, the demo's own program equals no
 * code.
 */
export function draftDiffers(draft: State | null, state: State, lookup: DemoLookup): boolean {
  if (!draft) return false;
  const a = compactState(draft, lookup(draft.demo));
  const b = compactState(state, lookup(state.demo));
  return (
    a.demo !== b.demo ||
    a.code !== b.code ||
    a.mode !== b.mode ||
    !sameParams(a.params ?? {}, b.params ?? {}) ||
    (a.schedule ?? []).join() !== (b.schedule ?? []).join()
  );
}

function sameParams(a: Record<string, unknown>, b: Record<string, unknown>): boolean {
  const keys = Object.keys(a);
  return (
    keys.length === Object.keys(b).length &&
    keys.every((key) => Object.hasOwn(b, key) && a[key] === b[key])
  );
}
