// Clusters analysed and written in the analysis pool: the same clusters, posts, post names and messages,
// in the same order, as on the main thread; a cluster over its budget in a worker is one error message.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';
import { listInputs, readRaw } from '../ingest/read-files.js';
import { run, type RunRequest } from '../pipeline.js';
import { openStore } from '../store/index.js';
import { shortId } from '../ids.js';
import { WorkerPool, type Outcome } from './pool.js';
import { analyzeTask, analyzeWatchdog } from './analyze-write.js';
import { DEFAULT_WRITE_OPTIONS } from '../write/index.js';
import { documentLines, tokenizeAhead } from '../analyze/token-cache.js';
import { loadFixture } from '../../test/fixture-docs/cluster.mjs';
import { threadClockFile } from './thread-clock.js';
import type { TestTask } from './test-worker.js';

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

const noClock = threadClockFile() === null ? 'no thread CPU clock on this system' : false;

test('the analysis pool\'s watchdog is the worker thread\'s CPU time: a busy cluster is stopped, a starved one is not', { skip: noClock }, async () => {
  // The pool's limits as pipeline.ts sets them (analyzeWatchdog), with a short grace; the test worker's tasks
  // stand for clusters that never reach a checkpoint. Waiting (Atomics.wait) is how a worker starved by a
  // loaded machine looks to the clock: 1.2 s of wall time past a CPU watchdog of 0.5 s, within the wall backstop.
  const limits = analyzeWatchdog({ budgetMs: 300 }, 200);
  assert.deepEqual(limits, { budgetMs: 500, wallLimitMs: 2_000 });
  const script = new URL(`./test-worker${import.meta.url.endsWith('.ts') ? '.ts' : '.js'}`, import.meta.url);
  const pool = new WorkerPool<TestTask, string>(script, { size: 1, budgetMs: 0, limitsOf: () => limits });
  const out: Outcome<string>[] = [];
  try {
    for await (const o of pool.map([{ echo: 'starved', sleepMs: 1_200 }, { hang: true }, { echo: 'next' }])) out.push(o);
  } finally {
    await pool.close();
  }
  assert.deepEqual(out.map((o) => (o.ok ? o.value : o.failure)), ['STARVED', 'budget', 'NEXT']);
  const stopped = out[1];
  assert.ok(!stopped.ok && /^over the CPU time budget of 500 ms/.test(stopped.error), JSON.stringify(stopped));
});

test('a worker\'s cluster takes the lines the worker tokenized ahead as made, and writes the same post', () => {
  const { docs } = loadFixture('two-events');
  const battery = docs.filter((d) => d.source.startsWith('a'));
  const task = () => ({
    cluster: { id: 'c-battery', members: battery.map((d) => d.id), duplicates: [] },
    docs: battery, options: { ...DEFAULT_WRITE_OPTIONS, runDate: '2026-01-01' }, budgetMs: 60_000, keepTokens: true,
  });
  const plain = analyzeTask(task());
  // The first report's lines made ahead (as the warm worker makes a new document's); the second's made by the cluster.
  const ahead = tokenizeAhead(documentLines(battery[0]), 60_000);
  const taken = analyzeTask(task(), ahead);
  assert.ok(plain.written && taken.written);
  assert.deepEqual(taken.written, plain.written);
  assert.deepEqual(taken.messages, plain.messages);
  assert.ok(ahead.size > 3, `${ahead.size} lines`);
  for (const [line, morphs] of ahead) assert.equal(taken.tokens!.get(line), morphs, 'taken, not tokenized again');
  assert.deepEqual(taken.tokens, plain.tokens, 'and brought back to be kept, as tokens made in the cluster are');
});
