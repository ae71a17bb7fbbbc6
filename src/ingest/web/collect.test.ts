// Sources → RawFiles: feed and sitemap expansion, dedupe, and the safety gate for found URLs.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { startWebServer, type WebServer } from '../../../test/web-server/server.mjs';
import { Fetcher, type FetcherOptions } from './fetcher.js';
import { collectWeb } from './collect.js';
import { splitSources } from '../../cli/sources.js';

const FAST: FetcherOptions = { perHostDelayMs: 20, retryBaseMs: 20, totalTimeoutMs: 3000, maxRetries: 1 };

async function collect(s: WebServer, paths: string[], options: FetcherOptions) {
  const fetcher = new Fetcher(options);
  try {
    return await collectWeb(paths.map((p) => `${s.base}${p}`), fetcher);
  } finally {
    await fetcher.close();
  }
}

test('an RSS feed expands into its articles; AMP copies and tracking URLs dedupe; bad items are messages', async () => {
  const s = await startWebServer();
  try {
    const got = await collect(s, ['/feeds/feed.xml'], { ...FAST, allowHosts: ['127.0.0.1'] });
    assert.deepEqual(
      got.raws.map((r) => r.key),
      [`${s.base}/articles/a1.html`, `${s.base}/articles/a2.html`, `${s.base}/gz/articles/a3.html`],
    );
    // the source stays the URL as found; only the key is canonical
    assert.equal(got.raws[1].source, `${s.base}/articles/a2.html?utm_source=rss&utm_campaign=spring`);
    assert.match(got.raws[0].contentType ?? '', /text\/html/);
    const rules = (path: string) => got.messages.filter((m) => m.place.source.endsWith(path)).map((m) => m.rule);
    assert.deepEqual(rules('/articles/missing.html'), ['http-404']);
    assert.deepEqual(rules('/private/secret.html'), ['robots-disallow']);
    assert.deepEqual(rules('/articles/a1-amp.html'), ['duplicate-url']);
    assert.deepEqual(got.feeds, [{ source: `${s.base}/feeds/feed.xml`, kind: 'rss', items: 6, unchanged: false }]);
  } finally {
    await s.close();
  }
});

test('a sitemap index leads to a Google News sitemap and a sitemap; Atom and RDF feeds work too', async () => {
  const s = await startWebServer();
  try {
    const got = await collect(s, ['/feeds/sitemap-index.xml', '/feeds/atom.xml', '/feeds/rdf.xml'], { ...FAST, allowHosts: ['127.0.0.1'] });
    assert.deepEqual(got.feeds.map((f) => f.kind).sort(), ['atom', 'rdf', 'sitemap', 'sitemap', 'sitemap-index']);
    const keys = got.raws.map((r) => new URL(r.key).pathname).sort();
    assert.deepEqual(keys, ['/articles/a1.html', '/articles/a3.html', '/br/articles/a2.html', '/euc-kr']);
    // the same bytes under another URL are one document
    const dupes = got.messages.filter((m) => m.rule === 'duplicate-content').map((m) => new URL(m.place.source).pathname).sort();
    assert.deepEqual(dupes, ['/deflate/articles/a3.html', '/wrong-charset']);
  } finally {
    await s.close();
  }
});

test('found URLs pointing at loopback are refused unless allowlisted; file:, data:, ftp: always are', async () => {
  const s = await startWebServer();
  try {
    // the feed itself is typed by the user, so it may be on 127.0.0.1 without an allowlist
    const closed = await collect(s, ['/feeds/unsafe.xml'], FAST);
    assert.equal(closed.raws.length, 0);
    const rules = closed.messages.filter((m) => m.severity === 'error').map((m) => m.rule).sort();
    assert.deepEqual(rules, ['blocked-address', 'blocked-scheme', 'blocked-scheme', 'blocked-scheme']);
    assert.equal(s.requests('/articles/a2.html').length, 0, 'a refused URL is never requested');
    assert.match(closed.messages.find((m) => m.rule === 'blocked-address')!.reason, /loopback.*--allow-host 127\.0\.0\.1/);

    const open = await collect(s, ['/feeds/unsafe.xml'], { ...FAST, allowHosts: ['127.0.0.1'] });
    assert.deepEqual(open.raws.map((r) => new URL(r.key).pathname), ['/articles/a2.html']);
    assert.deepEqual(open.messages.filter((m) => m.severity === 'error').map((m) => m.rule), ['blocked-scheme', 'blocked-scheme', 'blocked-scheme']);
  } finally {
    await s.close();
  }
});

test('a redirect from a typed URL to another internal host is gated, and says it was a redirect', async () => {
  const s = await startWebServer();
  try {
    // /hops/1 redirects to a path on the same host: fine. localhost is another name: gated.
    const fetcher = new Fetcher(FAST);
    const same = await fetcher.fetch(`${s.base}/hops/1`, 'typed');
    const away = await fetcher.fetch(`${s.base}/away?to=${encodeURIComponent(`http://localhost:${s.port}/articles/a1.html`)}`, 'typed');
    const found = await fetcher.fetch(`http://localhost:${s.port}/articles/a1.html`, 'found');
    await fetcher.close();
    assert.equal(same.ok, true);
    assert.equal(away.ok ? 'ok' : away.rule, 'blocked-address');
    const awayReason = away.messages.find((m) => m.rule === 'blocked-address')!.reason;
    assert.match(awayReason, /a server redirected there/);
    assert.doesNotMatch(awayReason, /feed/);
    assert.equal(found.ok ? 'ok' : found.rule, 'blocked-address');
    assert.match(found.messages.find((m) => m.rule === 'blocked-address')!.reason, /came from a feed or sitemap/);
  } finally {
    await s.close();
  }
});

test('source lists and arguments: URLs, paths relative to the list, refused schemes, bad lines', () => {
  const list = fileURLToPath(new URL('../../../fixtures/web/source-list/news.sources', import.meta.url));
  const split = splitSources(['https://daon.example/rss', 'data:text/plain,hi', 'notes/today.md'], [list]);
  assert.deepEqual(split.urls, ['https://garam.example/rss/all.xml', 'https://nuri.example/sitemap-news.xml#top', 'https://daon.example/rss']);
  assert.deepEqual(split.paths, [join(list, '..', 'local/briefing.html'), 'notes/today.md']);
  assert.deepEqual(split.messages.map((m) => m.rule), ['bad-source-line', 'blocked-scheme', 'blocked-scheme', 'blocked-scheme']);
  assert.equal(split.messages[0].place.line, 8);
});

test('allowlisting an address admits found URLs whose host name resolves to it', async () => {
  const s = await startWebServer();
  try {
    const fetcher = new Fetcher({ ...FAST, allowHosts: ['127.0.0.1', '::1'] });
    const r = await fetcher.fetch(`http://localhost:${s.port}/articles/a2.html`, 'found');
    await fetcher.close();
    assert.equal(r.ok ? 'ok' : r.rule, 'ok');
  } finally {
    await s.close();
  }
});
