// npm run bench:digest — whole `newsdesk digest` runs as a user runs them, each in its own process:
//   (a) the 997 vims-dev articles;
//   (b) one event of 50, 100, 200, 400 and 1,000 related Korean articles (bench/digest-corpus.ts);
//   (c) 10,000 mixed articles into a file store, then a second digest after adding 100 new ones (into the
//       same store and posts folder, as a user re-digests)
//       (the baseline runs (c) only with --quick: at 10,000 it would take longer than all the rest).
// Each run prints documents/s, peak RSS (GNU time), and per-stage shares read from the progress lines
// on stderr (read+extract up to the last extract line, cluster up to the cluster line, analyze+write up
// to the last analyze line, output = store + JSON + posts until exit). The baseline is another commit
// (default: main) exported with `git archive` and built into a temp folder, run on the same inputs in
// the same invocation, so the ratios hold on a loaded machine.
//
//   npm run bench:digest                      full sizes
//   npm run bench:digest -- --quick           small sizes, for development
//   options: --baseline REF (default main), --baseline-max N (largest event the baseline runs; default 200),
//            --current REF (measure a commit instead of the working tree), --store N (size of (c)),
//            --only a,b,c, --no-baseline
import { execFileSync, spawn } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir, cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { buildCommit, type Build } from './build-commit.js';
import { eventCorpus, mixedCorpus } from './digest-corpus.js';

const repo = fileURLToPath(new URL('..', import.meta.url));
const { values } = parseArgs({
  options: {
    quick: { type: 'boolean', default: false },
    baseline: { type: 'string', default: 'main' },
    current: { type: 'string' },
    'baseline-max': { type: 'string', default: '200' },
    'no-baseline': { type: 'boolean', default: false },
    only: { type: 'string', default: 'a,b,c' },
    store: { type: 'string' },
  },
});
const quick = values.quick!;
const only = new Set(values.only!.split(','));
const EVENT_SIZES = quick ? [50, 100, 200] : [50, 100, 200, 400, 1000];
const STORE_SIZE = values.store ? Number(values.store) : quick ? 1000 : 10_000;
const ADDED = 100;
/** A hang-catcher, not a measurement: a run past this is reported as unfinished. */
const RUN_LIMIT_MS = 20 * 60_000;

const work = mkdtempSync(join(tmpdir(), 'bench-digest-'));
process.on('exit', () => rmSync(work, { recursive: true, force: true }));

interface Run { seconds: number; docs: number; clusters: number; rssMb: number; shares: Record<string, number>; unfinished?: boolean }

const STAGES = ['read+extract', 'cluster', 'analyze+write', 'output'] as const;

/** One digest in a child process; wall time from spawn to exit. `posts`: the posts folder, when runs share one
 *  as a user's runs do (a re-digest then rewrites only the posts that changed). */
function digest(build: Build, inputs: string[], db: string, posts?: string): Promise<Run> {
  const out = mkdtempSync(join(work, 'out-'));
  const rssFile = join(out, 'rss');
  const args = ['-f', '%M', '-o', rssFile, process.execPath, build.cli, 'digest', ...inputs,
    '--json', join(out, 'digest.json'), '--out', posts ?? join(out, 'posts'), '--db', db];
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    const marks: Record<string, number> = {};
    let stdout = '';
    let pending = '';
    const child = spawn('/usr/bin/time', args, { stdio: ['ignore', 'pipe', 'pipe'] });
    const limit = setTimeout(() => child.kill('SIGKILL'), RUN_LIMIT_MS);
    child.stdout.on('data', (b) => (stdout += b));
    child.stderr.on('data', (b) => {
      const now = performance.now() - t0;
      pending += b;
      const lines = pending.split('\n');
      pending = lines.pop()!;
      for (const l of lines) {
        const m = /^(extract|cluster|analyze): (\d+)\/(\d+)$/.exec(l);
        if (m) marks[m[1]] = now; // the last line of each stage
      }
    });
    child.on('error', reject);
    child.on('close', (code, signal) => {
      clearTimeout(limit);
      const end = performance.now() - t0;
      const docs = Number(/read (\d+) of/.exec(stdout)?.[1] ?? 0);
      const clusters = Number(/into (\d+) event cluster/.exec(stdout)?.[1] ?? 0);
      if (code !== 0 && !signal) return reject(new Error(`${build.label}: digest exited with ${code}\n${stdout}`));
      const rssMb = existsSync(rssFile) ? Number(readFileSync(rssFile, 'utf8').trim().split('\n').pop()) / 1024 : NaN;
      const ends = [marks.extract ?? 0, marks.cluster ?? marks.extract ?? 0, marks.analyze ?? marks.cluster ?? 0, end];
      const shares: Record<string, number> = {};
      STAGES.forEach((s, i) => (shares[s] = (ends[i] - (i ? ends[i - 1] : 0)) / end));
      rmSync(out, { recursive: true, force: true });
      resolve({ seconds: end / 1000, docs, clusters, rssMb, shares, unfinished: !!signal });
    });
  });
}

const fmt = (r: Run) =>
  r.unfinished ? `unfinished after ${(RUN_LIMIT_MS / 1000).toFixed(0)} s` :
    `${r.seconds.toFixed(1).padStart(6)} s  ${(r.docs / r.seconds).toFixed(1).padStart(6)} docs/s  ${String(r.clusters).padStart(4)} clusters  peak RSS ${r.rssMb.toFixed(0).padStart(5)} MB  ` +
    STAGES.map((s) => `${s} ${(r.shares[s] * 100).toFixed(0)}%`).join(' · ');

function line(label: string, r: Run, base?: Run) {
  const ratio = base && !base.unfinished && !r.unfinished ? `  ×${(base.seconds / r.seconds).toFixed(2)} faster than base` : '';
  console.log(`  ${label.padEnd(24)} ${fmt(r)}${ratio}`);
}

async function main() {
  console.log(`bench:digest on ${cpus().length} cores, load average ${loadavg().map((l) => l.toFixed(2)).join(' ')} at start${quick ? ' (quick sizes)' : ''}`);
  let current: Build;
  if (values.current) current = buildCommit(work, values.current, 'this');
  else {
    execFileSync(join(repo, 'node_modules', '.bin', 'tsc'), ['-p', repo], { stdio: 'inherit' });
    const head = execFileSync('git', ['-C', repo, 'rev-parse', '--short', 'HEAD'], { encoding: 'utf8' }).trim();
    current = { label: `this ${head}+worktree`, cli: join(repo, 'dist', 'cli', 'main.js') };
  }
  const base = values['no-baseline'] ? null : buildCommit(work, values.baseline!, 'base');
  const baseMax = Number(values['baseline-max']);
  console.log(`current: ${current.label}${base ? `; baseline: ${base.label} (events up to ${baseMax})` : ''}`);

  if (only.has('a')) {
    console.log('\n(a) vims-dev, 997 Vietnamese articles in 150 events');
    const vims = join(repo, '..', 'shared', 'data', 'vims-dev');
    const b = base ? await digest(base, [vims], ':memory:') : undefined;
    if (b) line(base!.label, b);
    line(current.label, await digest(current, [vims], ':memory:'), b);
  }

  if (only.has('b')) {
    console.log('\n(b) one event of related Korean articles');
    const times = new Map<number, number>();
    for (const n of EVENT_SIZES) {
      const dir = join(work, `event-${n}`);
      eventCorpus(dir, n);
      const b = base && n <= baseMax ? await digest(base, [dir], ':memory:') : undefined;
      if (b) line(`${base!.label}, ${n}`, b);
      const r = await digest(current, [dir], ':memory:');
      line(`${current.label}, ${n}`, r, b);
      times.set(n, r.seconds);
      rmSync(dir, { recursive: true, force: true });
    }
    const growth = (from: number, to: number) => (times.get(to)! / times.get(from)!) ** (1 / Math.log2(to / from));
    const pairs = EVENT_SIZES.slice(1).map((n, i) => `${EVENT_SIZES[i]}→${n} ×${growth(EVENT_SIZES[i], n).toFixed(2)}`);
    console.log(`  growth per doubling: ${pairs.join(', ')}; overall ${EVENT_SIZES[1]}→${EVENT_SIZES.at(-1)} ×${growth(EVENT_SIZES[1], EVENT_SIZES.at(-1)!).toFixed(2)}`);
  }

  if (only.has('c')) {
    console.log(`\n(c) ${STORE_SIZE} mixed articles into a file store, then a digest after adding ${ADDED}`);
    const dir = join(work, 'mixed');
    mixedCorpus(dir, STORE_SIZE, 10_014);
    const added = join(work, 'added');
    mixedCorpus(added, ADDED, 20_014, STORE_SIZE);
    const builds = base && values.quick ? [base, current] : [current];
    for (const build of builds) {
      const db = join(work, `store-${build.label.replace(/\W/g, '')}.db`);
      const first = join(work, `mixed-${build.label.replace(/\W/g, '')}`);
      cpSync(dir, first, { recursive: true });
      const posts = join(work, `posts-${build.label.replace(/\W/g, '')}`);
      line(`${build.label}, first`, await digest(build, [first], db, posts));
      cpSync(added, first, { recursive: true });
      line(`${build.label}, +${ADDED}`, await digest(build, [first], db, posts));
    }
  }
}

await main();
