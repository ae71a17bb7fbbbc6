// npm run bench:digest-scale — does a whole `newsdesk digest --json` of many small articles finish, and in
// how much memory? For each size N: N mixed articles (bench/digest-corpus.ts, built at run time, never
// committed) are digested into a new file store in their own process (`nice -n 5`, under GNU time), and
// the run prints wall time, documents/s, peak RSS, documents and clusters, and whether the JSON parses
// (checked streaming: at 100k it is larger than any string V8 can hold). Per-document time and memory
// are shown against the smallest N of the same invocation, so growth reads on a loaded machine; the
// baseline (another commit, default main, exported with `git archive` and built in a temp folder) runs the
// sizes up to --baseline-max in the same invocation, for the ratios.
//
//   npm run bench:digest-scale                      20,000, 50,000 and 100,000 articles
//   npm run bench:digest-scale -- 2000 4000         other sizes
//   options: --keep (leave the corpora, stores and JSON in the temp folder), --no-posts (write no posts),
//            --baseline REF (default main), --baseline-max N (largest size the baseline runs; default the smallest),
//            --no-baseline
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { buildCommit, type Build } from './build-commit.js';
import { mixedCorpus } from './digest-corpus.js';
import { checkJsonFile } from './json-check.js';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    keep: { type: 'boolean', default: false }, 'no-posts': { type: 'boolean', default: false },
    baseline: { type: 'string', default: 'main' }, 'baseline-max': { type: 'string' }, 'no-baseline': { type: 'boolean', default: false },
  },
});
const SIZES = positionals.length ? positionals.map(Number) : [20_000, 50_000, 100_000];
/** A hang-catcher, not a measurement. */
const RUN_LIMIT_MS = 4 * 60 * 60_000;
const repo = fileURLToPath(new URL('..', import.meta.url));
const work = mkdtempSync(join(tmpdir(), 'bench-digest-scale-'));
if (!values.keep) process.on('exit', () => rmSync(work, { recursive: true, force: true }));


interface Row { n: number; seconds: number; rssMb: number; docs: number; clusters: number; json: string; jsonMb: number; exit: string }

function digest(build: Build, n: number): Promise<Row> {
  const dir = join(work, `corpus-${n}`);
  if (!existsSync(dir)) mixedCorpus(dir, n, 10_014);
  const out = join(work, `out-${n}-${build.label.replace(/\W/g, '')}`);
  const json = join(out, 'digest.json');
  const posts = values['no-posts'] ? ['--no-posts'] : ['--out', join(out, 'posts')];
  const rssFile = join(out, 'rss');
  const args = ['-f', '%M', '-o', rssFile, 'nice', '-n', '5', process.execPath, build.cli, 'digest', dir, '--db', join(out, 'store.db'), '--json', json, ...posts, '--quiet'];
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    let stdout = '';
    let stderr = '';
    mkdirSync(out, { recursive: true });
    const child = spawn('/usr/bin/time', args, { stdio: ['ignore', 'pipe', 'pipe'] });
    const limit = setTimeout(() => child.kill('SIGKILL'), RUN_LIMIT_MS);
    child.stdout.on('data', (b) => (stdout += b));
    child.stderr.on('data', (b) => (stderr = (stderr + b).slice(-4000)));
    child.on('error', reject);
    child.on('close', (code, signal) => {
      clearTimeout(limit);
      const seconds = (performance.now() - t0) / 1000;
      const rssMb = existsSync(rssFile) ? Number(readFileSync(rssFile, 'utf8').trim().split('\n').pop()) / 1024 : NaN;
      const exit = signal ? `killed (${signal})` : code === 0 ? 'ok' : `exit ${code}: ${stderr.split('\n').find((l) => /Error/.test(l)) ?? stderr.trim().split('\n').pop()}`;
      let check = 'no JSON';
      let jsonMb = 0;
      if (existsSync(json)) {
        jsonMb = statSync(json).size / 2 ** 20;
        const c = checkJsonFile(json);
        check = c.ok ? `parses (${c.counts.documents ?? 0} documents, ${c.counts.clusters ?? 0} clusters)` : `does NOT parse: ${c.error}`;
      }
      const docs = Number(/digested (\d+) document/.exec(stdout)?.[1] ?? 0);
      const clusters = Number(/into (\d+) event cluster/.exec(stdout)?.[1] ?? 0);
      if (!values.keep) rmSync(out, { recursive: true, force: true });
      resolve({ n, seconds, rssMb, docs, clusters, json: check, jsonMb, exit });
    });
  });
}

const current: Build = { label: `this ${execFileSync('git', ['-C', repo, 'rev-parse', '--short', 'HEAD'], { encoding: 'utf8' }).trim()}+worktree`, cli: join(repo, 'dist', 'cli', 'main.js') };
execFileSync(join(repo, 'node_modules', '.bin', 'tsc'), ['-p', repo], { stdio: 'inherit' });
const base = values['no-baseline'] ? null : buildCommit(work, values.baseline!, 'base');
const baseMax = values['baseline-max'] ? Number(values['baseline-max']) : Math.min(...SIZES);
console.log(`bench:digest-scale on ${cpus().length} cores, load average ${loadavg().map((l) => l.toFixed(2)).join(' ')} at start; sizes ${SIZES.join(', ')}`);
console.log(`current: ${current.label}${base ? `; baseline: ${base.label} (sizes up to ${baseMax})` : ''}`);
const fmt = (r: Row) => `${r.exit}  ${r.seconds.toFixed(0).padStart(5)} s  ${(r.n / r.seconds).toFixed(1)} docs/s  peak RSS ${r.rssMb.toFixed(0)} MB  ` +
  `documents ${r.docs}  clusters ${r.clusters}  JSON ${r.jsonMb.toFixed(0)} MB ${r.json}`;
const rows: Row[] = [];
for (const n of SIZES) {
  const b = base && n <= baseMax ? await digest(base, n) : null;
  if (b) console.log(`N=${String(n).padStart(6)}  ${base!.label.padEnd(20)} ${fmt(b)}`);
  const r = await digest(current, n);
  if (!values.keep) rmSync(join(work, `corpus-${n}`), { recursive: true, force: true });
  rows.push(r);
  const first = rows[0];
  const vs = r === first ? '' : `  per document vs N=${first.n}: time ×${((r.seconds / r.n) / (first.seconds / first.n)).toFixed(2)}, RSS ×${((r.rssMb / r.n) / (first.rssMb / first.n)).toFixed(2)}`;
  const ratio = b ? `  vs base: time ×${(r.seconds / b.seconds).toFixed(2)}, peak RSS ×${(r.rssMb / b.rssMb).toFixed(2)}` : '';
  console.log(`N=${String(n).padStart(6)}  ${current.label.padEnd(20)} ${fmt(r)}${ratio}${vs}`);
}
for (let i = 1; i < rows.length; i++) {
  const a = rows[i - 1], b = rows[i];
  console.log(`growth ${a.n}→${b.n} (×${(b.n / a.n).toFixed(1)} documents): time ×${(b.seconds / a.seconds).toFixed(2)}, peak RSS ×${(b.rssMb / a.rssMb).toFixed(2)}`);
}
if (values.keep) console.log(`kept: ${work}`);
