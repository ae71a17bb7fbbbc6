// `npm run bench:serve`: the workbench's event page for a 50-source cluster against a static file of
// the same bytes, both on 127.0.0.1 in this one run.
//   1. server time, p50/p95 over sequential requests (one at a time, so it is the server's time plus
//      loopback, not queueing);
//   2. 200 requests at concurrency 20 with autocannon, requests/s and latency.
// The 50 sources are one fictional event generated at run time (bench/serve-corpus.ts); the run that
// digests them is the CLI's own, into a real store file the server then opens.
import { createServer } from 'node:http';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import autocannon from 'autocannon';
import { finish, run } from '../src/pipeline.js';
import { openStore } from '../src/store/index.js';
import { startServer } from '../src/server/serve.js';
import { eventSources } from './serve-corpus.js';

const SOURCES = 50;
const SEQUENTIAL = 100;

const quantile = (xs: number[], q: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(q * xs.length))];

async function sequential(url: string) {
  const times: number[] = [];
  for (let i = 0; i < SEQUENTIAL + 5; i++) {
    const t = performance.now();
    const r = await fetch(url);
    await r.arrayBuffer();
    if (i >= 5) times.push(performance.now() - t); // the first few warm the caches
  }
  return { p50: quantile(times, 0.5), p95: quantile(times, 0.95) };
}

function cannon(url: string) {
  return new Promise<autocannon.Result>((resolve, reject) =>
    autocannon({ url, connections: 20, amount: 200 }, (err, result) => (err ? reject(err) : resolve(result))));
}

async function main() {
  const dir = mkdtempSync(join(tmpdir(), 'newsdesk-bench-serve-'));
  const db = join(dir, 'bench.db');
  const raws = eventSources(SOURCES);
  const store = await openStore(db);
  let clusters;
  try {
    const result = await run({ store, args: ['bench:serve'], inputs: { raws, total: raws.length, messages: [] } });
    await finish(store, result);
    clusters = result.clusters;
  } finally {
    await store.close();
  }
  const biggest = [...clusters].sort((a, b) => b.members.length - a.members.length)[0];
  if (biggest.members.length !== SOURCES) {
    throw new Error(`the bench corpus formed a largest event of ${biggest.members.length} sources, not ${SOURCES}: fix bench/serve-corpus.ts before reading any figure`);
  }
  const running = await startServer({ db, port: 0, host: '127.0.0.1', postsDir: join(dir, '_posts'), write: {}, fetcher: {} });
  const eventUrl = `${running.url}/events/${biggest.id}`;
  const coldStart = performance.now();
  const page = Buffer.from(await (await fetch(eventUrl)).arrayBuffer());
  const cold = performance.now() - coldStart;
  const file = join(dir, 'event.html');
  writeFileSync(file, page);
  const statics = createServer((_req, res) => {
    const body = readFileSync(file);
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'content-length': body.length });
    res.end(body);
  });
  await new Promise<void>((r) => statics.listen(0, '127.0.0.1', r));
  const staticUrl = `http://127.0.0.1:${(statics.address() as AddressInfo).port}/event.html`;
  try {
    process.stdout.write(`event page: cluster of ${biggest.members.length} sources (${SOURCES} read), ${page.length} bytes; static file of the same ${page.length} bytes\n`);
    const ev = await sequential(eventUrl);
    const st = await sequential(staticUrl);
    const f = (n: number) => n.toFixed(2);
    process.stdout.write(`first request after start (nothing cached): ${f(cold)} ms\n`);
    process.stdout.write(`sequential, ${SEQUENTIAL} requests each (ms):\n`);
    process.stdout.write(`  event page   p50 ${f(ev.p50)}  p95 ${f(ev.p95)}\n`);
    process.stdout.write(`  static file  p50 ${f(st.p50)}  p95 ${f(st.p95)}\n`);
    process.stdout.write(`  ratio        p50 ${f(ev.p50 / st.p50)}x  p95 ${f(ev.p95 / st.p95)}x\n`);
    const ce = await cannon(eventUrl);
    const cs = await cannon(staticUrl);
    process.stdout.write(`autocannon, 200 requests at concurrency 20 (loopback):\n`);
    for (const [name, r] of [['event page ', ce], ['static file', cs]] as const) {
      process.stdout.write(`  ${name}  ${r.requests.average.toFixed(0)} req/s  latency p50 ${r.latency.p50} ms  p97.5 ${r.latency.p97_5} ms  p99 ${r.latency.p99} ms  non-2xx ${r.non2xx}  errors ${r.errors}\n`);
    }
    process.stdout.write(`  ratio        throughput ${(cs.requests.average / ce.requests.average).toFixed(2)}x slower, p50 latency ${(ce.latency.p50 / Math.max(1, cs.latency.p50)).toFixed(2)}x\n`);
  } finally {
    statics.close();
    await running.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

void main();
