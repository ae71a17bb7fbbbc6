import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync } from 'node:fs';
import type { Entity } from '../types.js';
import { compareSources, topicWords } from './findings.js';
import { findNumbers } from './numbers.js';
import { loadDocs, readJson } from '../../test/fixture-docs/analyze.mjs';

const root = new URL('../../fixtures/analyze-findings/', import.meta.url);

interface Expected {
  kind: string;
  count: number;
  valuesInclude: string[];
  /** The verdict as data, and newsdesk's arithmetic behind it when there is some. */
  verdict: string;
  computed?: string;
  /** Each stated value with the ids of the documents that wrote it, when the finding says which wrote which. */
  stated?: Record<string, string[]>;
  documents: number;
  /** The quantity differing figures are about, in the sources' words. */
  topic?: string;
  /** The human-facing `about`, e.g. the topic word without its particle. */
  aboutMatches?: string;
}

for (const name of readdirSync(root).sort()) {
  test(`findings: ${name}`, () => {
    const folder = new URL(`${name}/`, root);
    const docs = loadDocs(folder);
    const expected = readJson<Expected>(new URL('expected.json', folder));
    const entities = existsSync(new URL('entities.json', folder)) ? readJson<Entity[]>(new URL('entities.json', folder)) : [];
    const findings = compareSources(docs, { entities, numbers: findNumbers(docs), quotes: [], timeline: [] });
    assert.deepEqual(uniqKinds(findings.map((f) => f.kind)), [expected.kind], 'only the expected kind of finding');
    assert.equal(findings.length, expected.count);
    const [f] = findings;
    for (const v of expected.valuesInclude) assert.ok(f.values.includes(v), `values ${JSON.stringify(f.values)} include ${v}`);
    assert.equal(f.verdict, expected.verdict);
    assert.equal(f.computed ?? null, expected.computed ?? null);
    assert.ok(!('note' in f), 'no prose for the writer to read back');
    if (expected.stated) {
      assert.deepEqual(Object.fromEntries((f.stated ?? []).map((v) => [v.value, [...v.documents].sort()])), expected.stated);
    }
    if (expected.aboutMatches) assert.match(f.about, new RegExp(expected.aboutMatches));
    if (expected.topic) assert.equal(f.topic, expected.topic);
    assert.equal(f.documents.length, expected.documents);
    for (const m of f.mentions ?? []) {
      const body = docs.find((d) => d.id === m.document)!.body;
      assert.ok(m.start >= 0 && m.end <= body.length && m.end > m.start, 'mentions point into the body');
    }
  });
}

const uniqKinds = (xs: string[]) => [...new Set(xs)];


test('topic words of a sentence of 50k one-letter words are read word by word, not from an array of every word', () => {
  // The array split() made cost 30x per 10x of input (its allocation, 10 kB -> 100 kB); the count stands for that time.
  const split = String.prototype.split;
  let longest = 0;
  String.prototype.split = function (this: string, ...args: Parameters<typeof split>) {
    const parts = split.apply(this, args);
    longest = Math.max(longest, parts.length);
    return parts;
  } as typeof split;
  try {
    assert.deepEqual(topicWords('a.'.repeat(50_000)), []);
  } finally {
    String.prototype.split = split;
  }
  assert.ok(longest < 1_000, `an array of ${longest} words`);
  // Ordinary text reads as before: words in order of first use, particles stripped, stopwords (올해) dropped, repeats once.
  assert.deepEqual(topicWords('한솔물산의 올해 매출은 한솔물산 공시 기준 AI 반도체 매출이다'), ['한솔물산', '매출', '공시', '기준', 'AI', '반도체', '매출이다']);
});
