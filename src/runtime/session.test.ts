import { describe, expect, it } from 'vitest';
import type { DemoDefinition } from '../demos/types';
import { Session } from './session';
import type { Runner } from './runner';

const demo = (id: string): DemoDefinition => ({
  id,
  topic: 'basics',
  title: id,
  concepts: [],
  summary: '',
  source: `// ${id}`,
  knobs: [{ id: 'fix', label: 'fix', kind: 'boolean', default: false }],
  expect: { default: 'ok' },
  explain: { tryThis: '', watch: '', why: '', python: '' },
});

// Switching demos touches no worker: a pool is never asked for one here.
const noRunner: Runner = {
  openStep: () => Promise.reject(new Error('no runs in this test')),
  search: () => {
    throw new Error('no runs in this test');
  },
  start: () => {
    throw new Error('no runs in this test');
  },
};

describe('Session', () => {
  it('keeps each demo’s edits when the learner switches away and back', () => {
    const session = new Session(noRunner, [demo('scratch'), demo('race')]);
    session.update({ code: 'export function main() {}' });
    session.switchDemo('race');
    session.update({ params: { fix: true } });
    expect(session.source()).toBe('// race');
    session.switchDemo('scratch');
    expect(session.source()).toBe('export function main() {}');
    session.switchDemo('race');
    expect(session.params().fix).toBe(true);
  });

  it('gives every demo the common knobs under its own', () => {
    const session = new Session(noRunner, [demo('scratch')]);
    expect(session.defaultsOf('scratch')).toEqual({ gil: false, seed: 1, fix: false });
  });
});
