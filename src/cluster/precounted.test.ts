import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Cluster, Message } from '../types.js';
import { clusterDocuments, docFeatures, Precounted } from './index.js';
import { loadFixture, type Fixture } from '../../test/fixture-docs/cluster.mjs';

const partition = (f: Fixture, clusters: Cluster[]) => clusters.map((c) => c.members.map((id) => f.name.get(id)!).sort()).sort();
const run = (f: Fixture, precounted?: Precounted) => {
  const messages: Message[] = [];
  const clusters = clusterDocuments(f.docs, undefined, messages, precounted);
  return { partition: partition(f, clusters), duplicates: clusters.map((c) => c.duplicates), messages: messages.map((m) => `${m.rule} ${m.place.source}`) };
};

test('features made ahead cluster exactly as counting them during clustering does', () => {
  for (const name of ['two-events', 'syndicated-copy', 'derivative-joins', 'refine-splits']) {
    const f = loadFixture(name);
    const precounted = new Precounted();
    for (const d of f.docs) precounted.keep(d.id, docFeatures(d));
    assert.deepEqual(run(f, precounted), run(f), name);
  }
});

test("features made of another text (an older extraction of the same file) are not used for a document", () => {
  const f = loadFixture('two-events');
  const precounted = new Precounted();
  // Every document is given the features of the first one, as if each were stored with a different body.
  const first = docFeatures(f.docs[0]);
  for (const d of f.docs) precounted.keep(d.id, first);
  assert.deepEqual(run(f, precounted), run(f));
  assert.deepEqual(run(f).partition, f.expected.clusters);
});
