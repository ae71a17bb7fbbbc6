// The worker side of WorkerPool: says it is ready once loaded (naming its thread's CPU clock, for the
// watchdog), then answers each task with the handler's value, or with the error it threw.
import { parentPort } from 'node:worker_threads';
import type { Outcome, Ready } from './pool.js';
import { threadClockFile } from './thread-clock.js';

export function serveTasks<T, R>(handler: (task: T) => R): void {
  const port = parentPort;
  if (!port) return; // loaded outside a worker (node --test walks every file in dist/): nothing to serve
  port.on('message', (task: T) => {
    let reply: Outcome<R>;
    try {
      reply = { ok: true, value: handler(task) };
    } catch (e) {
      const err = e instanceof Error ? e : new Error(String(e));
      reply = { ok: false, failure: 'crash', error: err.message, stack: err.stack };
    }
    port.postMessage(reply);
  });
  port.postMessage({ ready: true, clock: threadClockFile() } satisfies Ready);
}
