import { readFileSync } from 'node:fs';
import { expect, test } from 'vitest';
import { STATE_SCHEMA } from './state-schema';

// The schema is the one description of State; the docs explain it to people. A field added to or
// removed from the schema must show up in both places where the docs list the fields.

const doc = (name: string) => readFileSync(new URL(`../../docs/${name}`, import.meta.url), 'utf8');

test('docs/embedding.md lists exactly the fields of the schema', () => {
  const table = doc('embedding.md').split('## Flags')[0] ?? '';
  const rows = [...table.matchAll(/^\| `(\w+)` +\|/gm)].map((m) => m[1]);
  expect(rows).toEqual(Object.keys(STATE_SCHEMA));
});

test('docs/contracts.md declares exactly the fields of the schema', () => {
  const block = /type State = \{\n([\s\S]*?)\n\};/.exec(doc('contracts.md'))?.[1] ?? '';
  const fields = [...block.matchAll(/^ {2}(\w+)\??:/gm)].map((m) => m[1]);
  expect(fields).toEqual(Object.keys(STATE_SCHEMA));
});
