import { describe, expect, it } from 'vitest';
import { demos } from '../../demos/catalogue';
import { TOPICS } from '../../demos/topics';
import { demoGroupsOf } from './demo-groups';

describe('demoGroupsOf', () => {
  it('lists every demo once, grouped by topic in the tutorials’ order', () => {
    const groups = demoGroupsOf(demos, '');
    expect(groups.map((g) => g.label)).toEqual(TOPICS.map((t) => t.label));
    const listed = groups.flatMap((g) => g.demos.map((d) => d.id));
    expect([...listed].sort()).toEqual(demos.map((d) => d.id).sort());
    expect(groups[0]?.demos[0]?.id).toBe('scratch');
    expect(groups.at(-1)?.demos.map((d) => d.id)).toEqual(['io-vs-cpu']);
  });

  it('filters by every word of the query over title, summary, concepts and topic', () => {
    const ids = (q: string) => demoGroupsOf(demos, q).flatMap((g) => g.demos.map((d) => d.id));
    expect(ids('deadlock')).toContain('dining-philosophers');
    expect(ids('semaphore')).toEqual(expect.arrayContaining(['semaphore-pool']));
    expect(ids('GIL')).toContain('io-vs-cpu');
    expect(ids('barrier phase')).toEqual(['barrier-phases']);
    expect(ids('zzz nothing')).toEqual([]);
  });

  it('keeps the open demo listed when it does not match, and drops empty groups', () => {
    const groups = demoGroupsOf(demos, 'barrier', 'race-counter');
    expect(groups.map((g) => g.demos.map((d) => d.id))).toEqual([
      ['race-counter'],
      ['barrier-phases'],
    ]);
  });
});
