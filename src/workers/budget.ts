// A time budget for the analysis and writing of one cluster, checked from inside the work. It runs on
// the main thread for small runs and in the analysis pool's workers otherwise (pipeline.ts), where a
// checkpoint that stops a cluster keeps the worker and its ko-dic tokenizer (≈0.4 s and ≈300 MB to
// build again after a terminate); the pool's watchdog (watchdog.ts, on the same thread clock) is only the
// backstop for code that never reaches a checkpoint. The analysis checks the clock at its checkpoints (every tokenized line,
// between analysis steps): with every rule linear and every body capped (MAX_DOC_CHARS), the work between
// two checkpoints is small, so a cluster over budget stops soon after its deadline with OverBudget, and
// the caller turns that into a message.
// The budget is CPU time: on a machine shared with other work, wall time would stop clusters at random.
// On the main thread it is the process's (the read pool is closed before analysis starts, so it is the
// analysis's own); in a worker, the thread's.

import { isMainThread } from 'node:worker_threads';
import { readCpuMs, threadClockFile } from './thread-clock.js';

/** Thrown at a checkpoint once the budget in force has run out. */
export class OverBudget extends Error {
  constructor(readonly budgetMs: number, readonly where: string) {
    super(`over the time budget of ${budgetMs / 1000} s (stopped in ${where})`);
    this.name = 'OverBudget';
  }
}

let current: { deadline: number; budgetMs: number } | null = null;

/** CPU time used by this process so far, in ms. */
const processCpuMs = (): number => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};

/** In a worker, the thread's own CPU clock (thread-clock.ts) where the system has one: there process.cpuUsage()
 *  counts every thread, and two busy analysis workers would spend a budget twice as fast. */
const threadClock = isMainThread ? null : threadClockFile();

/** The clock budgets run on: the thread's own in a worker thread where the system has one, else the process's. */
const cpuMs = threadClock ? () => readCpuMs(threadClock) : processCpuMs;

/** Wall time between two readings of the CPU clock: process.cpuUsage() is a system call, too slow for
 *  every tokenized line or every one of 20,000 one-document clusters (it was the largest item in a profile
 *  of 2,000 tiny files); a reading this recent is reused, so a check overshoots by this much at most. */
const CPU_READ_EVERY_MS = 20;
let lastRead = { at: -Infinity, cpu: 0 };

/** The CPU clock, read at most once per CPU_READ_EVERY_MS of wall time. */
function cpuNow(): number {
  const now = performance.now();
  if (now - lastRead.at >= CPU_READ_EVERY_MS) lastRead = { at: now, cpu: cpuMs() };
  return lastRead.cpu;
}

/** Runs `fn` under a budget of `budgetMs`; checkpoints inside it throw OverBudget once it is spent. Not nested. */
export function withBudget<R>(budgetMs: number, fn: () => R): R {
  const outer = current;
  current = { deadline: cpuNow() + budgetMs, budgetMs };
  try {
    return fn();
  } finally {
    current = outer;
  }
}

/** Runs `fn` off the budget in force: its CPU time moves the deadline on (a one-off cost that belongs to no
 *  cluster, such as building the tokenizer the first time a cluster needs it). */
export function offBudget<R>(fn: () => R): R {
  if (!current) return fn();
  const before = cpuMs();
  try {
    return fn();
  } finally {
    const spent = cpuMs() - before;
    if (current && spent > 0) current.deadline += spent;
  }
}

/** A checkpoint: throws OverBudget when the budget in force is spent; free when none is. */
export function checkBudget(where: string): void {
  if (!current) return;
  if (current.budgetMs <= 0 || cpuNow() >= current.deadline) throw new OverBudget(current.budgetMs, where);
}
