// Test support: whether a call returns within a generous limit. A super-linear rule on a long input
// blocks its thread for minutes, so the call runs in a worker thread the test's thread can stop; no
// time is asserted beyond that hang-catching limit.
import { Worker } from 'node:worker_threads';

/**
 * Runs the export `name` of `module` in a worker: a function is called with `args`; a regular expression
 * is matched against `args[0]` (all matches). Resolves true when it returned within `limitMs`, false when
 * it had to be stopped; rejects when it threw.
 */
export function finishesWithin(limitMs: number, module: URL, name: string, ...args: unknown[]): Promise<boolean> {
  const code = `
    const { parentPort, workerData } = require('node:worker_threads');
    import(workerData.module).then((m) => {
      const f = m[workerData.name];
      if (f instanceof RegExp) [...String(workerData.args[0]).matchAll(new RegExp(f.source, f.flags.includes('g') ? f.flags : f.flags + 'g'))];
      else f(...workerData.args);
      parentPort.postMessage('done');
    }, (e) => { throw e; });`;
  const worker = new Worker(code, { eval: true, workerData: { module: module.href, name, args } });
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      resolve(false);
      void worker.terminate();
    }, limitMs);
    worker.once('message', () => {
      clearTimeout(timer);
      resolve(true);
      void worker.terminate();
    });
    worker.once('error', (e) => {
      clearTimeout(timer);
      reject(e);
    });
  });
}
