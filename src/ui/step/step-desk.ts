import type { SearchResult, State } from '../../runtime/contract-types';
import type { Session } from '../../runtime/session';
import { ValueStore } from '../value-store';
import { nextInGuide } from './step-words';

/** Pause between the steps of a played schedule: slow enough to read each step as it happens. */
export const PLAY_PACE_MS = 700;

export type SearchStatus =
  | { kind: 'idle' }
  | { kind: 'running' }
  | { kind: 'done'; result: SearchResult }
  | { kind: 'failed'; message: string };

export type DeskState = {
  /** Step actions queued or in flight: the controls say "working" and stay usable. */
  pending: number;
  /** Why the last action was refused ("T1 cannot move: …"), until the next one succeeds. */
  problem: string | null;
  /** The search's shrunk failing schedule: Step follows it, Play plays it. */
  guide: number[] | null;
  playing: boolean;
  search: SearchStatus;
  /** Steps the learner had taken when Run to end let the seeded scheduler finish; null otherwise. */
  handSteps: number | null;
};

type StepSession = Pick<
  Session,
  'state' | 'update' | 'openStepRun' | 'step' | 'back' | 'run' | 'search' | 'stop' | 'stepState'
>;

/** The program and knobs of a state, without its step-mode fields (what the search explores). */
function programOf(state: State): State {
  const program = { ...state };
  delete program.mode;
  delete program.schedule;
  return program;
}

const message = (error: unknown) => (error instanceof Error ? error.message : String(error));

/**
 * The step-mode controls' side of the session, outside React: mode switch, stepping (queued, so
 * fast key presses are taken in order, one step each), Back, Restart, Run to end, the search
 * ("Find the bug") and playing the schedule it found.
 */
export class StepDesk {
  readonly store = new ValueStore<DeskState>({
    pending: 0,
    problem: null,
    guide: null,
    playing: false,
    search: { kind: 'idle' },
    handSteps: null,
  });
  private chain: Promise<void> = Promise.resolve();

  constructor(
    private readonly session: StepSession,
    private readonly paceMs = PLAY_PACE_MS,
  ) {}

  /** Parallel or Step: step mode opens a paused run, each thread at its first step. */
  setMode(mode: 'parallel' | 'step'): Promise<void> {
    this.change({ guide: null, playing: false, problem: null });
    if (mode === 'parallel') {
      this.session.update({ mode: undefined, schedule: undefined });
      return Promise.resolve();
    }
    this.session.update({ mode: 'step', schedule: undefined });
    return this.open();
  }

  /** Opens the state's step run, paused at the end of its schedule (a link's click). */
  open(): Promise<void> {
    this.change({ handSteps: null });
    return this.queue(() => this.session.openStepRun());
  }

  /** Back to step 0 of the same program (a found schedule stays there to follow again). */
  restart(): Promise<void> {
    this.change({ playing: false });
    this.session.update({ schedule: undefined });
    return this.open();
  }

  /** Moves `thread`, or the seeded scheduler's pick. */
  step(thread?: number): Promise<void> {
    return this.queue(() => this.session.step(thread));
  }

  /** Moves the found schedule's next thread (nothing once the run has left it or reached its end). */
  stepAlong(): Promise<void> {
    return this.queue(async () => {
      const next = nextInGuide(this.store.get().guide, this.schedule());
      if (next !== undefined) await this.session.step(next);
    });
  }

  back(): Promise<void> {
    this.change({ playing: false, handSteps: null });
    return this.queue(() => this.session.back());
  }

  runToEnd(): Promise<void> {
    this.change({ playing: false });
    return this.queue(() => {
      if (!this.session.stepState()?.report) this.change({ handSteps: this.schedule().length });
      return this.session.run();
    });
  }

  /** Steps along the guide at a readable pace until its end, a failure, or pause(). */
  async play(): Promise<void> {
    if (this.store.get().playing) return;
    this.change({ playing: true });
    while (this.store.get().playing) {
      const next = nextInGuide(this.store.get().guide, this.schedule());
      if (next === undefined || this.session.stepState()?.report) break;
      await this.step(next);
      if (this.store.get().problem) break;
      await new Promise((resolve) => setTimeout(resolve, this.paceMs));
    }
    this.change({ playing: false });
  }

  pause(): void {
    this.change({ playing: false });
  }

  /**
   * Searches the current program and knobs for a failing schedule. On a find, opens it in step
   * mode paused at step 0, with the schedule to follow.
   */
  async findBug(): Promise<void> {
    this.change({ search: { kind: 'running' }, playing: false, problem: null });
    let found: number[] | undefined;
    try {
      const result = await this.session.search(programOf(this.session.state()));
      this.change({ search: { kind: 'done', result } });
      found = result.found ? result.schedule : undefined;
    } catch (error) {
      this.change({ search: { kind: 'failed', message: message(error) } });
    }
    if (found) {
      this.change({ guide: found });
      this.session.update({ mode: 'step', schedule: [] });
    }
    // The search stopped the paused run (it takes the workers): open it again where it was.
    if (this.session.state().mode === 'step') await this.open();
  }

  /** Ends the search (its promise settles within a second, with what it covered). */
  cancelSearch(): void {
    this.session.stop();
  }

  private schedule(): number[] {
    return this.session.stepState()?.schedule ?? [];
  }

  /** Runs step actions one after another; a refusal is shown, not thrown. */
  private queue(action: () => Promise<unknown>): Promise<void> {
    this.change({ pending: this.store.get().pending + 1 });
    const done = this.chain.then(action).then(
      () => this.change({ problem: null }),
      (error: unknown) => this.change({ problem: message(error), playing: false }),
    );
    this.chain = done.finally(() => this.change({ pending: this.store.get().pending - 1 }));
    return this.chain;
  }

  private change(part: Partial<DeskState>): void {
    this.store.set({ ...this.store.get(), ...part });
  }
}
