// A reusable pool of worker threads with a per-task time budget. Tasks go in, outcomes come back in
// input order; a watchdog terminates a worker that runs over budget (or dies) and starts a fresh one,
// so one bad input costs its own outcome and nothing else.
import { Worker } from 'node:worker_threads';
import { setImmediate } from 'node:timers';
import { fileURLToPath } from 'node:url';
import { watchThread, type Watchdog } from './watchdog.js';

export type Outcome<R> =
  | { ok: true; value: R }
  /** `budget`: stopped by the watchdog; `memory`: over the worker's heap limit; `crash`: threw or died. */
  | { ok: false; failure: 'budget' | 'memory' | 'crash'; error: string; stack?: string };

/** A worker's first message: loaded, and where its thread's CPU clock is read (null: nowhere). */
export interface Ready { ready: true; clock: string | null }

export interface PoolOptions<T = never> {
  /** Workers at most (started lazily). */
  size: number;
  /** Time one task may take before its worker is terminated: wall time, or CPU time with `wallLimitMs` (watchdog.ts). */
  budgetMs: number;
  /**
   * Set: `budgetMs` is the worker thread's CPU time (where the system has a thread clock, thread-clock.ts),
   * and this bounds the wall time of a task that is starved or blocked rather than busy.
   */
  wallLimitMs?: number;
  /** A task's own budget and wall limit, when tasks differ (a cluster's grows with its members); the options' otherwise. */
  limitsOf?: (task: T) => { budgetMs: number; wallLimitMs?: number };
  /** Heap limit per worker, in MB. */
  heapMb?: number;
  /** Buffers a task hands over rather than copies (a large file's bytes). */
  transfer?: (task: T) => ArrayBuffer[];
  /** Given to every worker as its `workerData` (how it should start). */
  workerData?: unknown;
}

interface Job<T, R> {
  task: T;
  resolve: (o: Outcome<R>) => void;
}

export class WorkerPool<T, R> {
  private readonly idle: Worker[] = [];
  private readonly queue: Job<T, R>[] = [];
  private readonly all = new Set<Worker>();
  /** Each worker's thread clock, as its ready message named it. */
  private readonly clocks = new Map<Worker, string | null>();
  private starting = 0;
  private closed = false;

  /** `script`: a module that calls `serveTasks` (a `.js` file in dist, or the `.ts` source under tsx). */
  constructor(private readonly script: URL, private readonly options: PoolOptions<T>) {}

  /** Runs one task; never rejects. */
  run(task: T): Promise<Outcome<R>> {
    if (this.closed) throw new Error('WorkerPool.run after close');
    return new Promise((resolve) => {
      this.queue.push({ task, resolve });
      this.dispatch();
    });
  }

  /** Outcomes of `tasks` in input order, with at most `inFlight` (twice the pool size by default) in flight (tasks are pulled lazily). */
  async *map(tasks: Iterable<T> | AsyncIterable<T>, inFlight = this.options.size * 2): AsyncGenerator<Outcome<R>> {
    const pending: Promise<Outcome<R>>[] = [];
    for await (const task of tasks) {
      pending.push(this.run(task));
      if (pending.length >= inFlight) yield await pending.shift()!;
    }
    while (pending.length) yield await pending.shift()!;
  }

  /** Starts every worker now, so they load while the caller does other work. */
  warm(): this {
    while (this.all.size < this.options.size) this.spawn();
    return this;
  }

  async close(): Promise<void> {
    this.closed = true;
    // Ref'd again while they stop: with only unref'd workers left, Node would exit mid-await, before the caller goes on.
    await Promise.all([...this.all].map((w) => {
      w.ref();
      return w.terminate();
    }));
    this.all.clear();
    this.clocks.clear();
    this.idle.length = 0;
  }

  private dispatch() {
    while (this.queue.length) {
      const worker = this.idle.pop();
      if (!worker) {
        // Start another worker only for tasks no starting worker will take.
        if (this.all.size < this.options.size && this.starting < this.queue.length) this.spawn();
        return;
      }
      this.start(worker, this.queue.shift()!);
    }
  }

  private spawn(): void {
    const resourceLimits = this.options.heapMb ? { maxOldGenerationSizeMb: this.options.heapMb } : undefined;
    const { workerData } = this.options;
    const worker = this.script.pathname.endsWith('.ts')
      ? // Under tsx (tests and benches run from source) the worker registers tsx before loading the script.
        new Worker(`import('tsx/esm/api').then((t) => { t.register(); return import(${JSON.stringify(this.script.href)}); })`, { eval: true, resourceLimits, workerData })
      : new Worker(fileURLToPath(this.script), { resourceLimits, workerData });
    this.all.add(worker);
    this.starting++;
    // Tasks are sent once the script has loaded ('ready'), so start-up time never counts against a budget.
    const started = (ok: boolean, error?: Error) => {
      this.starting--;
      worker.off('message', onReady).off('error', onFail).off('exit', onFail);
      if (ok && this.closed) {
        // close() is stopping it and keeps it ref'd until it has stopped. Unref'd here (its 'ready' was
        // still queued when close() ran), its exit would keep nothing alive and the process would end
        // in the middle of `await close()`: the "Promise resolution is still pending" of the server tests.
      } else if (ok) {
        worker.unref(); // a running task's watchdog keeps the process alive; idle workers must not
        this.idle.push(worker);
      } else {
        // A script that cannot start would fail every task: fail one, so the run neither hangs nor spins.
        this.retire(worker);
        const e = error ?? new Error('worker exited while starting');
        this.queue.shift()?.resolve({ ok: false, failure: 'crash', error: e.message, stack: e.stack });
      }
      if (!this.closed) this.dispatch();
    };
    const onReady = (m: Ready) => {
      this.clocks.set(worker, m?.clock ?? null);
      started(true);
    };
    const onFail = (e: unknown) => started(false, e instanceof Error ? e : undefined);
    worker.on('message', onReady).on('error', onFail).on('exit', onFail);
  }

  private start(worker: Worker, job: Job<T, R>) {
    let settled = false;
    const finish = (outcome: Outcome<R>, healthy: boolean) => {
      if (settled) return;
      settled = true;
      watchdog.stop();
      worker.off('message', onMessage).off('error', onError).off('exit', onExit);
      if (healthy && !this.closed) this.idle.push(worker);
      else this.retire(worker);
      job.resolve(outcome);
      if (!this.closed) this.dispatch();
    };
    const onMessage = (reply: Outcome<R>) => finish(reply, true); // a task that threw leaves a healthy worker
    const onError = (e: Error & { code?: string }) =>
      finish({ ok: false, failure: e.code === 'ERR_WORKER_OUT_OF_MEMORY' ? 'memory' : 'crash', error: e.message, stack: e.stack }, false);
    const onExit = (code: number) => finish({ ok: false, failure: 'crash', error: `worker exited with code ${code}` }, false);
    // The verdict waits for setImmediate: when the main thread was blocked (reading a 200 MB file), the
    // timer phase runs before the worker's reply, already waiting, is read; a task that did finish in
    // time must not be failed for that.
    const watchdog = this.watch(worker, job.task, (error) => setImmediate(() => finish({ ok: false, failure: 'budget', error }, false)));
    worker.on('message', onMessage).on('error', onError).on('exit', onExit);
    worker.postMessage(job.task, this.options.transfer?.(job.task) ?? []);
  }

  /**
   * Calls `over` once the task just sent to `worker` is over budget (watchdog.ts): with a wall limit and a
   * thread clock, the budget is the worker's CPU time and the wall limit the backstop; otherwise wall time.
   */
  private watch(worker: Worker, task: T, over: (error: string) => void): Watchdog {
    const { budgetMs, wallLimitMs } = this.options.limitsOf?.(task) ?? this.options;
    const clock = wallLimitMs ? this.clocks.get(worker) ?? null : null;
    return watchThread(clock, { cpuMs: budgetMs, wallMs: wallLimitMs ?? budgetMs }, over);
  }

  private retire(worker: Worker) {
    this.clocks.delete(worker);
    this.all.delete(worker);
    void worker.terminate();
  }
}
