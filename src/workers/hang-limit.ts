// Test support: whether a call returns within a generous limit. A super-linear rule on a long input
// blocks its thread for minutes, so the call runs in a worker thread the test's thread can stop; no
// time is asserted beyond that hang-catching limit. The limit can be the worker thread's CPU time
// (the pools' watchdog, watchdog.ts), which a loaded machine does not stretch the way it stretches wall time.
import { Worker } from 'node:worker_threads';
import { watchThread, type Watchdog } from './watchdog.js';

/** With a CPU limit, the wall time allowed is this many times the limit (a thread starved outright). */
const WALL_PER_CPU = 20;

/**
 * Runs the export `name` of `module` in a worker: a function is called with `args`; a regular expression
 * is matched against `args[0]` (all matches). Resolves true when it returned within `limitMs`, false when
 * it had to be stopped; rejects when it threw.
 */
export function finishesWithin(limitMs: number, module: URL, name: string, ...args: unknown[]): Promise<boolean> {
  return runWithin({ limitMs, cpu: false }, module, name, args);
}

/**
 * As finishesWithin, with `limitMs` of the worker thread's CPU time (and WALL_PER_CPU times that of wall
 * time as a backstop); wall time alone where the system keeps no thread clock.
 */
export function finishesWithinCpu(limitMs: number, module: URL, name: string, ...args: unknown[]): Promise<boolean> {
  return runWithin({ limitMs, cpu: true }, module, name, args);
}

function runWithin(limit: { limitMs: number; cpu: boolean }, module: URL, name: string, args: unknown[]): Promise<boolean> {
  const code = `
    const { parentPort, workerData } = require('node:worker_threads');
    import(workerData.clock).then((c) => parentPort.postMessage({ clock: c.threadClockFile() }))
      .then(() => import(workerData.module)).then((m) => {
      const f = m[workerData.name];
      if (f instanceof RegExp) [...String(workerData.args[0]).matchAll(new RegExp(f.source, f.flags.includes('g') ? f.flags : f.flags + 'g'))];
      else f(...workerData.args);
      parentPort.postMessage('done');
    }, (e) => { throw e; });`;
  const clockModule = new URL('./thread-clock.js', import.meta.url).href;
  const worker = new Worker(code, { eval: true, workerData: { module: module.href, clock: clockModule, name, args } });
  return new Promise((resolve, reject) => {
    let watchdog: Watchdog | undefined;
    const settle = (ok: boolean) => {
      watchdog?.stop();
      resolve(ok);
      void worker.terminate();
    };
    worker.on('message', (m) => {
      if (m === 'done') settle(true);
      // The worker's first message names its clock; the watchdog starts then (its loading is not timed).
      else {
        const clock = limit.cpu ? (m as { clock: string | null }).clock : null;
        watchdog = watchThread(clock, { cpuMs: limit.limitMs, wallMs: limit.cpu ? limit.limitMs * WALL_PER_CPU : limit.limitMs }, () => settle(false));
      }
    });
    worker.once('error', (e) => {
      watchdog?.stop();
      reject(e);
    });
  });
}
