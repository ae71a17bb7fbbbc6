// TF-IDF vectors over interned term ids.
//
// IDF choice: document frequencies come from a `DocFreq` table. A batch (`clusterDocuments`) counts
// every document first (one streaming pass), so every vector is weighted with the batch's final IDF
// and terms seen in a single document are left out of the stored vector (they can match nothing) while
// still counting in its norm, which keeps cosines exact and memory small. In watch mode the table is
// updated as documents arrive; a document is weighted with the frequencies known when it is added and
// is not re-weighted later (stale but stable, and re-weighting would mean recomputing every vector).
import { CLUSTER_TUNABLES } from './tunables.js';
import type { TermCounts } from './features.js';

/** Interns term strings as small integers, so vectors and postings hold numbers. */
export class Vocabulary {
  private readonly ids = new Map<string, number>();
  id(term: string): number {
    let id = this.ids.get(term);
    if (id === undefined) this.ids.set(term, (id = this.ids.size));
    return id;
  }
  get size() {
    return this.ids.size;
  }
}

export class DocFreq {
  /** df by term id; grows with the vocabulary. */
  private df = new Uint32Array(1024);
  documents = 0;
  /** True when every document to be clustered was counted before the first vector was made. */
  complete = false;

  observe(termIds: Iterable<number>): void {
    this.documents++;
    for (const id of termIds) {
      if (id >= this.df.length) {
        const grown = new Uint32Array(Math.max(id + 1, this.df.length * 2));
        grown.set(this.df);
        this.df = grown;
      }
      this.df[id]++;
    }
  }
  get(id: number): number {
    return id < this.df.length ? this.df[id] : 0;
  }
  /** Smoothed IDF (as scikit-learn): never zero, so a term every document shares still weighs a little. */
  idf(id: number): number {
    return Math.log((1 + this.documents) / (1 + this.get(id))) + 1;
  }
}

/** A sparse unit vector: ids ascending, weights aligned. Terms left out still counted in the norm. */
export interface SparseVector {
  ids: Int32Array;
  weights: Float32Array;
}

/** Interns a document's terms (the ids are what DocFreq counts). */
export function internTerms(counts: TermCounts, vocab: Vocabulary): Map<number, number> {
  const out = new Map<number, number>();
  for (const [term, tf] of counts) out.set(vocab.id(term), tf);
  return out;
}

/**
 * Sublinear TF × IDF, L2-normalised over all terms. With complete frequencies only terms shared with
 * another document are stored; otherwise the heaviest `maxStoredTerms` are.
 */
export function vectorize(tf: Map<number, number>, df: DocFreq, maxStoredTerms = CLUSTER_TUNABLES.maxStoredTerms): SparseVector {
  const entries: [number, number][] = [];
  let norm2 = 0;
  for (const [id, count] of tf) {
    const w = (1 + Math.log(count)) * df.idf(id);
    norm2 += w * w;
    if (!df.complete || df.get(id) > 1) entries.push([id, w]);
  }
  if (!df.complete && entries.length > maxStoredTerms) {
    entries.sort((a, b) => b[1] - a[1]);
    entries.length = maxStoredTerms;
  }
  entries.sort((a, b) => a[0] - b[0]);
  const norm = Math.sqrt(norm2) || 1;
  const ids = new Int32Array(entries.length);
  const weights = new Float32Array(entries.length);
  entries.forEach(([id, w], i) => {
    ids[i] = id;
    weights[i] = w / norm;
  });
  return { ids, weights };
}

/**
 * Ids of the `k` heaviest stored terms with `minDf` ≤ df ≤ `maxDf`. With minDf 2 these are the terms a
 * document shares with some earlier one (worth looking up); with minDf 1, the terms later documents may share.
 */
export function heaviestTerms(v: SparseVector, df: DocFreq, k: number, minDf: number, maxDf: number): number[] {
  const order: number[] = [];
  for (let i = 0; i < v.ids.length; i++) {
    const n = df.get(v.ids[i]);
    if (n >= minDf && n <= maxDf) order.push(i);
  }
  order.sort((a, b) => v.weights[b] - v.weights[a]);
  return order.slice(0, k).map((i) => v.ids[i]);
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
  private ids = new Int32Array(0);
  private weights = new Float32Array(0);
  members = 0;

  dot(v: SparseVector): number {
    // Both sides are sorted by id: a merge walk, galloping over the longer side with binary search.
    const ids = this.ids, n = ids.length;
    let s = 0, lo = 0;
    for (let i = 0; i < v.ids.length && lo < n; i++) {
      const target = v.ids[i];
      let hi = n;
      while (lo < hi) {
        const mid = (lo + hi) >>> 1;
        if (ids[mid] < target) lo = mid + 1;
        else hi = mid;
      }
      if (lo < n && ids[lo] === target) s += this.weights[lo] * v.weights[i];
    }
    return s;
  }

  add(v: SparseVector): void {
    const a = this.ids, aw = this.weights, b = v.ids, bw = v.weights;
    const ids = new Int32Array(a.length + b.length), weights = new Float32Array(a.length + b.length);
    let i = 0, j = 0, k = 0;
    while (i < a.length || j < b.length) {
      if (j >= b.length || (i < a.length && a[i] < b[j])) (ids[k] = a[i]), (weights[k++] = aw[i++]);
      else if (i >= a.length || b[j] < a[i]) (ids[k] = b[j]), (weights[k++] = bw[j++]);
      else (ids[k] = a[i]), (weights[k++] = aw[i++] + bw[j++]);
    }
    this.ids = ids.slice(0, k);
    this.weights = weights.slice(0, k);
    this.members++;
  }
}
