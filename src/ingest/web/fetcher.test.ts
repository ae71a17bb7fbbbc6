// The fetcher against a real, misbehaving HTTP server on 127.0.0.1 (test/web-server).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startWebServer, type WebServer } from '../../../test/web-server/server.mjs';
import { Fetcher, parseRetryAfter, type FetcherOptions, type FetchResult } from './fetcher.js';
import { collectWeb } from './collect.js';
import { USER_AGENT } from './tunables.js';
import { openStore } from '../../store/index.js';
import { MemoryHttpCache } from './http-cache.js';
import { decodeFile } from '../decode.js';

/** Small delays keep the suite quick; the politeness rules are the same at any scale. */
const FAST: FetcherOptions = {
  perHostDelayMs: 50,
  retryBaseMs: 20,
  connectTimeoutMs: 2000,
  totalTimeoutMs: 3000,
  maxRetries: 2,
  allowHosts: ['127.0.0.1'],
};
/** Timers may fire a few ms early relative to another process's clock reading. */
const TOLERANCE_MS = 10;

async function withServer(fn: (s: WebServer) => Promise<void>, options?: Parameters<typeof startWebServer>[0]) {
  const server = await startWebServer(options);
  try {
    await fn(server);
  } finally {
    await server.close();
  }
}

async function fetchOne(url: string, options: FetcherOptions = FAST): Promise<FetchResult> {
  const fetcher = new Fetcher(options);
  try {
    return await fetcher.fetch(url, 'typed');
  } finally {
    await fetcher.close();
  }
}

const failRule = (r: FetchResult) => (r.ok ? 'ok' : r.rule);

test('politeness: one request at a time per host, each start at least the delay after the last', async () => {
  await withServer(async (s) => {
    const delay = 80;
    const fetcher = new Fetcher({ ...FAST, perHostDelayMs: delay });
    await collectWeb([`${s.base}/feeds/feed.xml`], fetcher);
    await fetcher.close();
    const log = [...s.log].sort((a, b) => a.start - b.start);
    assert.ok(log.length >= 6, `expected the feed and its articles, got ${log.length} requests`);
    assert.equal(s.maxInFlight, 1);
    assert.equal(log[0].path, '/robots.txt', 'robots.txt is read before anything else');
    assert.equal(s.requests('/robots.txt').length, 1, 'robots.txt is cached per host');
    for (let i = 1; i < log.length; i++) {
      assert.ok(log[i].start >= log[i - 1].end!, `${log[i].path} overlapped ${log[i - 1].path}`);
      assert.ok(log[i].start - log[i - 1].start >= delay - TOLERANCE_MS, `${log[i].path} came ${log[i].start - log[i - 1].start} ms after the previous request`);
    }
    for (const e of log) assert.equal(e.userAgent, USER_AGENT);
  });
});

test('politeness: a per-host concurrency of 2 runs two requests at once, never three', async () => {
  await withServer(async (s) => {
    const fetcher = new Fetcher({ ...FAST, perHostConcurrency: 2, perHostDelayMs: 0 });
    const urls = ['a', 'b', 'c', 'd', 'e', 'f'].map((n) => `${s.base}/pause/150/${n}`);
    const results = await Promise.all(urls.map((u) => fetcher.fetch(u, 'typed')));
    await fetcher.close();
    assert.deepEqual(results.map(failRule), urls.map(() => 'ok'));
    assert.equal(s.maxInFlight, 2);
  });
});

test('retries: 5xx is retried with backoff until it succeeds', async () => {
  await withServer(async (s) => {
    const r = await fetchOne(`${s.base}/flaky/500/2`);
    assert.equal(failRule(r), 'ok');
    assert.equal(s.requests('/flaky/500/2').length, 3);
    assert.equal(r.messages.filter((m) => m.rule === 'retry').length, 2);
  });
});

test('retries: Retry-After in seconds is honoured', async () => {
  await withServer(async (s) => {
    const r = await fetchOne(`${s.base}/flaky/429/1?after=1`);
    assert.equal(failRule(r), 'ok');
    const [first, second] = s.requests('/flaky/429/1');
    assert.ok(second.start - first.start >= 1000 - TOLERANCE_MS, `retried after ${second.start - first.start} ms`);
  });
});

test('retries: Retry-After as an HTTP date is honoured', async () => {
  await withServer(async (s) => {
    const r = await fetchOne(`${s.base}/flaky/503/1?after=date`);
    assert.equal(failRule(r), 'ok');
    const [first, second] = s.requests('/flaky/503/1');
    // the date is 2 s ahead, truncated to whole seconds: at least 1 s of waiting
    assert.ok(second.start - first.start >= 1000 - TOLERANCE_MS, `retried after ${second.start - first.start} ms`);
  });
  assert.equal(parseRetryAfter('Wed, 21 Oct 2015 07:28:10 GMT', Date.parse('Wed, 21 Oct 2015 07:28:00 GMT')), 10_000);
  assert.equal(parseRetryAfter('120'), 120_000);
  assert.equal(parseRetryAfter('soon'), null);
});

test('retries are capped: a server that keeps failing gives one clear error', async () => {
  await withServer(async (s) => {
    const r = await fetchOne(`${s.base}/status/500`);
    assert.equal(failRule(r), 'http-500');
    assert.equal(s.requests('/status/500').length, 3, 'first try + 2 retries');
    assert.match(r.messages.at(-1)!.reason, /500 Internal Server Error after 3 attempts/);
  });
});

test('a Retry-After beyond the cap fails at once instead of stalling the run', async () => {
  await withServer(async (s) => {
    const r = await fetchOne(`${s.base}/flaky/429/5?after=3600`, { ...FAST, maxRetryAfterMs: 5000 });
    assert.equal(failRule(r), 'http-429');
    assert.equal(s.requests('/flaky/429/5').length, 1);
    assert.match(r.messages.at(-1)!.reason, /3600 s/);
  });
});

test('caching: a second run sends If-None-Match, takes the 304 and reuses the stored body', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'newsdesk-web-cache-'));
  const dbPath = join(dir, 'store.db');
  try {
    await withServer(async (s) => {
      const url = `${s.base}/articles/a1.html`;
      const run = async () => {
        const store = await openStore(dbPath); // reopened each run: validators live in the store
        const fetcher = new Fetcher({ ...FAST, cache: store.httpCache() });
        try {
          return await fetcher.fetch(url, 'typed');
        } finally {
          await fetcher.close();
          await store.close();
        }
      };
      const first = await run();
      const second = await run();
      assert.ok(first.ok && second.ok);
      assert.equal(first.fromCache, false);
      assert.equal(second.fromCache, true);
      assert.deepEqual(second.bytes, first.bytes);
      const [a, b] = s.requests('/articles/a1.html');
      assert.equal(a.ifNoneMatch, null);
      assert.ok(b.ifNoneMatch, 'the second request is conditional');
      assert.equal(b.status, 304);
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('each bad source gets a clear error of its own and the good ones are still ingested', async () => {
  await withServer(async (s) => {
    const fetcher = new Fetcher({ ...FAST, maxRetries: 0, totalTimeoutMs: 400, maxBodyBytes: 1024 * 1024, maxRedirects: 5 });
    const sources = ['/loop/a', '/hops/7', '/slow', '/huge', '/huge-declared', '/status/404', '/articles/a3.html', '/hops/2'].map(
      (p) => `${s.base}${p}`,
    );
    const got = await collectWeb(sources, fetcher);
    await fetcher.close();
    const errors = Object.fromEntries(got.messages.filter((m) => m.severity === 'error').map((m) => [new URL(m.place.source).pathname, m]));
    assert.equal(errors['/loop/a']?.rule, 'redirect-loop');
    assert.equal(errors['/hops/7']?.rule, 'too-many-redirects');
    assert.equal(errors['/slow']?.rule, 'timeout');
    assert.match(errors['/slow'].reason, /reading the body timed out/);
    assert.equal(errors['/huge']?.rule, 'too-large');
    assert.match(errors['/huge'].reason, /over the 1 MB limit; download stopped/);
    assert.equal(errors['/huge-declared']?.rule, 'too-large');
    assert.equal(errors['/status/404']?.rule, 'http-404');
    assert.equal(Object.keys(errors).length, 6);
    // /hops/2 lands on the same article as the typed one: one copy, with a note
    assert.deepEqual(got.raws.map((r) => new URL(r.key).pathname), ['/articles/a3.html']);
    assert.ok(got.messages.some((m) => m.rule === 'duplicate-url' && m.place.source.endsWith('/hops/2')));
    const huge = s.requests('/huge')[0];
    assert.ok(huge.bytesSent! < 25 * 1024 * 1024, `the 50 MB body was abandoned early (server wrote ${huge.bytesSent} bytes)`);
  });
});

test('gzip, br and deflate (zlib-wrapped and raw) bodies decompress to the page', async () => {
  await withServer(async (s) => {
    const fetcher = new Fetcher(FAST);
    const plain = await fetcher.fetch(`${s.base}/articles/a1.html`, 'typed');
    assert.ok(plain.ok);
    for (const enc of ['gz', 'br', 'deflate', 'rawdeflate']) {
      const r = await fetcher.fetch(`${s.base}/${enc}/articles/a1.html`, 'typed');
      assert.ok(r.ok, enc);
      assert.deepEqual(r.bytes, plain.bytes, enc);
    }
    await fetcher.close();
    assert.match(s.requests('/gz/articles/a1.html')[0].acceptEncoding ?? '', /gzip.*deflate.*br/);
  });
});

test('charsets: undeclared EUC-KR and a header that lies about UTF-8 both decode right', async () => {
  const expected = JSON.parse(readFileSync(new URL('../../../fixtures/web/euc-kr/expected.json', import.meta.url), 'utf8'));
  await withServer(async (s) => {
    for (const path of ['/euc-kr', '/wrong-charset']) {
      const r = await fetchOne(`${s.base}${path}`);
      assert.ok(r.ok, path);
      const decoded = decodeFile({ source: r.url, key: r.url, bytes: r.bytes, contentType: r.contentType });
      assert.equal(decoded.file?.encoding, expected.encoding, path);
      for (const phrase of expected.contains) assert.ok(decoded.file!.text.includes(phrase), `${path}: ${phrase}`);
    }
  });
});

test('robots.txt: a disallowed page is refused without being requested', async () => {
  await withServer(async (s) => {
    const r = await fetchOne(`${s.base}/private/secret.html`);
    assert.equal(failRule(r), 'robots-disallow');
    assert.equal(s.requests('/private/secret.html').length, 0);
    assert.equal(failRule(await fetchOne(`${s.base}/articles/a2.html`)), 'ok');
  });
});

test('robots.txt: a 5xx robots.txt keeps us off the host; a missing one allows everything', async () => {
  await withServer(
    async (s) => {
      const r = await fetchOne(`${s.base}/articles/a1.html`, { ...FAST, maxRetries: 0 });
      assert.equal(failRule(r), 'robots-unreachable');
      assert.equal(s.requests('/articles/a1.html').length, 0);
    },
    { robots: 503 },
  );
  await withServer(
    async (s) => {
      assert.equal(failRule(await fetchOne(`${s.base}/private/secret.html`)), 'ok');
    },
    { robots: 404 },
  );
});

test('an in-memory cache works the same for --db :memory: runs', async () => {
  await withServer(async (s) => {
    const cache = new MemoryHttpCache();
    const url = `${s.base}/feeds/atom.xml`;
    for (let i = 0; i < 2; i++) {
      const f = new Fetcher({ ...FAST, cache });
      await f.fetch(url, 'typed');
      await f.close();
    }
    assert.deepEqual(s.requests('/feeds/atom.xml').map((e) => e.status), [200, 304]);
  });
});

test('a host that refuses connections is a network error, reported once per source', async () => {
  const s = await startWebServer();
  const port = s.port;
  await s.close(); // nothing listens there now
  const r = await fetchOne(`http://127.0.0.1:${port}/articles/a1.html`, { ...FAST, maxRetries: 0 });
  assert.equal(failRule(r), 'network-error');
  assert.match(r.messages.at(-1)!.reason, /connection refused by 127\.0\.0\.1/);
});
