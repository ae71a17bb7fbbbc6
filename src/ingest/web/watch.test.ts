// `watch`: a feed item added between polls is picked up on the next poll, and posts are rewritten; a store that
// stops answering loses a poll, not the watch.
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startWebServer } from '../../../test/web-server/server.mjs';
import { runWatch, type PollReport } from '../../cli/watch.js';
import { MemoryHttpCache } from './http-cache.js';
import type { FetcherOptions } from './fetcher.js';
import { openStore } from '../../store/index.js';
import { dropPgTestSchemas, pgTestRelay } from '../../store/postgres/test-db.js';

after(dropPgTestSchemas);

const FAST: FetcherOptions = { perHostDelayMs: 20, retryBaseMs: 20, totalTimeoutMs: 3000, maxRetries: 1, allowHosts: ['127.0.0.1'] };

test('watch picks up a new feed item on its next poll and rewrites the posts', async () => {
  const s = await startWebServer();
  const out = mkdtempSync(join(tmpdir(), 'newsdesk-watch-'));
  try {
    s.state.dynamicItems = ['/articles/a1.html'];
    const reports: PollReport[] = [];
    const summary = await runWatch({
      urls: [`${s.base}/dynamic/feed.xml`],
      everyMs: 200,
      maxPolls: 3,
      fetcher: FAST,
      cache: new MemoryHttpCache(),
      outDir: out,
      onPoll: (r) => {
        reports.push(r);
        if (r.poll === 1) s.state.dynamicItems.push('/articles/a2.html'); // published between polls
      },
    });
    assert.equal(summary.polls, 3);
    assert.equal(summary.stoppedBy, 'max-polls');
    assert.deepEqual(reports.map((r) => r.newDocuments.length), [1, 1, 0]);
    assert.ok(reports[0].writtenPosts.length >= 1, 'the first poll writes a post');
    assert.ok(reports[1].writtenPosts.length >= 1, 'the new article changes a post');
    assert.deepEqual(reports[2].writtenPosts, [], 'nothing new, nothing rewritten');
    assert.equal(summary.documents, 2);
    assert.ok(readdirSync(out).length >= 1);
    // the feed is revalidated: the unchanged third poll costs a 304, and a1 is fetched only once
    assert.deepEqual(s.requests('/dynamic/feed.xml').map((e) => e.status), [200, 200, 304]);
    assert.equal(s.requests('/articles/a1.html').length, 1);
    assert.equal(s.requests('/articles/a2.html').length, 1);
  } finally {
    rmSync(out, { recursive: true, force: true });
    await s.close();
  }
});

test('watch stops cleanly when its signal is aborted (Ctrl-C)', async () => {
  const s = await startWebServer();
  try {
    s.state.dynamicItems = ['/articles/a3.html'];
    const controller = new AbortController();
    const summary = await runWatch({
      urls: [`${s.base}/dynamic/feed.xml`],
      everyMs: 60_000, // would sleep a minute: the abort must cut the wait short
      fetcher: FAST,
      cache: new MemoryHttpCache(),
      outDir: null,
      signal: controller.signal,
      onPoll: () => controller.abort(),
    });
    assert.equal(summary.stoppedBy, 'signal');
    assert.equal(summary.polls, 1);
    assert.equal(summary.documents, 1);
  } finally {
    await s.close();
  }
});

// The store's own HTTP cache fails the poll as it starts fetching; a cache elsewhere (memory) lets the poll fetch a2 and
// fail as it stores it, so a2 must count as unseen again.
for (const cacheIn of ['the store', 'memory'] as const) {
  test(`a store that stops answering loses that poll, said as a message; the next poll, once it is back, stores what it fetched (HTTP cache in ${cacheIn})`, async () => {
    const s = await startWebServer();
    const relay = await pgTestRelay();
    const store = await openStore(relay.location);
    try {
      s.state.dynamicItems = ['/articles/a1.html'];
      const reports: PollReport[] = [];
      const summary = await runWatch({
        urls: [`${s.base}/dynamic/feed.xml`],
        everyMs: 300,
        maxPolls: 3,
        fetcher: FAST,
        cache: cacheIn === 'memory' ? new MemoryHttpCache() : store.httpCache(),
        store,
        outDir: null,
        onPoll: (r) => {
          reports.push(r);
          if (r.poll === 1) {
            s.state.dynamicItems.push('/articles/a2.html');
            void relay.cut(); // the store goes down between polls
          }
          if (r.poll === 2) void relay.restore();
        },
      });
      assert.deepEqual(reports.map((r) => r.newDocuments.length), [1, 0, 1], 'a2, fetched by the lost poll, is stored by the next');
      assert.deepEqual(reports[1].problems.map((m) => `${m.stage}/${m.rule}`), ['store/unavailable']);
      assert.match(reports[1].problems[0].reason, /^PostgreSQL at .* (is not answering|closed the connection) \(.*\)(; nothing of that write was kept)?; this poll is dropped and the next one, in 0 s, fetches its articles again$/);
      assert.ok(reports[2].clusters.length >= 1, 'the poll after a lost one digests');
      assert.equal(summary.documents, 2);
      assert.equal(s.requests('/articles/a2.html').length, cacheIn === 'memory' ? 2 : 1, 'fetched by the lost poll too when it got that far');
    } finally {
      await store.close();
      await relay.cut();
      await s.close();
    }
  });
}
