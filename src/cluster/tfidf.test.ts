import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { Centroid, DocFreq, dot, heaviestTerms, heavyTermsAmong, vectorize, type SparseVector } from './tfidf.js';
import { IntTable } from './int-table.js';

/** A sparse vector from (id, weight) pairs, ids made unique and sorted. */
const sparse = (pairs: [number, number][]): SparseVector => {
  const byId = new Map(pairs);
  const ids = [...byId.keys()].sort((a, b) => a - b);
  return { ids: Int32Array.from(ids), weights: Float32Array.from(ids.map((i) => byId.get(i)!)) };
};
const vectorArb = fc.array(fc.tuple(fc.integer({ min: -2000, max: 2000 }), fc.float({ min: Math.fround(0.01), max: 1, noNaN: true })), { maxLength: 60 }).map(sparse);

test('a centroid dot equals the sum of dots with its members (average link read off one sum)', () => {
  fc.assert(fc.property(fc.array(vectorArb, { minLength: 1, maxLength: 6 }), vectorArb, (members, v) => {
    const c = new Centroid();
    for (const m of members) c.add(m);
    const expected = members.reduce((s, m) => s + dot(m, v), 0);
    assert.ok(Math.abs(c.dot(v) - expected) < 1e-4, `${c.dot(v)} vs ${expected}`);
    assert.equal(c.members, members.length);
  }));
});

test('vectors are unit length, sorted by id, and a closed batch keeps only shared terms', () => {
  const df = new DocFreq();
  const a = new Map([[5, 2], [-7, 1], [9, 1]]), b = new Map([[5, 1], [-7, 3], [11, 1]]);
  df.observe(a.keys());
  df.observe(b.keys());
  df.complete = true;
  const all = vectorize(a, df, { sharedOnly: false, maxStoredTerms: Infinity });
  assert.deepEqual([...all.ids], [-7, 5, 9]);
  assert.ok(Math.abs(all.weights.reduce((s, w) => s + w * w, 0) - 1) < 1e-6);
  const shared = vectorize(a, df, { sharedOnly: true, maxStoredTerms: Infinity });
  assert.deepEqual([...shared.ids], [-7, 5], 'term 9 is in one document only');
  assert.deepEqual([...shared.weights], [...all.weights.slice(0, 2)], 'the dropped term still counts in the norm');
  df.dropSingletons();
  assert.deepEqual(vectorize(a, df, { sharedOnly: true, maxStoredTerms: Infinity }), shared, 'forgetting singletons changes nothing');
  const capped = vectorize(a, df, { sharedOnly: false, maxStoredTerms: 1 });
  assert.deepEqual([...capped.ids], [5], 'the cap keeps the heaviest term (tf 2)');
});

test('heavyTermsAmong: the heaviest terms of the vector, ties at the cut by lowest id, among the given ones', () => {
  // Few ids and few counts: many terms tie at the cut. Term 0 is reserved (IntTable keys).
  const docArb = fc.array(fc.tuple(fc.integer({ min: -40, max: 40 }).filter((k) => k !== 0), fc.constantFrom(1, 1.5, 2, 3)), { minLength: 1, maxLength: 40 })
    .map((pairs) => new Map(pairs));
  fc.assert(fc.property(fc.array(docArb, { minLength: 2, maxLength: 8 }), fc.integer({ min: 1, max: 8 }), fc.integer({ min: 2, max: 8 }),
    fc.array(fc.integer({ min: -40, max: 40 }).filter((k) => k !== 0), { maxLength: 30 }), fc.boolean(),
    (docs, k, maxDf, wanted, drop) => {
      const df = new DocFreq();
      for (const d of docs) df.observe(d.keys());
      df.complete = true;
      if (drop) df.dropSingletons();
      const among = new IntTable();
      for (const id of wanted) among.set(id, 1);
      for (const tf of docs) {
        const heavy = heaviestTerms(vectorize(tf, df, { sharedOnly: true, maxStoredTerms: Infinity }), df, k, 1, maxDf);
        const expected = [...heavy].filter((id) => among.get(id)).sort((a, b) => a - b);
        assert.deepEqual(heavyTermsAmong(tf, df, k, maxDf, among).sort((a, b) => a - b), expected);
        const packed = { ids: Int32Array.from(tf.keys()), weights: Float64Array.from(tf.values()) };
        assert.deepEqual(heavyTermsAmong(packed, df, k, maxDf, among).sort((a, b) => a - b), expected, 'packed counts as the Map');
      }
    }), { numRuns: 300 });
});

test('Centroid.sum: the very float32 sums that adding each vector in turn makes', () => {
  const docArb = fc.array(fc.tuple(fc.integer({ min: -60, max: 60 }).filter((k) => k !== 0), fc.constantFrom(1, 1.5, 2, 2.5, 7)), { minLength: 1, maxLength: 50 })
    .map((pairs) => new Map(pairs));
  fc.assert(fc.property(fc.array(docArb, { minLength: 2, maxLength: 10 }), fc.integer({ min: 1, max: 10 }), (docs, members) => {
    const df = new DocFreq();
    for (const d of docs) df.observe(d.keys());
    df.complete = true;
    const summed = docs.slice(0, members);
    const added = new Centroid();
    for (const tf of summed) added.add(vectorize(tf, df, { sharedOnly: true, maxStoredTerms: Infinity }));
    const packed = summed.map((tf) => ({ ids: Int32Array.from(tf.keys()), weights: Float64Array.from(tf.values()) }));
    const sum = Centroid.sum(packed, df);
    assert.equal(sum.members, added.members);
    // A one-term unit vector reads one weight of a centroid exactly.
    for (let id = -60; id <= 60; id++) {
      if (!id) continue;
      const probe = { ids: Int32Array.of(id), weights: Float32Array.of(1) };
      assert.ok(Object.is(sum.dot(probe), added.dot(probe)), `term ${id}: ${sum.dot(probe)} vs ${added.dot(probe)}`);
    }
    for (const tf of docs) {
      const v = vectorize(tf, df, { sharedOnly: true, maxStoredTerms: Infinity });
      assert.ok(Object.is(sum.dot(v), added.dot(v)));
    }
  }), { numRuns: 200 });
});

test('IntTable counts like a Map, through growth and pruning', () => {
  fc.assert(fc.property(fc.array(fc.integer({ min: -50, max: 50 }).filter((k) => k !== 0), { maxLength: 400 }), (keys) => {
    const table = new IntTable(4), map = new Map<number, number>();
    for (const k of keys) {
      table.add(k, 1);
      map.set(k, (map.get(k) ?? 0) + 1);
    }
    assert.equal(table.size, map.size);
    for (const [k, v] of map) assert.equal(table.get(k), v);
    table.retain((v) => v > 1);
    for (const [k, v] of map) assert.equal(table.get(k), v > 1 ? v : 0);
    const asked = Int32Array.from([...keys, 51, -51]), got = new Int32Array(asked.length);
    table.getAll(asked, asked.length, got);
    assert.deepEqual([...got], [...asked].map((k) => table.get(k)), 'getAll reads as get');
    assert.equal(table.size, [...map.values()].filter((v) => v > 1).length);
  }));
  assert.throws(() => new IntTable().set(0, 1), RangeError);
});
