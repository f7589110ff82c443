import { describe, expect, it } from 'vitest';
import { demos } from './catalogue';
import { predictions } from './predictions';

describe('predictions', () => {
  it('cover every demo of the catalogue, and nothing else', () => {
    expect(Object.keys(predictions).sort()).toEqual(demos.map((d) => d.id).sort());
  });

  it.each(demos.map((d) => [d.id, d] as const))(
    '%s offers a right answer for each outcome it expects, and a wrong one',
    (id, demo) => {
      const choices = predictions[id]?.choices ?? [];
      for (const outcome of Object.values(demo.expect))
        expect(choices.some((c) => c.outcomes.includes(outcome))).toBe(true);
      const expected = new Set(Object.values(demo.expect));
      expect(choices.some((c) => c.outcomes.every((o) => !expected.has(o)))).toBe(true);
      expect(new Set(choices.map((c) => c.id)).size).toBe(choices.length);
    },
  );

  it('read numbers from knobs the demo has, in buckets that grow', () => {
    for (const [id, prediction] of Object.entries(predictions)) {
      const number = prediction.number;
      if (!number) continue;
      const demo = demos.find((d) => d.id === id);
      for (const knob of number.expected)
        expect(demo?.knobs.some((k) => k.id === knob && k.kind === 'number')).toBe(true);
      const maxima = number.buckets.map((b) => b.max);
      expect(maxima).toEqual([...maxima].sort((a, b) => a - b));
      expect(maxima.at(-1)).toBe(1);
    }
  });
});
