// Per-host politeness shared by every worker: the slots (requests in flight per host), the pause
// between requests and the host's Crawl-delay live in Redis, so N workers on M machines together
// keep the limits one process keeps alone (ingest/web/host-queue.ts). The pause is a key with a TTL,
// so Redis's clock spaces the requests, not each machine's. A slot is a lease that expires
// (HOST_LEASE_MS): a worker killed mid-request frees its host after that, not never.
import { randomUUID } from 'node:crypto';
import type { Redis } from 'ioredis';
import { sleep, type HostGate, type SharedRobots } from '../ingest/web/host-queue.js';
import type { Robots } from '../ingest/web/robots.js';
import { HOST_LEASE_MS, HOST_POLL_MS, ROBOTS_TTL_S } from './tunables.js';

// KEYS: pause, delay, slot 1..N. ARGV: token, lease ms, configured delay ms.
// Returns 0 and the slot number when taken; otherwise the ms to wait (the pause left, or -1: all slots busy).
const ACQUIRE = `
local left = redis.call('PTTL', KEYS[1])
if left > 0 then return {left, 0} end
for i = 3, #KEYS do
  if redis.call('SET', KEYS[i], ARGV[1], 'NX', 'PX', ARGV[2]) then
    local delay = math.max(tonumber(ARGV[3]), tonumber(redis.call('GET', KEYS[2]) or '0'))
    if delay > 0 then redis.call('SET', KEYS[1], '1', 'PX', delay) end
    return {0, i - 2}
  end
end
return {-1, 0}`;

// KEYS: pause, delay, slot. ARGV: token, configured delay ms. Frees the slot (if still ours) and starts
// the pause after this request's end, keeping a longer pause already running.
const RELEASE = `
if redis.call('GET', KEYS[3]) == ARGV[1] then redis.call('DEL', KEYS[3]) end
local delay = math.max(tonumber(ARGV[2]), tonumber(redis.call('GET', KEYS[2]) or '0'))
if delay > 0 and redis.call('PTTL', KEYS[1]) < delay then redis.call('SET', KEYS[1], '1', 'PX', delay) end
return 1`;

export class RedisHostGate implements HostGate, SharedRobots {
  constructor(
    private readonly redis: Redis,
    private readonly prefix: string,
    private readonly concurrency: number,
    private readonly delayMs: number,
  ) {}

  private key(host: string, what: string) {
    return `${this.prefix}:host:${host}:${what}`;
  }

  async run<T>(host: string, task: () => Promise<T>, signal?: AbortSignal): Promise<T> {
    const token = randomUUID();
    const slots = Array.from({ length: this.concurrency }, (_, i) => this.key(host, `slot${i + 1}`));
    const keys = [this.key(host, 'pause'), this.key(host, 'delay')];
    let slot = 0;
    for (;;) {
      const [wait, taken] = (await this.redis.eval(ACQUIRE, keys.length + slots.length, ...keys, ...slots, token, HOST_LEASE_MS, this.delayMs)) as [number, number];
      if (wait === 0) {
        slot = taken;
        break;
      }
      if (signal?.aborted) return task(); // the task sees the abort itself and ends at once
      await sleep(wait > 0 ? wait : HOST_POLL_MS, signal);
    }
    try {
      return await task();
    } finally {
      await this.redis.eval(RELEASE, 3, ...keys, slots[slot - 1], token, this.delayMs);
    }
  }

  /** Crawl-delay from robots.txt: kept for every worker as long as robots.txt is. */
  async setHostDelay(host: string, ms: number) {
    await this.redis.set(this.key(host, 'delay'), String(Math.max(this.delayMs, ms)), 'EX', ROBOTS_TTL_S);
  }

  async get(origin: string): Promise<Robots | undefined> {
    const text = await this.redis.get(`${this.prefix}:robots:${origin}`);
    return text ? (JSON.parse(text) as Robots) : undefined;
  }

  async put(origin: string, robots: Robots) {
    await this.redis.set(`${this.prefix}:robots:${origin}`, JSON.stringify(robots), 'EX', ROBOTS_TTL_S);
  }
}
