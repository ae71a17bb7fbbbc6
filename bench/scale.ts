// npm run bench:scale — documents per second for 1, 2 and 4 queue workers against the in-process
// `newsdesk digest` of the same documents, all in this invocation (so the ratios hold on a loaded
// machine); then the same with the PostgreSQL store against SQLite when a PostgreSQL URL is given
// (--pg postgres://…, or NEWSDESK_BENCH_PG) and the store supports it; then the search latency part
// (bench/scale-search.ts) when it is there.
// A run's time is from the moment the documents are handed over (digest started / `add --queue` started)
// until the store holds every document and its clusters and posts; workers are started (and warm) before.
//   npm run bench:scale                     20,000 documents
//   npm run bench:scale -- --docs 2000      smaller, for development
//   options: --workers 1,2,4  --pg URL  --no-search
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { mixedCorpus } from './digest-corpus.js';
import { PrivateRedis, cli, drained, freePort, sleep, startWorker, stopWorker, summarize } from '../e2e/scale/harness.js';

const { values } = parseArgs({
  options: {
    docs: { type: 'string', default: '20000' },
    workers: { type: 'string', default: '1,2,4' },
    pg: { type: 'string' },
    'no-search': { type: 'boolean', default: false },
  },
});
const DOCS = Number(values.docs);
const COUNTS = values.workers!.split(',').map(Number);
const PG = values.pg ?? process.env.NEWSDESK_BENCH_PG;
/** A hang-catcher, not a measurement. */
const LIMIT_MS = 4 * 60 * 60_000;

const work = mkdtempSync(join(tmpdir(), 'bench-scale-'));
const corpus = join(work, 'corpus');
mixedCorpus(corpus, DOCS, 20_016);
console.log(`bench:scale — ${DOCS} mixed documents; ${cpus().length} cores, load ${loadavg()[0].toFixed(1)} at start`);

interface Row { label: string; seconds: number; documents: number; clusters: number }
const rows: Row[] = [];
const perSecond = (r: Row) => DOCS / r.seconds;

async function inProcess(label: string, db: string): Promise<Row> {
  const t = Date.now();
  cli(['digest', corpus, '--db', db, '--no-posts', '--quiet']);
  const seconds = (Date.now() - t) / 1000;
  const s = await summarize(db);
  return { label, seconds, documents: s.documents, clusters: s.clusters };
}

async function queued(label: string, workers: number, db: string): Promise<Row> {
  const redis = new PrivateRedis(await freePort(), join(work, `redis-${label.replace(/\W+/g, '-')}`));
  await redis.start();
  const procs = Array.from({ length: workers }, () => startWorker(redis.url, db));
  try {
    await sleep(3000); // started and connected before the clock starts
    const t = Date.now();
    cli(['add', corpus, '--queue', redis.url]);
    await drained(redis.url, LIMIT_MS);
    const seconds = (Date.now() - t) / 1000;
    for (const p of procs) await stopWorker(p);
    const s = await summarize(db);
    return { label, seconds, documents: s.documents, clusters: s.clusters };
  } finally {
    for (const p of procs) await stopWorker(p, 'SIGKILL');
    await redis.stop();
  }
}

const pgDb = (name: string) => PG && `${PG}${PG.includes('?') ? '&' : '?'}schema=bench_scale_${name}_${process.pid}`;

try {
  const base = await inProcess('in process (SQLite)', join(work, 'inproc.db'));
  rows.push(base);
  for (const n of COUNTS) rows.push(await queued(`${n} worker${n > 1 ? 's' : ''} (SQLite)`, n, join(work, `w${n}.db`)));
  if (PG) {
    try {
      rows.push(await inProcess('in process (PostgreSQL)', pgDb('inproc')!));
      rows.push(await queued(`${Math.max(...COUNTS)} workers (PostgreSQL)`, Math.max(...COUNTS), pgDb('workers')!));
    } catch (e) {
      console.log(`PostgreSQL part not run: ${(e as Error).message.split('\n')[0]}`);
    }
  } else console.log('PostgreSQL part not run: give --pg postgres://… (or NEWSDESK_BENCH_PG)');

  console.log('\nrun                         seconds   docs/s   × in process   documents  clusters');
  for (const r of rows) {
    console.log(`${r.label.padEnd(26)} ${r.seconds.toFixed(0).padStart(8)} ${perSecond(r).toFixed(1).padStart(8)} ${(perSecond(r) / perSecond(base)).toFixed(2).padStart(13)}× ${String(r.documents).padStart(10)} ${String(r.clusters).padStart(9)}`);
  }
  const pgIn = rows.find((r) => r.label === 'in process (PostgreSQL)');
  const pgW = rows.find((r) => r.label.endsWith('workers (PostgreSQL)'));
  const sqliteW = rows.find((r) => r.label === `${Math.max(...COUNTS)} workers (SQLite)`);
  if (pgIn) console.log(`PostgreSQL against SQLite, in process: ${(perSecond(pgIn) / perSecond(base)).toFixed(2)}×`);
  if (pgW && sqliteW) console.log(`PostgreSQL against SQLite, ${Math.max(...COUNTS)} workers: ${(perSecond(pgW) / perSecond(sqliteW)).toFixed(2)}×`);
  console.log(`load ${loadavg()[0].toFixed(1)} at the end (other processes share these ${cpus().length} cores: workers beyond the free cores cannot add speed)`);

  const search = new URL('./scale-search.ts', import.meta.url).pathname;
  if (!values['no-search'] && existsSync(search)) {
    console.log('\n== search latency (bench/scale-search.ts)');
    await import(search);
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}
