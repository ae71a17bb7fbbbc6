// The cluster spool gives back what was pushed, in order, on every pass: long Korean lines included, clusters taken
// as stored read from the store only when a pass needs them; closing it leaves nothing on disk.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import type { WrittenCluster } from '../types.js';
import type { StoredCluster, StoredClusterHead } from '../store/index.js';
import { sha256 } from '../ids.js';
import { ConfigError } from '../messages.js';
import { ClusterSpool } from './cluster-spool.js';

/** Enough of a written cluster for a round trip (the spool only stores JSON). */
const cluster = (id: string, markdown: string) =>
  ({ id, members: [`${id}-a`, `${id}-b`], inferredDates: [{ document: `${id}-b`, publishedAt: '2026-03-03', evidence: `${id}-a` }], messages: [{ rule: id }], summary: [{ text: '가상시 시의회가 예산안을 통과시켰다.' }], post: { path: `${id}.md`, markdown } }) as unknown as WrittenCluster;

test('every pass reads the clusters back in order, long Korean lines included', () => {
  const spool = new ClusterSpool();
  try {
    // 700k characters: a line of 1.4 MB in UTF-16, over the spool's write batch and its first read buffer.
    const long = '한빛전자 신제품 발표회가 열렸다. '.repeat(40_000);
    const pushed = [cluster('c1', '짧은 글'), cluster('c2', long), cluster('c3', 'x'.repeat(1_048_575)), cluster('c4', '끝')];
    for (const c of pushed) spool.push(c);
    assert.equal(spool.length, 4);
    assert.deepEqual([...spool], pushed);
    assert.deepEqual([...spool].map((c) => c.id), ['c1', 'c2', 'c3', 'c4']); // a second pass
    // The inferred dates, kept aside as the clusters came (the digest JSON needs them first).
    assert.deepEqual([...spool.inferredDates.keys()], ['c1-b', 'c2-b', 'c3-b', 'c4-b']);
    // A pass that needs only some clusters' ids gets those as ids (the long line is not read back).
    const mixed = [...spool.orIds(new Set(['c2']))];
    assert.equal(mixed[1], 'c2');
    assert.deepEqual(mixed.filter((c) => typeof c !== 'string'), [pushed[0], pushed[2], pushed[3]]);
    assert.deepEqual(spool.messages.map((m) => m.rule), ['c1', 'c2', 'c3', 'c4']);
  } finally {
    spool.close();
  }
});

test('an empty spool reads as no clusters, and it leaves nothing on disk even before it is closed (a killed run)', () => {
  const parent = mkdtempSync(join(tmpdir(), 'newsdesk-spool-test-'));
  try {
    const spool = new ClusterSpool(parent);
    assert.equal(spool.length, 0);
    assert.deepEqual([...spool], []);
    spool.push({ id: 'c1', inferredDates: [], messages: [], post: { path: 'c1.md', markdown: '' } } as unknown as WrittenCluster);
    assert.deepEqual(readdirSync(parent), []);
    assert.deepEqual([...spool].map((c) => c.id), ['c1']);
    spool.close();
  } finally {
    rmSync(parent, { recursive: true, force: true });
  }
});

/** The head of a stored cluster, as store.clusterHeads gives it. */
const headOf = (c: WrittenCluster, run: number): StoredClusterHead => ({
  id: c.id, run, members: c.members, duplicates: [], postPath: c.post.path, hasPost: true, writtenWith: 'w', draftDate: null,
  inferredDates: c.inferredDates, messages: c.messages, postChecksum: sha256(c.post.markdown),
});

test('a cluster taken as stored keeps its side lists from its head, and is read from the store only when a pass needs it', async () => {
  const stored = { ...cluster('c2', '저장된 글'), duplicates: [], writtenWith: 'w' } as WrittenCluster;
  const asked: string[][] = [];
  let run = 7;
  const store = {
    clustersById: async (ids: string[]): Promise<StoredCluster[]> => {
      asked.push(ids);
      const { id, members, duplicates, post, writtenWith, ...analysis } = stored;
      return ids.includes(id) ? [{ id, run, members, analysis: { duplicates, ...analysis }, postPath: post.path, post, writtenWith: writtenWith!, goneRun: null }] : [];
    },
  };
  const spool = new ClusterSpool();
  try {
    spool.push(cluster('c1', '새 글'));
    spool.pushStored(headOf(stored, 7));
    spool.push(cluster('c3', '또 새 글'));
    assert.equal(spool.length, 3);
    assert.deepEqual(spool.posts.map((p) => p.checksum), ['새 글', '저장된 글', '또 새 글'].map((t) => sha256(t)));
    assert.deepEqual([...spool.inferredDates.keys()], ['c1-b', 'c2-b', 'c3-b']);
    assert.deepEqual(spool.messages.map((m) => m.rule), ['c1', 'c2', 'c3']);
    // Passes that take it by id never read it.
    assert.deepEqual([...spool.orIds(new Set(['c2']))].map((c) => (typeof c === 'string' ? c : c.id)), ['c1', 'c2', 'c3']);
    assert.throws(() => [...spool], /not loaded/);
    await spool.load(store, ['c1', 'c3']);
    assert.deepEqual(asked, [], 'nothing asked for clusters not taken as stored');
    await spool.load(store, ['c2']);
    assert.deepEqual([...spool], [cluster('c1', '새 글'), stored, cluster('c3', '또 새 글')]);
    assert.deepEqual(asked, [['c2']]);
  } finally {
    spool.close();
  }
  const again = new ClusterSpool();
  try {
    again.pushStored(headOf(stored, 7));
    run = 8; // another run wrote it since
    await assert.rejects(again.load(store, ['c2']), (e: Error) => e instanceof ConfigError && /another run wrote event cluster c2/.test(e.message));
  } finally {
    again.close();
  }
});
