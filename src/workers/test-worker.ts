// Test support: a worker script for pool.test.ts whose tasks behave well or badly on request.
import { serveTasks } from './serve.js';

export type TestTask = { echo: string; sleepMs?: number } | { hang: true } | { throw: string } | { exit: number } | { bloat: true };

const sleep = (ms: number) => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);

serveTasks((task: TestTask) => {
  if ('hang' in task) for (;;);
  if ('throw' in task) throw new Error(task.throw);
  if ('exit' in task) process.exit(task.exit);
  if ('bloat' in task) {
    const keep: string[][] = [];
    for (;;) keep.push(new Array(1e6).fill('x'));
  }
  if (task.sleepMs) sleep(task.sleepMs);
  return task.echo.toUpperCase();
});
