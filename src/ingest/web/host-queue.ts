// Politeness: per host, at most N requests in flight, and each request starts at least `delay` after
// the previous one started and after the last one finished (so the host sees real pauses, not just
// spaced-out sends behind a slow response).
import type { Robots } from './robots.js';
export const sleep = (ms: number, signal?: AbortSignal) =>
  new Promise<void>((resolve) => {
    if (ms <= 0 || signal?.aborted) return resolve();
    const t = setTimeout(done, ms);
    function done() {
      clearTimeout(t);
      signal?.removeEventListener('abort', done);
      resolve();
    }
    signal?.addEventListener('abort', done, { once: true });
  });

/** What the fetcher needs of per-host politeness: this process's HostQueue, or one shared by many
 *  processes (queue/politeness.ts keeps the slots and pauses in Redis, so workers share one limit). */
export interface HostGate {
  run<T>(host: string, task: () => Promise<T>, signal?: AbortSignal): Promise<T>;
  setHostDelay(host: string, ms: number): void | Promise<void>;
}

/** A robots.txt cache shared by the processes that fetch from one host (queue/politeness.ts). */
export interface SharedRobots {
  get(origin: string): Promise<Robots | undefined>;
  put(origin: string, robots: Robots): Promise<void>;
}

interface HostState {
  active: number;
  nextStart: number;
  /** Extra spacing the host asked for (robots.txt Crawl-delay). */
  delayMs: number;
  waiters: (() => void)[];
}

export class HostQueue implements HostGate {
  private hosts = new Map<string, HostState>();

  constructor(
    private readonly concurrency: number,
    private readonly delayMs: number,
  ) {}

  private state(host: string): HostState {
    let s = this.hosts.get(host);
    if (!s) this.hosts.set(host, (s = { active: 0, nextStart: 0, delayMs: this.delayMs, waiters: [] }));
    return s;
  }

  /** Raises the spacing for one host (never lowers it below the configured delay). */
  setHostDelay(host: string, ms: number) {
    const s = this.state(host);
    s.delayMs = Math.max(this.delayMs, ms);
  }

  /** Runs `task` when the host has a free slot and its spacing has passed. */
  async run<T>(host: string, task: () => Promise<T>, signal?: AbortSignal): Promise<T> {
    const s = this.state(host);
    for (;;) {
      if (s.active < this.concurrency) {
        const wait = s.nextStart - Date.now();
        if (wait <= 0) break;
        await sleep(wait, signal);
      } else {
        await new Promise<void>((resolve) => s.waiters.push(resolve));
      }
    }
    s.active++;
    s.nextStart = Date.now() + s.delayMs;
    try {
      return await task();
    } finally {
      s.active--;
      s.nextStart = Math.max(s.nextStart, Date.now() + s.delayMs);
      s.waiters.shift()?.();
    }
  }
}
