// Feed and sitemap metadata ride on the RawFile as hints and reach the NewsDoc, as a fallback only.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { startWebServer } from '../../../test/web-server/server.mjs';
import { Fetcher, type FetcherOptions } from './fetcher.js';
import { collectWeb } from './collect.js';
import { decodeFile } from '../decode.js';
import { extractDocument } from '../../extract/index.js';
import type { NewsDoc } from '../../types.js';

const FAST: FetcherOptions = { perHostDelayMs: 20, retryBaseMs: 20, totalTimeoutMs: 3000, maxRetries: 1, allowHosts: ['127.0.0.1'] };

/** Collects the sources from the fixture site (fixtures/web/site/hints/) and extracts each article. */
async function docsFrom(paths: string[]) {
  const s = await startWebServer();
  const fetcher = new Fetcher(FAST);
  try {
    const got = await collectWeb(paths.map((p) => `${s.base}${p}`), fetcher);
    const docs = new Map<string, NewsDoc>();
    for (const raw of got.raws) {
      const { file } = decodeFile(raw);
      assert.ok(file, raw.source);
      docs.set(new URL(raw.key).pathname, extractDocument(file));
    }
    return { base: s.base, raws: got.raws, docs };
  } finally {
    await fetcher.close();
    await s.close();
  }
}

test('an RSS item fills title, date and reporter of a page that has none; the page keeps its own', async () => {
  const { base, raws, docs } = await docsFrom(['/hints/feed.xml']);
  const bare = docs.get('/hints/bare.html')!;
  assert.equal(bare.title, "하늘시, 폐교 3곳 '청년 창업공간'으로 바꾼다");
  // RFC 822 in GMT comes out in KST like every other date
  assert.equal(bare.publishedAt, '2031-04-07T17:30:00+09:00');
  assert.equal(bare.reporter, '문가을');
  assert.deepEqual([bare.evidence.title, bare.evidence.publishedAt, bare.evidence.reporter], ['feed', 'feed', 'feed']);
  assert.match(bare.body, /^하늘시가 문을 닫은 초등학교/);
  assert.equal(raws.find((r) => r.key.endsWith('/hints/bare.html'))!.hints?.feed, `${base}/hints/feed.xml`);

  const own = docs.get('/hints/own-meta.html')!;
  assert.equal(own.title, '하늘시 공공도서관, 밤 10시까지 문 연다');
  assert.equal(own.publishedAt, '2031-04-08T09:00:00+09:00');
  assert.notEqual(own.evidence.title, 'feed');
  assert.notEqual(own.evidence.publishedAt, 'feed');
  assert.equal(own.outlet, '새벽뉴스');
  assert.equal(own.reporter, '한가람'); // the page's author meta, not the feed's <author>
});

test('a Google News sitemap names the outlet of a page that does not', async () => {
  const { docs } = await docsFrom(['/hints/news-sitemap.xml']);
  const doc = docs.get('/hints/bare-sitemap.html')!;
  assert.deepEqual(
    { title: doc.title, publishedAt: doc.publishedAt, outlet: doc.outlet },
    { title: '여울군 마을버스, 5월부터 밤 11시까지 운행', publishedAt: '2031-04-09T06:15:00+09:00', outlet: '여울타임스' },
  );
  assert.equal(doc.evidence.outlet, 'feed');
});

test("a URL typed directly carries no feed hints, only the server's Last-Modified, the last date source", async () => {
  const { raws, docs } = await docsFrom(['/hints/bare.html']);
  assert.deepEqual(raws[0].hints, { lastModified: 'Fri, 14 Mar 2031 00:00:00 GMT' });
  const doc = docs.get('/hints/bare.html')!;
  assert.equal(doc.publishedAt, '2031-03-14T09:00:00+09:00');
  assert.equal(doc.dateSource, 'http-last-modified');
  assert.equal(doc.evidence.publishedAt, 'http-last-modified');
  assert.notEqual(doc.evidence.title, 'feed');
});
