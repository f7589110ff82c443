import type { Session } from '../runtime/session';
import { createEmbedServer, reportEvent } from '../share/embed-protocol';
import { searchProgressEvent } from '../share/search-args';
import type { InterleaveApi } from './interleave-api';
import type { NoticeBoard } from './notices';

/**
 * `window.interleave`, and the same API over postMessage for the page that embeds or opened us.
 * What that page does with the program is shown in the frame: code it loads gets a notice naming
 * it, which says so again once the page has run it.
 */
export function serveApi(session: Session, api: InterleaveApi, notices: NoticeBoard): void {
  window.interleave = api;
  const framed = window.parent !== window;
  // Only the embedding page (or the window that opened this one) may drive the session: another
  // window holding a handle to us must not read the learner's program.
  const peer: unknown = framed ? window.parent : window.opener;
  const hostApi: InterleaveApi = {
    ...api,
    load: (state) => {
      // A step-mode state opens its paused run before the reply: keep the promise.
      const loaded = api.load(state);
      notices.update({
        hostCode: state.code === undefined ? null : { origin: hostOrigin, ran: false },
      });
      return loaded;
    },
    sweep: (state, options) => {
      // A sweep runs its state's program without showing it: the notice says that it ran.
      if (state.code !== undefined) notices.update({ hostCode: { origin: hostOrigin, ran: true } });
      return api.sweep(state, options);
    },
    run: () => {
      const { hostCode } = notices.get();
      if (hostCode && !hostCode.ran) notices.update({ hostCode: { ...hostCode, ran: true } });
      return api.run();
    },
  };
  // The origin of the request being served: set before `handle`, which calls the api before its
  // first await, so a later message cannot change it under a call.
  let hostOrigin = '';
  const server = createEmbedServer({
    api: hostApi,
    peer,
    post: (reply, event) =>
      (event.source as WindowProxy).postMessage(
        reply,
        event.origin === 'null' ? '*' : event.origin,
      ),
  });
  window.addEventListener('message', (event) => {
    if (event.source === peer)
      hostOrigin = event.origin === 'null' ? 'a page with no origin' : event.origin;
    void server.handle(event);
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
