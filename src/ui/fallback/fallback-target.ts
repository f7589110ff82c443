import type { DemoDefinition } from '../../demos/types';
import type { State } from '../../runtime/contract-types';
import { lookupOf } from '../demo-lookup';
import { parseFlags, shareUrl, type Flags } from '../../share/url-state';
import { decodeLink } from '../link-decode';
import type { Recording } from './recording';
import { recordingFromHash, recordingUrlOf } from './recording-link';

/** Where the run to replay comes from: the link, a file the course hosts, or the catalogue. */
export type RecordingSource =
  | { kind: 'inline'; recording: Recording }
  | { kind: 'url'; url: string }
  | { kind: 'catalogue'; demo: string }
  | { kind: 'none' };

/** A demo the URL names, to show as a recording where live threads are unavailable. */
export type FallbackTarget = {
  demo: DemoDefinition;
  state: State;
  flags: Flags;
  recording: RecordingSource;
  /**
   * The full app with exactly this state (and the reader-facing flags), for a new tab: a
   * top-level page can be isolated where a frame cannot.
   */
  openUrl: string;
};

type Place = Pick<Location, 'hash' | 'search' | 'origin' | 'pathname'>;

/**
 * The demo a share link names (read as leniently as the workbench reads it), or null for a plain
 * visit or a link we cannot use: those get the plain explanation.
 */
export async function fallbackTargetOf(
  place: Place,
  catalogue: readonly DemoDefinition[],
): Promise<FallbackTarget | null> {
  const lookup = lookupOf(catalogue);
  const decoded = await decodeLink(place.hash, lookup, 'scratch');
  const demo = catalogue.find((d) => d.id === decoded.state.demo);
  if (!demo || (decoded.status !== 'ok' && decoded.status !== 'partial')) return null;
  const flags = parseFlags(place.search);
  const base = `${place.origin}${place.pathname}`;
  return {
    demo,
    state: decoded.state,
    flags,
    recording: sourceOf(place, base, decoded.state),
    openUrl: shareUrl(base, decoded.state, lookup, { theme: flags.theme, predict: flags.predict }),
  };
}

function sourceOf(place: Place, base: string, state: State): RecordingSource {
  const linked = recordingFromHash(place.hash);
  if (linked && linked.demo === state.demo) return { kind: 'inline', recording: linked };
  const url = recordingUrlOf(place.search, base);
  if (url) return { kind: 'url', url };
  return state.code === undefined ? { kind: 'catalogue', demo: state.demo } : { kind: 'none' };
}
