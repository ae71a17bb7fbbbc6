// Incremental placement: a few new documents are placed into the stored clusters as they stand, to the
// clusters a full pass makes; the full pass runs when anything else changed or the new documents are many.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import type { NewsDoc } from '../types.js';
import { clusterDocuments, placeIncrementally, CLUSTER_TUNABLES, EventClusterer } from './index.js';
import { makeDoc } from '../../test/fixture-docs/cluster.mjs';

// Four fictional stories of six articles each (fixtures/pipeline/stories: a title line, a date line, the body).
const dir = new URL('../../fixtures/pipeline/stories/', import.meta.url);
const docs = readdirSync(dir).sort().map((f) => {
  const [title, date, ...body] = readFileSync(new URL(f, dir), 'utf8').trim().split('\n');
  return makeDoc(f, body.join('\n'), { title, date: date.replace(' ', 'T') + ':00+09:00' });
});
// The sixth article of each story is new; the store holds the first five of each (20 documents).
const isNew = (i: number) => i % 6 === 5;
const stored = docs.filter((_, i) => !isNew(i));
const seeds = (clusters: ReturnType<typeof clusterDocuments>) => clusters.map((c) => ({ id: c.id, members: c.members, duplicates: c.duplicates }));

test('the stories cluster as written (the fixture is sound)', () => {
  assert.deepEqual(clusterDocuments(docs).map((c) => c.members.length), [6, 6, 6, 6]);
});

test('one new document placed into the stored clusters gives the clusters a full pass gives', () => {
  const store = docs.filter((_, i) => !isNew(i) || i === 5);
  const earlier = seeds(clusterDocuments(stored));
  const placed = placeIncrementally(store, earlier, new Set([docs[5].id]));
  assert.ok(placed, 'placed incrementally: 1 new of 21 is under 5%');
  assert.deepEqual(placed, clusterDocuments(store));
});

test('the full pass runs when new documents are many, an earlier member changed or is not digested', () => {
  const earlier = seeds(clusterDocuments(stored));
  const fresh = new Set(docs.filter((_, i) => isNew(i)).map((d) => d.id));
  assert.equal(placeIncrementally(docs, earlier, fresh), null, '4 new of 24 is over 5%');
  const wide = { ...CLUSTER_TUNABLES, incrementalMaxShare: 0.2 };
  assert.deepEqual(placeIncrementally(docs, earlier, fresh, wide), clusterDocuments(docs));
  assert.equal(placeIncrementally(stored, earlier, new Set([stored[0].id])), null, 'a changed member');
  assert.equal(placeIncrementally(stored.slice(1), earlier, new Set()), null, 'a member left out (--since, --source-pattern)');
});

test('seeded clusters posted for the expected documents only: the same placement as posted in full, and another document is refused', () => {
  const store = docs.filter((_, i) => !isNew(i) || i === 5 || i === 11);
  const earlier = seeds(clusterDocuments(stored));
  const seeded = (expect: NewsDoc[] | null) => {
    const clusterer = new EventClusterer({ prepared: store });
    if (expect) clusterer.expect(expect);
    for (const c of earlier) clusterer.seed(c.id, c.members.map((m) => store.find((d) => d.id === m)!), c.duplicates);
    return clusterer;
  };
  const full = seeded(null), narrow = seeded([docs[5], docs[11]]);
  for (const c of [full, narrow]) c.add(docs[5]), c.add(docs[11]);
  assert.deepEqual(narrow.clusters(), full.clusters());
  assert.deepEqual(narrow.messages, full.messages);
  assert.deepEqual(full.clusters().map((c) => c.members.length), [6, 6, 5, 5]);
  const other = seeded([docs[5]]);
  other.add(docs[5]);
  assert.throws(() => other.add(docs[11]), /not named by/, 'its lookups would miss what was left unindexed');
});
