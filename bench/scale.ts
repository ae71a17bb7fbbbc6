// npm run bench:scale — documents per second for 1, 2 and 4 queue workers against the in-process
// `newsdesk digest` of the same documents, all in this invocation (so the ratios hold on a loaded
// machine); then the same with the PostgreSQL store against SQLite when a PostgreSQL URL is given
// (--pg postgres://…, NEWSDESK_BENCH_PG, or the test database 127.0.0.1:5432/test); then the search latency part
// (bench/scale-search.ts) when it is there.
// A run's time is from the moment the documents are handed over (digest started / `add --queue` started)
// until the store holds every document and its clusters and posts; workers are started (and warm) before.
//   npm run bench:scale                     20,000 documents
//   npm run bench:scale -- --docs 2000      smaller, for development
//   options: --workers 1,2,4  --pg URL (default: the test database, 127.0.0.1:5432/test)  --search-docs N  --no-search
import { mkdtempSync, rmSync } from 'node:fs';
import pg from 'pg';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { mixedCorpus } from './digest-corpus.js';
import { PG_TEST_URL } from '../src/store/postgres/test-db.js';
import { PrivateRedis, checkWorkersAlive, cli, drained, freePort, sleep, startWorker, stopWorker, summarize } from '../e2e/scale/harness.js';

const { values } = parseArgs({
  options: {
    docs: { type: 'string', default: '20000' },
    workers: { type: 'string', default: '1,2,4' },
    pg: { type: 'string' },
    'no-search': { type: 'boolean', default: false },
    'search-docs': { type: 'string', default: '100000' },
  },
});
const DOCS = Number(values.docs);
const COUNTS = values.workers!.split(',').map(Number);
const PG = values.pg ?? process.env.NEWSDESK_BENCH_PG ?? PG_TEST_URL;
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
    await drained(redis.url, LIMIT_MS, () => checkWorkersAlive(procs));
    const seconds = (Date.now() - t) / 1000;
    for (const p of procs) await stopWorker(p);
    const s = await summarize(db);
    return { label, seconds, documents: s.documents, clusters: s.clusters };
  } finally {
    for (const p of procs) await stopWorker(p, 'SIGKILL');
    await redis.stop();
  }
}

const schemas: string[] = [];
const pgDb = (name: string) => {
  schemas.push(`bench_scale_${name}_${process.pid}`);
  return `${PG}${PG.includes('?') ? '&' : '?'}schema=${schemas.at(-1)}`;
};

try {
  const base = await inProcess('in process (SQLite)', join(work, 'inproc.db'));
  rows.push(base);
  for (const n of COUNTS) rows.push(await queued(`${n} worker${n > 1 ? 's' : ''} (SQLite)`, n, join(work, `w${n}.db`)));
  {
    try {
      rows.push(await inProcess('in process (PostgreSQL)', pgDb('inproc')));
      rows.push(await queued(`${Math.max(...COUNTS)} workers (PostgreSQL)`, Math.max(...COUNTS), pgDb('workers')));
    } catch (e) {
      console.log(`PostgreSQL part not run: ${(e as Error).message.split('\n')[0]}`);
    }
  }

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

  if (!values['no-search']) {
    console.log(`\n== search latency (bench/scale-search.ts), ${values['search-docs']} stored documents`);
    const { searchBench } = await import('./scale-search.js');
    for (const l of (await searchBench(Number(values['search-docs']), PG)).lines) console.log(l);
  }
} finally {
  rmSync(work, { recursive: true, force: true });
  if (schemas.length) {
    const client = new pg.Client({ connectionString: PG });
    await client.connect().then(async () => {
      for (const s of schemas) await client.query(`DROP SCHEMA IF EXISTS ${s} CASCADE`);
    }, () => {});
    await client.end().catch(() => {});
  }
}
