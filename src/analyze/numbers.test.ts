import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { findNumbers } from './numbers.js';
import { makeDoc, readJson } from '../../test/fixture-docs/analyze.mjs';

const folder = new URL('../../fixtures/analyze-numbers/headline-figures/', import.meta.url);

test('numbers: headline-figures', () => {
  const body = readFileSync(new URL('input.txt', folder), 'utf8').trim();
  const subtitles = readJson<string[]>(new URL('subtitles.json', folder));
  const doc = makeDoc('hf', body, { subtitles });
  const got = findNumbers([doc]);
  const inBody = got.filter((n) => !n.field);
  assert.deepEqual(inBody.map((n) => n.text), readJson<{ text: string }[]>(new URL('expected.json', folder)).map((e) => e.text));
  for (const n of inBody) assert.equal(body.slice(n.start, n.end), n.text, 'body spans');
  // A subtitle figure the body repeats is not listed twice; one only the subtitle gives is, with its field.
  const headline = got.filter((n) => n.field).map(({ text, value, unit, field }) => ({ text, value, unit, field }));
  assert.deepEqual(headline, readJson(new URL('headline-expected.json', folder)));
  const f = got.find((n) => n.field)!;
  assert.equal(subtitles[f.field!.index].slice(f.start, f.end), f.text, 'a headline span indexes its line');
  assert.ok(got.every((n) => n.document === 'hf'));
});
