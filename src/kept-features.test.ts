// Clustering features kept in the store: exact round trip, and a re-digest reads them back for the documents it
// did not read (a real SQLite file), making and keeping those the store lacks.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { clusterDocuments, docFeatures, Precounted, type DocFeatures } from './cluster/index.js';
import { decodeFeatures, encodeFeatures, featuresKey } from './cluster/stored-features.js';
import { KeptFeatures } from './kept-features.js';
import { openStore } from './store/index.js';
import { loadFixture } from '../test/fixture-docs/cluster.mjs';

const plain = (f: DocFeatures | null) => f && { text: f.text, ids: [...f.terms.ids], weights: [...f.terms.weights], signature: f.signature && [...f.signature] };

test('features decode to exactly what was encoded: halves as bytes, larger or odd weights, no signature', () => {
  const f = loadFixture('two-events');
  for (const d of f.docs) {
    const made = docFeatures(d);
    assert.deepEqual(plain(decodeFeatures(encodeFeatures(made), made.text)), plain(made));
  }
  const odd: DocFeatures = { text: 't', terms: { ids: Int32Array.from([7, -3, 9]), weights: Float64Array.from([1, 300.5, 1.3]) }, signature: null };
  const large: DocFeatures = { text: 't', terms: { ids: Int32Array.from([7, -3]), weights: Float64Array.from([1.5, 200]) }, signature: Uint32Array.from([1, 2 ** 32 - 1]) };
  for (const x of [odd, large]) assert.deepEqual(plain(decodeFeatures(encodeFeatures(x), 't')), plain(x));
  // At any offset of a larger buffer (a row's bytes inside a page): views where aligned and copies decode alike.
  for (const x of [odd, large, docFeatures(f.docs[0])]) {
    const bytes = encodeFeatures(x);
    for (let offset = 0; offset < 8; offset++) {
      const page = new Uint8Array(bytes.length + 16);
      page.set(bytes, offset);
      assert.deepEqual(plain(decodeFeatures(page.subarray(offset, offset + bytes.length), x.text)), plain(x), `at offset ${offset}`);
    }
  }
  assert.equal(decodeFeatures(encodeFeatures(odd).subarray(0, 20), 't'), null, 'cut short');
  assert.notEqual(featuresKey(docFeatures(f.docs[0]).text), featuresKey(docFeatures(f.docs[1]).text));
});

test('a run reads back the stored features of the documents it did not read, and makes and keeps the missing ones', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'newsdesk-features-'));
  const store = await openStore(join(dir, 'store.db'));
  try {
    const f = loadFixture('syndicated-copy');
    const [first, ...rest] = f.docs;
    // An earlier run read all but the first (the first was stored by a newsdesk that kept no features).
    const earlier = new KeptFeatures(store);
    for (const d of rest) earlier.add(docFeatures(d));
    await earlier.flush();

    const kept = new KeptFeatures(store);
    const precounted = new Precounted();
    await kept.load(f.docs, precounted);
    assert.deepEqual(kept.counts, { stored: rest.length, made: 1 });
    for (const d of f.docs) assert.deepEqual([...precounted.terms(d)!.ids], [...docFeatures(d).terms.ids], d.source);
    assert.deepEqual(clusterDocuments(f.docs, undefined, undefined, precounted), clusterDocuments(f.docs));

    const next = new KeptFeatures(store);
    await next.load(f.docs, new Precounted());
    assert.deepEqual(next.counts, { stored: f.docs.length, made: 0 }, 'the missing one was kept');
    // A document whose text changed is not given its old features: they are made again.
    const changed = { ...first, body: first.body + '\n덧붙인 문단이 하나 더 있다.' };
    const again = new KeptFeatures(store);
    await again.load([changed], new Precounted());
    assert.deepEqual(again.counts, { stored: 0, made: 1 });
  } finally {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
});

test('a store that keeps nothing is not asked', async () => {
  const store = await openStore(':memory:');
  const kept = new KeptFeatures(store);
  const f = loadFixture('two-events');
  await kept.load(f.docs, new Precounted());
  assert.deepEqual(kept.counts, { stored: 0, made: 0 });
  await store.close();
});
