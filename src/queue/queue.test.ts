// Workers on a real Redis (127.0.0.1:6379, each test under its own key prefix) as real processes (the
// built CLI): several workers fetching from one local server keep the per-host limit together
// (measured at the server), and several workers adding documents at once cluster them as one
// in-process digest does (one clustering consumer).
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AddressInfo } from 'node:net';
import { openStore } from '../store/index.js';
import { QueueClient } from './jobs.js';
import { enqueueFetch, requestClustering } from './enqueue.js';
import { CLUSTER_COST_FACTOR, CLUSTER_DEBOUNCE_MS, CLUSTER_DELAY_MAX_MS } from './tunables.js';
import { startTestWorkbench } from '../server/fixture-server.js';
import { dropPgTestSchemas, pgTestRelay } from '../store/postgres/test-db.js';

after(dropPgTestSchemas);

const root = fileURLToPath(new URL('../../', import.meta.url));
const CLI = join(root, 'dist', 'cli', 'main.js');
const REDIS = 'redis://127.0.0.1:6379/0';
/** A hang-catcher, not a measurement. */
const LIMIT_MS = 240_000;

const prefixed = (name: string) => `${REDIS}?prefix=nd-test-${name}-${process.pid}-${Date.now()}`;

/** What the workers wrote to stderr, to show when a test fails. */
const workerErrors: string[] = [];

function startWorkers(n: number, queue: string, db: string, extra: string[] = []): ChildProcess[] {
  return Array.from({ length: n }, () => {
    const w = spawn(process.execPath, [CLI, 'worker', '--queue', queue, '--db', db, '--quiet', ...extra], { stdio: ['ignore', 'ignore', 'pipe'] });
    w.stderr!.on('data', (d) => workerErrors.push(String(d)));
    w.on('exit', (code, signal) => { if (code && signal !== 'SIGTERM') workerErrors.push(`worker ${w.pid} exited with ${code}`); });
    return w;
  });
}

async function stop(workers: ChildProcess[]) {
  await Promise.all(workers.map((w) => (w.exitCode !== null ? null : new Promise((r) => { w.once('exit', r); w.kill('SIGTERM'); }))));
}

/** Waits until no job is waiting, active or delayed and the store was clustered at the last generation (if any). */
async function drained(client: QueueClient) {
  const end = Date.now() + LIMIT_MS;
  for (;;) {
    let pending = 0;
    for (const q of Object.values(client.queues)) {
      const c = await q.getJobCounts('waiting', 'active', 'delayed', 'prioritized');
      pending += c.waiting + c.active + c.delayed + c.prioritized;
    }
    const generation = Number((await client.redis.get(client.generationKey)) ?? 0);
    const clustered = Number((await client.redis.get(client.clusteredKey)) ?? 0);
    if (!pending && clustered >= generation) return;
    if (Date.now() > end) {
      const counts = await Promise.all(Object.entries(client.queues).map(async ([k, q]) => `${k} ${JSON.stringify(await q.getJobCounts())}`));
      assert.fail(`the queue did not drain (hang-catcher): ${counts.join('; ')}; generation ${generation}, clustered ${clustered}; workers said: ${workerErrors.join('').slice(-3000)}`);
    }
    await new Promise((r) => setTimeout(r, 200));
  }
}

/** Removes every key of the test's prefix. */
async function forget(client: QueueClient) {
  for (const q of Object.values(client.queues)) await q.obliterate({ force: true });
  const keys = await client.redis.keys(`${client.prefix}:*`);
  if (keys.length) await client.redis.del(...keys);
  await client.close();
}

/** A fictional Korean article page. */
const article = (host: string, n: number) => `<!doctype html><html lang="ko"><head><meta charset="utf-8"><title>한솔시 ${n}번 도서관 개관</title></head>
<body><article><h1>한솔시, ${n}번째 마을 도서관 문 연다</h1>
<p>한솔시는 ${n}일 ${host} 구역에 ${n}번째 마을 도서관을 열었다고 밝혔다. 도서관은 장서 ${n * 1000}권을 갖췄다.</p>
<p>이가람 한솔시장은 “주민 누구나 걸어서 10분 안에 책을 빌릴 수 있게 하겠다”고 말했다.</p>
<p>시는 올해 안에 도서관 ${n + 2}곳을 더 열 계획이다. 예산은 ${n * 10}억 원이다.</p></article></body></html>`;

test('workers fetching from one local server never exceed the per-host limit, measured at the server', { timeout: LIMIT_MS + 30_000 }, async () => {
  // Per host (the Host header): requests in flight now and at most, and every request's start and end.
  const inFlight = new Map<string, number>();
  const maxInFlight = new Map<string, number>();
  const requests: { host: string; path: string; start: number; end: number }[] = [];
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const host = req.headers.host!;
    const start = Date.now();
    inFlight.set(host, (inFlight.get(host) ?? 0) + 1);
    maxInFlight.set(host, Math.max(maxInFlight.get(host) ?? 0, inFlight.get(host)!));
    // A slow answer, so that overlapping requests would overlap here.
    setTimeout(() => {
      if (req.url === '/robots.txt') {
        res.writeHead(200, { 'content-type': 'text/plain' }).end('User-agent: *\nDisallow: /private/\n');
      } else {
        const n = Number(/\d+/.exec(req.url ?? '')?.[0] ?? 0);
        res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(article(host, n));
      }
      inFlight.set(host, inFlight.get(host)! - 1);
      requests.push({ host, path: req.url ?? '', start, end: Date.now() });
    }, 40);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const port = (server.address() as AddressInfo).port;
  const hosts = [`127.0.0.1:${port}`, `localhost:${port}`];
  const queue = prefixed('politeness');
  const client = new QueueClient(queue);
  const work = mkdtempSync(join(tmpdir(), 'nd-politeness-'));
  const db = join(work, 'store.db');
  await (await openStore(db)).close(); // created before the workers open it together
  const DELAY_MS = 100;
  const PAGES = 10;
  const workers = startWorkers(3, queue, db, ['--per-host', '1', '--delay', `${DELAY_MS}ms`]);
  try {
    for (const host of hosts) {
      for (let n = 1; n <= PAGES; n++) await enqueueFetch(client.queues, `http://${host}/news/${n}.html`);
      await enqueueFetch(client.queues, `http://${host}/private/secret.html`);
    }
    await drained(client);
    const pages = requests.filter((r) => r.path.startsWith('/news/'));
    console.log(`bounded fetch: ${requests.length} requests by 3 workers; most in flight per host: ${hosts.map((h) => `${h} ${maxInFlight.get(h)}`).join(', ')}`);
    for (const host of hosts) {
      assert.equal(maxInFlight.get(host), 1, `${host}: never more than one request at a time across the workers`);
      // Each request starts after the one before it ended plus the pause (server clock; timers may fire a little early).
      const mine = requests.filter((r) => r.host === host).sort((a, b) => a.start - b.start);
      const gaps = mine.slice(1).map((r, i) => r.start - mine[i].end);
      console.log(`  ${host}: ${mine.length} requests, shortest pause ${Math.min(...gaps)} ms (limit ${DELAY_MS} ms)`);
      const seen = JSON.stringify(mine.map((r) => [r.path, r.start - mine[0].start, r.end - mine[0].start]));
      assert.ok(Math.min(...gaps) >= DELAY_MS - 10, `${host}: pauses of ${DELAY_MS} ms between requests, shortest ${Math.min(...gaps)} ms: ${seen}`);
      assert.ok(!mine.some((r) => r.path.startsWith('/private/')), `${host}: robots.txt disallows /private/ for every worker`);
      assert.equal(mine.filter((r) => r.path.startsWith('/news/')).length, PAGES, `${host}: every page fetched once`);
    }
    assert.equal(pages.length, 2 * PAGES);
    // robots.txt is read by one worker and shared through Redis (a few may race for it at first).
    for (const host of hosts) assert.ok(requests.filter((r) => r.host === host && r.path === '/robots.txt').length <= 3);
    const store = await openStore(db);
    try {
      assert.equal((await store.documents()).length, 2 * PAGES, 'every page stored once');
    } finally {
      await store.close();
    }
  } finally {
    await stop(workers);
    server.close();
    await forget(client);
    rmSync(work, { recursive: true, force: true });
  }
});

test('documents added by several workers at once are clustered as one in-process digest clusters them', { timeout: LIMIT_MS + 30_000 }, async () => {
  const work = mkdtempSync(join(tmpdir(), 'nd-concurrent-'));
  const queue = prefixed('clustering');
  const client = new QueueClient(queue);
  const examples = join(root, 'examples');
  const clean = join(work, 'clean.db');
  const queued = join(work, 'queued.db');
  await (await openStore(queued)).close();
  const workers = startWorkers(3, queue, queued);
  try {
    const digest = spawnSync(process.execPath, [CLI, 'digest', examples, '--db', clean, '--no-posts', '--quiet'], { encoding: 'utf8' });
    assert.equal(digest.status, 0, digest.stderr);
    const add = spawnSync(process.execPath, [CLI, 'add', examples, '--queue', queue], { encoding: 'utf8' });
    assert.equal(add.status, 0, add.stderr);
    assert.match(add.stdout, /queued 11 files/);
    await drained(client);
    const view = async (path: string) => {
      const s = await openStore(path);
      try {
        const docs = await s.documents();
        const key = new Map(docs.map((d) => [d.id, d.key]));
        const clusters = (await s.clusters()).filter((c) => c.goneRun === null);
        return {
          documents: docs.map((d) => `${d.key} ${d.contentHash}`).sort(),
          clusters: clusters.map((c) => ({ members: c.members.map((m) => key.get(m)).sort(), post: c.post?.markdown ?? null }))
            .sort((a, b) => a.members[0]!.localeCompare(b.members[0]!)),
        };
      } finally {
        await s.close();
      }
    };
    const a = await view(clean);
    const b = await view(queued);
    assert.equal(b.documents.length, 11);
    assert.equal(a.clusters.length, 3);
    assert.deepEqual(b.documents, a.documents, 'the same documents, none twice');
    assert.deepEqual(b.clusters, a.clusters, 'the same clusters with the same posts');
    assert.ok(Number(await client.redis.get(client.clusterCostKey)) > 0, 'the cluster job recorded what it cost (it sets the wait of the next)');

    // doctor's queue part: nothing waiting, clustering caught up, no failed job; an unreachable Redis is a fault.
    const doctor = spawnSync(process.execPath, [CLI, 'doctor', '--db', queued, '--queue', queue], { encoding: 'utf8' });
    assert.equal(doctor.status, 0, doctor.stdout + doctor.stderr);
    assert.match(doctor.stdout, /^queue depth \(waiting\+active\): fetch 0\+0, extract 0\+0, cluster 0\+0, analyse 0\+0, write 0\+0$/m);
    assert.match(doctor.stdout, /^clustering: documents up to generation (\d+) of \1 clustered$/m);
    assert.match(doctor.stdout, /^failed jobs: 0$/m);
    const down = spawnSync(process.execPath, [CLI, 'doctor', '--db', queued, '--queue', 'redis://127.0.0.1:1'], { encoding: 'utf8' });
    assert.equal(down.status, 1);
    assert.match(down.stdout, /^queue: redis:\/\/127\.0\.0\.1:1 unreachable: .*ECONNREFUSED/m);
  } finally {
    await stop(workers);
    await forget(client);
    rmSync(work, { recursive: true, force: true });
  }
});

test('the workbench with a queue hands added sources to the workers and keeps answering while none runs', { timeout: LIMIT_MS + 30_000 }, async () => {
  const queue = prefixed('serve');
  const client = new QueueClient(queue);
  const w = await startTestWorkbench(['other'], { queue });
  let workers: ChildProcess[] = [];
  try {
    const form = new FormData();
    form.set('_csrf', w.csrf);
    form.set('text', '사회\n솔빛시, 폐교를 청년 창업 공간으로 바꾼다\n솔빛시는 문을 닫은 솔빛초등학교 건물을 청년 창업 공간으로 고쳐 다음 달 연다고 9일 밝혔다. 시는 공사에 12억 원을 들였다.\n');
    const started = await fetch(w.url + '/sources', { method: 'POST', headers: { origin: w.url }, body: form, redirect: 'manual' });
    assert.equal(started.status, 303);
    const status = w.url + '/api/jobs/' + started.headers.get('location')!.split('/').pop();
    let job = (await (await fetch(status)).json()) as { finished: boolean; sources: { state: string }[] };
    for (const end = Date.now() + LIMIT_MS; !job.finished && Date.now() < end; ) {
      await new Promise((r) => setTimeout(r, 50));
      job = (await (await fetch(status)).json()) as typeof job;
    }
    assert.deepEqual(job.sources.map((s) => s.state), ['queued']);
    assert.equal((await client.queues.extract.getJobCounts('waiting')).waiting, 1, 'the pasted text is one extract job');
    // No worker runs: the pages still answer from the store, and the pasted text is not in it yet.
    assert.equal((await fetch(w.url + '/')).status, 200);
    const before = await (await fetch(w.url + '/api/search?q=' + encodeURIComponent('솔빛초등학교'))).json() as { hits: unknown[] };
    assert.equal(before.hits.length, 0);
    workers = startWorkers(1, queue, join(w.dir, 'newsdesk.db'));
    await drained(client);
    const after = await (await fetch(w.url + '/api/search?q=' + encodeURIComponent('솔빛초등학교'))).json() as { hits: unknown[] };
    assert.equal(after.hits.length, 1, 'a worker stored it; the workbench finds it');
  } finally {
    await stop(workers);
    await w.dispose();
    await forget(client);
  }
});

test('a clustering waits in proportion to what the last one cost, within bounds, so a long batch is not clustered once per document', { timeout: 30_000 }, async () => {
  const client = new QueueClient(prefixed('delay'));
  const delayOfNext = async (lastMs: number | null) => {
    await client.queues.cluster.obliterate({ force: true });
    if (lastMs === null) await client.redis.del(client.clusterCostKey);
    else await client.redis.set(client.clusterCostKey, lastMs);
    await requestClustering(client);
    const [job] = await client.queues.cluster.getDelayed();
    return job.opts.delay;
  };
  try {
    assert.equal(await delayOfNext(null), CLUSTER_DEBOUNCE_MS, 'nothing clustered yet: the plain debounce');
    assert.equal(await delayOfNext(4_000), CLUSTER_COST_FACTOR * 4_000);
    assert.equal(await delayOfNext(10 * CLUSTER_DELAY_MAX_MS), CLUSTER_DELAY_MAX_MS, 'never longer than the cap');
  } finally {
    await forget(client);
  }
});

/** A worker process whose stdout and stderr are kept (`said`), and a wait until it has said `text` while running. */
function talkingWorker(queue: string, location: string) {
  const said: string[] = [];
  const proc = spawn(process.execPath, [CLI, 'worker', '--queue', queue, '--db', location], { stdio: ['ignore', 'pipe', 'pipe'] });
  for (const out of [proc.stdout!, proc.stderr!]) out.on('data', (d) => said.push(String(d)));
  return {
    proc,
    said: () => said.join(''),
    async waitFor(text: string) {
      for (const end = Date.now() + LIMIT_MS; !said.join('').includes(text); ) {
        assert.ok(Date.now() < end && proc.exitCode === null, `the worker did not say "${text}" while running (exit ${proc.exitCode}): ${said.join('')}`);
        await new Promise((r) => setTimeout(r, 50));
      }
    },
  };
}

test('a store that stops answering makes the worker wait, spending no try: every job is done once it is back', { timeout: LIMIT_MS + 30_000 }, async () => {
  const queue = prefixed('store-down');
  const client = new QueueClient(queue);
  const relay = await pgTestRelay();
  const location = relay.location;
  await (await openStore(location)).close();
  const { proc: worker, said, waitFor } = talkingWorker(queue, location);
  try {
    await waitFor(`worker ${worker.pid} on`);
    await relay.cut();
    const add = spawnSync(process.execPath, [CLI, 'add', join(root, 'examples'), '--queue', queue], { encoding: 'utf8' });
    assert.equal(add.status, 0, add.stderr);
    // Out for longer than the first tries' backoff (1 + 2 + 4 s): without the wait, jobs spend tries meanwhile.
    await new Promise((r) => setTimeout(r, 10_000));
    await relay.restore();
    await drained(client);
    const jobs = await client.queues.extract.getJobs(['completed', 'failed']);
    assert.equal(jobs.length, 11);
    // attemptsMade counts the try that succeeded: 1 is a job done at its first try.
    assert.deepEqual(jobs.filter((j) => j.attemptsMade !== 1 || j.failedReason).map((j) => `${j.id}: ${j.attemptsMade} tries, ${j.failedReason}`), [], 'no job spent a try on the outage');
    const store = await openStore(location);
    try {
      assert.equal((await store.documents()).length, 11, 'every document stored once the store was back');
    } finally {
      await store.close();
    }
    assert.equal(worker.exitCode, null, 'the worker is still running');
    assert.match(said(), /extract worker: PostgreSQL at .* is not answering .*; the job waits 5 s/, 'the worker said why it waits');
  } finally {
    await stop([worker]);
    await relay.cut();
    await forget(client);
  }
});

test('a worker started while the store does not answer says so and waits for it, then runs its jobs', { timeout: LIMIT_MS + 30_000 }, async () => {
  const queue = prefixed('store-late');
  const client = new QueueClient(queue);
  const relay = await pgTestRelay();
  const location = relay.location;
  await (await openStore(location)).close();
  await relay.cut();
  const { proc: worker, said, waitFor } = talkingWorker(queue, location);
  try {
    await waitFor('the worker tries again in 5 s');
    assert.match(said(), /worker: PostgreSQL at .* is not answering/);
    await relay.restore();
    await waitFor(`worker ${worker.pid} on`);
    const add = spawnSync(process.execPath, [CLI, 'add', join(root, 'examples'), '--queue', queue], { encoding: 'utf8' });
    assert.equal(add.status, 0, add.stderr);
    await drained(client);
    const store = await openStore(location);
    try {
      assert.equal((await store.documents()).length, 11, 'every document stored by the worker that waited');
    } finally {
      await store.close();
    }
  } finally {
    await stop([worker]);
    await relay.cut();
    await forget(client);
  }
});
