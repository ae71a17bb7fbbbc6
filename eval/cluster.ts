// Quality gate of the cluster stage. Runs the built CLI on two sets and checks pinned floors:
//   1. vims-dev (997 Vietnamese articles, 150 events): B-cubed F1 from ../shared/tools/score-clusters.mjs;
//   2. Korean false merges: the 5 seed documents (one event: 4 reports + 1 derived blog post) digested
//      together with 50 unrelated Korean science/IT stories (sci-news-sum-kr-50). The seeds must form
//      exactly one cluster, no cluster may mix a seed with another story, and merges among the 50 are listed.
//      The margin is printed: the weakest cosine between two seeds (reports only, then with the derived
//      post) against the strongest between documents of different stories, as the clusterer weighs them.
//   3. Same outlet, same day, different stories (fixtures/cluster/same-outlet-en, same-outlet-ko: our own
//      wire copy sharing datelines, bylines, end marks, copyright lines and related-news lists, plus one
//      other outlet's report of one story): documents of different stories in one cluster are false
//      merges, counted per language; the margin (weakest same-story pair, strongest cross-story pair) is printed.
// Usage: npm run eval:cluster   (builds first; exits 1 below a floor in eval/floors.json → "cluster")
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { pairCosines, separation, type PairSimilarity } from '../src/cluster/margins.js';
import { CLUSTER_TUNABLES } from '../src/cluster/tunables.js';
import { digestToJson, readFloors, root, shared } from './harness.mjs';

const floors = readFloors().cluster as {
  vimsBcubedF1: number;
  koreanFalseMerges: number;
  seedClusterExact: boolean;
  sameOutletFalseMerges: number;
};

const scratch = mkdtempSync(join(tmpdir(), 'newsdesk-eval-cluster-'));
const run = (cmd: string, args: string[]) => execFileSync(cmd, args, { cwd: root, encoding: 'utf8', maxBuffer: 1 << 28 });
// The problem lists of 1000 documents would bury the report; they stay with the error if a run fails.
const digest = (inputs: string[], out: string): number => digestToJson(inputs, out, { stderr: 'pipe' });
const failures: string[] = [];
const showPair = (p: PairSimilarity | null, name: Map<string, string>) => (p ? `${p.cosine.toFixed(3)} (${name.get(p.a)} + ${name.get(p.b)})` : 'n/a');

try {
  // 1. vims-dev
  const vimsJson = join(scratch, 'vims.json');
  const seconds = digest([join(shared, 'data', 'vims-dev')], vimsJson);
  const scored = run(process.execPath, [join(shared, 'tools', 'score-clusters.mjs'), vimsJson]);
  process.stdout.write(`vims-dev (digest ${seconds.toFixed(1)} s):\n${scored}`);
  const f1 = Number(/B-cubed.*F1\s+([\d.]+)%/.exec(scored)?.[1]) / 100;
  if (!(f1 >= floors.vimsBcubedF1)) failures.push(`vims-dev B-cubed F1 ${f1.toFixed(3)} < floor ${floors.vimsBcubedF1}`);

  // 2. Korean: seeds + 50 unrelated stories
  const sci = join(scratch, 'sci');
  run(process.execPath, [join(shared, 'tools', 'score-summary.mjs'), '--write-inputs', sci]);
  const seeds = readdirSync(join(shared, 'seeds')).filter((f) => f.endsWith('.txt')).map((f) => join(shared, 'seeds', f));
  const koJson = join(scratch, 'ko.json');
  digest([sci, ...seeds], koJson);
  type Doc = { id: string; source: string; title: string | null; body: string; kind: string };
  const ko = JSON.parse(readFileSync(koJson, 'utf8')) as { documents: Doc[]; clusters: { members: string[] }[] };
  const name = new Map(ko.documents.map((d) => [d.id, basename(d.source)]));
  const seedNames = new Set(seeds.map((s) => basename(s)));
  const isSeed = (id: string) => seedNames.has(name.get(id)!);
  const seedClusters = ko.clusters.filter((c) => c.members.some(isSeed));
  const mixed = seedClusters.filter((c) => c.members.some((m) => !isSeed(m)));
  const seedExact = seedClusters.length === 1 && seedClusters[0].members.length === seedNames.size && !mixed.length;
  const merged = ko.clusters.filter((c) => !c.members.some(isSeed) && c.members.length > 1);
  const falseMerges = merged.reduce((n, c) => n + c.members.length - 1, 0);
  console.log(`korean: ${ko.documents.length} documents → ${ko.clusters.length} clusters`);
  console.log(`  seeds: ${seedClusters.length} cluster(s), sizes ${seedClusters.map((c) => c.members.length).join(',')}; mixed with other stories: ${mixed.length}`);
  console.log(`  merges among the 50 unrelated stories: ${falseMerges}${merged.map((c) => `\n    ${c.members.map((m) => name.get(m)).join(' + ')}`).join('')}`);
  const storyOf = (id: string) => (isSeed(id) ? 'seeds' : null);
  const show = (p: PairSimilarity | null) => showPair(p, name);
  const reports = separation(pairCosines(ko.documents.filter((d) => d.kind !== 'derivative')), storyOf);
  const all = separation(pairCosines(ko.documents), storyOf);
  console.log(`  margin, reports: weakest seed pair ${show(reports.weakestSame)}; strongest pair of different stories ${show(reports.strongestOther)}; join threshold ${CLUSTER_TUNABLES.joinThreshold}`);
  console.log(`  margin, with the derived post: weakest seed pair ${show(all.weakestSame)}; strongest pair of different stories ${show(all.strongestOther)}; derivative threshold ${CLUSTER_TUNABLES.derivativeJoinThreshold}`);
  // The join threshold must sit inside the gap: above every unrelated pair, below every pair of seed reports.
  if (reports.strongestOther && reports.strongestOther.cosine >= CLUSTER_TUNABLES.joinThreshold) failures.push(`unrelated Korean stories reach the join threshold: ${show(reports.strongestOther)}`);
  if (reports.weakestSame && reports.weakestSame.cosine < CLUSTER_TUNABLES.joinThreshold) failures.push(`two seed reports fall below the join threshold: ${show(reports.weakestSame)}`);
  if (floors.seedClusterExact && !seedExact) failures.push('the five seeds do not form exactly one cluster of their own');
  if (falseMerges > floors.koreanFalseMerges) failures.push(`${falseMerges} merges among unrelated Korean stories > floor ${floors.koreanFalseMerges}`);

  // 3. same outlet, same day, different stories
  for (const [language, fixture] of [['English', 'same-outlet-en'], ['Korean', 'same-outlet-ko']]) {
    const dir = join(root, 'fixtures', 'cluster', fixture);
    const stories = (JSON.parse(readFileSync(join(dir, 'expected.json'), 'utf8')) as { stories: string[][] }).stories;
    const storyOfFile = new Map(stories.flatMap((s, i) => s.map((f) => [`${f}.txt`, i] as const)));
    const out = join(scratch, `${fixture}.json`);
    digest([dir], out);
    const got = JSON.parse(readFileSync(out, 'utf8')) as { documents: { id: string; source: string; title: string | null; body: string }[]; clusters: { members: string[] }[] };
    const file = new Map(got.documents.map((d) => [d.id, basename(d.source)]));
    const story = (id: string) => storyOfFile.get(file.get(id)!) ?? -1;
    // A cluster's false merges: its members that are not of its most common story.
    let merges = 0;
    const mixed: string[] = [];
    for (const c of got.clusters) {
      const counts = new Map<number, number>();
      for (const m of c.members) counts.set(story(m), (counts.get(story(m)) ?? 0) + 1);
      const extra = c.members.length - Math.max(...counts.values());
      if (extra) mixed.push(c.members.map((m) => file.get(m)).join(' + '));
      merges += extra;
    }
    const joined = stories.filter((s) => s.length > 1 && got.clusters.some((c) => s.every((f) => c.members.some((m) => file.get(m) === `${f}.txt`)))).length;
    const margin = separation(pairCosines(got.documents), (id) => String(story(id)));
    console.log(`same outlet, same day (${language}): ${got.documents.length} documents of ${stories.length} stories → ${got.clusters.length} clusters; false merges ${merges}${mixed.map((m) => `\n    ${m}`).join('')}`);
    const show = (p: PairSimilarity | null) => showPair(p, file);
    console.log(`  same-story groups joined: ${joined}/${stories.filter((s) => s.length > 1).length}; margin: weakest same-story pair ${show(margin.weakestSame)}, strongest cross-story pair ${show(margin.strongestOther)}; join threshold ${CLUSTER_TUNABLES.joinThreshold}`);
    if (merges > floors.sameOutletFalseMerges) failures.push(`${merges} false merges among same-outlet ${language} stories > floor ${floors.sameOutletFalseMerges}`);
  }
} finally {
  rmSync(scratch, { recursive: true, force: true });
}

if (failures.length) {
  console.error(`FAIL:\n  ${failures.join('\n  ')}`);
  process.exit(1);
}
console.log(`PASS (floors: ${JSON.stringify(floors)})`);
