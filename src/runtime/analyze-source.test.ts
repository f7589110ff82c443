import { describe, expect, it } from 'vitest';
import { programTextOf } from './analyze-source';
import { TICK_HOOK } from './position-map';

describe('programTextOf (what the runner reads of a program before any worker runs it)', () => {
  const program =
    'const counter = new SharedInt(0);\nexport function thread(id) {\n  for (;;) {}\n}\n';

  it('lists the top-level declarations, and instruments nothing with the GIL off', () => {
    const text = programTextOf(program, false);
    expect(text).toMatchObject({ ok: true, declarations: [{ name: 'counter', startLine: 1 }] });
    expect(text.ok && text.instrumented).toBeFalsy();
  });

  it('adds the GIL’s checks when the GIL is on, on the learner’s lines', () => {
    const text = programTextOf(program, true);
    if (!text.ok) throw new Error('expected the program to parse');
    expect(text.instrumented?.code).toContain(TICK_HOOK);
    expect(text.instrumented?.code.split('\n')).toHaveLength(program.split('\n').length);
  });

  it('ends with the syntax error, at its line, before any worker is needed', () => {
    expect(programTextOf('const a = 1;\nconst b = ;', false)).toMatchObject({
      ok: false,
      error: { message: expect.stringMatching(/^SyntaxError/), line: 2 },
    });
  });

  it('reads the same program once for a search’s many runs', () => {
    expect(programTextOf(program, true)).toBe(programTextOf(program, true));
    expect(programTextOf(program, false)).not.toBe(programTextOf(program, true));
  });
});
