// The messages between the thread harness (the test's thread) and a stress worker.

/** Parameters of a scenario: object ids and plain numbers, flags or strings. */
export type ScenarioParams = Readonly<Record<string, number | string | boolean>>;

/** One program thread to run in a worker. */
export type ThreadJob = {
  scenario: string;
  params?: ScenarioParams;
  /** Defaults to the job's index in the run. */
  threadId?: number;
  /** Defaults to `t<threadId>`. */
  threadName?: string;
};

/** What the harness posts to a worker for one run. */
export type JobMessage = {
  heap: SharedArrayBuffer;
  /** Word 0 counts workers ready to start: each waits until all `threads` are, then starts. */
  start: SharedArrayBuffer;
  threads: number;
  threadId: number;
  threadName: string;
  scenario: string;
  params: ScenarioParams;
};

/** What a worker posts back: the scenario's JSON result, or the error that escaped it. */
export type ResultMessage =
  | { ok: true; value: unknown }
  | { ok: false; error: { name: string; message: string; stack?: string } };
