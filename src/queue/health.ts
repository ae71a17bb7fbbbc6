// The queue's part of `newsdesk doctor`: is Redis reachable, how many jobs wait per kind, how many
// failed for good, and the last failures (what and why), so an operator sees a stuck or failing queue.
import { QueueClient, KINDS, type Kind } from './jobs.js';
import { LAST_FAILURES_SHOWN } from './tunables.js';

export interface QueueHealth {
  /** The queue URL without its password. */
  url: string;
  reachable: boolean;
  /** Why Redis could not be asked, when it could not. */
  error?: string;
  /** Jobs not done yet, per kind: waiting (incl. delayed) and active. */
  depth: Record<Kind, { waiting: number; active: number }>;
  /** Jobs that failed all their tries, per kind (kept 7 days). */
  failed: Record<Kind, number>;
  lastFailures: { kind: Kind; job: string; reason: string; at: string }[];
  /** Documents stored by workers (generation) and the generation the store was last clustered at. */
  generation: number;
  clustered: number;
}

const safeUrl = (url: string) => url.replace(/\/\/([^@/]*):[^@/]*@/, '//$1:***@');

export async function queueHealth(url: string): Promise<QueueHealth> {
  const empty = Object.fromEntries(KINDS.map((k) => [k, { waiting: 0, active: 0 }])) as QueueHealth['depth'];
  const health: QueueHealth = {
    url: safeUrl(url), reachable: false, depth: empty, failed: Object.fromEntries(KINDS.map((k) => [k, 0])) as QueueHealth['failed'],
    lastFailures: [], generation: 0, clustered: 0,
  };
  const reachable = await QueueClient.reachable(url);
  if (reachable !== true) {
    health.error = `${reachable}; is Redis running at ${safeUrl(url)}? (DEVELOPERS.md: how to start it)`;
    return health;
  }
  health.reachable = true;
  const client = new QueueClient(url);
  try {
    for (const kind of KINDS) {
      const q = client.queues[kind];
      const c = await q.getJobCounts('waiting', 'delayed', 'prioritized', 'active', 'failed');
      health.depth[kind] = { waiting: c.waiting + c.delayed + c.prioritized, active: c.active };
      health.failed[kind] = c.failed;
      for (const job of await q.getFailed(0, LAST_FAILURES_SHOWN - 1)) {
        health.lastFailures.push({ kind, job: job.id ?? '', reason: job.failedReason, at: new Date(job.finishedOn ?? job.timestamp).toISOString() });
      }
    }
    health.lastFailures.sort((a, b) => b.at.localeCompare(a.at)).splice(LAST_FAILURES_SHOWN);
    health.generation = Number((await client.redis.get(client.generationKey)) ?? 0);
    health.clustered = Number((await client.redis.get(client.clusteredKey)) ?? 0);
  } finally {
    await client.close();
  }
  return health;
}

/** The doctor's lines for the queue. */
export function healthLines(h: QueueHealth): string[] {
  if (!h.reachable) return [`queue: ${h.url} unreachable: ${h.error}`];
  const kinds = KINDS.map((k) => `${k} ${h.depth[k].waiting}+${h.depth[k].active}`).join(', ');
  const failed = KINDS.reduce((n, k) => n + h.failed[k], 0);
  const lines = [
    `queue: ${h.url} (BullMQ on Redis)`,
    `queue depth (waiting+active): ${kinds}`,
    `clustering: documents up to generation ${h.clustered} of ${h.generation} clustered`,
    `failed jobs: ${failed}${failed ? ` (${KINDS.filter((k) => h.failed[k]).map((k) => `${k} ${h.failed[k]}`).join(', ')})` : ''}`,
  ];
  for (const f of h.lastFailures) lines.push(`  ${f.at} ${f.kind} ${f.job}: ${f.reason}`);
  return lines;
}
