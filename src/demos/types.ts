import type { Outcome, ParamValue } from '../runtime/contract-types';
import type { TopicId } from './topics';

/** A knob the workbench renders as a control; its value reaches the program as `params.<id>`. */
export type Knob =
  | { id: string; label: string; kind: 'boolean'; default: boolean; help?: string }
  | {
      id: string;
      label: string;
      kind: 'number';
      default: number;
      min: number;
      max: number;
      step?: number;
      help?: string;
    }
  | {
      id: string;
      label: string;
      kind: 'choice';
      default: string;
      options: { value: string; label: string }[];
      help?: string;
    };

/** A preset the speedup lab opens with for a demo. */
export type LabPreset = {
  threads: number[];
  repeats: number;
  vary?: Record<string, ParamValue[]>;
};

/**
 * One demo of the catalogue: data only. Adding a demo means adding one module that exports one
 * of these and listing it in `catalogue.ts`; no component changes.
 */
export type DemoDefinition = {
  /** Public: appears in share links. Never rename. */
  id: string;
  /** The picker's group (topics.ts), in the tutorials' order. */
  topic: TopicId;
  title: string;
  /** Concepts taught, shown as tags (e.g. 'Lock', 'race condition'). */
  concepts: string[];
  /** One-line summary for the picker. */
  summary: string;
  /** The program (an ES module in JavaScript, docs/programs.md). */
  source: string;
  /** Knobs beyond the common ones (threads, gil, seed). A bug demo has a boolean `fix` knob. */
  knobs: Knob[];
  /** Expected outcomes: with `fix` off (bug) and on (fix), or `default` for demos without a bug. */
  expect: { bug?: Outcome; fix?: Outcome; default?: Outcome };
  /** Explanation in our own words, as short Markdown-free paragraphs per heading. */
  explain: {
    tryThis: string;
    watch: string;
    why: string;
    fix?: string;
    python: string;
  };
  /** When present, the demo opens the speedup lab with this preset. */
  lab?: LabPreset;
};

/** An answer a learner can commit to before the first run, and the outcomes that make it right. */
export type PredictionChoice = { id: string; label: string; outcomes: Outcome[] };

/**
 * A rough number to predict, read after the run as a shortfall: `expected` (the product of these
 * knobs) minus the final value of the shared variable `variable`, as a fraction of `expected`.
 * The learner picks a bucket; each bucket holds the fractions above the previous bucket's `max`
 * up to its own.
 */
export type NumberPrediction = {
  question: string;
  variable: string;
  expected: string[];
  /** What one unit of the shortfall is called in the answer ("updates lost"). */
  noun: string;
  buckets: { label: string; max: number }[];
};

/** What a demo asks in prediction mode. Data only; src/demos/predictions.ts holds every demo's. */
export type DemoPrediction = {
  question: string;
  choices: PredictionChoice[];
  number?: NumberPrediction;
};
