// Speed and memory of the cluster stage at N = 1k, 10k, 50k synthetic articles.
// Articles are built at run time from real sentences (../shared/data/vims-dev): each synthetic event
// draws its own sentences and invented names; each article takes most of its event's sentences plus
// unrelated ones, and a date near the event's day. Nothing is copied into the repository.
// Each N runs in its own child process, so peak RSS (getrusage maxRSS) belongs to that N alone.
// At the first N, if at most ALL_PAIRS_MAX, an all-pairs clusterer (same vectors, same average-link rule, every earlier
// document compared) runs in the same invocation as the baseline for the speed ratio.
//
// --why adds, per N, a diagnostic pass: for each report that started a cluster although an earlier report
// of its event already had one, whether that cluster was compared (and fell short of the join threshold),
// reached by the lookup but ranked past maxCandidates (crowded out), or not reached at all.
//
//   npm run bench:cluster            (or: tsx bench/cluster.ts 1000 10000 50000 [--why])
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { Cluster, NewsDoc } from '../src/types.js';
import { clusterDocuments, CLUSTER_TUNABLES, EventClusterer } from '../src/cluster/index.js';
import { documentTerms } from '../src/cluster/features.js';
import { DocFreq, dot, vectorize, type SparseVector } from '../src/cluster/tfidf.js';
import { makeDoc } from '../test/fixture-docs/cluster.mjs';
import { rng, vietnameseSentences } from './digest-corpus.js';

/** The all-pairs baseline is quadratic: 1k takes ≈2 s, 100k would take hours (a run given 100000 alone sat in it
 *  silently). Past this it is skipped, and the run says so. */
const ALL_PAIRS_MAX = 10_000;

function corpus(n: number): { docs: NewsDoc[]; gold: Map<string, number> } {
  const sentences = vietnameseSentences();
  const r = rng(n);
  const pick = <T>(xs: T[]) => xs[Math.floor(r() * xs.length)];
  // Invented names stand in for the people, places and firms that make a real event distinct (30^4 ≈ 810k names).
  const syllables = 'ka lo mi tan vu rex zo pha quin del sor ny bru ge hal ti mon sa pe dro lu fen wa kir o bel yu cha nor is'.split(' ');
  const name = () => Array.from({ length: 4 }, () => pick(syllables)).join('').replace(/^./, (c) => c.toUpperCase());
  const docs: NewsDoc[] = [];
  const gold = new Map<string, number>();
  for (let event = 0; docs.length < n; event++) {
    const names = [name(), name(), name()];
    const own = Array.from({ length: 10 }, () => pick(sentences));
    const day = Math.floor(r() * 365);
    const size = Math.min(n - docs.length, 2 + Math.floor(r() * 9));
    for (let k = 0; k < size; k++) {
      const body = [...own.filter(() => r() < 0.6), pick(sentences), pick(sentences)]
        .map((s, i) => (i % 3 === 0 ? `${pick(names)} ${s}` : s)).join('\n');
      const date = new Date(Date.UTC(2024, 0, 1 + day + Math.floor(r() * 3))).toISOString().slice(0, 10);
      const doc = makeDoc(`e${event}-${k}`, body, { title: `${names[0]} ${pick(own).slice(0, 60)}`, date });
      docs.push(doc);
      gold.set(doc.id, event);
    }
  }
  return { docs, gold };
}

/** B-cubed precision, recall and F1 of `clusters` against the gold events. */
function bcubed(clusters: Cluster[], gold: Map<string, number>): { p: number; r: number; f1: number } {
  let p = 0, r = 0;
  const goldSize = new Map<number, number>();
  for (const g of gold.values()) goldSize.set(g, (goldSize.get(g) ?? 0) + 1);
  for (const c of clusters) {
    for (const id of c.members) {
      const both = c.members.filter((m) => gold.get(m) === gold.get(id)).length;
      p += both / c.members.length;
      r += both / goldSize.get(gold.get(id)!)!;
    }
  }
  p /= gold.size; r /= gold.size;
  return { p, r, f1: (2 * p * r) / (p + r) };
}

/** The baseline: the same vectors and average-link rule, but each document is compared with every earlier one. */
function allPairs(docs: NewsDoc[]): Cluster[] {
  const df = new DocFreq();
  const tfs = docs.map((d) => documentTerms(d));
  for (const tf of tfs) df.observe(tf.keys());
  df.complete = true;
  const vecs: SparseVector[] = tfs.map((tf) => vectorize(tf, df, { sharedOnly: true, maxStoredTerms: Infinity }));
  const clusterOf: number[] = [];
  const members: number[][] = [];
  for (let i = 0; i < docs.length; i++) {
    const sums = new Map<number, number>();
    for (let j = 0; j < i; j++) sums.set(clusterOf[j], (sums.get(clusterOf[j]) ?? 0) + dot(vecs[i], vecs[j]));
    let best = -1, bestSim: number = CLUSTER_TUNABLES.joinThreshold;
    for (const [c, s] of sums) if (s / members[c].length >= bestSim) [best, bestSim] = [c, s / members[c].length];
    if (best < 0) members.push([]), (best = members.length - 1);
    clusterOf.push(best);
    members[best].push(i);
  }
  return members.map((m, i) => ({ id: String(i), members: m.map((x) => docs[x].id), duplicates: [] }));
}

/** The --why pass (see the header): counts of the three cases, and the ranks of the crowded-out true clusters. */
function why(docs: NewsDoc[], gold: Map<string, number>): Record<string, number> {
  const earlier = new Map<number, string[]>(); // event → ids of its documents added so far
  const out = { compared: 0, crowdedOut: 0, notReached: 0, medianRank: 0 };
  const ranks: number[] = [];
  const clusterer: EventClusterer = new EventClusterer({
    prepared: docs,
    onNewCluster: (doc, reached) => {
      const own = new Set((earlier.get(gold.get(doc.id)!) ?? []).map((id) => clusterer.clusterOf(id)));
      if (!own.size) return; // the event's first report: starting a cluster is right
      const rank = reached.findIndex((id) => own.has(id));
      if (rank < 0) out.notReached++;
      else if (rank < CLUSTER_TUNABLES.maxCandidates) out.compared++;
      else out.crowdedOut++, ranks.push(rank);
    },
  });
  for (const doc of docs) {
    clusterer.add(doc);
    const event = gold.get(doc.id)!;
    earlier.set(event, [...(earlier.get(event) ?? []), doc.id]);
  }
  out.medianRank = ranks.sort((a, b) => a - b)[ranks.length >> 1] ?? 0;
  return out;
}

function child(n: number, baseline: boolean, explain: boolean) {
  const { docs, gold } = corpus(n);
  const rssDocs = process.memoryUsage().rss;
  let t = process.hrtime.bigint();
  const clusters = clusterDocuments(docs);
  const ms = Number(process.hrtime.bigint() - t) / 1e6;
  const { p, r, f1 } = bcubed(clusters, gold);
  const out: Record<string, number> = { n, ms, clusters: clusters.length, p, r, f1, rssDocsMb: rssDocs / 2 ** 20 };
  out.peakRssMb = process.resourceUsage().maxRSS / 1024;
  if (baseline) {
    t = process.hrtime.bigint();
    const base = allPairs(docs);
    out.allPairsMs = Number(process.hrtime.bigint() - t) / 1e6;
    out.allPairsF1 = bcubed(base, gold).f1;
  }
  if (explain) for (const [k, v] of Object.entries(why(docs, gold))) out[`why.${k}`] = v;
  process.stdout.write(JSON.stringify(out));
}

const args = process.argv.slice(2);
const explain = args.includes('--why');
if (args[0] === '--child') {
  child(Number(args[1]), args[2] === 'baseline', explain);
} else {
  const given = args.filter((a) => a !== '--why');
  const sizes = given.length ? given.map(Number) : [1000, 10000, 50000];
  const results: Record<string, number>[] = [];
  if (sizes[0] > ALL_PAIRS_MAX) console.log(`(no all-pairs baseline: it runs only when the first N is at most ${ALL_PAIRS_MAX}, e.g. tsx bench/cluster.ts 1000 ${sizes.join(' ')})`);
  for (const n of sizes) {
    const baseline = n === sizes[0] && n <= ALL_PAIRS_MAX;
    const raw = execFileSync(process.execPath, [...process.execArgv, fileURLToPath(import.meta.url), '--child', String(n), baseline ? 'baseline' : '', ...(explain ? ['--why'] : [])], { encoding: 'utf8', maxBuffer: 1 << 24 });
    const r = JSON.parse(raw);
    results.push(r);
    console.log(`N=${String(n).padStart(6)}  time ${(r.ms / 1000).toFixed(2)} s  peak RSS ${r.peakRssMb.toFixed(0)} MB (corpus alone ${r.rssDocsMb.toFixed(0)} MB)  clusters ${r.clusters}  B-cubed F1 ${r.f1.toFixed(3)} (P ${r.p.toFixed(3)}, R ${r.r.toFixed(3)})`);
    if (explain) {
      console.log(`        why: ${r['why.compared'] + r['why.crowdedOut'] + r['why.notReached']} reports started a cluster although their event had one (add pass, before refine): ` +
        `compared but below the join threshold or out of the date window ${r['why.compared']}, reached but ranked past maxCandidates ${r['why.crowdedOut']} ` +
        `(median rank ${r['why.medianRank']}), not reached ${r['why.notReached']}`);
    }
    if (r.allPairsMs) console.log(`        all-pairs baseline at N=${n}: ${(r.allPairsMs / 1000).toFixed(2)} s (F1 ${r.allPairsF1.toFixed(3)}) → indexed is ${(r.allPairsMs / r.ms).toFixed(1)}× faster`);
  }
  for (let i = 1; i < results.length; i++) {
    const a = results[i - 1], b = results[i];
    console.log(`growth ${a.n}→${b.n} (×${(b.n / a.n).toFixed(0)} documents): time ×${(b.ms / a.ms).toFixed(2)}, peak RSS ×${(b.peakRssMb / a.peakRssMb).toFixed(2)}`);
  }
}
