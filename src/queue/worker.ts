// A queue worker: takes fetch, extract, cluster, analyse and write jobs from Redis and runs each with
// the same stage functions an in-process run uses (pipeline.ts). Any number of workers, on any number
// of machines, may share one queue and one store; `newsdesk worker` starts one (cli/worker.ts).
import { Job, Worker, type Processor } from 'bullmq';
import type { Message, NewsDoc } from '../types.js';
import { Fetcher, collectWeb, type FetcherOptions } from '../ingest/web/index.js';
import { PER_HOST_CONCURRENCY, PER_HOST_DELAY_MS } from '../ingest/web/tunables.js';
import { analyzeStep, openReadPool, readFailure, writeStep } from '../pipeline.js';
import { toNewsDoc, type Store } from '../store/index.js';
import type { WriteOptions } from '../write/index.js';
import { sha256 } from '../ids.js';
import { clusterJob } from './cluster-job.js';
import { enqueueRaw, requestClustering } from './enqueue.js';
import {
  KINDS, QueueClient, fromRawJob, queueName,
  type AnalyseData, type AnalyseResult, type ExtractData, type FetchData, type Kind, type WriteData, type WriteResult,
} from './jobs.js';
import { RedisHostGate } from './politeness.js';
import { CLUSTER_LOCK_MS, FETCH_CONCURRENCY, LOCK_MS, STALLED_CHECK_MS, STORE_WAIT_MS } from './tunables.js';
import { StoreUnavailableError } from '../messages.js';

export interface WorkerOptions {
  queue: string;
  store: Store;
  /** Write options of the posts this worker writes (config file and flags). */
  write?: Partial<WriteOptions>;
  fetcher?: FetcherOptions;
  /** Called with each finished or failed job, for the worker's log line. */
  log?: (kind: Kind, job: Job, outcome: 'done' | 'failed', detail: string) => void;
  /** Errors outside any job (a lost Redis connection, being retried). */
  onError?: (kind: Kind, e: Error) => void;
}

export interface RunningWorker {
  close(): Promise<void>;
}

export async function startWorker(options: WorkerOptions): Promise<RunningWorker> {
  const { store } = options;
  // First, before anything is opened: a store that does not answer fails the start with nothing to close (cli/worker.ts waits).
  const runId = await store.beginRun(['worker'], new Date());
  const client = new QueueClient(options.queue);
  const { queues, redis } = client;
  const gate = new RedisHostGate(redis, client.prefix, options.fetcher?.perHostConcurrency ?? PER_HOST_CONCURRENCY, options.fetcher?.perHostDelayMs ?? PER_HOST_DELAY_MS);
  const fetcher = new Fetcher({ ...options.fetcher, hostGate: gate, sharedRobots: gate });
  // Documents are extracted in a worker thread, under the per-document time and memory budget, as in a run.
  const pool = openReadPool(1);
  // One clustering consumer across all workers (docs/SCALE.md).
  await queues.cluster.setGlobalConcurrency(1);
  let stored = 0;

  const processors: Record<Kind, Processor> = {
    async fetch(job: Job<FetchData>) {
      const got = await collectWeb([job.data.url], fetcher);
      for (const raw of got.raws) await enqueueRaw(queues, raw);
      return { pages: got.raws.length, messages: got.messages };
    },
    async extract(job: Job<ExtractData>) {
      const raw = fromRawJob(job.data.raw);
      const messages: Message[] = [];
      let doc: NewsDoc | null = null;
      // Stored with these bytes before (by this job's earlier try, or another source): nothing to extract.
      const known = !raw.error && raw.bytes.length > 0 && (await store.hasDocument(raw.key, sha256(raw.bytes)));
      if (!known) {
        const outcome = await pool.run({ raw, decode: job.data.decode });
        if (outcome.ok) {
          messages.push(...outcome.value.messages);
          doc = outcome.value.doc;
        } else messages.push(readFailure(outcome, raw.source));
        if (doc && !(await store.hasDocument(doc.key, doc.contentHash))) {
          await store.saveDocuments(runId, [doc]);
          stored++;
        }
      }
      // A new document, or a retry (the try before may have stored it and died before this): cluster again.
      if (doc || job.attemptsMade > 0) await requestClustering(client);
      return { document: doc?.id ?? null, messages };
    },
    cluster: (job, token) => clusterJob(job, token, store, client, options.write ?? {}),
    async analyse(job: Job<AnalyseData>): Promise<AnalyseResult> {
      const { cluster, budgetMs } = job.data;
      const byId = await membersOf(store, cluster.members);
      const messages: Message[] = [];
      return { value: analyzeStep(cluster, byId, messages, budgetMs), messages };
    },
    async write(job: Job<WriteData>): Promise<WriteResult> {
      const analysed = (await Job.fromId(queues.analyse, job.data.analyseJob))?.returnvalue as AnalyseResult | undefined;
      // Its analysis expired or was lost: failing sends the cluster job's wait to a message, not a hang.
      if (!analysed?.value) throw new Error(`the analysis ${job.data.analyseJob} is no longer in the queue; the next cluster job analyses again`);
      const byId = await membersOf(store, analysed.value.members);
      const messages: Message[] = [];
      return { value: writeStep(analysed.value, byId, job.data.options, new Set(), messages, job.data.budgetMs), messages };
    },
  };

  const workers = KINDS.map((kind) => {
    // The store not answering is no fault of the job: the job goes back to wait, unspent, and this kind's queue
    // rests a while (every worker's: they share the store), so an outage longer than the tries' backoff loses nothing.
    const processor: Processor = async (job, token) => {
      try {
        return await processors[kind](job, token);
      } catch (e) {
        if (!(e instanceof StoreUnavailableError)) throw e;
        options.onError?.(kind, new Error(`${e.problem}; the job waits ${STORE_WAIT_MS / 1000} s`));
        await w.rateLimit(STORE_WAIT_MS);
        throw Worker.RateLimitError();
      }
    };
    const w: Worker = new Worker(queueName(kind), processor, {
      connection: client.connection, prefix: client.prefix,
      concurrency: kind === 'fetch' ? FETCH_CONCURRENCY : 1,
      lockDuration: kind === 'cluster' ? CLUSTER_LOCK_MS : LOCK_MS,
      stalledInterval: STALLED_CHECK_MS,
      // A job whose worker died is tried again (that is a try), not failed outright.
      maxStalledCount: 3,
    });
    w.on('completed', (job) => options.log?.(kind, job, 'done', ''));
    w.on('failed', (job, e) => job && options.log?.(kind, job, 'failed', e.message));
    // Connection errors (Redis restarting) are retried by the client: said, not fatal.
    w.on('error', (e) => options.onError?.(kind, e));
    return w;
  });

  return {
    async close() {
      await Promise.all(workers.map((w) => w.close()));
      await pool.close();
      await fetcher.close();
      await store.finishRun(runId, { documents: { inserted: stored, updated: 0, unchanged: 0 }, clusters: { inserted: 0, updated: 0, unchanged: 0 }, messages: { error: 0, warning: 0, info: 0 } });
      await client.close();
    },
  };
}

/** The member documents of a cluster as stored (a document gone from the store is simply not there). */
async function membersOf(store: Store, ids: string[]): Promise<Map<string, NewsDoc>> {
  const byId = new Map<string, NewsDoc>();
  for (const id of ids) {
    const d = await store.document(id);
    if (d) byId.set(id, toNewsDoc(d));
  }
  return byId;
}
