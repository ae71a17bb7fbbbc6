// The cluster job: the one step that looks at the whole store. It runs one at a time across all workers
// (the cluster queue's global concurrency is 1: one clustering consumer, see docs/SCALE.md), so two
// workers never cluster different snapshots and save over each other. It clusters, hands each cluster
// whose documents changed to an analyse job and then a write job (any worker takes those), waits for
// them, and saves the clusters in one transaction, as an in-process run does (pipeline.ts: planWriting).
//
// Generations: each stored document bumps a counter in Redis and asks for a clustering; while one waits
// to start, asks join it (BullMQ deduplication). A starting cluster job first lets new asks make a new
// job (removes its deduplication key), then reads the counter, then the store, and records the counter
// when it saved; a job whose generation is already recorded ends at once. So every document is clustered
// by a job that started after it was stored, and a burst of documents costs a few clusterings.
import type { Job, Queue } from 'bullmq';
import type { Cluster, Message, NewsDoc, Stage, WrittenCluster } from '../types.js';
import { message } from '../messages.js';
import { clusterDocuments, keepIdentity } from '../cluster/index.js';
import { planWriting, placePost, pruneStaleCaches, readReused } from '../pipeline.js';
import { toNewsDoc, type Store, type StoredDocument } from '../store/index.js';
import { DEFAULT_WRITE_OPTIONS, type WriteOptions } from '../write/index.js';
import { uniqueName } from '../write/slug.js';
import { kstDay } from '../dates.js';
import { sha256 } from '../ids.js';
import { sleep } from '../ingest/web/host-queue.js';
import { type AnalyseData, type AnalyseResult, type ClusterData, type WriteData, type QueueClient, type StepResult, type WriteResult } from './jobs.js';
import { CLUSTER_LOCK_MS, POLL_MS } from './tunables.js';

export interface ClusterOutcome {
  skipped?: true;
  run?: number;
  generation?: number;
  clusters?: number;
  analysed?: number;
  reused?: number;
  messages?: number;
}

/** Documents in the order of their sources: workers store them in whatever order they finish, and the
 *  clusters (and their member order) must not depend on which worker was quicker. */
const bySource = (a: StoredDocument, b: StoredDocument) => (a.source < b.source ? -1 : a.source > b.source ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

export async function clusterJob(
  job: Job<ClusterData>, token: string | undefined, store: Store, client: QueueClient, write: Partial<WriteOptions>,
): Promise<ClusterOutcome> {
  const { redis, queues } = client;
  await job.removeDeduplicationKey();
  // The generation now, not the one that asked first: later asks joined this job while it waited.
  const generation = Number((await redis.get(client.generationKey)) ?? 0);
  const clustered = Number((await redis.get(client.clusteredKey)) ?? 0);
  if (clustered >= generation) return { skipped: true };
  const startedAt = new Date();
  const runId = await store.beginRun(['worker', 'cluster', `generation ${generation}`], startedAt);
  const began = performance.now();
  const stored = [...(await store.documents())].sort(bySource);
  const documents = stored.map(toNewsDoc);
  const earlier = await store.clusterHeads();
  const identity = keepIdentity(clusterDocuments(documents), earlier, new Set(documents.map((d) => d.id)));
  const options: WriteOptions = { ...DEFAULT_WRITE_OPTIONS, runDate: kstDay(startedAt), ...write };
  const plan = planWriting(identity, earlier, stored, options, true);
  const reused = await readReused(store, plan);
  const byId = new Map(documents.map((d) => [d.id, d]));

  const messages: Message[] = [];
  const todo = plan.steps.filter((s) => !s.kept);
  const keys = new Map(todo.map((s) => [s.cluster.id, clusterKey(s.cluster, byId, plan.writtenWith, options.runDate)]));
  // Analyse every changed cluster (any worker), then write each analysed one (any worker).
  const place = (c: Cluster) => `cluster ${c.id}`;
  const analysed = await results<AnalyseResult>(queues.analyse, todo.map((s) => ({
    id: `analyse-${keys.get(s.cluster.id)}`, data: { cluster: s.cluster, budgetMs: s.budgetMs } satisfies AnalyseData, place: place(s.cluster),
  })), 'analyze');
  const toWrite = todo.filter((s) => analysed.get(`analyse-${keys.get(s.cluster.id)}`)?.value);
  const written = await results<WriteResult>(queues.write, toWrite.map((s) => ({
    id: `write-${keys.get(s.cluster.id)}`, data: { analyseJob: `analyse-${keys.get(s.cluster.id)}`, options, budgetMs: s.budgetMs } satisfies WriteData, place: place(s.cluster),
  })), 'write');

  const clusters: WrittenCluster[] = [];
  for (const { cluster, kept } of plan.steps) {
    const key = keys.get(cluster.id);
    const a = key ? analysed.get(`analyse-${key}`) : undefined;
    const w = key ? written.get(`write-${key}`) : undefined;
    messages.push(...(a?.messages ?? []), ...(w?.messages ?? []));
    if (kept) {
      clusters.push(reused.get(kept.id)!);
      continue;
    }
    const done = w?.value;
    if (!done) continue;
    // A write job names its post alone; names are handed out here, in cluster order, as a run does.
    done.post.path = uniqueName(done.post.path.replace(/\.md$/, ''), plan.taken) + '.md';
    clusters.push(placePost(done, plan));
  }
  // Still ours? A worker that lost its hold (it stalled, another took the job over) must not save.
  if (token) await job.extendLock(token, CLUSTER_LOCK_MS);
  const counts = await store.saveClusters(runId, clusters, identity.gone);
  await pruneStaleCaches(store, messages);
  await store.finishRun(runId, {
    documents: { inserted: 0, updated: 0, unchanged: stored.length }, clusters: counts,
    messages: { error: messages.filter((m) => m.severity === 'error').length, warning: messages.filter((m) => m.severity === 'warning').length, info: messages.filter((m) => m.severity === 'info').length },
  });
  // Recorded after the save: a job killed before here is retried and clusters again.
  await redis.eval(`if tonumber(redis.call('GET', KEYS[1]) or '0') < tonumber(ARGV[1]) then redis.call('SET', KEYS[1], ARGV[1]) end return 1`, 1, client.clusteredKey, generation);
  // What this clustering cost sets how long the next one waits (enqueue.ts: clusteringDelay).
  await redis.set(client.clusterCostKey, Math.round(performance.now() - began));
  return { run: runId, generation, clusters: clusters.length, analysed: todo.length, reused: plan.reused.length, messages: messages.length };
}

/** What a cluster's analysis and post are made from: the same key, the same result (a retry reuses it). */
function clusterKey(cluster: Cluster, byId: Map<string, NewsDoc>, writtenWith: string, runDate: string): string {
  const hashes = cluster.members.map((id) => byId.get(id)?.contentHash ?? id);
  return sha256(JSON.stringify([cluster.id, cluster.members, hashes, cluster.duplicates, writtenWith, runDate]));
}

/** Adds the jobs (a job already there, done or not, is that job) and waits for each in turn; a job that
 *  failed for good gives no value and a message saying so. */
async function results<T extends StepResult<unknown>>(queue: Queue, jobs: { id: string; data: object; place: string }[], stage: Stage): Promise<Map<string, T>> {
  for (const j of jobs) await queue.add(stage, j.data, { jobId: j.id });
  const out = new Map<string, T>();
  for (const j of jobs) {
    for (;;) {
      const job = await queue.getJob(j.id);
      // Gone (Redis lost it, or it expired): added again; the result is keyed the same.
      if (!job) await queue.add(stage, j.data, { jobId: j.id });
      else if (job.finishedOn) {
        const state = await job.getState();
        if (state === 'completed') {
          out.set(j.id, job.returnvalue as T);
          break;
        }
        if (state === 'failed') {
          const reason = `the ${stage} job failed ${job.attemptsMade} times (last: ${job.failedReason}); this cluster has no post this run`;
          out.set(j.id, { value: null, messages: [message(stage, 'job-failed', reason, { source: j.place }, 'error')] } as unknown as T);
          break;
        }
      }
      await sleep(POLL_MS);
    }
  }
  return out;
}
