// The enqueueing side: what `add`, `digest`, `watch` and the server do instead of running in process
// when a queue is configured. Job ids make every add idempotent (queue/jobs.ts).
import type { RawFile } from '../types.js';
import type { DecodeOptions } from '../ingest/index.js';
import { CLUSTER_DEDUPLICATION, extractJobId, fetchJobId, toRawJob, type QueueClient, type Queues } from './jobs.js';
import { CLUSTER_COST_FACTOR, CLUSTER_DEBOUNCE_MS, CLUSTER_DELAY_MAX_MS } from './tunables.js';

/** One page or file to extract and store. */
export async function enqueueRaw(queues: Queues, raw: RawFile, decode?: DecodeOptions): Promise<void> {
  await queues.extract.add('extract', { raw: toRawJob(raw), ...(decode ? { decode } : {}) }, { jobId: extractJobId(raw) });
}

/** A URL (article, feed or sitemap) to fetch politely and then extract; `round` (watch's poll) makes
 *  a later poll of the same feed a new job, while one poll's job stays one job. */
export async function enqueueFetch(queues: Queues, url: string, round?: number): Promise<void> {
  await queues.fetch.add('fetch', { url }, { jobId: fetchJobId(url) + (round === undefined ? '' : `-${round}`) });
}

/** Bumps the document generation and asks for a clustering of it (queue/cluster-job.ts). While a
 *  clustering waits to start, further asks are that one (deduplication): it reads the generation when it
 *  starts. It waits in proportion to what the last clustering cost (clusteringDelay). */
export async function requestClustering(client: QueueClient): Promise<void> {
  const generation = await client.redis.incr(client.generationKey);
  const delay = clusteringDelay(Number(await client.redis.get(client.clusterCostKey)) || 0);
  await client.queues.cluster.add('cluster', { generation }, { deduplication: { id: CLUSTER_DEDUPLICATION }, delay });
}

/** The wait before a clustering starts, given what the last one took: a few times its cost, within bounds. */
export const clusteringDelay = (lastMs: number) =>
  Math.min(CLUSTER_DELAY_MAX_MS, Math.max(CLUSTER_DEBOUNCE_MS, Math.round(CLUSTER_COST_FACTOR * lastMs)));
