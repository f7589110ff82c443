import type { State } from '../runtime/contract-types';
import type { Session } from '../runtime/session';
import { lookupBy } from './demo-lookup';
import { draftDiffers, loadDraft, saveDraft } from '../share/draft-store';
import { createEmbedServer, reportEvent } from '../share/embed-protocol';
import { searchProgressEvent } from '../share/search-args';
import {
  parseFlags,
  shareUrl,
  shouldAutorun,
  type DemoLookup,
  type Flags,
} from '../share/url-state';
import type { InterleaveApi } from './interleave-api';
import { decodeLink } from './link-decode';

/** What the page learned from its URL and storage when it opened. */
export type Arrival = {
  flags: Flags;
  /** Why the link could not be used as it is (damaged, too large, from a newer version…). */
  problems: string[];
  /** The link replaced the demo's program with its own: it must not run before the learner reads it. */
  codeFromLink: boolean;
  /** A saved draft the learner can restore (the link did not overwrite it). */
  draft: State | null;
};

export function lookupFor(session: Session): DemoLookup {
  return lookupBy((id) => session.demo(id));
}

/**
 * Opens the session from the URL: a share link wins over the draft but never overwrites it; a
 * damaged link says so and loads the default. Then keeps the URL and the draft in step with the
 * session, and autoruns only a built-in demo's own program.
 */
export async function arrive(session: Session, storage: Storage | null): Promise<Arrival> {
  const flags = parseFlags(location.search);
  const lookup = lookupFor(session);
  const decoded = await decodeLink(location.hash.replace(/^#/, ''), lookup, session.defaultDemo);
  const draft = storage ? loadDraft(storage) : null;
  const fromLink = decoded.status === 'ok' || decoded.status === 'partial';
  const initial = decoded.status === 'absent' ? (draft ?? decoded.state) : decoded.state;
  session.load(session.demo(initial.demo) ? initial : { v: 1, demo: session.defaultDemo });
  const arrival: Arrival = {
    flags,
    problems: decoded.status === 'ok' || decoded.status === 'absent' ? [] : decoded.problems,
    codeFromLink: fromLink && decoded.state.code !== undefined,
    draft:
      decoded.status !== 'absent' && draft && draftDiffers(draft, session.state(), lookup)
        ? draft
        : null,
  };
  keepInStep(session, storage, flags, lookup);
  if (fromLink && shouldAutorun(decoded.state, flags)) void session.run().catch(() => undefined);
  else if (decoded.status === 'absent' && flags.autorun && session.state().code === undefined)
    void session.run().catch(() => undefined);
  return arrival;
}

/** Writes the state into the URL (debounced) and, once the learner changes something, the draft. */
function keepInStep(
  session: Session,
  storage: Storage | null,
  flags: Flags,
  lookup: DemoLookup,
): void {
  let timer = 0;
  let last = JSON.stringify(session.state());
  session.subscribe(() => {
    const now = JSON.stringify(session.state());
    if (now === last) return;
    last = now;
    clearTimeout(timer);
    timer = window.setTimeout(() => {
      const state = session.state();
      history.replaceState(null, '', shareUrl(location.href, state, lookup, flags));
      // An embed is the course page's setup, driven by its host: it is not the learner's draft.
      if (storage && !flags.embed) saveDraft(storage, state);
    }, 300);
  });
}

/** `window.interleave`, and the same API over postMessage for the page that embeds or opened us. */
export function serveApi(session: Session, api: InterleaveApi): void {
  window.interleave = api;
  const framed = window.parent !== window;
  // Only the embedding page (or the window that opened this one) may drive the session: another
  // window holding a handle to us must not read the learner's program.
  const peer: unknown = framed ? window.parent : window.opener;
  const server = createEmbedServer({
    api,
    allowOrigin: () => true,
    post: (reply, event) =>
      (event.source as WindowProxy).postMessage(
        reply,
        event.origin === 'null' ? '*' : event.origin,
      ),
  });
  window.addEventListener('message', (event) => {
    if (peer && event.source === peer) void server.handle(event);
  });
  if (framed) {
    let reported = session.lastReport();
    let progressed = '';
    session.subscribe(() => {
      const report = session.lastReport();
      if (report && report !== reported) {
        reported = report;
        window.parent.postMessage(reportEvent(report), '*');
      }
      const progress = session.searchProgress();
      const seen = JSON.stringify(progress);
      if (progress && seen !== progressed)
        window.parent.postMessage(searchProgressEvent(progress), '*');
      progressed = seen;
    });
  }
}
