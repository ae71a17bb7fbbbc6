// The per-cluster time budget: a checkpoint stops work once the budget is spent, and in a real run a
// cluster over its budget becomes one error message while the other clusters still get their posts.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';
import { OverBudget, checkBudget, offBudget, withBudget } from './budget.js';
import { listInputs, readRaw } from '../ingest/read-files.js';
import { run } from '../pipeline.js';
import { openStore } from '../store/index.js';
import { shortId } from '../ids.js';

test('budget: checkpoints are free outside a budget and throw OverBudget once it is spent', () => {
  checkBudget('outside'); // no budget in force: nothing happens
  assert.equal(withBudget(60_000, () => { checkBudget('plenty'); return 'done'; }), 'done');
  assert.throws(() => withBudget(0, () => checkBudget('analyze/quotes')), (e: unknown) =>
    e instanceof OverBudget && e.where === 'analyze/quotes' && /over the time budget of 0 s/.test(e.message));
  checkBudget('after'); // the spent budget ended with its call
});

/** Spends about `ms` of this process's CPU time. */
function spin(ms: number): void {
  const end = process.cpuUsage().user / 1000 + ms;
  while (process.cpuUsage().user / 1000 < end);
}

test('budget: CPU time spent off the budget (building the tokenizer) does not count against it', () => {
  assert.equal(withBudget(300, () => { offBudget(() => spin(600)); checkBudget('after the build'); return 'done'; }), 'done');
  // The same work on the budget runs it out: the test above could fail.
  assert.throws(() => withBudget(300, () => { spin(600); checkBudget('after the work'); }), OverBudget);
});

test('budget: a cluster over its budget gets an error message and no post; the other cluster is written', async () => {
  const dir = fileURLToPath(new URL('../../fixtures/cli/two-articles/', import.meta.url));
  const { files } = listInputs([dir]);
  const rail = shortId('d', files.find((f) => f.source.endsWith('rail.txt'))!.key); // a document's id, as decode gives it
  const store = await openStore(':memory:');
  const result = await run({
    store, args: ['test'], write: { runDate: '2026-01-01' },
    inputs: { raws: files.map((f) => readRaw(f)), total: files.length, messages: [] },
    // The cluster holding rail.txt has no time at all; the other has plenty.
    clusterBudgetMs: (c) => (c.members.includes(rail) ? 0 : 60_000),
  });
  await store.close();
  const over = result.messages.filter((m) => m.rule === 'over-budget');
  assert.equal(over.length, 1, JSON.stringify(result.messages));
  assert.equal(over[0].severity, 'error');
  assert.match(over[0].place.source, /^cluster .*rail\.txt/);
  assert.match(over[0].reason, /over the time budget of 0 s .*no post this run/);
  assert.equal(result.clusters.length, 1);
  assert.ok(result.clusters[0].post.markdown.length > 0);
  assert.ok(result.documents.some((d) => d.source.endsWith('rail.txt')), 'the document itself is kept');
});

test('a cluster with less than one news sentence of text is not analysed: one warning names it, no empty post', async () => {
  const dir = fileURLToPath(new URL('../../fixtures/cli/too-short/', import.meta.url));
  const { files } = listInputs([dir]);
  const store = await openStore(':memory:');
  const result = await run({
    store, args: ['test'], write: { runDate: '2026-01-01' },
    inputs: { raws: files.map((f) => readRaw(f)), total: files.length, messages: [] },
  });
  await store.close();
  const short = result.messages.filter((m) => m.rule === 'too-short');
  assert.equal(short.length, 1, JSON.stringify(result.messages));
  assert.equal(short[0].stage, 'write');
  assert.match(short[0].place.source, /note-7\.txt/);
  assert.equal(result.clusters.length, 1, 'only the article gets a cluster with a post');
  assert.ok(result.clusters[0].post.markdown.includes('##'));
  assert.ok(result.documents.some((d) => d.source.endsWith('note-7.txt')), 'the short document itself is kept');
});
