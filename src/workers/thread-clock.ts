// A thread's own CPU clock, readable from another thread: Linux keeps each thread's time on the CPU in
// /proc/<pid>/task/<tid>/schedstat (first field, nanoseconds). A worker names its file when it is ready,
// and the pool's watchdog on the main thread reads it while the worker is busy. Elsewhere: null, and the
// watchdog keeps wall time.
import { readFileSync, readlinkSync } from 'node:fs';

/** The schedstat file of the calling thread, or null where the system keeps none. */
export function threadClockFile(): string | null {
  try {
    const file = `/proc/${readlinkSync('/proc/thread-self')}/schedstat`; // the link reads "<pid>/task/<tid>"
    return Number.isFinite(readCpuMs(file)) ? file : null;
  } catch {
    return null;
  }
}

/** CPU time the thread of `file` has used so far, in ms; NaN once the thread is gone. */
export function readCpuMs(file: string): number {
  try {
    return Number(readFileSync(file, 'latin1').split(' ', 1)[0]) / 1e6;
  } catch {
    return NaN;
  }
}
