import { describe, expect, test } from 'vitest';
import type { State } from '../runtime/contract-types';
import { testLookup } from './testing/catalogue';
import { decodeHash, embedSnippet, parseFlags, shareUrl, shouldAutorun } from './url-state';
import type { Flags } from './url-state';

const none: Flags = { embed: false, autorun: false, edit: false };

describe('parseFlags', () => {
  const cases: [string, Flags][] = [
    ['', none],
    ['?embed=1&autorun=1&edit=1', { embed: true, autorun: true, edit: true }],
    ['embed=true', { ...none, embed: true }],
    ['?embed=0&autorun=yes&edit', none],
    ['?theme=dark&view=timeline', { ...none, theme: 'dark', view: 'timeline' }],
    ['?theme=light&view=chart', { ...none, theme: 'light', view: 'chart' }],
    ['?theme=DARK&view=graph', none],
    ['?theme=dark&theme=light', { ...none, theme: 'dark' }],
    ['?%E0%A4%A=1&embed=1', { ...none, embed: true }],
  ];
  test.each(cases)('%j', (search, flags) => {
    expect(parseFlags(search)).toEqual(flags);
  });
});

describe('shouldAutorun', () => {
  const cases: [string, State, boolean, boolean][] = [
    ['demo program, asked', { v: 1, demo: 'race' }, true, true],
    ['demo program, not asked', { v: 1, demo: 'race' }, false, false],
    ['own code, asked', { v: 1, demo: 'scratch', code: 'print(1)' }, true, false],
    ['empty own code, asked', { v: 1, demo: 'scratch', code: '' }, true, false],
  ];
  test.each(cases)('%s', (_name, state, autorun, expected) => {
    expect(shouldAutorun(state, { ...none, autorun })).toBe(expected);
  });
});

describe('shareUrl', () => {
  const state: State = { v: 1, demo: 'race', params: { fix: true, threads: 4 } };
  const cases: [string, string, Partial<Flags>, string][] = [
    ['plain', 'https://ex.org/il/', {}, 'https://ex.org/il/#'],
    ['old hash dropped', 'https://ex.org/il/#s=old', {}, 'https://ex.org/il/#'],
    [
      'flags',
      'https://ex.org/il/',
      { embed: true, autorun: false, theme: 'dark' },
      'https://ex.org/il/?embed=1&theme=dark#',
    ],
    [
      'unrelated query kept, old flags replaced',
      'https://ex.org/il/?lang=fr&embed=1&view=code',
      { view: 'chart' },
      'https://ex.org/il/?lang=fr&view=chart#',
    ],
    ['relative base', '/il/index.html', { edit: true }, '/il/index.html?edit=1#'],
  ];
  test.each(cases)('%s', (_name, base, flags, prefix) => {
    const url = shareUrl(base, state, testLookup, flags);
    expect(url.startsWith(prefix)).toBe(true);
    const hash = url.slice(url.indexOf('#'));
    expect(hash.startsWith('#s=')).toBe(true);
    // The default threads knob is left out of the link.
    expect(decodeHash(hash, testLookup).state).toEqual({
      v: 1,
      demo: 'race',
      params: { fix: true },
    });
  });
});

describe('embedSnippet', () => {
  test('a lazy, titled, isolated iframe of fixed height', () => {
    expect(
      embedSnippet('https://ex.org/il/?embed=1#s=abc', { title: 'Race demo', height: 480 }),
    ).toBe(
      '<iframe src="https://ex.org/il/?embed=1#s=abc" title="Race demo" width="100%" height="480" style="border:0" loading="lazy" allow="cross-origin-isolated"></iframe>',
    );
  });

  test('attribute values are escaped', () => {
    const html = embedSnippet('https://ex.org/?a=1&b="x"', {
      title: `<Tom & "Jerry's">`,
      height: 400,
    });
    expect(html).toContain('src="https://ex.org/?a=1&amp;b=&quot;x&quot;"');
    expect(html).toContain('title="&lt;Tom &amp; &quot;Jerry&#39;s&quot;&gt;"');
    expect(html.match(/"/g)?.length).toBe(14);
  });

  const heights: [number | undefined, string][] = [
    [undefined, 'height="560"'],
    [Number.NaN, 'height="560"'],
    [333.6, 'height="334"'],
    [10, 'height="200"'],
    [1e9, 'height="4000"'],
  ];
  test.each(heights)('height %s', (height, attribute) => {
    expect(embedSnippet('u', { title: 't', height })).toContain(attribute);
  });
});

describe('the flags that choose what an embed shows', () => {
  const cases: [string, Partial<Flags>][] = [
    ['?knobs=1&explain=1', { knobs: true, explain: true }],
    ['?predict=1&resize=true', { predict: true, resize: true }],
    ['?views=output,timeline', { views: ['output', 'timeline'] }],
    ['?views=timeline,bogus,timeline', { views: ['timeline'] }],
    ['?views=bogus&knobs=0', {}],
  ];
  test.each(cases)('%j', (search, extra) => {
    expect(parseFlags(search)).toEqual({ ...none, ...extra });
  });

  test('round-trip through a share link', () => {
    const flags: Partial<Flags> = { embed: true, knobs: true, views: ['graph', 'output'] };
    const url = shareUrl('https://x.example/', { v: 1, demo: 'race' }, testLookup, flags);
    expect(url.split('#')[0]).toBe('https://x.example/?embed=1&knobs=1&views=graph%2Coutput');
    expect(parseFlags(new URL(url).search)).toEqual({ ...none, ...flags });
  });

  test('prediction mode never autoruns', () => {
    expect(shouldAutorun({ v: 1, demo: 'race' }, { ...none, autorun: true, predict: true })).toBe(
      false,
    );
  });
});
