import { PLAN_WORDS } from './board';
import type { Scheduler, StepView } from './types';

/**
 * How an automatic step-mode run chooses each step, as data: a schedule to replay first, then a
 * policy. Being data in shared memory (not a function on the page), a plan lets the thread that
 * ends a step choose the next one itself and wake it directly (./hand-off.ts); the controller
 * chooses with the same code, on the same state, whenever the threads hand the run back to it.
 */
export type Plan = {
  /** Steps to take first, in order. */
  prefix?: readonly number[];
  /**
   * What a step of the prefix may name: any thread that can be stepped (`manual`, as a learner
   * may), only one an automatic scheduler could take (`auto`), or one of the search's `choices`.
   */
  check?: 'manual' | 'auto' | 'choices';
  /**
   * When the prefix names a thread that cannot move: hand the step back to the controller (which
   * refuses it), or note the divergence and go on with `then`.
   */
  onDiverge?: 'refuse' | 'continue';
  /**
   * After the prefix: `pause` (the controller, i.e. the learner, decides), `random` (uniform among
   * what an automatic scheduler may take, the seeded scheduler), `steady` (the last thread goes on
   * while it can), `walk` (uniform among the search's choices), `pct` (PCT's priorities).
   */
  then: 'pause' | 'random' | 'steady' | 'walk' | 'pct';
  seed?: number;
  /** PCT's change points: 1-based step numbers (at most two). */
  changePoints?: readonly number[];
};

/** What the threads can do before a step, as ids in ascending order. */
export type Candidates = {
  /** Every thread that exists (started or not). */
  count: number;
  /** What a learner may step. */
  manual: readonly number[];
  /** What an automatic scheduler may take: time-outs only when nothing else can move. */
  auto: readonly number[];
  /** The search's choices: the ready ones among `auto` when there are any, else `auto`. */
  choices: readonly number[];
};

/** The controller must decide this step itself (the learner's turn, a refused step, the end). */
export const HAND_BACK = -1;

const THEN = { pause: 0, random: 1, steady: 2, walk: 3, pct: 4 } as const;
const CHECK = { manual: 0, auto: 1, choices: 2 } as const;
// Words of the plan (from its base); the PCT priority list follows them.
const W = {
  then: 0,
  rng: 1,
  prefixLength: 2,
  check: 3,
  continueOnDiverge: 4,
  diverged: 5,
  maxSteps: 6,
  lowered: 7,
  change1: 8,
  change2: 9,
  orderLength: 10,
} as const;

/**
 * A plan's state: `i32` from `base` (PLAN_WORDS, the priority list, each thread's last step in the
 * prefix: a list of maxThreads words each), its prefix from `prefixBase`.
 */
export class PlanState {
  constructor(
    readonly i32: Int32Array,
    readonly base: number,
    readonly prefixBase: number,
  ) {}

  /** A plan's state in memory of its own (the search's unit tests, the model engine). */
  static local(plan: Plan, maxThreads = 64): PlanState {
    const prefix = plan.prefix ?? [];
    const state = new PlanState(
      new Int32Array(PLAN_WORDS + 2 * maxThreads + prefix.length),
      0,
      PLAN_WORDS + 2 * maxThreads,
    );
    state.write(plan, prefix.length);
    return state;
  }

  /** Writes `plan` (its prefix cut to `prefixCap`), with `maxSteps` (0: none). */
  write(plan: Plan, prefixCap: number, maxSteps = 0): void {
    const prefix = (plan.prefix ?? []).slice(0, prefixCap);
    this.i32.fill(0, this.base, this.base + PLAN_WORDS);
    this.set(W.then, THEN[plan.then]);
    this.set(W.rng, (plan.seed ?? 1) >>> 0);
    this.set(W.prefixLength, prefix.length);
    this.set(W.check, CHECK[plan.check ?? 'manual']);
    this.set(W.continueOnDiverge, plan.onDiverge === 'continue' ? 1 : 0);
    this.set(W.maxSteps, maxSteps);
    this.set(W.change1, plan.changePoints?.[0] ?? 0);
    this.set(W.change2, plan.changePoints?.[1] ?? 0);
    prefix.forEach((thread, k) => (this.i32[this.prefixBase + k] = thread));
    const last = this.prefixBase - this.maxThreads;
    this.i32.fill(-1, last, this.prefixBase);
    prefix.forEach((thread, k) => {
      if (thread >= 0 && thread < this.maxThreads) this.i32[last + thread] = k;
    });
  }

  private get maxThreads(): number {
    return (this.prefixBase - this.base - PLAN_WORDS) / 2;
  }

  /**
   * Whether the prefix still steps `thread` at step `step` or later: what it publishes now will
   * not be shown when the replay pauses, since it moves on before then.
   */
  stepsAgain(thread: number, step: number): boolean {
    if (this.diverged || thread < 0 || thread >= this.maxThreads) return false;
    return (this.i32[this.prefixBase - this.maxThreads + thread] ?? -1) >= step;
  }

  /** From now on the run continues with `then` (the learner's run(): the seeded scheduler). */
  continueWith(then: Plan['then']): void {
    this.set(W.then, THEN[then]);
  }

  get prefixLength(): number {
    return this.get(W.prefixLength);
  }

  /** The prefix named a thread that could not move at its step. */
  get diverged(): boolean {
    return this.get(W.diverged) === 1;
  }

  get maxSteps(): number {
    return this.get(W.maxSteps);
  }

  /** Whether a step at `step` would be chosen by the plan (not handed back for the policy). */
  decidesAt(step: number): boolean {
    return this.get(W.then) !== THEN.pause || (step < this.prefixLength && !this.diverged);
  }

  /** The prefix's step `step`, or undefined past it. */
  prefixAt(step: number): number | undefined {
    return step < this.prefixLength ? this.i32[this.prefixBase + step] : undefined;
  }

  /** The next draw in [0, 1) of the plan's seeded stream (Mulberry32, as seededScheduler). */
  random(): number {
    const a = (this.get(W.rng) + 0x6d2b79f5) >>> 0;
    this.set(W.rng, a);
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  get(word: number): number {
    return this.i32[this.base + word] ?? 0;
  }

  set(word: number, value: number): void {
    this.i32[this.base + word] = value;
  }
}

/**
 * The plan's pick for step `step` (0-based) after `last`'s step, or {@link HAND_BACK}. The one
 * implementation, run by the thread that ended the step and by the controller alike.
 */
export function decide(
  state: PlanState,
  c: Candidates,
  step: number,
  last: number,
  random: () => number = () => state.random(),
): number {
  if (c.auto.length === 0) return HAND_BACK;
  const wanted = state.diverged ? undefined : state.prefixAt(step);
  if (wanted !== undefined) {
    const check = state.get(W.check);
    const allowed = check === CHECK.manual ? c.manual : check === CHECK.auto ? c.auto : c.choices;
    if (allowed.includes(wanted)) return wanted;
    // Refused steps change nothing: the controller asks again, and refuses the step itself.
    if (state.get(W.continueOnDiverge) !== 1) return HAND_BACK;
    state.set(W.diverged, 1);
  }
  switch (state.get(W.then)) {
    case THEN.random:
      return c.auto[Math.floor(random() * c.auto.length)] ?? (c.auto[0] as number);
    case THEN.steady:
      return c.choices.includes(last) ? last : (c.choices[0] as number);
    case THEN.walk:
      return c.choices[
        Math.min(c.choices.length - 1, Math.floor(random() * c.choices.length))
      ] as number;
    case THEN.pct:
      return pctPick(state, c, step, random);
    default:
      return HAND_BACK;
  }
}

/**
 * PCT's pick (./../search/pct.ts explains the algorithm): a thread seen for the first time gets a
 * random place among those not yet lowered; at a change point the thread about to step drops to
 * the very end; the highest-priority choice steps.
 */
function pctPick(state: PlanState, c: Candidates, step: number, random: () => number): number {
  const order = (): number[] =>
    Array.from(
      { length: state.get(W.orderLength) },
      (_, k) => state.i32[state.base + PLAN_WORDS + k] as number,
    );
  const list = order();
  let lowered = state.get(W.lowered);
  for (let id = 0; id < c.count; id++) {
    if (list.includes(id)) continue;
    list.splice(Math.floor(random() * (list.length - lowered + 1)), 0, id);
  }
  const highest = () => list.find((id) => c.choices.includes(id)) as number;
  for (const word of [W.change1, W.change2]) {
    if (state.get(word) !== step + 1) continue;
    state.set(word, 0);
    const demoted = highest();
    list.splice(list.indexOf(demoted), 1);
    list.push(demoted);
    lowered++;
  }
  state.set(W.lowered, lowered);
  state.set(W.orderLength, list.length);
  list.forEach((id, k) => (state.i32[state.base + PLAN_WORDS + k] = id));
  return highest();
}

/** The candidates of a view an automatic scheduler sees (its `manual` is its `auto`). */
export function candidatesOfView(view: StepView): Candidates {
  const auto = view.threads.filter((t) => t.enabled).map((t) => t.id);
  auto.sort((a, b) => a - b);
  const ready = view.threads.filter((t) => t.enabled && t.status === 'ready').map((t) => t.id);
  ready.sort((a, b) => a - b);
  return {
    count: view.threads.length,
    manual: auto,
    auto,
    choices: ready.length > 0 ? ready : auto,
  };
}

/** A scheduler that follows a plan, carrying it so a step-mode engine can run it in the threads. */
export type PlannedScheduler = Scheduler & {
  readonly plan: Plan;
  /** Whether the prefix named a thread that could not move (on views given to this function). */
  diverged(): boolean;
};

/**
 * The plan as a scheduler function over views (for engines that call one per step, like the
 * search's model engine). `random`, when given, replaces the plan's seeded stream.
 */
export function plannedScheduler(plan: Plan, random?: () => number): PlannedScheduler {
  const state = PlanState.local(plan);
  const scheduler = (view: StepView) => {
    const pick = decide(
      state,
      candidatesOfView(view),
      view.steps,
      view.schedule[view.schedule.length - 1] ?? -1,
      random,
    );
    if (pick === HAND_BACK) throw new Error('this plan leaves the step to the learner');
    return pick;
  };
  return Object.assign(scheduler, { plan, diverged: () => state.diverged });
}
