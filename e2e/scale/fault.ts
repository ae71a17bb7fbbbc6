// The fault test (in .ci/run): N workers process D documents from the queue while one worker is killed
// with kill -9 at random moments (three times, each replaced), Redis is killed and restarted once, and
// PostgreSQL is restarted once when the store is PostgreSQL (a worker is killed and started again while it is
// down, and must wait for it). The final store must equal a clean
// single-process `newsdesk digest` of the same files: the same documents (none missing, none twice),
// the same clusters and the same posts. Everything runs on loopback against a private Redis (and a
// private PostgreSQL), never the machine's shared ones.
//   npx tsx e2e/scale/fault.ts [--docs 5000] [--workers 4] [--seed 16]
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { mixedCorpus, rng } from '../../bench/digest-corpus.js';
import { PrivatePostgres, PrivateRedis, checkWorkersAlive, cli, hasPostgresStore, postgresBuilt, differences, drained, freePort, startWorker, stopWorker, summarize, type WorkerProc } from './harness.js';

const { values } = parseArgs({ options: { docs: { type: 'string', default: '5000' }, workers: { type: 'string', default: '4' }, seed: { type: 'string', default: '16' } } });
const DOCS = Number(values.docs);
const WORKERS = Number(values.workers);
const random = rng(Number(values.seed));
/** A hang-catcher, not a measurement. */
const LIMIT_MS = 60 * 60_000;

const work = mkdtempSync(join(tmpdir(), 'nd-fault-'));
const corpus = join(work, 'corpus');
mixedCorpus(corpus, DOCS, 16_016);
const redis = new PrivateRedis(await freePort(), join(work, 'redis'));
// PostgreSQL when this build has the backend (the store every worker shares; restarted mid-run), else SQLite.
const pg = new PrivatePostgres(await freePort(), join(work, 'pg'));
const onPg = postgresBuilt();
if (onPg) {
  await pg.start();
  await hasPostgresStore(pg.url);
}
const workers: WorkerProc[] = [];
let code = 1;
try {
  const t0 = Date.now();
  cli(['digest', corpus, '--db', join(work, 'clean.db'), '--no-posts', '--quiet']);
  console.log(`store: ${onPg ? `PostgreSQL (private cluster on 127.0.0.1:${pg.port})` : 'SQLite (this build has no PostgreSQL store)'}; queue: BullMQ on a private Redis`);
  console.log(`clean single-process digest of ${DOCS} documents: ${((Date.now() - t0) / 1000).toFixed(0)} s`);

  await redis.start();
  const db = onPg ? pg.url : join(work, 'queued.db');
  for (let i = 0; i < WORKERS; i++) workers.push(startWorker(redis.url, db));
  const t1 = Date.now();
  console.log(cli(['add', corpus, '--queue', redis.url]).trim());

  // The faults, each at a random point of the extraction (by documents stored), one kill while a worker clusters.
  const faults: { at: number; what: 'kill' | 'kill-clustering' | 'redis' | 'postgres'; done?: boolean }[] = [
    { at: 0.1 + 0.3 * random(), what: 'kill' },
    { at: 0.3 + 0.4 * random(), what: 'redis' },
    { at: 0.4 + 0.5 * random(), what: 'kill' },
    { at: 0.5 + 0.4 * random(), what: 'kill-clustering' },
    ...(onPg ? [{ at: 0.2 + 0.6 * random(), what: 'postgres' as const }] : []),
  ];
  const log: string[] = [];
  const killOne = async (why: string) => {
    const i = Math.floor(random() * workers.length);
    await stopWorker(workers[i], 'SIGKILL');
    workers[i] = startWorker(redis.url, db);
    log.push(`${why}: worker ${i + 1} killed with kill -9 and started again`);
    return workers[i];
  };
  /** Waits until worker `w` says it waits for the store (a supervisor restarting a worker during an outage). */
  const waitsForStore = async (w: WorkerProc) => {
    for (const end = Date.now() + 60_000; !w.log.join('').includes('the worker tries again'); await new Promise((r) => setTimeout(r, 100))) {
      checkWorkersAlive(workers);
      if (Date.now() > end) throw new Error(`a worker started while PostgreSQL was down did not say it waits for it: ${w.log.join('').slice(-2000)}`);
    }
  };
  const final = await drained(redis.url, LIMIT_MS, async (s) => {
    checkWorkersAlive(workers);
    const progress = s.extracted / DOCS;
    for (const f of faults) {
      if (f.done || progress < f.at) continue;
      if (f.what === 'kill-clustering' && !s.clustering && progress < 1) continue; // wait for a clustering in progress
      f.done = true;
      if (f.what === 'redis') {
        await redis.restart();
        log.push(`at ${(progress * 100).toFixed(0)}% extracted: Redis killed (kill -9) and started again`);
      } else if (f.what === 'postgres') {
        log.push(`at ${(progress * 100).toFixed(0)}% extracted: PostgreSQL stopped (immediate) and started again`);
        await pg.restart(async () => waitsForStore(await killOne('  while it was down')));
      } else await killOne(`at ${(progress * 100).toFixed(0)}% extracted${s.clustering ? ', mid-clustering' : ''}`);
    }
  });
  for (const l of log) console.log(l);
  console.log(`queued run with ${WORKERS} workers: ${((Date.now() - t1) / 1000).toFixed(0)} s; ${final.failed} failed jobs; ${final.generation} document generations, clustered at ${final.clustered}`);
  const missed = faults.filter((f) => !f.done);
  for (const w of workers) await stopWorker(w);
  workers.length = 0;

  const clean = await summarize(join(work, 'clean.db'));
  const queued = await summarize(db);
  console.log(`clean:  ${clean.documents} documents (${clean.distinctKeys} distinct), ${clean.clusters} clusters, ${clean.posts} posts`);
  console.log(`queued: ${queued.documents} documents (${queued.distinctKeys} distinct), ${queued.clusters} clusters, ${queued.posts} posts`);
  const diff = differences(clean, queued);
  for (const d of diff.slice(0, 20)) console.log(`  differs: ${d}`);
  if (missed.length) console.log(`faults not injected (the run ended first): ${missed.map((f) => f.what).join(', ')}`);
  code = diff.length || missed.length || final.failed ? 1 : 0;
  console.log(code ? `fault test: FAILED (${diff.length} differences)` : 'fault test: passed (the same documents, clusters and posts)');
} finally {
  for (const w of workers) await stopWorker(w, 'SIGKILL');
  await redis.stop();
  if (onPg) await pg.stop();
  rmSync(work, { recursive: true, force: true });
}
process.exit(code);
