import { FIRST_VISIT } from '../demos/topics';
import type { State } from '../runtime/contract-types';
import type { Session } from '../runtime/session';
import { lookupBy } from './demo-lookup';
import { draftDiffers, loadDraft, saveDraft } from '../share/draft-store';
import {
  parseFlags,
  shareUrl,
  shouldAutorun,
  type DecodeResult,
  type DemoLookup,
  type Flags,
} from '../share/url-state';
import { decodeLink } from './link-decode';
import type { NoticeBoard } from './notices';
import { ValueStore } from './value-store';

/** What the page learned from the last link it opened (at load, or pasted into the open tab). */
export type LinkArrival = {
  /** Why the link could not be used as it is (damaged, too large, knobs out of range…). */
  problems: string[];
  /** The link replaced the demo's program with its own: it must not run before the learner reads it. */
  codeFromLink: boolean;
  /** A saved draft the learner can restore (the link did not overwrite it). */
  draft: State | null;
  /** Counts links opened, so a notice dismissed for one link shows again for the next. */
  seq: number;
};

/** What the page learned from its URL and storage when it opened, and from links since. */
export type Arrival = {
  flags: Flags;
  links: ValueStore<LinkArrival>;
  /** No link and no draft: the page opened on the newcomer's demo, with a sentence on what to press. */
  firstVisit: boolean;
};

export function lookupFor(session: Session): DemoLookup {
  return lookupBy((id) => session.demo(id));
}

/**
 * Opens the session from the URL: a share link wins over the draft but never overwrites it; a
 * damaged link says so and loads the default. Then keeps the URL and the draft in step with the
 * session, opens links pasted into the open tab by the same rules, and autoruns only a built-in
 * demo's own program. An embed neither reads nor writes the learner's draft: the page around it
 * could read it through the scripting API.
 */
export async function arrive(
  session: Session,
  storage: Storage | null,
  notices: NoticeBoard,
): Promise<Arrival> {
  const flags = parseFlags(location.search);
  const lookup = lookupFor(session);
  const drafts = flags.embed ? null : storage;
  const decoded = await decode(session, lookup);
  const links = new ValueStore<LinkArrival>({
    problems: [],
    codeFromLink: false,
    draft: null,
    seq: 0,
  });
  let firstVisit = false;
  if (decoded.status === 'absent') {
    const draft = drafts ? loadDraft(drafts) : null;
    firstVisit = !draft && !flags.embed;
    session.load(
      draft && session.demo(draft.demo)
        ? draft
        : { v: 1, demo: firstVisit ? FIRST_VISIT.demo : session.defaultDemo },
    );
    if (flags.autorun && !flags.predict && session.state().code === undefined) runNow(session);
  } else {
    openLink(session, decoded, drafts, flags, lookup, links);
  }
  const sync = keepInStep(session, drafts, flags, lookup, notices);
  // A run may crash its runner (a memory bomb): the draft is saved before every run, not after.
  let running = false;
  session.subscribe(() => {
    if (session.running !== null && !running) sync.flush();
    running = session.running !== null;
  });
  window.addEventListener('hashchange', () => {
    void decode(session, lookup).then((next) => {
      if (next.status === 'absent') return;
      // Whatever the learner typed last is saved as theirs before the link replaces it.
      sync.flush();
      session.stop();
      openLink(session, next, drafts, flags, lookup, links, sync.adopt);
    });
  });
  return { flags, links, firstVisit };
}

function decode(session: Session, lookup: DemoLookup): Promise<DecodeResult> {
  return decodeLink(location.hash.replace(/^#/, ''), lookup, session.defaultDemo);
}

/** Loads a decoded link, says what the learner must know about it, and autoruns if it may. */
function openLink(
  session: Session,
  decoded: DecodeResult,
  drafts: Storage | null,
  flags: Flags,
  lookup: DemoLookup,
  links: ValueStore<LinkArrival>,
  beforeLoad: (state: State) => void = () => undefined,
): void {
  const state = session.demo(decoded.state.demo)
    ? decoded.state
    : { v: 1 as const, demo: session.defaultDemo };
  beforeLoad(state);
  session.load(state);
  const draft = drafts ? loadDraft(drafts) : null;
  const fromLink = decoded.status === 'ok' || decoded.status === 'partial';
  links.set({
    problems: decoded.status === 'ok' ? [] : decoded.problems,
    codeFromLink: fromLink && decoded.state.code !== undefined,
    draft: draft && draftDiffers(draft, session.state(), lookup) ? draft : null,
    seq: links.get().seq + 1,
  });
  if (fromLink && shouldAutorun(decoded.state, flags)) runNow(session);
  // A step-mode link of a demo's own program opens paused at the end of its schedule; a link
  // with code of its own waits for the learner's click (Run replays it).
  else if (fromLink && state.mode === 'step' && state.code === undefined)
    void session.openStepRun().catch(() => undefined);
}

function runNow(session: Session): void {
  void session.run().catch(() => undefined);
}

/**
 * Writes the state into the URL (debounced) and, once the learner changes something, the draft.
 * `adopt` takes a state about to be loaded as the starting point (a link just opened: it is in the
 * URL already and is not the learner's work); `flush` saves a pending change at once.
 */
function keepInStep(
  session: Session,
  drafts: Storage | null,
  flags: Flags,
  lookup: DemoLookup,
  notices: NoticeBoard,
): { adopt(state: State): void; flush(): void } {
  let timer = 0;
  let pending = false;
  let last = JSON.stringify(session.state());
  const saveDraftNow = () => {
    if (!drafts) return;
    const unsaved = !saveDraft(drafts, session.state());
    if (unsaved !== notices.get().draftUnsaved) notices.update({ draftUnsaved: unsaved });
  };
  session.subscribe(() => {
    const now = JSON.stringify(session.state());
    if (now === last) return;
    last = now;
    clearTimeout(timer);
    pending = true;
    timer = window.setTimeout(() => {
      pending = false;
      history.replaceState(null, '', shareUrl(location.href, session.state(), lookup, flags));
      saveDraftNow();
    }, 300);
  });
  return {
    adopt: (state) => {
      last = JSON.stringify(state);
    },
    flush: () => {
      if (!pending) return;
      clearTimeout(timer);
      pending = false;
      saveDraftNow();
    },
  };
}
