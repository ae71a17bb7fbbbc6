// Shared by the fault test (fault.ts) and bench:scale: a private Redis on a free loopback port (so the
// machine's shared Redis is never restarted), newsdesk workers as child processes, waiting for the
// queue to drain, and a comparison of two stores (documents, clusters, posts).
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { chmodSync, chownSync, existsSync, mkdirSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Queue } from 'bullmq';

export const REPO = fileURLToPath(new URL('../..', import.meta.url));
export const CLI = join(REPO, 'dist/cli/main.js');
const store = await import(join(REPO, 'dist/store/index.js'));
const { QueueClient } = await import(join(REPO, 'dist/queue/jobs.js'));

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
}

/** A private Redis with an append-only file written on every change: a restart (even a kill -9) loses no job. */
export class PrivateRedis {
  proc: ChildProcess | null = null;
  constructor(readonly port: number, readonly dir: string) {
    mkdirSync(dir, { recursive: true });
  }
  get url() {
    return `redis://127.0.0.1:${this.port}`;
  }
  async start() {
    this.proc = spawn('redis-server', ['--port', String(this.port), '--bind', '127.0.0.1', '--dir', this.dir, '--save', '',
      '--appendonly', 'yes', '--appendfsync', 'always', '--maxmemory-policy', 'noeviction'], { stdio: 'ignore' });
    for (let i = 0; i < 200; i++) {
      if (spawnSync('redis-cli', ['-p', String(this.port), 'ping'], { encoding: 'utf8' }).stdout.trim() === 'PONG') return;
      await sleep(50);
    }
    throw new Error(`redis-server on port ${this.port} did not start`);
  }
  /** kill -9, then start again from the append-only file. */
  async restart() {
    await this.stop('SIGKILL');
    await this.start();
  }
  async stop(signal: NodeJS.Signals = 'SIGTERM') {
    const p = this.proc;
    if (!p || p.exitCode !== null) return;
    const exited = new Promise((r) => p.once('exit', r));
    p.kill(signal);
    await exited;
  }
}

const PG_BIN = '/usr/lib/postgresql/15/bin';
/** How long pg_ctl waits for the server to come up (its default, 60 s, was too short for crash recovery on a
 *  loaded 2-core machine): a hang-catcher, not a measurement. */
const PG_START_WAIT_S = '600';

/** A private PostgreSQL cluster on a free loopback port (trust auth), run as the postgres user when we
 *  are root (initdb refuses root). Restarted with `pg_ctl restart -m immediate` (a crash-like stop). */
export class PrivatePostgres {
  constructor(readonly port: number, readonly dir: string) {}
  get url() {
    return `postgres://postgres@127.0.0.1:${this.port}/postgres`;
  }
  private run(args: string[]) {
    const asRoot = process.getuid?.() === 0;
    const r = asRoot
      ? spawnSync('runuser', ['-u', 'postgres', '--', ...args], { encoding: 'utf8' })
      : spawnSync(args[0], args.slice(1), { encoding: 'utf8' });
    if (r.status !== 0) {
      const log = existsSync(`${this.dir}/log`) ? readFileSync(`${this.dir}/log`, 'utf8').slice(-3000) : '';
      throw new Error(`${args.join(' ')} failed: ${r.stderr || r.stdout}${log ? `\nthe server's log ends:\n${log}` : ''}`);
    }
  }
  async start() {
    mkdirSync(this.dir, { recursive: true });
    if (process.getuid?.() === 0) {
      const pw = spawnSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).stdout.trim();
      const gr = spawnSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).stdout.trim();
      chownSync(this.dir, Number(pw), Number(gr));
      chmodSync(this.dir, 0o700);
      chmodSync(dirname(this.dir), 0o711); // the postgres user must pass through the (root-owned) folder above
    }
    this.run([`${PG_BIN}/initdb`, '-D', this.dir, '-A', 'trust', '-U', 'postgres', '--no-sync']);
    this.startServer();
  }
  private startServer() {
    this.run([`${PG_BIN}/pg_ctl`, '-D', this.dir, '-o', `-p ${this.port} -k /tmp -c listen_addresses=127.0.0.1 -c fsync=off`, '-w', '-t', PG_START_WAIT_S, '-l', `${this.dir}/log`, 'start']);
  }
  /** Stops the server at once (as a crash would: it recovers at the next start), runs `meanwhile`, starts it again. */
  async restart(meanwhile: () => Promise<void> = async () => {}) {
    this.run([`${PG_BIN}/pg_ctl`, '-D', this.dir, '-m', 'immediate', '-w', 'stop']);
    await meanwhile();
    this.startServer();
  }
  async stop() {
    try {
      this.run([`${PG_BIN}/pg_ctl`, '-D', this.dir, '-m', 'immediate', '-w', 'stop']);
    } catch {
      // not running
    }
  }
}

/** True when this build has the PostgreSQL store (store/postgres/). */
export const postgresBuilt = () => existsSync(join(REPO, 'dist/store/postgres/index.js'));

/** Opens the PostgreSQL store at `url` once (creating its tables), so workers do not race to migrate it. */
export async function hasPostgresStore(url: string): Promise<void> {
  const s = await store.openStore(url);
  await s.close();
}

export interface WorkerProc { proc: ChildProcess; log: string[]; stopping?: boolean }

export function startWorker(queue: string, db: string, extra: string[] = []): WorkerProc {
  const proc = spawn(process.execPath, [CLI, 'worker', '--queue', queue, '--db', db, '--quiet', ...extra], { stdio: ['ignore', 'pipe', 'pipe'] });
  const log: string[] = [];
  proc.stdout!.on('data', (d) => log.push(String(d)));
  proc.stderr!.on('data', (d) => log.push(String(d)));
  return { proc, log };
}

export async function stopWorker(w: WorkerProc, signal: NodeJS.Signals = 'SIGTERM') {
  w.stopping = true;
  if (w.proc.exitCode !== null || w.proc.signalCode !== null) return;
  const exited = new Promise((r) => w.proc.once('exit', r));
  w.proc.kill(signal);
  await exited;
}

/** Throws, with the worker's last output, when one of `workers` ended without being stopped: the queue would
 *  otherwise wait for it until the hang-catcher (a dead worker's log lives only in this process). */
export function checkWorkersAlive(workers: WorkerProc[]): void {
  const i = workers.findIndex((w) => !w.stopping && (w.proc.exitCode !== null || w.proc.signalCode !== null));
  if (i < 0) return;
  const w = workers[i];
  const tail = w.log.join('').slice(-4000);
  throw new Error(`worker ${i + 1} ended by itself (exit ${w.proc.exitCode ?? w.proc.signalCode}); its last output:\n${tail || '(none)'}`);
}

/** Runs the CLI to the end; throws with its output when it fails. */
export function cli(args: string[], env: NodeJS.ProcessEnv = process.env): string {
  const r = spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', env, maxBuffer: 1 << 28 });
  if (r.status !== 0) throw new Error(`newsdesk ${args.join(' ')} exited ${r.status}:\n${r.stdout}\n${r.stderr}`);
  return r.stdout;
}

export interface QueueState { pending: number; failed: number; extracted: number; generation: number; clustered: number; clustering: boolean }

/** Jobs not yet done, in all queues; and whether the store has been clustered at the latest generation. */
export async function queueState(url: string): Promise<QueueState> {
  const client = new QueueClient(url);
  try {
    let pending = 0;
    let failed = 0;
    let extracted = 0;
    let clustering = false;
    for (const [kind, q] of Object.entries(client.queues) as [string, Queue][]) {
      const c = await q.getJobCounts('waiting', 'active', 'delayed', 'prioritized', 'waiting-children', 'failed', 'completed');
      pending += c.waiting + c.active + c.delayed + c.prioritized + c['waiting-children'];
      failed += c.failed;
      if (kind === 'extract') extracted = c.completed;
      if (kind === 'cluster' && c.active) clustering = true;
    }
    const generation = Number((await client.redis.get(client.generationKey)) ?? 0);
    const clustered = Number((await client.redis.get(client.clusteredKey)) ?? 0);
    return { pending, failed, extracted, generation, clustered, clustering };
  } finally {
    await client.close();
  }
}

/** Waits until every job is done and the last clustering saw every stored document. */
export async function drained(url: string, limitMs: number, onTick?: (s: QueueState) => Promise<void> | void): Promise<QueueState> {
  const end = Date.now() + limitMs;
  for (;;) {
    let s: QueueState | null = null;
    try {
      s = await queueState(url);
    } catch {
      // Redis is restarting: ask again.
    }
    if (s) {
      await onTick?.(s);
      if (s.pending === 0 && s.clustered >= s.generation && s.generation > 0) return s;
    }
    if (Date.now() > end) throw new Error(`the queue did not drain within ${limitMs / 1000} s (hang-catcher): ${JSON.stringify(s)}`);
    await sleep(500);
  }
}

export interface StoreSummary {
  documents: number;
  distinctKeys: number;
  clusters: number;
  posts: number;
  /** key → content hash */
  docs: Map<string, string>;
  /** member keys (sorted, joined) → post Markdown ('' without a post) */
  clusterPosts: Map<string, string>;
}

/** What a store holds, in terms that do not depend on which run or worker made it. */
export async function summarize(path: string): Promise<StoreSummary> {
  const s = await store.openStore(path);
  try {
    const docs = await s.documents();
    const keyOf = new Map<string, string>(docs.map((d: { id: string; key: string }) => [d.id, d.key]));
    const clusters = (await s.clusters()).filter((c: { goneRun: number | null }) => c.goneRun === null);
    const clusterPosts = new Map<string, string>();
    for (const c of clusters) clusterPosts.set(c.members.map((m: string) => keyOf.get(m) ?? m).sort().join('\n'), c.post?.markdown ?? '');
    return {
      documents: docs.length,
      distinctKeys: new Set(docs.map((d: { key: string }) => d.key)).size,
      clusters: clusters.length,
      posts: clusters.filter((c: { post: unknown }) => c.post).length,
      docs: new Map(docs.map((d: { key: string; contentHash: string }) => [d.key, d.contentHash])),
      clusterPosts,
    };
  } finally {
    await s.close();
  }
}

/** Differences between two store summaries, as lines (none: the same documents, clusters and posts). */
export function differences(a: StoreSummary, b: StoreSummary, names = ['clean', 'queued']): string[] {
  const out: string[] = [];
  for (const [k, h] of a.docs) if (b.docs.get(k) !== h) out.push(`document ${k}: ${b.docs.has(k) ? 'different content' : `missing from ${names[1]}`}`);
  for (const k of b.docs.keys()) if (!a.docs.has(k)) out.push(`document ${k}: only in ${names[1]}`);
  if (b.documents !== b.distinctKeys) out.push(`${names[1]} holds ${b.documents - b.distinctKeys} duplicate documents`);
  for (const [m, post] of a.clusterPosts) {
    if (!b.clusterPosts.has(m)) out.push(`cluster of ${m.split('\n').length} documents (${m.split('\n')[0]} …) missing from ${names[1]}`);
    else if (b.clusterPosts.get(m) !== post) out.push(`cluster of ${m.split('\n').length} documents (${m.split('\n')[0]} …): different post`);
  }
  for (const m of b.clusterPosts.keys()) if (!a.clusterPosts.has(m)) out.push(`cluster (${m.split('\n')[0]} …) only in ${names[1]}`);
  return out;
}
