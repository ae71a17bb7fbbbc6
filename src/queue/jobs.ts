// The jobs, their queues and their ids. One BullMQ queue per kind of job, so each kind has its own
// concurrency (the cluster queue: one job at a time across all workers). Job ids make jobs idempotent:
// a job added twice with one id is one job, and a retried job redoes work whose result is keyed the same:
//   fetch-<sha256(url)>                       a source URL (an article, a feed, a sitemap)
//   extract-<sha256(key, content hash)>       one raw page or file → one stored document
//   cluster (deduplicated while waiting)      clusters the store as it is when the job starts
//   analyse-<cluster key> / write-<cluster key>  one cluster's analysis and post; the key is the cluster id,
//                                             its members' content hashes, duplicates and write options
import { Queue, type ConnectionOptions, type JobsOptions } from 'bullmq';
import { Redis } from 'ioredis';
import type { AnalyzedCluster, Cluster, Message, RawFile, WrittenCluster } from '../types.js';
import type { DecodeOptions } from '../ingest/index.js';
import type { WriteOptions } from '../write/index.js';
import { sha256 } from '../ids.js';
import { JOB_ATTEMPTS, KEEP_COMPLETED_S, RETRY_BASE_MS } from './tunables.js';
import { parseQueueUrl } from './connection.js';

export const KINDS = ['fetch', 'extract', 'cluster', 'analyse', 'write'] as const;
export type Kind = (typeof KINDS)[number];

/** A RawFile as job data (JSON): its bytes in base64. */
export type RawJob = Omit<RawFile, 'bytes'> & { bytes: string };

export interface FetchData { url: string }
export interface ExtractData { raw: RawJob; decode?: DecodeOptions }
export interface ClusterData { generation: number }
export interface AnalyseData { cluster: Cluster; budgetMs: number }
/** The analysis is read from its analyse job's result (kept KEEP_COMPLETED_S), not copied into the job. */
export interface WriteData { analyseJob: string; options: WriteOptions; budgetMs: number }
export interface StepResult<T> { value: T | null; messages: Message[] }
export type AnalyseResult = StepResult<AnalyzedCluster>;
export type WriteResult = StepResult<WrittenCluster>;


/** Every job: retried with backoff (a killed worker or a Redis restart costs a try), kept a day when done. */
export const JOB_OPTIONS: JobsOptions = {
  attempts: JOB_ATTEMPTS,
  backoff: { type: 'exponential', delay: RETRY_BASE_MS },
  removeOnComplete: { age: KEEP_COMPLETED_S },
  removeOnFail: { age: 7 * KEEP_COMPLETED_S },
};

export const queueName = (kind: Kind) => `newsdesk-${kind}`;

export type Queues = Record<Kind, Queue>;

/** One newsdesk's queues on one Redis (`--queue URL`), and a plain connection for the keys beside them. */
export class QueueClient {
  readonly connection: ConnectionOptions;
  readonly prefix: string;
  readonly queues: Queues;
  readonly redis: Redis;

  constructor(readonly url: string) {
    const { connection, prefix } = parseQueueUrl(url);
    this.connection = connection;
    this.prefix = prefix;
    this.redis = new Redis(connection);
    this.redis.on('error', () => {}); // Redis restarting: the client reconnects and retries the command
    this.queues = {} as Queues;
    for (const kind of KINDS) {
      this.queues[kind] = new Queue(queueName(kind), { connection, prefix, defaultJobOptions: JOB_OPTIONS });
      this.queues[kind].on('error', () => {}); // the same: reconnecting is the client's work, not an error to print
    }
  }

  /** A key beside the queues, under the same prefix. */
  key(...parts: string[]): string {
    return [this.prefix, ...parts].join(':');
  }

  /** The document generation (bumped after each stored document) and the generation the store was last
   *  clustered at (queue/cluster-job.ts). */
  get generationKey() {
    return this.key('documents', 'generation');
  }
  get clusteredKey() {
    return this.key('documents', 'clustered');
  }
  /** How long the last cluster job took (ms), which sets how long the next one waits (queue/enqueue.ts). */
  get clusterCostKey() {
    return this.key('cluster', 'last-ms');
  }

  /** Whether Redis answers now (one try, no waiting for it): `newsdesk doctor` asks before anything else. */
  static async reachable(url: string): Promise<true | string> {
    const probe = new Redis({ ...parseQueueUrl(url).connection, maxRetriesPerRequest: 0, retryStrategy: () => null, lazyConnect: true });
    let cause = '';
    probe.on('error', (e: Error) => (cause = e.message));
    try {
      await probe.connect();
      await probe.ping();
      return true;
    } catch (e) {
      return cause || (e as Error).message;
    } finally {
      probe.disconnect();
    }
  }

  async close(): Promise<void> {
    await Promise.all(Object.values(this.queues).map((q) => q.close()));
    this.redis.disconnect();
  }
}

export const toRawJob = (raw: RawFile): RawJob => ({ ...raw, bytes: Buffer.from(raw.bytes.buffer, raw.bytes.byteOffset, raw.bytes.byteLength).toString('base64') });
export const fromRawJob = (raw: RawJob): RawFile => ({ ...raw, bytes: new Uint8Array(Buffer.from(raw.bytes, 'base64')) });

export const fetchJobId = (url: string) => `fetch-${sha256(url)}`;
export const extractJobId = (raw: RawFile) => `extract-${sha256(`${raw.key}\n${sha256(raw.bytes)}\n${raw.error ?? ''}`)}`;
/** The one clustering that may wait to start at a time (queue/enqueue.ts: requestClustering). */
export const CLUSTER_DEDUPLICATION = 'cluster';
