// Key-sentence selection across a cluster: LexRank centrality over character n-gram TF-IDF vectors,
// plus a lead-position prior, similarity to the headlines and cross-outlet support, then MMR to drop
// redundancy. Near-identical sentences from different outlets are merged first and credit every outlet.
import type { KeySentence, Mention, NewsDoc, Quote, Sentence } from '../types.js';
import { KEY_SENTENCES as K } from './tunables.js';
import { documentSentences, headingLike } from './sentences.js';
import { fold } from '../text/fold.js';

/**
 * A unit TF-IDF vector: n-gram ids and weights in the order the n-grams first occur in the sentence
 * (a dot product sums over the smaller vector in that order), and the same by id for lookups.
 */
interface Vector {
  ids: Int32Array;
  ws: Float64Array;
  byId: Map<number, number>;
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
  /** Cosine with a candidate's vector, by the candidate's text (equal texts have equal vectors). */
  cosines: Map<string, number>;
  /** The group states the main event (see `sameFact`). */
  fact: boolean;
}


/** The part of a sentence its vector and quote test read: real sentences are far shorter, an unsplit page is not. */
const scored = (text: string) => (text.length > K.maxScoredChars ? text.slice(0, K.maxScoredChars) : text);

function ngrams(text: string): Map<string, number> {
  const counts = new Map<string, number>();
  const t = fold(scored(text)).replace(/[“”"‘’'「」()[\]<>·,.!?]/g, '');
  for (const n of K.ngramSizes) for (let i = 0; i + n <= t.length; i++) {
    const g = t.slice(i, i + n);
    counts.set(g, (counts.get(g) ?? 0) + 1);
  }
  return counts;
}

/** TF-IDF vectors of `counts`; one counts object given several times (a sentence many reports repeat) is
 *  weighed once and its vector shared, and counts as often as it is given in the document frequencies. */
function tfidf(counts: Map<string, number>[], gramIds: Map<string, number>, idfFrom: Map<string, number>[] = counts): Vector[] {
  const times = new Map<Map<string, number>, number>();
  for (const c of idfFrom) times.set(c, (times.get(c) ?? 0) + 1);
  const df = new Map<string, number>();
  for (const [c, k] of times) for (const g of c.keys()) df.set(g, (df.get(g) ?? 0) + k);
  const n = idfFrom.length;
  const made = new Map<Map<string, number>, Vector>();
  return counts.map((c) => made.get(c) ?? made.set(c, vectorOf(c)).get(c)!);
  function vectorOf(c: Map<string, number>): Vector {
    const ids = new Int32Array(c.size);
    const ws = new Float64Array(c.size);
    let norm = 0;
    let k = 0;
    for (const [g, tf] of c) {
      const w = (1 + Math.log(tf)) * Math.log(1 + n / (df.get(g) ?? 1));
      if (!gramIds.has(g)) gramIds.set(g, gramIds.size);
      ids[k] = gramIds.get(g)!;
      ws[k++] = w;
      norm += w * w;
    }
    norm = Math.sqrt(norm) || 1;
    const byId = new Map<number, number>();
    for (let i = 0; i < ids.length; i++) byId.set(ids[i], (ws[i] /= norm));
    return { ids, ws, byId };
  }
}

/** Sums over the smaller vector (the second on a tie), looking each n-gram up in the larger. */
function cosine(a: Vector, b: Vector): number {
  const [small, large] = a.ids.length < b.ids.length ? [a, b] : [b, a];
  let dot = 0;
  for (let k = 0; k < small.ids.length; k++) dot += small.ws[k] * (large.byId.get(small.ids[k]) ?? 0);
  return dot;
}

/**
 * One vector spread over a dense array, so the cosines it is the larger side of cost one array read per
 * n-gram of the smaller side instead of a hash lookup: the same products summed in the same order, so the
 * same numbers as cosine().
 */
class DenseVector {
  private readonly dense: Float64Array;
  private held: Vector | null = null;

  constructor(dims: number) {
    this.dense = new Float64Array(dims);
  }

  hold(v: Vector): void {
    if (this.held) for (const id of this.held.ids) this.dense[id] = 0;
    for (let k = 0; k < v.ids.length; k++) this.dense[v.ids[k]] = v.ws[k];
    this.held = v;
  }

  /** cosine(small, held) for a vector no larger than the held one. */
  dot(small: Vector): number {
    let dot = 0;
    for (let k = 0; k < small.ids.length; k++) dot += small.ws[k] * this.dense[small.ids[k]];
    return dot;
  }
}

/** sim[i][j] = cosine(vs[i], vs[j]) for all pairs, each vector held dense once for the products it is the larger side of. */
function similarities(vs: Vector[], dense: DenseVector): number[][] {
  const sim = vs.map(() => new Array<number>(vs.length));
  vs.forEach((large, l) => {
    dense.hold(large);
    vs.forEach((v, k) => {
      if (v.ids.length < large.ids.length) sim[k][l] = dense.dot(v); // cosine(v, large) sums over v
      if (v.ids.length <= large.ids.length) sim[l][k] = dense.dot(v); // cosine(large, v) sums over v, also on a tie
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
  let p = new Array(n).fill(1 / n);
  for (let iter = 0; iter < 60; iter++) {
    const next = new Array(n).fill((1 - K.damping) / n);
    for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) if (rows[i][j]) next[j] += K.damping * p[i] * rows[i][j];
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
function group(cands: Candidate[], vectors: Vector[], sameFact: Set<string>, dense: DenseVector): SentenceGroup[] {
  const groups: SentenceGroup[] = [];
  const index: GroupIndex[] = [];
  const fact = (c: Candidate) => sameFact.has(`${c.doc.id}:${c.sentence.start}`);
  cands.forEach((c, i) => {
    const text = c.sentence.text;
    const v = vectors[i];
    dense.hold(v);
    /** cosine(group vector, v), through the dense copy of v when v is the larger side. */
    const cosineWith = (g: Vector) => (g.ids.length < v.ids.length ? dense.dot(g) : cosine(g, v));
    // Asked of every group: worked out once per candidate.
    const isFact = fact(c);
    const utterances = [...c.utterances];
    const at = groups.findIndex((g, k) => {
      const x = index[k];
      if (isFact && x.fact) return true;
      if (x.docs.has(c.doc.id)) return false;
      let cos = x.cosines.get(text);
      if (cos === undefined) x.cosines.set(text, (cos = cosineWith(g.vector)));
      return cos >= K.duplicateCosine || utterances.some((u) => x.utterances.has(u));
    });
    if (at < 0) {
      groups.push({ members: [], vector: vectors[i], score: 0 });
      index.push({ docs: new Set(), utterances: new Set(), cosines: new Map(), fact: false });
    }
    const k = at < 0 ? groups.length - 1 : at;
    groups[k].members.push(c);
    index[k].docs.add(c.doc.id);
    index[k].fact ||= isFact;
    for (const u of c.utterances) index[k].utterances.add(u);
  });
  return groups;
}

export interface KeySentenceOptions {
  /** Fixed number of sentences; default: a share of the distinct sentences (see tunables). */
  count?: number;
  /** The cluster's analysed quotes: sentences quoting one utterance are merged. */
  quotes?: Quote[];
  /** `document:start` of sentences that all state one fact (the main event); they are merged. */
  sameFact?: Set<string>;
}

function rankSentenceGroups(members: NewsDoc[], quotes: Quote[] = [], sameFact = new Set<string>()): SentenceGroup[] {
  const cands = candidates(members, quotes);
  if (!cands.length) return [];
  const titles = [...new Set(members.flatMap((d) => [d.title, ...d.subtitles]).filter((t): t is string => !!t))];
  // One counts object per distinct text: tfidf then weighs a sentence repeated by many reports once.
  const byText = new Map<string, Map<string, number>>();
  const counts = cands.map((c) => byText.get(c.sentence.text) ?? byText.set(c.sentence.text, ngrams(c.sentence.text)).get(c.sentence.text)!);
  const titleCounts = titles.map(ngrams);
  const gramIds = new Map<string, number>();
  const vectors = tfidf(counts, gramIds);
  const titleVectors = tfidf(titleCounts, gramIds, counts);
  const dense = new DenseVector(gramIds.size);
  const groups = group(cands, vectors, sameFact, dense);
  const sim = similarities(groups.map((g) => g.vector), dense);
  const centrality = minmax(lexRank(sim));
  const docCount = new Set(cands.map((c) => c.doc.id)).size;
  groups.forEach((g, i) => {
    const best = Math.min(...g.members.map((m) => m.index));
    const position = 1 / (1 + best / K.positionScale);
    const title = titleVectors.length ? Math.max(...titleVectors.map((t) => cosine(t, g.vector))) : 0;
    const support = docCount > 1 ? (g.members.length - 1) / (docCount - 1) : 0;
    const text = g.members[0].sentence.text;
    const quote = /[“"].{8,}[”"]/.test(scored(text)) ? 1 : 0;
    const long = text.length > K.longChars ? 0.85 : 1;
    g.score = long * (K.weights.centrality * centrality[i] + K.weights.position * position +
      K.weights.title * title + K.weights.support * support + K.weights.quote * quote);
  });
  return groups;
}

export function selectKeySentences(members: NewsDoc[], options: KeySentenceOptions = {}): KeySentence[] {
  const groups = rankSentenceGroups(members, options.quotes, options.sameFact);
  if (!groups.length) return [];
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
      if (last) redundancy.set(g, Math.max(redundancy.get(g)!, cosine(last.vector, g.vector)));
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
