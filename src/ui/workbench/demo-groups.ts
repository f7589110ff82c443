import type { DemoDefinition } from '../../demos/types';
import { TOPICS } from '../../demos/topics';

export type DemoGroup = { label: string; demos: DemoDefinition[] };

const words = (text: string): string[] => text.toLowerCase().split(/\s+/).filter(Boolean);

/** Whether every word of `query` appears in the demo's title, summary, concepts or topic. */
export function matchesQuery(demo: DemoDefinition, query: string): boolean {
  const topic = TOPICS.find((t) => t.id === demo.topic)?.label ?? '';
  const haystack = [demo.title, demo.summary, topic, ...demo.concepts].join(' ').toLowerCase();
  return words(query).every((w) => haystack.includes(w));
}

/**
 * The picker's groups: topics in the tutorials' order, demos in catalogue order within each,
 * only the demos matching `query`, and no empty group. `keep` (the open demo) stays listed even
 * when it does not match, so the picker never shows a demo other than the one that is open.
 */
export function demoGroupsOf(
  demos: readonly DemoDefinition[],
  query: string,
  keep?: string,
): DemoGroup[] {
  return TOPICS.map((topic) => ({
    label: topic.label,
    demos: demos.filter((d) => d.topic === topic.id && (d.id === keep || matchesQuery(d, query))),
  })).filter((group) => group.demos.length > 0);
}
