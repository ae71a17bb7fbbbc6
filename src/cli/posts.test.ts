// Posts are written in chunks whose files flush to disk together (atomic-file.ts FLUSHED_TOGETHER): across
// chunk boundaries every post lands whole, unchanged ones are left alone, a hand-edited one gets `.new.md`
// beside it, and no temporary file stays behind.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writePosts } from './posts.js';
import { ClusterSpool } from './cluster-spool.js';
import { FLUSHED_TOGETHER } from './atomic-file.js';
import { openStore } from '../store/index.js';
import type { WrittenCluster } from '../types.js';

const dir = mkdtempSync(join(tmpdir(), 'newsdesk-posts-'));
after(() => rmSync(dir, { recursive: true, force: true }));

/** Just what writePosts reads of a written cluster. */
const cluster = (i: number, text: string) => ({ id: `c${i}`, post: { path: `2026-03-0${1 + (i % 9)}-항로-${i}.md`, markdown: text } }) as unknown as WrittenCluster;

test('posts over several chunks: written whole and recorded; unchanged ones kept; an edited one gets .new.md beside it', async () => {
  const store = await openStore(':memory:');
  const n = 2 * FLUSHED_TOGETHER + 5;
  const first = Array.from({ length: n }, (_, i) => cluster(i, `# 항로 ${i}\n\n첫 판.\n`));
  const run1 = await store.beginRun(['test'], new Date('2026-03-01T00:00:00Z'));
  const w1 = await writePosts(store, run1, dir, first, []);
  assert.equal(w1.written.length, n);
  for (const c of first) assert.equal(readFileSync(join(dir, c.post.path), 'utf8'), c.post.markdown);

  // A person edits one post in the last chunk; the next run changes every other odd post.
  const edited = first[n - 2];
  writeFileSync(join(dir, edited.post.path), '# 손으로 고친 글\n');
  const second = first.map((c, i) => (i % 2 ? cluster(i, `# 항로 ${i}\n\n둘째 판.\n`) : c));
  const run2 = await store.beginRun(['test'], new Date('2026-03-02T00:00:00Z'));
  const w2 = await writePosts(store, run2, dir, second, []);
  const changed = second.filter((_, i) => i % 2 && i !== n - 2).map((c) => c.post.path);
  assert.deepEqual(w2.written, changed);
  assert.deepEqual(w2.beside, [edited.post.path.replace(/\.md$/, '.new.md')]);
  assert.equal(readFileSync(join(dir, edited.post.path), 'utf8'), '# 손으로 고친 글\n', 'the edited post is untouched');
  assert.equal(readFileSync(join(dir, w2.beside[0]), 'utf8'), second[n - 2].post.markdown);
  for (const c of second) if (c !== second[n - 2]) assert.equal(readFileSync(join(dir, c.post.path), 'utf8'), c.post.markdown);
  assert.deepEqual(readdirSync(dir).filter((f) => f.startsWith('.')), [], 'no temporary file left');
  assert.equal((await store.posts(dir)).length, n);
  await store.close();
});

test('posts known without their clusters (a spool): those whose file holds their text come by id and only get their record; the rest as from an array', async () => {
  const store = await openStore(':memory:');
  const folder = mkdtempSync(join(dir, 'known-'));
  const n = FLUSHED_TOGETHER + 3;
  const full = (i: number, text: string) => ({ ...cluster(i, text), inferredDates: [], messages: [] }) as unknown as WrittenCluster;
  const first = Array.from({ length: n }, (_, i) => full(i, `# 항로 ${i}\n\n첫 판.\n`));
  const run1 = await store.beginRun(['test']);
  await writePosts(store, run1, folder, first.slice(1), []); // the first post has no file nor record yet

  // A person edits post 2 and deletes post 4; the next run changes post 3.
  writeFileSync(join(folder, first[2].post.path), '# 손으로 고친 글\n');
  rmSync(join(folder, first[4].post.path));
  const second = first.map((c, i) => (i === 3 ? full(i, '# 항로 3\n\n둘째 판.\n') : c));
  const spool = new ClusterSpool();
  try {
    for (const c of second) spool.push(c);
    let byId: string[] = [];
    const known = Object.assign(spool, { orIds: (ids: ReadonlySet<string>) => ((byId = [...ids]), ClusterSpool.prototype.orIds.call(spool, ids)) });
    const run2 = await store.beginRun(['test']);
    const w = await writePosts(store, run2, folder, known, []);
    assert.deepEqual(w.written, [second[0], second[3], second[4]].map((c) => c.post.path), 'new, changed and deleted posts written');
    assert.deepEqual(w.beside, [second[2].post.path.replace(/\.md$/, '.new.md')]);
    assert.deepEqual(byId.sort(), second.filter((_, i) => ![0, 2, 3, 4].includes(i)).map((c) => c.id).sort(), 'the posts already in place came by id');
    for (const [i, c] of second.entries()) if (i !== 2) assert.equal(readFileSync(join(folder, c.post.path), 'utf8'), c.post.markdown);
    const records = new Map((await store.posts(folder)).map((p) => [p.path, p]));
    assert.equal(records.size, n, 'every post recorded, the first one too');
    assert.equal(records.get(second[5].post.path)?.run, run1, 'a post in place keeps its record');
  } finally {
    spool.close();
  }
});
