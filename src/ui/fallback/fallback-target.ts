import type { DemoDefinition } from '../../demos/types';
import type { State } from '../../runtime/contract-types';
import { lookupOf } from '../demo-lookup';
import { parseFlags, shareUrl, type Flags } from '../../share/url-state';
import { decodeLink } from '../link-decode';

/** A demo the URL names, to show as a recording where live threads are unavailable. */
export type FallbackTarget = {
  demo: DemoDefinition;
  state: State;
  flags: Flags;
  /** The full app with the same state, for the "Open in Interleave" link. */
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
  return {
    demo,
    state: decoded.state,
    flags: parseFlags(place.search),
    openUrl: shareUrl(`${place.origin}${place.pathname}`, decoded.state, lookup),
  };
}
