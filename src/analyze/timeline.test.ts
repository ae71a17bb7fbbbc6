import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildTimeline, datedEvents, inferDocumentDates } from './timeline.js';
import { parseIsoDay } from '../text/dates.js';
import { loadDocs, makeDoc, readJson } from '../../test/fixture-docs/analyze.mjs';
import { finishesWithin } from '../workers/hang-limit.js';

const root = new URL('../../fixtures/analyze-timeline/', import.meta.url);

test('timeline: resolution table', () => {
  const rows = readJson<{ anchor: string; text: string; when: string[] }[]>(new URL('resolution-table/table.json', root));
  for (const row of rows) {
    const doc = makeDoc('t', row.text, { publishedAt: row.anchor });
    const got = datedEvents(doc, parseIsoDay(row.anchor), false);
    assert.deepEqual(got.map((e) => e.when), row.when, row.text);
    for (const e of got) assert.ok(e.mention.end > e.mention.start && e.what.length > 1, `${row.text}: span and phrase`);
  }
});

test('timeline: cluster-inference', () => {
  const folder = new URL('cluster-inference/', root);
  const docs = loadDocs(folder);
  const expected = readJson<{ publishedAt: string; timelineIncludes: string[] }>(new URL('expected.json', folder));
  const inferred = inferDocumentDates(docs);
  for (const d of docs) {
    assert.equal(inferred.get(d.id)?.publishedAt, expected.publishedAt, d.id);
    assert.equal(inferred.get(d.id)?.inferred, true);
  }
  const timeline = buildTimeline(docs);
  for (const when of expected.timelineIncludes) {
    const item = timeline.find((t) => t.when === when);
    assert.ok(item, `timeline has ${when}`);
    assert.equal(item.inferred, true, `${when} rests on an inferred date`);
  }
  // A document that has its own date keeps it, and lends it to the others.
  const dated = docs.map((d, i) => (i === 0 ? { ...d, publishedAt: '2024-11-09' } : d));
  assert.equal(inferDocumentDates(dated).get(docs[1].id)?.publishedAt, '2024-11-09');
  assert.equal(inferDocumentDates(dated).has(docs[0].id), false);
});

test('timeline: merge-across-docs', () => {
  const folder = new URL('merge-across-docs/', root);
  const docs = loadDocs(folder);
  const expected = readJson<{ when: string; documents: string[] }>(new URL('expected.json', folder));
  const timeline = buildTimeline(docs);
  const items = timeline.filter((t) => t.when === expected.when);
  assert.equal(items.length, 1, 'one item for the event both documents tell');
  assert.deepEqual(items[0].documents.sort(), expected.documents);
  for (const m of items[0].mentions) {
    const body = docs.find((d) => d.id === m.document)!.body;
    assert.match(body.slice(m.start, m.end), /오후 3시/);
  }
});

test('timeline: undated-continuation', () => {
  const folder = new URL('undated-continuation/', root);
  const docs = loadDocs(folder);
  const expected = readJson<{ when: string; continued: string; quoted: string; notEvent: string; notContinued: string }>(new URL('expected.json', folder));
  const timeline = buildTimeline(docs);
  const continued = timeline.find((t) => t.what === expected.continued);
  assert.ok(continued, `an undated sentence about the event named before is on the timeline: ${JSON.stringify(timeline.map((t) => t.what))}`);
  assert.equal(continued.when, expected.when, 'it takes the date of the sentence that introduced the event');
  const m = continued.mentions[0];
  assert.equal(docs[0].body.slice(m.start, m.end), '협약식', 'the mention points at the event noun');
  assert.ok(timeline.some((t) => t.what === expected.quoted), 'a quote inside a clause is kept whole, never elided');
  assert.ok(!timeline.some((t) => t.what.includes(expected.notEvent)), 'a bracketed label is no event');
  assert.ok(!timeline.some((t) => t.what.startsWith(expected.notContinued)), 'a subject not introduced before does not continue the event');
});

test('timeline: a long text of one date repeated is answered (every date was compared with every other, and re-read its sentence)', async () => {
  const text = '2025년 2월 4일 '.repeat(200_000 / 12);
  const doc = makeDoc('t', text, { publishedAt: '2025-02-04' });
  // ~55 s of CPU before the fix (quadratic), ~1 s after; the limit only catches a hang.
  assert.equal(await finishesWithin(30_000, new URL('./timeline.js', import.meta.url), 'buildTimeline', [doc]), true);
});
