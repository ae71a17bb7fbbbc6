import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DuplicateIndex, estimateJaccard, shingleText, signature } from './minhash.js';
import { CLUSTER_TUNABLES } from './tunables.js';
import { loadFixture } from '../../test/fixture-docs/cluster.mjs';

/** Exact Jaccard of the shingle sets, to check the estimate against. */
function exactJaccard(a: string, b: string, k = CLUSTER_TUNABLES.shingleChars) {
  const set = (s: string) => {
    const t = shingleText(s), out = new Set<string>();
    for (let i = 0; i + k <= t.length; i++) out.add(t.slice(i, i + k));
    return out;
  };
  const x = set(a), y = set(b);
  let both = 0;
  for (const s of x) if (y.has(s)) both++;
  return both / (x.size + y.size - both);
}

const f = loadFixture('syndicated-copy');
const body = (name: string) => f.byName.get(name)!.body;

test('re-spacing and punctuation do not change a signature', () => {
  const a = signature(body('1-original'))!;
  const b = signature(body('1-original').replace(/ /g, '  ').replace(/\./g, '!'))!;
  assert.equal(estimateJaccard(a, b), 1);
});

test('the estimate is close to the exact Jaccard, for a copy and for a rewrite', () => {
  for (const other of ['2-copy', '3-rewrite', '4-other']) {
    const est = estimateJaccard(signature(body('1-original'))!, signature(body(other))!);
    const exact = exactJaccard(body('1-original'), body(other));
    assert.ok(Math.abs(est - exact) < 0.15, `${other}: estimate ${est} vs exact ${exact}`);
  }
});

test('the index finds the copy and not the rewrite or the unrelated story', () => {
  const index = new DuplicateIndex();
  const names = ['1-original', '3-rewrite', '4-other'];
  names.forEach((name, key) => index.add(key, signature(body(name))!));
  const found = index.find(signature(body('2-copy'))!);
  assert.deepEqual(found.map((x) => names[x.key]), ['1-original']);
  assert.ok(found[0].jaccard >= CLUSTER_TUNABLES.duplicateJaccard);
});

test('a text too short to judge has no signature', () => {
  assert.equal(signature('속보 한 줄'), null);
});
