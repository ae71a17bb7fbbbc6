// A digest over a store that already holds the analysis of its events: events whose documents and write
// options are as they were are taken as stored, with the very analysis and post a fresh analysis makes;
// an event that gains a document, or a run under other write options, is analysed again.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { listInputs, readRaw } from './ingest/index.js';
import { KeptTokens, finish, run, type RunResult } from './pipeline.js';
import { documentLines, encodeTokens, tokenKey, tokenizeAhead } from './analyze/token-cache.js';
import { makeDoc } from '../test/fixture-docs/cluster.mjs';
import { openStore, MEMORY_DB } from './store/index.js';
import type { WrittenCluster } from './types.js';

const dir = mkdtempSync(join(tmpdir(), 'newsdesk-reuse-'));
after(() => rmSync(dir, { recursive: true, force: true }));

const fixture = (name: string) => fileURLToPath(new URL(`../fixtures/server/${name}`, import.meta.url));
const inputs = (folders: string[]) => {
  const listing = listInputs(folders.map(fixture));
  return { raws: listing.files.map((f) => readRaw(f)), total: listing.files.length, messages: [] };
};

const digest = (db: string, folders: string[], write = {}) => digestIn(db, folders, write);

async function digestIn(db: string, folders: string[], write = {}, analyzeIn?: 'pool' | 'process'): Promise<RunResult> {
  const store = await openStore(db);
  try {
    const result = await run({ store, args: ['test'], inputs: inputs(folders), write, analyzeIn });
    await finish(store, result);
    return result;
  } finally {
    await store.close();
  }
}

/** What a digest reader sees of a cluster (the options key aside). */
const shown = ({ writtenWith: _w, ...c }: WrittenCluster) => c;
const byId = (r: RunResult) => new Map(r.clusters.map((c) => [c.id, shown(c)]));

test('unchanged events are taken as stored, exactly as a fresh analysis makes them', async () => {
  const db = join(dir, 'same.db');
  const first = await digest(db, ['walk', 'other']);
  assert.equal(first.clusters.length, 2);
  assert.deepEqual(first.reused, []);
  const again = await digest(db, []);
  assert.deepEqual(again.reused.sort(), first.clusters.map((c) => c.id).sort());
  assert.deepEqual(again.counts.clusters, { inserted: 0, updated: 0, unchanged: 2 });
  // The same documents analysed from nothing, in a store that keeps nothing.
  const fresh = await digest(MEMORY_DB, ['walk', 'other']);
  assert.deepEqual(byId(again), byId(fresh));
});

test('an event that gains a document is analysed again; the event beside it is not', async () => {
  const db = join(dir, 'grows.db');
  const first = await digest(db, ['walk', 'other']);
  const walk = first.clusters.find((c) => c.members.length === 3)!;
  const library = first.clusters.find((c) => c.members.length === 2)!;
  const grown = await digest(db, ['../pipeline/grown-event']);
  assert.deepEqual(grown.reused, [library.id]);
  assert.equal(grown.clusters.find((c) => c.id === walk.id)!.members.length, 4);
  assert.deepEqual(grown.counts.clusters, { inserted: 0, updated: 1, unchanged: 1 });
});

// In process and in the analysis pool (tokens go to the workers and come back to be kept).
for (const where of ['process', 'pool'] as const) test(`a re-digest tokenizes only the documents it has not seen, with the very result a fresh digest makes (${where})`, async () => {
  const db = join(dir, `tokens-${where}.db`);
  const digest = (db: string, folders: string[], write = {}) => digestIn(db, folders, write, where);
  const first = await digest(db, ['walk', 'other']);
  assert.deepEqual(first.tokens, { cached: 0, tokenized: 5 });
  // The walk event gains a document: its three earlier reports come with their tokens, the new one is tokenized.
  const grown = await digest(db, ['../pipeline/grown-event']);
  assert.deepEqual(grown.tokens, { cached: 3, tokenized: 1 });
  const fresh = await digest(MEMORY_DB, ['walk', 'other', '../pipeline/grown-event']);
  assert.deepEqual(fresh.tokens, { cached: 0, tokenized: 6 });
  assert.deepEqual(byId(grown), byId(fresh));
  // Under other write options every event is analysed again, all from the cache.
  const hugo = await digest(db, [], { preset: 'hugo' });
  assert.deepEqual(hugo.tokens, { cached: 6, tokenized: 0 });
  assert.deepEqual(byId(hugo), byId(await digest(MEMORY_DB, ['walk', 'other', '../pipeline/grown-event'], { preset: 'hugo' })));
});

test('other write options analyse and write every event again', async () => {
  const db = join(dir, 'options.db');
  const jekyll = await digest(db, ['walk', 'other']);
  const hugo = await digest(db, [], { preset: 'hugo' });
  assert.deepEqual(hugo.reused, []);
  for (const c of hugo.clusters) assert.notEqual(c.post.markdown, jekyll.clusters.find((j) => j.id === c.id)!.post.markdown);
  const again = await digest(db, [], { preset: 'hugo' });
  assert.equal(again.reused.length, 2);
});

// Four fictional stories of six articles; the store holds the first five of each, then a run adds one more.
test('a digest drops the cached tokens and features another newsdesk version made, says how many, and keeps its own', async () => {
  const db = join(dir, 'stale-caches.db');
  await digest(db, ['walk', 'other']);
  const store = await openStore(db);
  try {
    await store.saveTokens([['0123456789abcdef:1f2e', '0,2,NNP'], ['9a8b7c6d5e4f3a2b1c0d', '0,2,NNP']]); // an older analyser's; a key of before prefixes
    await store.saveFeatures([['fedcba9876543210:1f2e', Uint8Array.from([1, 2, 3])]]);
  } finally {
    await store.close();
  }
  const again = await digest(db, [], { preset: 'hugo' });
  assert.deepEqual(again.messages.filter((m) => m.rule === 'stale-cache').map((m) => `${m.stage} ${m.severity}: ${m.reason}`),
    ['store info: removed 2 cached token and 1 cached feature rows made by another version of newsdesk']);
  assert.deepEqual(again.tokens, { cached: 5, tokenized: 0 }, 'the rows of this version stay');
  const after = await openStore(db);
  try {
    assert.deepEqual(await after.tokens(['0123456789abcdef:1f2e', '9a8b7c6d5e4f3a2b1c0d']), new Map());
    assert.deepEqual(await after.features(['fedcba9876543210:1f2e']), new Map());
  } finally {
    await after.close();
  }
  assert.deepEqual((await digest(db, [])).messages.filter((m) => m.rule === 'stale-cache'), [], 'nothing left to drop: nothing said');
});

const stories = (n: number) => (name: string) => ['chipplant', 'library', 'wildfire', 'windfarm'].includes(name.replace(/-\d\.txt$/, '')) && Number(/(\d)\.txt$/.exec(name)![1]) <= n;
function storyInputs(keep: (name: string) => boolean) {
  const listing = listInputs([fixture('../pipeline/stories')]);
  const files = listing.files.filter((f) => keep(f.source.split('/').pop()!));
  return { raws: files.map((f) => readRaw(f)), total: files.length, messages: [] };
}
async function digestStories(db: string, keep: (name: string) => boolean, recluster?: boolean): Promise<RunResult> {
  const store = await openStore(db);
  try {
    const result = await run({ store, args: ['test'], inputs: storyInputs(keep), recluster });
    await finish(store, result);
    return result;
  } finally {
    await store.close();
  }
}

test('a run that adds one document to 20 stored places it into the stored events, to what a fresh digest makes', async () => {
  const db = join(dir, 'incremental.db');
  assert.equal((await digestStories(db, stories(5))).clustered, 'full');
  const grown = await digestStories(db, (name) => stories(5)(name) || name === 'library-6.txt');
  assert.equal(grown.clustered, 'incremental', 'the 20 stored documents are not clustered again');
  assert.deepEqual(grown.fresh.length, 1);
  assert.equal(grown.reused.length, 3, 'the three events without a new article are taken as stored');
  const fresh = await digestStories(MEMORY_DB, (name) => stories(5)(name) || name === 'library-6.txt');
  assert.equal(fresh.clustered, 'full');
  assert.deepEqual(byId(grown), byId(fresh));
  // --recluster: every document clustered again, to the same events.
  const again = await digestStories(db, stories(6), true);
  assert.equal(again.clustered, 'full');
  assert.deepEqual(byId(again), byId(await digestStories(MEMORY_DB, stories(6))));
});

test('the lines a warm worker tokenizes ahead: those of the documents whose tokens the store lacks, each once', async () => {
  const kept = makeDoc('kept', '한빛시는 새 방파제를 짓는다고 밝혔다.\n공사는 내년 봄에 시작된다.');
  const fresh = makeDoc('fresh', '한빛시는 새 방파제를 짓는다고 밝혔다.\n시의회는 예산을 12일 의결했다.');
  const copy = makeDoc('copy', fresh.body);
  const store = await openStore(join(dir, 'ahead.db'));
  try {
    const lines = documentLines(kept);
    await store.saveTokens([[tokenKey(lines), encodeTokens(lines, tokenizeAhead(lines, 60_000))!]]);
    assert.deepEqual(await new KeptTokens(store).uncachedLines([kept, fresh, copy]), documentLines(fresh));
  } finally {
    await store.close();
  }
  const memory = await openStore(MEMORY_DB);
  try {
    assert.deepEqual(await new KeptTokens(memory).uncachedLines([kept, fresh]), [...new Set([...documentLines(kept), ...documentLines(fresh)])]);
  } finally {
    await memory.close();
  }
});
