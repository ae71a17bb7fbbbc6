import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { WorkerPool, type Outcome } from './pool.js';
import type { TestTask } from './test-worker.js';
import { threadClockFile } from './thread-clock.js';

const SCRIPT = new URL(`./test-worker${import.meta.url.endsWith('.ts') ? '.ts' : '.js'}`, import.meta.url);

async function runAll(tasks: TestTask[], options: { size: number; budgetMs: number; heapMb?: number; wallLimitMs?: number } = { size: 2, budgetMs: 2000, heapMb: 64 }) {
  const pool = new WorkerPool<TestTask, string>(SCRIPT, options);
  const out: Outcome<string>[] = [];
  try {
    for await (const o of pool.map(tasks)) out.push(o);
  } finally {
    await pool.close();
  }
  return out;
}

const summary = (os: Outcome<string>[]) => os.map((o) => (o.ok ? o.value : o.failure));

test('outcomes come back in input order, whichever worker finishes first', async () => {
  const tasks: TestTask[] = [{ echo: 'a', sleepMs: 300 }, { echo: 'b' }, { echo: 'c', sleepMs: 100 }, { echo: 'd' }, { echo: 'e' }];
  assert.deepEqual(summary(await runAll(tasks)), ['A', 'B', 'C', 'D', 'E']);
});

test('a task over its time budget is stopped by the watchdog and the next tasks still run', async () => {
  const out = await runAll([{ echo: 'a' }, { hang: true }, { echo: 'b' }, { hang: true }, { echo: 'c' }], { size: 1, budgetMs: 500, heapMb: 64 });
  assert.deepEqual(summary(out), ['A', 'budget', 'B', 'budget', 'C']);
  const failed = out[1];
  assert.ok(!failed.ok && /500 ms/.test(failed.error));
});

const noClock = threadClockFile() === null ? 'no thread CPU clock on this system' : false;

test('with a wall limit the budget is the worker thread\'s CPU time: a task kept waiting past it finishes, a busy one is stopped', { skip: noClock }, async () => {
  // Waiting (Atomics.wait) is how a worker starved by a loaded machine looks to the clock: wall time passes, CPU time does not.
  const out = await runAll([{ echo: 'a', sleepMs: 1500 }, { hang: true }, { echo: 'b' }], { size: 1, budgetMs: 500, wallLimitMs: 60_000, heapMb: 64 });
  assert.deepEqual(summary(out), ['A', 'budget', 'B']);
  const failed = out[1];
  assert.ok(!failed.ok && /CPU time budget of 500 ms/.test(failed.error), JSON.stringify(failed));
});

test('with a wall limit, a task that waits past it is stopped all the same', { skip: noClock }, async () => {
  const out = await runAll([{ echo: 'a', sleepMs: 5000 }, { echo: 'b' }], { size: 1, budgetMs: 500, wallLimitMs: 1000, heapMb: 64 });
  assert.deepEqual(summary(out), ['budget', 'B']);
  const failed = out[0];
  assert.ok(!failed.ok && /wall-time limit of 1000 ms/.test(failed.error), JSON.stringify(failed));
});

test('a task that throws is a crash outcome with its message and stack; the worker goes on', async () => {
  const out = await runAll([{ throw: 'broken page' }, { echo: 'after' }], { size: 1, budgetMs: 2000, heapMb: 64 });
  assert.deepEqual(summary(out), ['crash', 'AFTER']);
  const failed = out[0];
  assert.ok(!failed.ok && failed.error === 'broken page' && /test-worker/.test(failed.stack ?? ''));
});

test('a worker that exits or runs out of its heap is replaced', async () => {
  const out = await runAll([{ exit: 3 }, { echo: 'x' }, { bloat: true }, { echo: 'y' }], { size: 1, budgetMs: 20_000, heapMb: 32 });
  assert.deepEqual(summary(out), ['crash', 'X', 'memory', 'Y']);
});

test('close() while a worker is still starting: the process waits for it, and goes on after close', async () => {
  // Both workers load and say 'ready' while the main thread is busy, so close() runs before their
  // 'ready' is handled. Handling it must not unref a worker close() is stopping: with nothing else
  // to wait on, the process would end in the middle of `await close()` (exit code 13).
  const pool = new URL(`./pool${import.meta.url.endsWith('.ts') ? '.ts' : '.js'}`, import.meta.url);
  const code = `
    import { WorkerPool } from ${JSON.stringify(pool.href)};
    const pool = new WorkerPool(new URL(${JSON.stringify(SCRIPT.href)}), { size: 2, budgetMs: 20000 });
    void pool.run({ echo: 'a' });
    void pool.run({ echo: 'b' });
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 1500);
    await pool.close();
    process.stdout.write('closed');`;
  const dir = mkdtempSync(join(tmpdir(), 'newsdesk-pool-'));
  try {
    // A script file, not --eval: workers inherit the process's options, and --input-type would stop them.
    const script = join(dir, 'close-while-starting.mjs');
    writeFileSync(script, code);
    const args = [...(import.meta.url.endsWith('.ts') ? ['--import', 'tsx'] : []), script];
    const { stdout, stderr, exitCode } = await new Promise<{ stdout: string; stderr: string; exitCode: number | null }>((resolve) => {
      const child = execFile(process.execPath, args, (_e, stdout, stderr) => resolve({ stdout, stderr, exitCode: child.exitCode }));
    });
    assert.equal(stdout, 'closed', stderr);
    assert.equal(exitCode, 0, stderr);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
