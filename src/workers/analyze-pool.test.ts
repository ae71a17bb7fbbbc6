// Clusters analysed and written in the analysis pool: the same clusters, posts, post names and messages,
// in the same order, as on the main thread; a cluster over its budget in a worker is one error message.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';
import { listInputs, readRaw } from '../ingest/read-files.js';
import { run, type RunRequest } from '../pipeline.js';
import { openStore } from '../store/index.js';
import { shortId } from '../ids.js';

const fixture = (path: string) => fileURLToPath(new URL(`../../fixtures/${path}`, import.meta.url));

async function digest(folders: string[], more: Partial<RunRequest>) {
  const { files } = listInputs(folders.map(fixture));
  const store = await openStore(':memory:');
  try {
    const result = await run({
      store, args: ['test'], write: { runDate: '2026-01-01' },
      inputs: { raws: files.map((f) => readRaw(f)), total: files.length, messages: [] }, ...more,
    });
    return { result };
  } finally {
    await store.close();
  }
}

test('the analysis pool writes what the main thread writes: clusters, post names and messages, in order', async () => {
  // same-title: two events whose posts take one name; the second gets -2, whichever worker writes it first.
  const folders = ['server/walk', 'server/other', 'cli/two-articles', 'cli/too-short', 'cli/undated', 'pipeline/same-title'];
  const { result: inProcess } = await digest(folders, { analyzeIn: 'process' });
  const { result: inPool } = await digest(folders, { analyzeIn: 'pool' });
  assert.ok(inProcess.clusters.length >= 4, `${inProcess.clusters.length} clusters`);
  assert.ok(inProcess.messages.some((m) => m.rule === 'too-short'));
  assert.deepEqual(inPool.clusters, inProcess.clusters);
  assert.deepEqual(inPool.messages, inProcess.messages);
  const paths = inPool.clusters.map((c) => c.post.path);
  assert.equal(new Set(paths).size, paths.length, 'post names are unique');
  assert.ok(paths.includes('2025-05-09-주말-행사-안내-2.md'), paths.join(', '));
});

test('the analysis pool: a cluster over its CPU budget is one error message naming it; the next clusters are written', async () => {
  const { files } = listInputs([fixture('cli/two-articles')]);
  const rail = shortId('d', files.find((f) => f.source.endsWith('rail.txt'))!.key); // a document's id, as decode gives it
  const { result } = await digest(['cli/two-articles', 'server/walk'], {
    analyzeIn: 'pool',
    clusterBudgetMs: (c) => (c.members.includes(rail) ? 0 : 60_000),
  });
  const over = result.messages.filter((m) => m.rule === 'over-budget');
  assert.equal(over.length, 1, JSON.stringify(result.messages));
  assert.equal(over[0].severity, 'error');
  assert.match(over[0].place.source, /^cluster .*rail\.txt/);
  assert.match(over[0].reason, /over the time budget of 0 s .*no post this run/);
  assert.equal(result.clusters.length, 2);
  assert.ok(result.clusters.every((c) => c.post.markdown.includes('##')));
});
