import { compressToEncodedURIComponent, decompressFromEncodedURIComponent } from 'lz-string';
import type { State } from '../runtime/contract-types';
import { FLAG_NAMES, type Flags } from './flags';
import { clampToRanges } from './knob-ranges';
import { readVersion, upgrade } from './migrations';
import { isRecord, matchKnobTypes, readState } from './state-fields';
import type { DemoDefaults, DemoLookup } from './state-fields';

/**
 * How a share link decoded. Every status comes with a usable `state`:
 * - `ok`: read as written; `partial`: some fields were bad and fell back to their defaults;
 * - `damaged`: unreadable, or names no demo we have (the default demo is loaded);
 * - `too-large`, `future-version` (written by a newer Interleave): the default demo is loaded;
 * - `absent`: no state in the hash, a plain visit.
 */
export type DecodeStatus = 'ok' | 'partial' | 'damaged' | 'too-large' | 'future-version' | 'absent';

export type DecodeResult = { state: State; problems: string[]; status: DecodeStatus };

export type DecodeOptions = {
  /** The demo loaded when the link gives none we can use. */
  defaultDemo?: string;
};

/** Size bounds, checked before and after decompression so a hostile link cannot stall the page. */
export const LINK_LIMITS = { compressedChars: 100 * 1024, jsonChars: 1024 * 1024 } as const;

const HASH_KEY = 's';
const DEFAULT_DEMO = 'scratch';

/**
 * The state with everything equal to the demo's defaults left out: params equal to the knob
 * default, `code` equal to the demo's program, mode 'parallel', an empty schedule. With no
 * defaults (a demo the catalogue lacks) only the always-default fields are dropped.
 */
export function compactState(state: State, defaults: DemoDefaults | undefined): State {
  const compact: State = { v: 1, demo: state.demo };
  if (state.code !== undefined && state.code !== defaults?.source) compact.code = state.code;
  const params = Object.entries(state.params ?? {}).filter(
    ([key, value]) =>
      !defaults || !Object.hasOwn(defaults.params, key) || defaults.params[key] !== value,
  );
  if (params.length > 0) compact.params = Object.fromEntries(params);
  if (state.mode === 'step') compact.mode = 'step';
  if (state.schedule && state.schedule.length > 0) compact.schedule = state.schedule;
  return compact;
}

/** The hash fragment (`s=…`, without '#') holding what `state` changes from the demo's defaults. */
export function encodeState(state: State, defaults: DemoDefaults | undefined): string {
  return `${HASH_KEY}=${compressToEncodedURIComponent(JSON.stringify(compactState(state, defaults)))}`;
}

/**
 * Reads a share link's hash (with or without '#'). Tolerant: a bad field falls back to its default
 * with a sentence in `problems`, the rest is kept. Old versions are migrated. Never throws.
 */
export function decodeHash(
  hash: string,
  lookup: DemoLookup,
  opts: DecodeOptions = {},
): DecodeResult {
  const defaultDemo = opts.defaultDemo ?? DEFAULT_DEMO;
  const fallback = (status: DecodeStatus, problem?: string): DecodeResult => ({
    state: { v: 1, demo: defaultDemo },
    problems: problem ? [problem] : [],
    status,
  });

  const payload = payloadOf(hash);
  if (payload === undefined) return fallback('absent');
  if (payload.length > LINK_LIMITS.compressedChars)
    return fallback(
      'too-large',
      'This link is too large to open; the default demo is loaded instead.',
    );
  const json = decompress(payload);
  if (json === undefined)
    return fallback(
      'damaged',
      'This link is damaged (perhaps cut short when copied); the default demo is loaded instead.',
    );
  if (json.length > LINK_LIMITS.jsonChars)
    return fallback(
      'too-large',
      'This link holds too much to open; the default demo is loaded instead.',
    );
  const raw = parseJson(json);
  if (!isRecord(raw))
    return fallback(
      'damaged',
      'This link is damaged: its contents are not a saved state. The default demo is loaded instead.',
    );

  const version = readVersion(raw);
  if (version.kind === 'future')
    return fallback(
      'future-version',
      `This link was made by a newer version of Interleave (format ${version.version}); reload the page to update. The default demo is loaded instead.`,
    );
  const current = upgrade(raw, version.version);
  if (!current)
    return fallback(
      'damaged',
      'This link is damaged: its old format could not be read. The default demo is loaded instead.',
    );

  const { state, problems, demoValid } = readState(current, defaultDemo);
  if (version.problem) problems.unshift(version.problem);
  const defaults = demoValid ? lookup(state.demo) : undefined;
  if (!defaults) return unknownDemo(state, problems, demoValid, defaultDemo);
  const held = clampToRanges(matchKnobTypes(state, defaults, problems), defaults.ranges);
  problems.push(...held.problems);
  return {
    state: held.state,
    problems,
    status: problems.length > 0 ? 'partial' : 'ok',
  };
}

/**
 * A link to a demo we do not have. Its own program, if it carries one, is still the learner's
 * work, so it opens on the default demo (the natural home of a learner's code); its knob settings
 * belonged to the other demo and are dropped.
 */
function unknownDemo(
  state: State,
  problems: string[],
  demoValid: boolean,
  defaultDemo: string,
): DecodeResult {
  const named = demoValid
    ? `the demo "${state.demo}", which this version of Interleave does not have`
    : 'no usable demo';
  const { code, mode, schedule } = state;
  const kept: State =
    code === undefined ? { v: 1, demo: defaultDemo } : { v: 1, demo: defaultDemo, code };
  if (code !== undefined && mode) kept.mode = mode;
  if (code !== undefined && schedule) kept.schedule = schedule;
  return {
    state: kept,
    problems: [
      `This link names ${named}; ${code === undefined ? 'the default demo is loaded instead' : 'its program is opened in the default demo'}.`,
      ...problems,
    ],
    status: 'damaged',
  };
}

function payloadOf(hash: string): string | undefined {
  const fragment = hash.startsWith('#') ? hash.slice(1) : hash;
  const entry = fragment.split('&').find((part) => part.startsWith(`${HASH_KEY}=`));
  const payload = entry?.slice(HASH_KEY.length + 1);
  if (!payload) return undefined;
  // Some chat and mail clients percent-encode characters (`$` as `%24`) when they pass a link on.
  if (!payload.includes('%')) return payload;
  try {
    return decodeURIComponent(payload);
  } catch {
    return payload;
  }
}

function decompress(payload: string): string | undefined {
  try {
    // lz-string returns null or '' for input it cannot read, and throws on some.
    const json: string | null = decompressFromEncodedURIComponent(payload);
    return json ? json : undefined;
  } catch {
    return undefined;
  }
}

function parseJson(json: string): unknown {
  try {
    return JSON.parse(json) as unknown;
  } catch {
    return undefined;
  }
}

/**
 * The full share link: `base` (its own hash dropped, its unrelated query kept), the flags that are
 * set, and the state as a hash fragment.
 */
export function shareUrl(
  base: string,
  state: State,
  lookup: DemoLookup,
  flags: Partial<Flags> = {},
): string {
  const [beforeHash = ''] = base.split('#');
  const queryAt = beforeHash.indexOf('?');
  const path = queryAt < 0 ? beforeHash : beforeHash.slice(0, queryAt);
  const query = new URLSearchParams(queryAt < 0 ? '' : beforeHash.slice(queryAt + 1));
  for (const name of FLAG_NAMES) query.delete(name);
  for (const name of FLAG_NAMES) {
    const value: boolean | string | readonly string[] | undefined = flags[name];
    if (value === true) query.set(name, '1');
    else if (typeof value === 'string') query.set(name, value);
    else if (Array.isArray(value)) query.set(name, value.join(','));
  }
  const search = query.toString();
  return `${path}${search ? `?${search}` : ''}#${encodeState(state, lookup(state.demo))}`;
}

const DEFAULT_EMBED_HEIGHT = 560;

/**
 * The `<iframe>` HTML a course author pastes into a page. `allow="cross-origin-isolated"` lets
 * the frame keep shared memory where the browser needs the embedder's consent for it. With
 * `resize`, a short script sizes each frame to the height it posts (`interleave:resize`).
 */
export function embedSnippet(
  url: string,
  options: { title: string; height?: number; resize?: boolean },
): string {
  const height =
    options.height !== undefined && Number.isFinite(options.height)
      ? Math.min(Math.max(Math.round(options.height), 200), 4000)
      : DEFAULT_EMBED_HEIGHT;
  const frame = [
    `<iframe src="${escapeAttribute(url)}"`,
    ` title="${escapeAttribute(options.title)}"`,
    ` width="100%" height="${height}" style="border:0" loading="lazy"`,
    ` allow="cross-origin-isolated"></iframe>`,
  ].join('');
  return options.resize ? `${frame}\n${RESIZE_SCRIPT}` : frame;
}

/** Sizes each Interleave frame of the page to the height it asks for (one copy per page is enough). */
const RESIZE_SCRIPT = `<script>
addEventListener('message', (e) => {
  if (e.data?.type !== 'interleave:resize') return;
  for (const f of document.querySelectorAll('iframe'))
    if (f.contentWindow === e.source) f.style.height = Math.min(e.data.height, 4000) + 'px';
});
</script>`;

function escapeAttribute(text: string): string {
  const entities: Record<string, string> = {
    '&': '&amp;',
    '"': '&quot;',
    "'": '&#39;',
    '<': '&lt;',
    '>': '&gt;',
  };
  return text.replace(/[&"'<>]/g, (char) => entities[char] ?? char);
}

/** Re-exported so callers of the codec need one import. */
export type { DemoDefaults, DemoLookup, Flags };
export { parseFlags, shouldAutorun } from './flags';
