// Watch and digest agree: watch, fed the seeds one feed item per poll, ends with the same clusters,
// dates and post as one digest of the seed files. The seeds are read at run time from ../shared
// (never copied into the repository) and served by a feed server on 127.0.0.1.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AddressInfo } from 'node:net';
import { run } from '../pipeline.js';
import { openStore } from '../store/index.js';
import { listInputs, readRaw } from '../ingest/index.js';
import { MemoryHttpCache } from '../ingest/web/index.js';
import type { WrittenCluster } from '../types.js';
import { runWatch } from './watch.js';

const SEEDS = fileURLToPath(new URL('../../../shared/seeds/', import.meta.url));
const seeds = existsSync(SEEDS) ? readdirSync(SEEDS).filter((f) => f.endsWith('.txt')).sort() : [];
const RUN_DATE = '2030-01-01';

/**
 * What a reader compares: each cluster's documents (by body), their dates, and the post's title, date
 * and prose. The attribution (`…에 따르면`) is left out: a seed with no outlet is named by where it
 * came from, its file (기사 1) or its host (127.0.0.1), and those rightly differ.
 */
function digestOf(clusters: WrittenCluster[], bodies: Map<string, { body: string; publishedAt: string | null }>) {
  return clusters.map((c) => ({
    members: c.members.map((id) => bodies.get(id)).map((d) => `${d!.publishedAt} ${d!.body.slice(0, 40)}`).sort(),
    inferred: c.inferredDates.map((g) => `${g.publishedAt} ${g.evidence} ${bodies.get(g.document)!.body.slice(0, 40)}`).sort(),
    post: { title: c.post.model?.title, date: c.post.model?.date, prose: (c.post.sentences ?? []).map((s) => s.text.replace(/^[^ ]+(?: \d+)?에 따르면 /, '')) },
  }));
}

test('watch fed the seeds one feed item per poll ends where one digest of the seeds does', { skip: !seeds.length && 'no ../shared/seeds' }, async () => {
  const direct = await openStore(':memory:');
  const listing = listInputs(seeds.map((f) => join(SEEDS, f)));
  const once = await run({
    store: direct, args: ['digest'], write: { runDate: RUN_DATE },
    inputs: { raws: listing.files.map((f) => readRaw(f)), total: listing.files.length, messages: [] },
  });
  const onceDocs = new Map(once.documents.map((d) => [d.id, d]));
  await direct.close();

  const published: string[] = [];
  const server = createServer((req, res) => {
    if (req.url === '/feed.xml') {
      const items = published.map((f) => `<item><link>${base}/seeds/${f}</link></item>`).join('\n');
      res.writeHead(200, { 'content-type': 'application/rss+xml; charset=utf-8' });
      return res.end(`<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0"><channel><title>seeds</title>\n${items}\n</channel></rss>\n`);
    }
    const name = decodeURIComponent(req.url!.replace(/^\/seeds\//, ''));
    if (!seeds.includes(name)) return res.writeHead(404).end();
    // As a static file server does: the file's modification time is the page's Last-Modified, so an
    // undated seed is dated the same way from disk and from the web.
    res.writeHead(200, { 'content-type': 'text/plain; charset=utf-8', 'last-modified': statSync(join(SEEDS, name)).mtime.toUTCString() });
    res.end(readFileSync(join(SEEDS, name)));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const watched = await openStore(':memory:');
  let last: WrittenCluster[] = [];
  try {
    published.push(seeds[0]);
    await runWatch({
      urls: [`${base}/feed.xml`], everyMs: 10, maxPolls: seeds.length, store: watched, outDir: null,
      cache: new MemoryHttpCache(), write: { runDate: RUN_DATE },
      fetcher: { perHostDelayMs: 5, retryBaseMs: 50, totalTimeoutMs: 60_000, maxRetries: 3, allowHosts: ['127.0.0.1'] },
      onPoll: (r) => {
        assert.deepEqual([r.newDocuments.length, r.problems.filter((m) => m.stage === 'ingest')], [1, []], `poll ${r.poll} reads its one new item`);
        last = r.clusters;
        if (published.length < seeds.length) published.push(seeds[published.length]);
      },
    });
    const watchedDocs = new Map((await watched.documents()).map((d) => [d.id, d]));
    assert.deepEqual(digestOf(last, watchedDocs), digestOf(once.clusters, onceDocs));
  } finally {
    await watched.close();
    server.close();
  }
});
