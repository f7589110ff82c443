import type {
  RunReport,
  SearchOptions,
  SearchProgress,
  SearchResult,
  State,
  SweepOptions,
  SweepResult,
} from '../runtime/contract-types';
import type { DemoSummary } from '../runtime/session';
import type { StepState } from '../runtime/step/types';
import { readVersion, upgrade } from './migrations';
import { searchOptionsArg } from './search-args';
import { sweepOptionsArg } from './sweep-args';
import { isRecord, readState } from './state-fields';

/** Every message of ours has a `type` starting with this; other messages are the host's. */
export const MESSAGE_PREFIX = 'interleave:';

/** The methods a host page may call, each as `{ type: 'interleave:<method>', id, args }`. */
export const EMBED_METHODS = [
  'load',
  'run',
  'stop',
  'state',
  'lastReport',
  'demos',
  'sweep',
  'step',
  'back',
  'stepState',
  'search',
  'searchProgress',
] as const;

export type EmbedMethod = (typeof EMBED_METHODS)[number];

/**
 * What the message API calls: `window.interleave` plus the lab's sweep (docs/contracts.md). A method
 * may answer at once or with a promise; the server awaits either.
 */
export type EmbedApi = {
  load(state: State): void | Promise<void>;
  run(): Promise<RunReport>;
  stop(): void | Promise<void>;
  state(): State | Promise<State>;
  lastReport(): RunReport | null | Promise<RunReport | null>;
  demos(): DemoSummary[] | Promise<DemoSummary[]>;
  sweep(state: State, options: SweepOptions): Promise<SweepResult>;
  step(thread?: number): Promise<StepState>;
  back(): Promise<StepState>;
  stepState(): StepState | null | Promise<StepState | null>;
  search(state: State, options: SearchOptions): Promise<SearchResult>;
  searchProgress(): SearchProgress | null | Promise<SearchProgress | null>;
};

/** A request's method with its arguments, checked. */
export type EmbedCall =
  | { method: 'load'; args: [State] }
  | {
      method:
        'run' | 'stop' | 'state' | 'lastReport' | 'demos' | 'back' | 'stepState' | 'searchProgress';
      args: [];
    }
  | { method: 'sweep'; args: [State, SweepOptions] }
  | { method: 'step'; args: [] | [number] }
  | { method: 'search'; args: [State, SearchOptions] };

export type RequestId = string | number;

/**
 * A message read as a request. `ignore` marks messages that are not ours at all (the host page's
 * own traffic, or our own replies and events): they get no reply, not even an error.
 */
export type ParsedRequest =
  | ({ ok: true; id: RequestId } & EmbedCall)
  | { ok: false; ignore: true }
  | { ok: false; ignore: false; id?: RequestId; error: string };

export type ResultMessage = { type: 'interleave:result'; id: RequestId; result: unknown };
/** `id` is null when the request had no usable id. */
export type ErrorMessage = { type: 'interleave:result'; id: RequestId | null; error: string };
export type ReportEvent = { type: 'interleave:report'; report: RunReport };
/** The height (CSS pixels) the frame's content wants, posted when it changes (`resize=1`). */
export type ResizeEvent = { type: 'interleave:resize'; height: number };

const REQUEST_KEYS = new Set(['type', 'id', 'args']);
const REPLY_TYPES = new Set([
  'interleave:result',
  'interleave:report',
  'interleave:resize',
  'interleave:search-progress',
]);
const ID_CHARS = 64;

/** Reads a posted message as a request, checking everything; never throws. */
export function parseRequest(data: unknown): ParsedRequest {
  if (!isRecord(data) || typeof data.type !== 'string') return { ok: false, ignore: true };
  const type = data.type;
  // Our own replies and events are ignored too, so two frames can never answer each other forever.
  if (!type.startsWith(MESSAGE_PREFIX) || REPLY_TYPES.has(type)) return { ok: false, ignore: true };

  const id = data.id;
  const idValid =
    (typeof id === 'string' && id.length > 0 && id.length <= ID_CHARS) ||
    (typeof id === 'number' && Number.isFinite(id));
  const fail = (error: string): ParsedRequest =>
    idValid
      ? { ok: false, ignore: false, id: id as RequestId, error }
      : { ok: false, ignore: false, error };

  if (!idValid)
    return fail(`"id" must be a finite number or a string of 1 to ${ID_CHARS} characters.`);
  const method = EMBED_METHODS.find((name) => `${MESSAGE_PREFIX}${name}` === type);
  if (!method)
    return fail(
      `Unknown method "${type.slice(0, 64)}"; the methods are ${EMBED_METHODS.join(', ')}.`,
    );
  const extra = Object.keys(data).filter((key) => !REQUEST_KEYS.has(key));
  if (extra.length > 0) return fail('A request has only "type", "id" and "args".');
  const args = data.args ?? [];
  if (!Array.isArray(args)) return fail('"args" must be an array.');

  const call = callOf(method, args);
  return typeof call === 'string'
    ? fail(`${method}: ${call}`)
    : { ok: true, id: id as RequestId, ...call };
}

/** The checked call, or a sentence saying what is wrong with its arguments. */
function callOf(method: EmbedMethod, args: unknown[]): EmbedCall | string {
  switch (method) {
    case 'load': {
      if (args.length !== 1) return `expects 1 argument (a state), got ${args.length}.`;
      const state = stateArg(args[0]);
      return typeof state === 'string' ? state : { method, args: [state] };
    }
    case 'sweep': {
      const checked = stateAndOptions(args, sweepOptionsArg);
      return typeof checked === 'string' ? checked : { method, args: checked };
    }
    case 'search': {
      const checked = stateAndOptions(args, searchOptionsArg);
      return typeof checked === 'string' ? checked : { method, args: checked };
    }
    case 'step': {
      if (args.length > 1) return `expects at most 1 argument (a thread id), got ${args.length}.`;
      const [thread] = args;
      if (thread === undefined) return { method, args: [] };
      return Number.isInteger(thread) && (thread as number) >= 0
        ? { method, args: [thread as number] }
        : `the thread must be a thread id (a whole number ≥ 0), got ${JSON.stringify(thread)?.slice(0, 40)}.`;
    }
    default:
      return args.length === 0 ? { method, args: [] } : `expects no arguments, got ${args.length}.`;
  }
}

/** A state and optional options (sweep, search), checked; or a sentence saying what is wrong. */
function stateAndOptions<Options extends object>(
  args: unknown[],
  optionsArg: (value: unknown) => Options | string,
): [State, Options] | string {
  if (args.length < 1 || args.length > 2)
    return `expects a state and optional options, got ${args.length} arguments.`;
  const state = stateArg(args[0]);
  if (typeof state === 'string') return state;
  const options = optionsArg(args[1] ?? {});
  return typeof options === 'string' ? options : [state, options];
}

function stateArg(value: unknown): State | string {
  if (!isRecord(value)) return 'the state must be an object.';
  const version = readVersion(value);
  if (version.kind === 'future')
    return `the state has format ${version.version}, newer than this Interleave understands.`;
  if (version.problem) return '"v" must be a positive integer.';
  const current = upgrade(value, version.version);
  if (!current) return 'the state could not be read.';
  const { state, problems, demoValid } = readState(current, '');
  if (!demoValid) problems.unshift('"demo" must be a demo id.');
  return problems.length > 0 ? `invalid state. ${problems.join(' ')}` : state;
}

/** A successful reply. */
export function resultMessage(id: RequestId, result: unknown): ResultMessage {
  return { type: 'interleave:result', id, result };
}

/** A failed reply: the request was malformed or the method threw. */
export function errorMessage(id: RequestId | null, error: string): ErrorMessage {
  return { type: 'interleave:result', id, error };
}

/** The event the frame posts to its host after each run. */
export function reportEvent(report: RunReport): ReportEvent {
  return { type: 'interleave:report', report };
}

/** The event the frame posts when its content's height changes. */
export function resizeEvent(height: number): ResizeEvent {
  return { type: 'interleave:resize', height };
}

/** The parts of a `MessageEvent` the server reads. */
export type EmbedEvent = { data: unknown; origin: string; source: unknown };

export type EmbedServerOptions = {
  api: EmbedApi;
  /** Sends a reply back to the event's source (for a window: `source.postMessage(reply, origin)`). */
  post: (reply: ResultMessage | ErrorMessage, to: EmbedEvent) => void;
  /**
   * The one window that may drive this page: the page embedding it, or the window that opened
   * it (null when there is neither). Messages from any other source are dropped unanswered:
   * another window holding a handle to us must not read the learner's program. Origins are not
   * compared: a course page may live anywhere.
   */
  peer: unknown;
};

/**
 * Serves the message API: each request from the peer window is checked, then the api is called
 * and its result (or error) posted back. A malformed request gets an error reply and never
 * reaches the api. `handle` settles after the reply is posted and never rejects.
 */
export function createEmbedServer(options: EmbedServerOptions): {
  handle: (event: EmbedEvent) => Promise<void>;
} {
  const { api, post, peer } = options;
  const reply = (message: ResultMessage | ErrorMessage, to: EmbedEvent): void => {
    try {
      post(message, to);
    } catch {
      // The host went away (closed, navigated) between its request and our reply.
    }
  };
  const handle = async (event: EmbedEvent): Promise<void> => {
    if (peer === null || peer === undefined || event.source !== peer) return;
    const request = parseRequest(event.data);
    if (!request.ok) {
      if (!request.ignore) reply(errorMessage(request.id ?? null, request.error), event);
      return;
    }
    try {
      const result = await invoke(api, request);
      reply(resultMessage(request.id, result ?? null), event);
    } catch (error) {
      reply(
        errorMessage(request.id, error instanceof Error ? error.message : String(error)),
        event,
      );
    }
  };
  return { handle };
}

function invoke(api: EmbedApi, call: EmbedCall): unknown {
  switch (call.method) {
    case 'load':
      return api.load(...call.args);
    case 'sweep':
      return api.sweep(...call.args);
    case 'step':
      return api.step(...call.args);
    case 'search':
      return api.search(...call.args);
    default:
      return api[call.method]();
  }
}
