// Where the queue lives: `--queue redis://host:port[/db][?prefix=NAME]` or NEWSDESK_QUEUE. No queue: runs
// stay in process. The prefix keeps one newsdesk's queues apart from another's on one Redis (tests use it).
import { ConfigError } from '../messages.js';
import { KEY_PREFIX } from './tunables.js';

export interface QueueConnection {
  host: string;
  port: number;
  db: number;
  username?: string;
  password?: string;
  /** BullMQ's workers block on Redis; they must wait through a Redis restart, not give up after N tries. */
  maxRetriesPerRequest: null;
}

/** The queue URL from the flag, then NEWSDESK_QUEUE; undefined when neither is set (in-process runs). */
export function queueUrlFrom(flag: string | undefined, env: NodeJS.ProcessEnv = process.env): string | undefined {
  return flag || env.NEWSDESK_QUEUE || undefined;
}

export function parseQueueUrl(url: string): { connection: QueueConnection; prefix: string } {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    throw new ConfigError(`--queue takes a Redis URL such as redis://127.0.0.1:6379, not "${url}"`);
  }
  if (u.protocol !== 'redis:') throw new ConfigError(`--queue takes a redis:// URL (BullMQ on Redis), not "${url}"`);
  const db = u.pathname.length > 1 ? Number(u.pathname.slice(1)) : 0;
  if (!Number.isInteger(db) || db < 0) throw new ConfigError(`the Redis database in ${url} must be a number (redis://host:port/0)`);
  const prefix = u.searchParams.get('prefix') || KEY_PREFIX;
  if (!/^[\w.-]+$/.test(prefix)) throw new ConfigError(`the prefix in ${url} may hold letters, digits, ".", "_" and "-" only`);
  const connection: QueueConnection = {
    host: u.hostname || '127.0.0.1',
    port: u.port ? Number(u.port) : 6379,
    db,
    ...(u.username ? { username: decodeURIComponent(u.username) } : {}),
    ...(u.password ? { password: decodeURIComponent(u.password) } : {}),
    maxRetriesPerRequest: null,
  };
  return { connection, prefix };
}
