import type { DemoPrediction, PredictionChoice } from './types';

// What each demo asks in prediction mode: the learner commits to one of these outcomes (and, for
// race-counter, to a rough number) before the first run. Every list offers the wrong answers a
// learner plausibly holds, so the choices themselves give nothing away.

const finishes: PredictionChoice = {
  id: 'finishes',
  label: 'It finishes, and the result is right',
  outcomes: ['ok'],
};
const wrongResult: PredictionChoice = {
  id: 'wrong-result',
  label: 'It finishes, but the result is wrong',
  outcomes: ['check-failed'],
};
const deadlock: PredictionChoice = {
  id: 'deadlock',
  label: 'It deadlocks: threads wait for each other in a circle',
  outcomes: ['deadlock'],
};
const stuck: PredictionChoice = {
  id: 'stuck',
  label: 'It gets stuck: threads wait for something that never comes',
  outcomes: ['stuck'],
};
const error: PredictionChoice = {
  id: 'error',
  label: 'A thread fails with an error',
  outcomes: ['error'],
};
const timeout: PredictionChoice = {
  id: 'timeout',
  label: 'It never ends: it runs until the time limit',
  outcomes: ['timeout'],
};

const WHAT_HAPPENS = 'What will happen when you run it with these settings?';
const ask = (...choices: PredictionChoice[]): DemoPrediction => ({
  question: WHAT_HAPPENS,
  choices,
});

/** Every demo's prediction, by demo id. */
export const predictions: Readonly<Record<string, DemoPrediction>> = {
  scratch: ask(finishes, error, stuck),
  'forgot-join': ask(finishes, wrongResult, stuck, error),
  'daemon-threads': ask(finishes, wrongResult, timeout),
  'io-vs-cpu': ask(finishes, wrongResult, timeout),
  'race-counter': {
    question: WHAT_HAPPENS,
    choices: [finishes, wrongResult, deadlock, error],
    number: {
      question: 'How many of the increments will be lost?',
      variable: 'counter',
      expected: ['threads', 'iterations'],
      noun: 'increments lost',
      buckets: [
        { label: 'None', max: 0 },
        { label: 'A few (under a tenth)', max: 0.1 },
        { label: 'Some (up to half)', max: 0.5 },
        { label: 'Most (more than half)', max: 1 },
      ],
    },
  },
  'check-then-act': ask(finishes, wrongResult, deadlock, error),
  'atomic-vs-lock': ask(finishes, wrongResult, deadlock),
  'rlock-reentry': ask(finishes, wrongResult, deadlock, error),
  starvation: ask(finishes, wrongResult, deadlock, stuck),
  'semaphore-pool': ask(finishes, wrongResult, stuck, error),
  'rate-limited-client': ask(finishes, wrongResult, stuck, error),
  'event-signal': ask(finishes, wrongResult, deadlock, stuck),
  'producer-consumer-condition': ask(finishes, wrongResult, stuck, error),
  'bounded-buffer': ask(finishes, wrongResult, deadlock, stuck),
  'queue-pipeline': ask(finishes, wrongResult, deadlock, stuck),
  'barrier-phases': ask(finishes, wrongResult, deadlock, stuck),
  'timer-cancel': ask(finishes, wrongResult, error),
  'thread-local': ask(finishes, wrongResult, error),
  deadlock: ask(finishes, wrongResult, deadlock, stuck),
  'lock-ordering': ask(finishes, wrongResult, deadlock, stuck),
  'lock-timeout': ask(finishes, wrongResult, deadlock, stuck),
  'dining-philosophers': ask(finishes, wrongResult, deadlock, stuck),
  'thread-pool-scraper': ask(finishes, wrongResult, error, timeout),
  'too-many-threads': ask(finishes, wrongResult, error, timeout),
  'responsive-console': ask(finishes, stuck, error),
};

/** What a demo asks in prediction mode; a program with no entry gets the general question. */
export function predictionOf(demoId: string): DemoPrediction {
  return Object.hasOwn(predictions, demoId)
    ? (predictions[demoId] as DemoPrediction)
    : ask(finishes, wrongResult, deadlock, stuck, error);
}
