// The picker's topics, in the order the tutorials teach them: threads themselves, then races and
// the locks that prevent them, then threads waiting for each other, then pools, then deadlocks,
// and the GIL last, once there is something for it to slow down.

export const TOPICS = [
  { id: 'basics', label: 'Basics: starting and ending threads' },
  { id: 'races-and-locks', label: 'Races and locks' },
  { id: 'coordination', label: 'Coordination: signals, conditions, queues' },
  { id: 'pools', label: 'Thread pools' },
  { id: 'deadlocks', label: 'Deadlocks' },
  { id: 'gil', label: 'The GIL' },
] as const;

export type TopicId = (typeof TOPICS)[number]['id'];

/**
 * Where a newcomer starts: a race shows the point of the whole playground in one click, and the
 * sentence says which click.
 */
export const FIRST_VISIT = {
  demo: 'race-counter',
  sentence:
    'Press Run: four threads each add 1 to the same counter 20 times, and the verdict says how many of their 80 updates were lost.',
} as const;
