// Diagnostics for evals: document-to-document cosines under the same features and batch IDF the
// clusterer uses. All pairs, so for small evaluation sets only — the clusterer itself never does this.
import type { NewsDoc } from '../types.js';
import { CLUSTER_TUNABLES, type ClusterTunables } from './tunables.js';
import { documentTerms } from './features.js';
import { DocFreq, dot, vectorize } from './tfidf.js';

export interface PairSimilarity {
  a: string;
  b: string;
  cosine: number;
}

/** Cosine of every pair of `docs` (ids), computed as the batch clusterer weighs them. */
export function pairCosines(docs: Pick<NewsDoc, 'id' | 'title' | 'body'>[], t: ClusterTunables = CLUSTER_TUNABLES): PairSimilarity[] {
  const df = new DocFreq();
  const tfs = docs.map((d) => documentTerms(d, t));
  for (const tf of tfs) df.observe(tf.keys());
  df.complete = true;
  const vecs = tfs.map((tf) => vectorize(tf, df, { sharedOnly: true, maxStoredTerms: Infinity }));
  const out: PairSimilarity[] = [];
  for (let i = 0; i < docs.length; i++) {
    for (let j = i + 1; j < docs.length; j++) out.push({ a: docs[i].id, b: docs[j].id, cosine: dot(vecs[i], vecs[j]) });
  }
  return out;
}

/**
 * The margin between same-event and unrelated documents: the weakest pair inside one gold group and
 * the strongest pair across groups. `group` maps an id to its gold group, or null for a singleton story.
 */
export function separation(pairs: PairSimilarity[], group: (id: string) => string | null) {
  let weakestSame: PairSimilarity | null = null, strongestOther: PairSimilarity | null = null;
  for (const p of pairs) {
    const ga = group(p.a), gb = group(p.b);
    if (ga !== null && ga === gb) {
      if (!weakestSame || p.cosine < weakestSame.cosine) weakestSame = p;
    } else if (!strongestOther || p.cosine > strongestOther.cosine) strongestOther = p;
  }
  return { weakestSame, strongestOther };
}
