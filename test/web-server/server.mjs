// A local news site for the fetcher tests, bound to 127.0.0.1 only. It serves the fixture site
// (articles, feeds, sitemaps, robots.txt) and misbehaves on purpose: slow bodies, redirect loops,
// 404/500/429 with Retry-After, a 50 MB body made on the fly, compressed bodies, wrong and missing
// charsets. Every request is logged with server-side start/end times so tests can check politeness.
import { createServer } from 'node:http';
import { readFileSync, existsSync, statSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { brotliCompressSync, deflateRawSync, deflateSync, gzipSync } from 'node:zlib';

const FIXTURES = new URL('../../fixtures/web/', import.meta.url);
const LAST_MODIFIED = 'Fri, 14 Mar 2031 00:00:00 GMT';

/** @param {{ robots?: string | number }} [options] robots: replacement robots.txt text, or a status to answer with. */
export async function startWebServer(options = {}) {
  const log = [];
  const hits = new Map();
  let inFlight = 0;
  let maxInFlight = 0;
  const state = { dynamicItems: [], robots: options.robots, feedTitle: '동적 피드' };
  let base = '';

  const fixture = (rel) => readFileSync(new URL(rel, FIXTURES));
  const withBase = (buf) => Buffer.from(buf.toString('utf8').replaceAll('{{BASE}}', base).replaceAll('{{HOST}}', new URL(base).host));
  const etagOf = (buf) => `"${createHash('sha1').update(buf).digest('hex').slice(0, 16)}"`;

  /** Sends a body with validators; a matching If-None-Match gets 304. */
  function sendValidated(req, res, body, type) {
    const etag = etagOf(body);
    if (req.headers['if-none-match'] === etag) {
      res.writeHead(304, { etag, 'last-modified': LAST_MODIFIED });
      return res.end();
    }
    res.writeHead(200, { 'content-type': type, etag, 'last-modified': LAST_MODIFIED, 'content-length': body.length });
    res.end(body);
  }

  function siteFile(path) {
    const rel = `site${path}`;
    const url = new URL(rel, FIXTURES);
    if (!existsSync(url) || statSync(url).isDirectory()) return null;
    return withBase(fixture(rel));
  }

  const typeOf = (path) => (path.endsWith('.xml') ? 'application/rss+xml; charset=utf-8' : 'text/html; charset=utf-8');

  function dynamicFeed() {
    const items = state.dynamicItems
      .map((p, i) => `<item><title>동적 기사 ${i + 1}</title><link>${base}${p}</link></item>`)
      .join('\n');
    return Buffer.from(`<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0"><channel><title>${state.feedTitle}</title>\n${items}\n</channel></rss>\n`);
  }

  function route(req, res, entry) {
    const url = new URL(req.url, base);
    const path = url.pathname;
    const count = (hits.get(path) ?? 0) + 1;
    hits.set(path, count);

    if (path === '/robots.txt') {
      if (typeof state.robots === 'number') {
        res.writeHead(state.robots, { 'content-type': 'text/plain' });
        return res.end('robots unavailable');
      }
      res.writeHead(200, { 'content-type': 'text/plain; charset=utf-8' });
      return res.end(state.robots ?? fixture('site/robots.txt'));
    }
    if (path === '/dynamic/feed.xml') return sendValidated(req, res, dynamicFeed(), 'application/rss+xml; charset=utf-8');

    const encoded = path.match(/^\/(gz|br|deflate|rawdeflate)(\/.*)$/);
    if (encoded) {
      const body = siteFile(encoded[2]);
      if (!body) return notFound(res);
      const [enc, packed] =
        encoded[1] === 'gz' ? ['gzip', gzipSync(body)]
        : encoded[1] === 'br' ? ['br', brotliCompressSync(body)]
        : encoded[1] === 'deflate' ? ['deflate', deflateSync(body)]
        : ['deflate', deflateRawSync(body)];
      res.writeHead(200, { 'content-type': typeOf(encoded[2]), 'content-encoding': enc, 'content-length': packed.length });
      return res.end(packed);
    }
    if (path === '/euc-kr') {
      res.writeHead(200, { 'content-type': 'text/html' });
      return res.end(fixture('euc-kr/article.euc-kr.html'));
    }
    if (path === '/wrong-charset') {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      return res.end(fixture('euc-kr/article.euc-kr.html'));
    }
    if (path === '/slow') {
      // headers at once, then a trickle that would take 20 s
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.write('<html><body><p>느리게 도착하는 기사</p>');
      const timer = setInterval(() => res.write('<p>…</p>'), 100);
      const stop = () => clearInterval(timer);
      res.on('close', stop);
      setTimeout(() => { stop(); res.end('</body></html>'); }, 20_000).unref();
      return;
    }
    if (path === '/huge') {
      // 50 MB, generated on the fly and streamed; stops as soon as the client goes away
      const total = 50 * 1024 * 1024;
      const chunk = Buffer.alloc(64 * 1024, '<p>대용량 본문 채우기 텍스트</p>\n');
      let sent = 0;
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      const pump = () => {
        while (sent < total && !res.destroyed) {
          sent += chunk.length;
          if (!res.write(chunk)) return res.once('drain', pump);
        }
        if (!res.destroyed) res.end();
      };
      const count = () => { entry.bytesSent = sent; };
      res.on('close', count);
      return pump();
    }
    if (path === '/huge-declared') {
      res.writeHead(200, { 'content-type': 'text/html', 'content-length': String(50 * 1024 * 1024) });
      return res.end('<p>거짓 길이</p>'); // the client must refuse from the header alone
    }
    const pause = path.match(/^\/pause\/(\d+)\/\w+$/);
    if (pause) {
      // /pause/<ms>/<name>: an article that takes <ms> to answer (to see requests overlap, or not)
      setTimeout(() => sendValidated(req, res, Buffer.from(`<html><body><p>${path} 기사</p></body></html>`), 'text/html; charset=utf-8'), Number(pause[1]));
      return;
    }
    // /away?to=<absolute URL>: a redirect off this host (to see the address gate judge the target)
    if (path === '/away') return redirect(res, url.searchParams.get('to'));
    if (path === '/loop/a') return redirect(res, '/loop/b');
    if (path === '/loop/b') return redirect(res, '/loop/a');
    const hop = path.match(/^\/hops\/(\d+)$/);
    if (hop) return redirect(res, Number(hop[1]) > 0 ? `/hops/${Number(hop[1]) - 1}` : '/articles/a3.html');
    const status = path.match(/^\/status\/(\d{3})$/);
    if (status) {
      res.writeHead(Number(status[1]), { 'content-type': 'text/plain' });
      return res.end(`status ${status[1]}`);
    }
    // /flaky/<code>/<n>: answers <code> the first n times (with Retry-After when ?after= is given), then an article
    const flaky = path.match(/^\/flaky\/(\d{3})\/(\d+)$/);
    if (flaky) {
      if (count <= Number(flaky[2])) {
        const headers = { 'content-type': 'text/plain' };
        const after = url.searchParams.get('after');
        if (after === 'date') headers['retry-after'] = new Date(Date.now() + 2000).toUTCString();
        else if (after) headers['retry-after'] = after;
        res.writeHead(Number(flaky[1]), headers);
        return res.end('try later');
      }
      return sendValidated(req, res, siteFile('/articles/a3.html'), 'text/html; charset=utf-8');
    }
    const body = siteFile(path);
    if (!body) return notFound(res);
    return sendValidated(req, res, body, typeOf(path));
  }

  function redirect(res, to) {
    res.writeHead(302, { location: to });
    res.end();
  }
  function notFound(res) {
    res.writeHead(404, { 'content-type': 'text/html; charset=utf-8' });
    res.end('<h1>기사를 찾을 수 없습니다</h1>');
  }

  const server = createServer((req, res) => {
    const entry = {
      path: req.url,
      start: Date.now(),
      end: null,
      userAgent: req.headers['user-agent'],
      ifNoneMatch: req.headers['if-none-match'] ?? null,
      acceptEncoding: req.headers['accept-encoding'] ?? null,
      status: null,
      bytesSent: null,
    };
    log.push(entry);
    inFlight++;
    maxInFlight = Math.max(maxInFlight, inFlight);
    let closed = false;
    const finish = () => {
      if (closed) return;
      closed = true;
      inFlight--;
      entry.end = Date.now();
      entry.status = res.statusCode;
    };
    res.on('finish', finish);
    res.on('close', finish);
    try {
      route(req, res, entry);
    } catch (e) {
      res.writeHead(500);
      res.end(String(e));
    }
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address();
  base = `http://127.0.0.1:${port}`;
  return {
    base,
    port,
    log,
    state,
    get maxInFlight() {
      return maxInFlight;
    },
    /** Requests for one path (query ignored), in arrival order. */
    requests(path) {
      return log.filter((e) => e.path.split('?')[0] === path);
    },
    close() {
      server.closeAllConnections();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}
