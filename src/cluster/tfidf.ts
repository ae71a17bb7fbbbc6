// TF-IDF vectors over hashed term ids (features.ts).
//
// IDF choice: document frequencies come from a `DocFreq` table. A batch (`clusterDocuments`) counts
// every document first (one streaming pass), so every vector is weighted with the batch's final IDF.
// Terms seen in a single document can match nothing, so a closed batch drops them from the table after
// counting and from the stored vectors, while they still count in each vector's norm: cosines stay
// exact and memory small. In watch mode (open) the table is updated as documents arrive; a document is
// weighted with the frequencies known when it is added and is not re-weighted later (stale but stable:
// re-weighting would mean recomputing every vector), and it keeps its heaviest terms whether or not
// another document has them yet, because a later one may.
import { IntTable } from './int-table.js';
import type { TermCounts } from './features.js';

export class DocFreq {
  private readonly table = new IntTable(1 << 16);
  documents = 0;
  /** True when every document to be clustered was counted before the first vector was made. */
  complete = false;

  observe(termIds: Iterable<number>): void {
    this.documents++;
    for (const id of termIds) this.table.add(id, 1);
  }
  /**
   * df of a term of a document already counted. After `dropSingletons` such a term may be missing:
   * it was in that document only, so its df is 1.
   */
  get(id: number): number {
    return this.table.get(id) || 1;
  }
  /** get() of ids[0, n) into out[0, n). */
  getAll(ids: Int32Array, n: number, out: Int32Array): void {
    this.table.getAll(ids, n, out);
    for (let i = 0; i < n; i++) out[i] ||= 1;
  }
  /** Smoothed IDF (as scikit-learn) of a term with document frequency `df`: never zero, so a term every
   *  document shares still weighs a little. */
  idfOf(df: number): number {
    // Remembered by df once the frequencies are complete and fixed (a log per term was a third of weighing a vector);
    // a stream that counts each document as it comes would remake the table at every one. Never 0.
    if (!this.complete) return Math.log((1 + this.documents) / (1 + df)) + 1;
    if (this.idfFor !== this.documents) (this.idfs = new Float64Array(Math.min(this.documents, 1 << 20) + 2)), (this.idfFor = this.documents);
    if (df >= this.idfs.length) return Math.log((1 + this.documents) / (1 + df)) + 1;
    return (this.idfs[df] ||= Math.log((1 + this.documents) / (1 + df)) + 1);
  }
  private idfs = new Float64Array(0);
  private idfFor = -1;
  /** Forgets terms counted once (most of a batch's vocabulary); only valid once counting is complete. */
  dropSingletons(): void {
    this.table.retain((df) => df > 1);
  }
}

/** A sparse unit vector: ids ascending, weights aligned. Terms left out still counted in the norm. */
export interface SparseVector {
  ids: Int32Array;
  weights: Float32Array;
}

export interface VectorizeOptions {
  /** Keep only terms another counted document shares (a closed batch with complete frequencies). */
  sharedOnly: boolean;
  /** Keep at most this many terms, the heaviest. */
  maxStoredTerms: number;
}

/** Term counts as a Map, or as two arrays in the Map's order (cluster/precounted.ts): vectorize reads both in that
 *  order, so the same counts give the very same vector. */
export type Terms = TermCounts | { ids: Int32Array; weights: Float64Array };

/** How many distinct terms `tf` holds. */
export const termCount = (tf: Terms): number => (tf instanceof Map ? tf.size : tf.ids.length);

// Scratch for `weigh`, grown as needed: every vector is weighed here first.
let weighedIds = new Int32Array(1024);
let weighedWeights = new Float32Array(1024);
let weighedDf = new Int32Array(1024);

/** 1 + log(count) by twice the count: counts are sums of 1 (body) and titleWeight (1.5), so nearly all are here. */
const TF_WEIGHTS = Float64Array.from({ length: 256 }, (_, twice) => 1 + Math.log(twice / 2));
/** Sublinear TF: 1 + log(count). */
function tfWeight(count: number): number {
  const twice = count * 2;
  return twice < 256 && twice === (twice | 0) ? TF_WEIGHTS[twice] : 1 + Math.log(count);
}

/**
 * Each term's sublinear TF × IDF, in `tf`'s order: the squared norm over every term, and the terms whose df is in
 * [minDf, maxDf] with their weights (rounded to float32, as vectors store them) in weighedIds/weighedWeights[0, n).
 */
function weigh(tf: Terms, df: DocFreq, minDf: number, maxDf: number): { n: number; norm2: number } {
  const size = termCount(tf);
  // One loop over two arrays, not a callback per term (its captured counters were most of the cost).
  const { ids: termIds, weights: counts } = tf instanceof Map ? { ids: Int32Array.from(tf.keys()), weights: Float64Array.from(tf.values()) } : tf;
  if (weighedIds.length < size) (weighedIds = new Int32Array(size * 2)), (weighedWeights = new Float32Array(size * 2)), (weighedDf = new Int32Array(size * 2));
  const ids = weighedIds, weights = weighedWeights, dfs = weighedDf;
  df.getAll(termIds, size, dfs); // one table lookup per term: at 50k documents the table is larger than the cache
  let n = 0, norm2 = 0;
  for (let i = 0; i < size; i++) {
    const id = termIds[i], f = dfs[i];
    const w = tfWeight(counts[i]) * df.idfOf(f);
    norm2 += w * w;
    if (f >= minDf && f <= maxDf) (ids[n] = id), (weights[n++] = w);
  }
  return { n, norm2 };
}

// Scratch for `idOrder`: keys and positions, twice (a radix pass reads one pair and writes the other), grown as needed.
let radixKeys = new Uint32Array(1024), radixKeys2 = new Uint32Array(1024);
let radixOrder = new Int32Array(1024), radixOrder2 = new Int32Array(1024);
const radixCounts = new Int32Array(256);

/**
 * The positions of ids[0, n) in ascending id order (the ids distinct), valid until the next call: a radix sort, a byte
 * a pass. It replaced a native sort of (id, position) pairs packed in float64s, which was most of a vector's cost.
 */
function idOrder(ids: Int32Array, n: number): Int32Array {
  if (radixKeys.length < n) {
    (radixKeys = new Uint32Array(n * 2)), (radixKeys2 = new Uint32Array(n * 2));
    (radixOrder = new Int32Array(n * 2)), (radixOrder2 = new Int32Array(n * 2));
  }
  for (let i = 0; i < n; i++) (radixKeys[i] = (ids[i] ^ 0x80000000) >>> 0), (radixOrder[i] = i); // signed order as unsigned
  radixPass(radixKeys, radixOrder, radixKeys2, radixOrder2, n, 0);
  radixPass(radixKeys2, radixOrder2, radixKeys, radixOrder, n, 8);
  radixPass(radixKeys, radixOrder, radixKeys2, radixOrder2, n, 16);
  radixPass(radixKeys2, radixOrder2, radixKeys, radixOrder, n, 24);
  return radixOrder;
}

/** One stable counting-sort pass of idOrder by the byte at `shift`. */
function radixPass(keys: Uint32Array, order: Int32Array, toKeys: Uint32Array, toOrder: Int32Array, n: number, shift: number): void {
  const counts = radixCounts.fill(0);
  for (let i = 0; i < n; i++) counts[(keys[i] >>> shift) & 255]++;
  for (let b = 0, sum = 0; b < 256; b++) {
    const c = counts[b];
    counts[b] = sum;
    sum += c;
  }
  for (let i = 0; i < n; i++) {
    const to = counts[(keys[i] >>> shift) & 255]++;
    toKeys[to] = keys[i];
    toOrder[to] = order[i];
  }
}

/** Sublinear TF × IDF, L2-normalised over all terms; stores the terms `options` keep. */
export function vectorize(tf: Terms, df: DocFreq, options: VectorizeOptions): SparseVector {
  const weighed = weigh(tf, df, options.sharedOnly ? 2 : 1, Infinity), norm2 = weighed.norm2;
  let n = weighed.n;
  let ids = weighedIds.slice(0, n);
  let weights = weighedWeights.slice(0, n);
  if (n > options.maxStoredTerms) {
    // The k-th heaviest weight is the cut; ties at the cut are kept, then trimmed to exactly k.
    const cut = Float32Array.from(weights).sort()[n - options.maxStoredTerms];
    let k = 0;
    for (let i = 0; i < n && k < options.maxStoredTerms; i++) if (weights[i] >= cut) (ids[k] = ids[i]), (weights[k++] = weights[i]);
    ids = ids.subarray(0, k);
    weights = weights.subarray(0, k);
    n = k;
  }
  const order = idOrder(ids, n);
  const norm = Math.sqrt(norm2) || 1;
  const outIds = new Int32Array(n), outWeights = new Float32Array(n);
  for (let r = 0; r < n; r++) {
    const i = order[r];
    outIds[r] = ids[i];
    outWeights[r] = weights[i] / norm;
  }
  return { ids: outIds, weights: outWeights };
}

/**
 * Ids of the `k` heaviest stored terms with `minDf` ≤ df ≤ `maxDf`, heaviest first. With minDf 2 these
 * are the terms a document shares with some earlier one (worth looking up); with minDf 1, the terms later
 * documents may share. The k-th weight is found with a native sort of the weights (no comparator, no
 * objects); only the k survivors are ordered by a comparator.
 */
export function heaviestTerms(v: SparseVector, df: DocFreq, k: number, minDf: number, maxDf: number): Int32Array {
  const eligible = new Int32Array(v.ids.length);
  let n = 0;
  for (let i = 0; i < v.ids.length; i++) {
    const f = df.get(v.ids[i]);
    if (f >= minDf && f <= maxDf) eligible[n++] = i;
  }
  let picked: number[];
  if (n <= k) picked = Array.from(eligible.subarray(0, n));
  else {
    const sorted = new Float32Array(n);
    for (let r = 0; r < n; r++) sorted[r] = v.weights[eligible[r]];
    const cut = sorted.sort()[n - k];
    picked = [];
    for (let r = 0; r < n && picked.length < k; r++) if (v.weights[eligible[r]] > cut) picked.push(eligible[r]);
    for (let r = 0; r < n && picked.length < k; r++) if (v.weights[eligible[r]] === cut) picked.push(eligible[r]);
  }
  picked.sort((a, b) => v.weights[b] - v.weights[a] || a - b);
  return Int32Array.from(picked, (i) => v.ids[i]);
}

let wanted = new Int32Array(1024);

/**
 * The terms of heaviestTerms(vectorize(tf, df, { sharedOnly: true, maxStoredTerms: Infinity }), df, k, 1, maxDf) that
 * `among` holds (in no particular order), without making the vector: weighed as vectorize weighs (the norm needs every
 * term), then each eligible term of `among` counts the terms ranked before it (heavier, or as heavy with a lower id, as
 * heaviestTerms orders them), stopping at k. Weights are rounded as vectorize rounds them, so the set is the same.
 * (Seeding a large store weighs thousands of reports for the few terms new documents look up: no vector, no sort.)
 */
export function heavyTermsAmong(tf: Terms, df: DocFreq, k: number, maxDf: number, among: IntTable): number[] {
  const { n, norm2 } = weigh(tf, df, 2, maxDf), ids = weighedIds, weights = weighedWeights;
  if (wanted.length < n) wanted = new Int32Array(n * 2);
  let m = 0;
  for (let i = 0; i < n; i++) if (among.get(ids[i])) wanted[m++] = i;
  const out: number[] = [];
  if (!m) return out;
  const norm = Math.sqrt(norm2) || 1;
  for (let i = 0; i < n; i++) weights[i] /= norm;
  for (let j = 0; j < m; j++) {
    const w = weights[wanted[j]], id = ids[wanted[j]];
    let before = 0;
    for (let i = 0; i < n && before < k; i++) if (weights[i] > w || (weights[i] === w && ids[i] < id)) before++;
    if (before < k) out.push(id);
  }
  return out;
}

/** `to` holding `from` at its start. */
function grown<A extends Int32Array | Float32Array>(from: A, to: A): A {
  to.set(from);
  return to;
}

/** Dot product of two sparse vectors (both sorted by id). */
export function dot(a: SparseVector, b: SparseVector): number {
  let i = 0, j = 0, s = 0;
  while (i < a.ids.length && j < b.ids.length) {
    const x = a.ids[i], y = b.ids[j];
    if (x === y) s += a.weights[i++] * b.weights[j++];
    else if (x < y) i++;
    else j++;
  }
  return s;
}

/**
 * The sum of a cluster's report vectors: `dot(v) / members` is v's mean cosine with them (average link).
 * Kept as sorted typed arrays rather than a Map: a tenth of the memory at 50k documents.
 */
export class Centroid {
  // Sorted ids and their summed weights in [0, length); spare capacity after it, so a join merges in
  // place (from the back) instead of allocating two new arrays per member.
  private ids = new Int32Array(0);
  private weights = new Float32Array(0);
  private length = 0;
  members = 0;

  /**
   * The centroid `add` makes of vectorize(tf, df, { sharedOnly: true, maxStoredTerms: Infinity }) of each of `docs` in
   * turn, without making the vectors: every term's float32 sum takes the same addends in the same order, so it is the
   * same, and the ids are sorted once (a centroid summed when first read: incremental placement, clusterer.ts).
   */
  static sum(docs: Terms[], df: DocFreq): Centroid {
    const slots = new IntTable(1 << 10); // id → 1 + its position in ids/weights
    let ids = new Int32Array(1024), weights = new Float32Array(1024), n = 0;
    for (const tf of docs) {
      const { n: found, norm2 } = weigh(tf, df, 2, Infinity);
      const norm = Math.sqrt(norm2) || 1;
      if (ids.length < n + found) {
        const capacity = Math.max(2 * ids.length, n + found);
        ids = grown(ids, new Int32Array(capacity));
        weights = grown(weights, new Float32Array(capacity));
      }
      for (let i = 0; i < found; i++) {
        const id = weighedIds[i], w = Math.fround(weighedWeights[i] / norm), at = slots.get(id);
        if (at) weights[at - 1] += w;
        else (slots.set(id, n + 1)), (ids[n] = id), (weights[n++] = w);
      }
    }
    const order = idOrder(ids, n), c = new Centroid();
    c.ids = new Int32Array(n);
    c.weights = new Float32Array(n);
    for (let r = 0; r < n; r++) (c.ids[r] = ids[order[r]]), (c.weights[r] = weights[order[r]]);
    c.length = n;
    c.members = docs.length;
    return c;
  }

  dot(v: SparseVector): number {
    // Both sides are sorted by id: a merge walk that gallops over the (longer) centroid: from the last
    // match, steps of 1, 2, 4 … find a bracket, then a binary search inside it. The next id is usually
    // near, so this costs O(log gap) per term instead of O(log n).
    const ids = this.ids, n = this.length, vi = v.ids;
    let s = 0, lo = 0;
    for (let i = 0; i < vi.length && lo < n; i++) {
      const target = vi[i];
      if (ids[lo] < target) {
        let step = 1, hi = lo + 1;
        while (hi < n && ids[hi] < target) (lo = hi), (hi += step), (step *= 2);
        if (hi > n) hi = n;
        lo++;
        while (lo < hi) {
          const mid = (lo + hi) >>> 1;
          if (ids[mid] < target) lo = mid + 1;
          else hi = mid;
        }
      }
      if (lo < n && ids[lo] === target) s += this.weights[lo] * v.weights[i];
    }
    return s;
  }

  /** Takes a member's vector back out (a report that moves to another cluster). */
  subtract(v: SparseVector): void {
    const ids = this.ids, weights = this.weights, n = this.length;
    let lo = 0;
    for (let i = 0; i < v.ids.length; i++) {
      while (lo < n && ids[lo] < v.ids[i]) lo++;
      if (lo < n && ids[lo] === v.ids[i]) weights[lo] -= v.weights[i];
    }
    this.members--;
  }

  add(v: SparseVector): void {
    const b = v.ids, bw = v.weights, n = this.length;
    // The merged length: the centroid's terms plus the vector's new ones.
    let union = n, i = 0;
    for (let j = 0; j < b.length; j++) {
      while (i < n && this.ids[i] < b[j]) i++;
      if (i >= n || this.ids[i] !== b[j]) union++;
    }
    if (union > this.ids.length) {
      const capacity = Math.max(union, Math.ceil(this.ids.length * 1.5));
      const ids = new Int32Array(capacity), weights = new Float32Array(capacity);
      ids.set(this.ids.subarray(0, n));
      weights.set(this.weights.subarray(0, n));
      this.ids = ids;
      this.weights = weights;
    }
    // Merge from the back: the write position never passes an unread centroid entry.
    const ids = this.ids, weights = this.weights;
    let a = n - 1, j = b.length - 1, w = union - 1;
    while (j >= 0) {
      if (a >= 0 && ids[a] > b[j]) (ids[w] = ids[a]), (weights[w--] = weights[a--]);
      else if (a >= 0 && ids[a] === b[j]) (ids[w] = ids[a]), (weights[w--] = weights[a--] + bw[j--]);
      else (ids[w] = b[j]), (weights[w--] = bw[j--]);
    }
    this.length = union;
    this.members++;
  }
}
