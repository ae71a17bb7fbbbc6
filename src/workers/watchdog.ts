// The one watchdog for work in a worker thread, used by both pools (pool.ts) and the tests' hang limit
// (hang-limit.ts): it stops the work once the worker thread has used its CPU budget (the thread's own
// clock, thread-clock.ts), or, as a backstop for a thread starved or blocked rather than busy, once a
// wall-time limit has passed. CPU, not wall time: on the shared 2-core machine at load 16–18 a worker
// got a fifth of a core, and a wall budget stopped ordinary work at random (see DOC_TIME_BUDGET_MS).
import { readCpuMs } from './thread-clock.js';

export interface Limits {
  /** CPU time of the watched thread; wall time where the system keeps no thread clock (`clock` null). */
  cpuMs: number;
  /** Wall time, whatever the thread's CPU time. */
  wallMs: number;
}

export interface Watchdog {
  stop(): void;
}

/**
 * Calls `over` (once) with the reason when the thread whose clock file is `clock` has used `cpuMs` of CPU
 * from now on, or when `wallMs` of wall time has passed; with no clock, when `cpuMs` of wall time has passed.
 * The clock is looked at each time the budget could first have run out, so a busy thread costs a few reads.
 */
export function watchThread(clock: string | null, { cpuMs, wallMs }: Limits, over: (reason: string) => void): Watchdog {
  let timer: NodeJS.Timeout | undefined;
  const stop = () => clearTimeout(timer);
  if (!clock) {
    timer = setTimeout(() => over(`over the time budget of ${cpuMs} ms`), cpuMs);
    return { stop };
  }
  const cpu0 = readCpuMs(clock);
  const t0 = performance.now();
  const look = () => {
    const cpu = readCpuMs(clock) - cpu0; // NaN once the thread is gone: its exit is the caller's to handle
    const wall = performance.now() - t0;
    if (cpu >= cpuMs) over(`over the CPU time budget of ${cpuMs} ms (${Math.round(cpu)} ms of CPU in ${Math.round(wall)} ms)`);
    else if (wall >= wallMs) over(`over the wall-time limit of ${wallMs} ms (${Math.round(cpu)} ms of CPU, budget ${cpuMs} ms)`);
    else timer = setTimeout(look, Math.max(1, Math.min(cpuMs - (cpu || 0), wallMs - wall)));
  };
  timer = setTimeout(look, Math.min(cpuMs, wallMs));
  return { stop };
}
