// A time budget for work that runs on the main thread (analysis and writing of one cluster). The read
// step runs in worker threads a watchdog can stop; analysis stays on the main thread because an
// analysis worker would build its own ko-dic tokenizer (≈0.4 s and ≈300 MB each start, again after
// every stop), and a cluster's documents would be copied to it. Instead the analysis checks the clock
// at its checkpoints (every tokenized line, between analysis steps): with every rule linear and every
// body capped (MAX_DOC_CHARS), the work between two checkpoints is small, so a cluster over budget
// stops soon after its deadline with OverBudget, and the caller turns that into a message.
// The budget is CPU time (the process's, user + system): on a machine shared with other work, wall time
// would stop clusters at random; the read pool is closed before analysis starts, so the process's CPU
// time is the analysis's own.

/** Thrown at a checkpoint once the budget in force has run out. */
export class OverBudget extends Error {
  constructor(readonly budgetMs: number, readonly where: string) {
    super(`over the time budget of ${budgetMs / 1000} s (stopped in ${where})`);
    this.name = 'OverBudget';
  }
}

let current: { deadline: number; budgetMs: number } | null = null;

/** CPU time used by this process so far, in ms. */
const cpuMs = (): number => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};

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

/** A checkpoint: throws OverBudget when the budget in force is spent; free when none is. */
export function checkBudget(where: string): void {
  if (!current) return;
  if (current.budgetMs <= 0 || cpuNow() >= current.deadline) throw new OverBudget(current.budgetMs, where);
}
