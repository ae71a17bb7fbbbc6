// Key-sentence selection across a cluster: LexRank centrality over character n-gram TF-IDF vectors,
// plus a lead-position prior, similarity to the headlines and cross-outlet support, then MMR to drop
// redundancy. Near-identical sentences from different outlets are merged first and credit every outlet.
import type { KeySentence, Mention, NewsDoc, Quote, Sentence } from '../types.js';
import { KEY_SENTENCES as K } from './tunables.js';
import { documentSentences, headingLike } from './sentences.js';
import { fold } from '../text/fold.js';
import { GramTable } from './gram-table.js';

/**
 * A unit TF-IDF vector: n-gram ids and weights in the order the n-grams first occur in the sentence
 * (a dot product sums over the smaller vector in that order).
 */
interface Vector {
  ids: Int32Array;
  ws: Float64Array;
}

/** A text's distinct n-grams in the order they first occur (the 2-grams, then the 3-grams), and their counts. */
interface Grams {
  ids: Int32Array;
  tfs: Int32Array;
}

interface Candidate {
  doc: NewsDoc;
  sentence: Sentence;
  /** Index among the document's usable sentences. */
  index: number;
  /** Utterance ids of the analysed quotes inside the sentence. */
  utterances: Set<string>;
}

/** A sentence as the cluster tells it: one or more near-identical candidates. */
interface SentenceGroup {
  members: Candidate[];
  vector: Vector;
  score: number;
}

/** What grouping asks of a group for each candidate, kept up to date instead of rescanning its members. */
interface GroupIndex {
  docs: Set<string>;
  utterances: Set<string>;
  /** Whether the group's sentence and a candidate's are near-identical, by the candidate's text (equal texts have equal vectors). */
  same: Map<string, boolean>;
  /** The group states the main event (see `sameFact`). */
  fact: boolean;
}

/** The part of a sentence its vector and quote test read: real sentences are far shorter, an unsplit page is not. */
const scored = (text: string) => (text.length > K.maxScoredChars ? text.slice(0, K.maxScoredChars) : text);

/** Counts the n-grams of one text after another; `counts` is all zeros between texts. */
class GramCounter {
  readonly table = new GramTable();
  private counts = new Int32Array(1024);

  of(text: string): Grams {
    const t = fold(scored(text)).replace(/[“”"‘’'「」()[\]<>·,.!?]/g, '');
    const order: number[] = [];
    for (const n of K.ngramSizes) for (let i = 0; i + n <= t.length; i++) {
      const id = this.table.id(t, i, n);
      if (id >= this.counts.length) this.grow();
      if (this.counts[id]++ === 0) order.push(id);
    }
    const ids = Int32Array.from(order);
    const tfs = new Int32Array(ids.length);
    for (let k = 0; k < ids.length; k++) {
      tfs[k] = this.counts[ids[k]];
      this.counts[ids[k]] = 0;
    }
    return { ids, tfs };
  }

  private grow(): void {
    const counts = new Int32Array(this.counts.length * 2);
    counts.set(this.counts);
    this.counts = counts;
  }
}

/** TF-IDF vectors of `counts`; one counts object given several times (a sentence many reports repeat) is
 *  weighed once and its vector shared, and counts as often as it is given in the document frequencies.
 *  `dims`: the n-gram ids in use. */
function tfidf(counts: Grams[], dims: number, idfFrom: Grams[] = counts): Vector[] {
  const times = new Map<Grams, number>();
  for (const c of idfFrom) times.set(c, (times.get(c) ?? 0) + 1);
  const df = new Float64Array(dims);
  for (const [c, k] of times) for (let i = 0; i < c.ids.length; i++) df[c.ids[i]] += k;
  const n = idfFrom.length;
  const made = new Map<Grams, Vector>();
  return counts.map((c) => made.get(c) ?? made.set(c, vectorOf(c)).get(c)!);
  function vectorOf({ ids, tfs }: Grams): Vector {
    const ws = new Float64Array(ids.length);
    let norm = 0;
    for (let k = 0; k < ids.length; k++) {
      const w = (1 + Math.log(tfs[k])) * Math.log(1 + n / (df[ids[k]] || 1)); // no df: a title's n-gram no sentence has
      ws[k] = w;
      norm += w * w;
    }
    norm = Math.sqrt(norm) || 1;
    for (let k = 0; k < ws.length; k++) ws[k] /= norm;
    return { ids, ws };
  }
}

/**
 * One vector spread over a dense array, so that a dot product costs one array read per n-gram of the other
 * vector instead of a hash lookup.
 */
class DenseVector {
  private readonly dense: Float64Array;
  private held: Vector | null = null;

  constructor(dims: number) {
    this.dense = new Float64Array(dims);
  }

  hold(v: Vector): void {
    if (this.held === v) return;
    if (this.held) for (const id of this.held.ids) this.dense[id] = 0;
    for (let k = 0; k < v.ids.length; k++) this.dense[v.ids[k]] = v.ws[k];
    this.held = v;
  }

  /** The held vector's dot product with `v`, summed over `v` in its order. */
  dot(v: Vector): number {
    let dot = 0;
    for (let k = 0; k < v.ids.length; k++) dot += v.ws[k] * this.dense[v.ids[k]];
    return dot;
  }
}

/** The cosine of two unit vectors, summed over the smaller (the second on a tie) in its order, with the larger held in `dense`. */
function cosine(a: Vector, b: Vector, dense: DenseVector): number {
  const [small, large] = a.ids.length < b.ids.length ? [a, b] : [b, a];
  dense.hold(large);
  return dense.dot(small);
}

/** sim[i][j] = cosine(vs[i], vs[j]) for all pairs, each vector held dense once for the products it is the larger side of. */
function similarities(vs: Vector[], dense: DenseVector): number[][] {
  const sim = vs.map(() => new Array<number>(vs.length));
  vs.forEach((large, l) => {
    dense.hold(large);
    vs.forEach((v, k) => {
      if (v.ids.length < large.ids.length) sim[k][l] = sim[l][k] = dense.dot(v); // cosine(v, large) and cosine(large, v) both sum over v
      else if (v.ids.length === large.ids.length) sim[l][k] = dense.dot(v); // cosine(large, v) sums over v on a tie
    });
  });
  return sim;
}

/** Power iteration over the thresholded, row-normalised similarity graph. */
function lexRank(sim: number[][]): number[] {
  const n = sim.length;
  if (!n) return [];
  const rows = sim.map((row, i) => {
    const kept = row.map((s, j) => (i !== j && s >= K.edgeThreshold ? s : 0));
    const sum = kept.reduce((a, b) => a + b, 0);
    return sum ? kept.map((s) => s / sum) : kept.map((_, j) => (j === i ? 0 : 1 / Math.max(1, n - 1)));
  });
  // Each row's edges (its non-zero columns, in order): the products the dense loop would add, in its order.
  const edges = rows.map((row) => {
    const cols: number[] = [];
    for (let j = 0; j < n; j++) if (row[j]) cols.push(j);
    return cols;
  });
  let p = new Array(n).fill(1 / n);
  for (let iter = 0; iter < 60; iter++) {
    const next = new Array(n).fill((1 - K.damping) / n);
    for (let i = 0; i < n; i++) {
      const row = rows[i];
      for (const j of edges[i]) next[j] += K.damping * p[i] * row[j];
    }
    const delta = next.reduce((d, x, i) => d + Math.abs(x - p[i]), 0);
    p = next;
    if (delta < 1e-8) break;
  }
  return p;
}

const minmax = (xs: number[]) => {
  const lo = Math.min(...xs), hi = Math.max(...xs);
  return xs.map((x) => (hi > lo ? (x - lo) / (hi - lo) : xs.length === 1 ? 1 : 0.5));
};

/** Usable sentences of the members; reports speak for the event, derivatives only when there is nothing else. */
function candidates(members: NewsDoc[], quotes: Quote[]): Candidate[] {
  const reports = members.filter((d) => d.kind === 'report');
  const pool = reports.length ? reports : members;
  const quotesByDoc = new Map<string, Quote[]>();
  for (const q of quotes) {
    const list = quotesByDoc.get(q.document);
    if (list) list.push(q);
    else quotesByDoc.set(q.document, [q]);
  }
  const pick = (minChars: number) => {
    const out: Candidate[] = [];
    for (const doc of pool) {
      const all = documentSentences(doc);
      const docQuotes = quotesByDoc.get(doc.id) ?? [];
      let index = 0;
      for (const sentence of all) {
        if (index >= K.maxPerDocument) break; // ranking compares every pair: the candidate set is capped
        if (fold(scored(sentence.text)).length < minChars || headingLike(sentence, all, doc.title)) continue;
        const utterances = new Set(docQuotes
          .filter((q) => q.start >= sentence.start && q.end <= sentence.end)
          .map((q) => q.utterance));
        out.push({ doc, sentence, index: index++, utterances });
      }
    }
    return out;
  };
  const out = pick(K.minChars);
  return out.length >= K.min ? out : pick(K.fallbackMinChars);
}

/**
 * Merges sentences that say one thing: near-identical wording across documents, quotes of one
 * utterance, and the statements of the main event itself (`sameFact`: who met whom, said five ways
 * by five outlets, is one fact). The earliest, most complete wording leads.
 */
function group(cands: Candidate[], vectors: Vector[], sameFact: Set<string>, dense: DenseVector, other: DenseVector): SentenceGroup[] {
  const groups: SentenceGroup[] = [];
  const index: GroupIndex[] = [];
  const fact = (c: Candidate) => sameFact.has(`${c.doc.id}:${c.sentence.start}`);
  cands.forEach((c, i) => {
    const text = c.sentence.text;
    const v = vectors[i];
    dense.hold(v);
    // Asked of every group: worked out once per candidate.
    const isFact = fact(c);
    const utterances = [...c.utterances];
    const at = groups.findIndex((g, k) => {
      const x = index[k];
      if (isFact && x.fact) return true;
      if (x.docs.has(c.doc.id)) return false;
      let same = x.same.get(text);
      if (same === undefined) x.same.set(text, (same = nearIdentical(g.vector, v, dense, other)));
      return same || utterances.some((u) => x.utterances.has(u));
    });
    if (at < 0) {
      groups.push({ members: [], vector: vectors[i], score: 0 });
      index.push({ docs: new Set(), utterances: new Set(), same: new Map(), fact: false });
    }
    const k = at < 0 ? groups.length - 1 : at;
    groups[k].members.push(c);
    index[k].docs.add(c.doc.id);
    index[k].fact ||= isFact;
    for (const u of c.utterances) index[k].utterances.add(u);
  });
  return groups;
}

/** How far a dot product summed in another order may be from cosine()'s sum: the same products, so rounding
 *  alone (about 1e-16 per term, a few hundred terms), far below this. */
const REORDER_SLACK = 1e-9;

/**
 * cosine(g, v) >= duplicateCosine, with v held in `dense`. When g is the larger side, cosine() sums over v
 * with g's weights; summing over g with v's (one array read per n-gram of g, with no hold of g) gives the
 * same products in another order, which decides unless it falls within REORDER_SLACK of the threshold.
 */
function nearIdentical(g: Vector, v: Vector, dense: DenseVector, other: DenseVector): boolean {
  const dot = dense.dot(g);
  if (g.ids.length < v.ids.length || Math.abs(dot - K.duplicateCosine) > REORDER_SLACK) return dot >= K.duplicateCosine;
  return cosine(g, v, other) >= K.duplicateCosine;
}

export interface KeySentenceOptions {
  /** Fixed number of sentences; default: a share of the distinct sentences (see tunables). */
  count?: number;
  /** The cluster's analysed quotes: sentences quoting one utterance are merged. */
  quotes?: Quote[];
  /** `document:start` of sentences that all state one fact (the main event); they are merged. */
  sameFact?: Set<string>;
}

/** The cluster's sentence groups, scored, and two dense arrays as wide as their vectors for further cosines. */
function rankSentenceGroups(members: NewsDoc[], quotes: Quote[] = [], sameFact = new Set<string>()): { groups: SentenceGroup[]; dense: DenseVector; other: DenseVector } | null {
  const cands = candidates(members, quotes);
  if (!cands.length) return null;
  const titles = [...new Set(members.flatMap((d) => [d.title, ...d.subtitles]).filter((t): t is string => !!t))];
  // One counts object per distinct text: tfidf then weighs a sentence repeated by many reports once.
  const grams = new GramCounter();
  const byText = new Map<string, Grams>();
  const counts = cands.map((c) => byText.get(c.sentence.text) ?? byText.set(c.sentence.text, grams.of(c.sentence.text)).get(c.sentence.text)!);
  const titleCounts = titles.map((t) => grams.of(t));
  const dims = grams.table.size;
  const vectors = tfidf(counts, dims);
  const titleVectors = tfidf(titleCounts, dims, counts);
  const dense = new DenseVector(dims);
  const other = new DenseVector(dims);
  const groups = group(cands, vectors, sameFact, dense, other);
  const sim = similarities(groups.map((g) => g.vector), dense);
  const centrality = minmax(lexRank(sim));
  const docCount = new Set(cands.map((c) => c.doc.id)).size;
  groups.forEach((g, i) => {
    const best = Math.min(...g.members.map((m) => m.index));
    const position = 1 / (1 + best / K.positionScale);
    const title = titleVectors.length ? Math.max(...titleVectors.map((t) => cosine(t, g.vector, t.ids.length < g.vector.ids.length ? dense : other))) : 0;
    const support = docCount > 1 ? (g.members.length - 1) / (docCount - 1) : 0;
    const text = g.members[0].sentence.text;
    const quote = /[“"].{8,}[”"]/.test(scored(text)) ? 1 : 0;
    const long = text.length > K.longChars ? 0.85 : 1;
    g.score = long * (K.weights.centrality * centrality[i] + K.weights.position * position +
      K.weights.title * title + K.weights.support * support + K.weights.quote * quote);
  });
  return { groups, dense, other };
}

export function selectKeySentences(members: NewsDoc[], options: KeySentenceOptions = {}): KeySentence[] {
  const ranked = rankSentenceGroups(members, options.quotes, options.sameFact);
  if (!ranked?.groups.length) return [];
  const { groups, dense, other } = ranked;
  const count = Math.min(groups.length,
    options.count ?? Math.max(K.min, Math.min(K.max, Math.round(groups.length * K.ratio))));
  const picked: SentenceGroup[] = [];
  const left = new Set(groups);
  // Each group's greatest cosine with the picked ones, brought up to date with the last pick only
  // (the same maximum as over all picks each round, without recomputing count² cosines per group).
  const redundancy = new Map<SentenceGroup, number>(groups.map((g) => [g, -Infinity]));
  while (picked.length < count && left.size) {
    let best: SentenceGroup | null = null, bestValue = -Infinity;
    const last = picked[picked.length - 1];
    for (const g of left) {
      if (last) redundancy.set(g, Math.max(redundancy.get(g)!, cosine(last.vector, g.vector, last.vector.ids.length < g.vector.ids.length ? other : dense)));
      const value = K.mmrLambda * g.score - (1 - K.mmrLambda) * (last ? redundancy.get(g)! : 0);
      if (value > bestValue) [best, bestValue] = [g, value];
    }
    picked.push(best!);
    left.delete(best!);
  }
  return picked.map((g) => ({
    text: g.members[0].sentence.text,
    score: Math.round(g.score * 1000) / 1000,
    mentions: g.members.map((m): Mention => ({ document: m.doc.id, start: m.sentence.start, end: m.sentence.end })),
  }));
}
