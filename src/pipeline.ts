// The orchestrator. Reads like the table of contents: ingest → extract → cluster → analyze → write.
// Pure apart from the raw files it is handed (read lazily by the edge) and the progress callback.
import type { Cluster, DigestResult, Message, NewsDoc, RawFile, Stage, WrittenCluster } from './types.js';
import type { DecodeOptions } from './ingest/index.js';
import { clusterDocuments } from './cluster/index.js';
import { analyzeCluster } from './analyze/index.js';
import { inferDocumentDates } from './analyze/timeline.js';
import { DEFAULT_WRITE_OPTIONS, type WriteOptions } from './write/post.js';
import { writeCluster } from './write/index.js';
import { internalError, message, problems } from './messages.js';
import { WorkerPool, type Outcome } from './workers/pool.js';
import type { ReadResult, ReadTask } from './workers/read-document.js';
import { DOC_TIME_BUDGET_MS, POOL_SIZE, WORKER_HEAP_MB } from './workers/tunables.js';

export type Progress = (stage: Stage, done: number, total: number, label?: string) => void;

export interface PipelineOptions {
  decode?: DecodeOptions;
  write?: Partial<WriteOptions>;
  progress?: Progress;
  /** Internal errors carry their stack trace. */
  debug?: boolean;
}

const READ_WORKER = new URL(`./workers/read-worker${import.meta.url.endsWith('.ts') ? '.ts' : '.js'}`, import.meta.url);

/**
 * ingest + extract in a worker pool, each document under a time and memory budget; a few files in
 * flight at a time so memory holds documents, not raw bytes. Documents come back in input order.
 */
export async function readDocuments(raws: Iterable<RawFile>, total: number, options: PipelineOptions = {}) {
  const documents: NewsDoc[] = [];
  const messages: Message[] = [];
  const pool = new WorkerPool<ReadTask, ReadResult>(READ_WORKER, { size: POOL_SIZE, budgetMs: DOC_TIME_BUDGET_MS, heapMb: WORKER_HEAP_MB });
  const sources: string[] = []; // of the tasks in flight, oldest first (outcomes arrive in that order)
  const tasks = (function* () {
    for (const raw of raws) {
      sources.push(raw.source);
      yield { raw, decode: options.decode };
    }
  })();
  let done = 0;
  try {
    for await (const outcome of pool.map(tasks)) {
      const source = sources.shift()!;
      if (outcome.ok) {
        messages.push(...outcome.value.messages);
        if (outcome.value.doc) documents.push(outcome.value.doc);
      } else messages.push(readFailure(outcome, source, options.debug));
      options.progress?.('extract', ++done, total, source);
    }
  } finally {
    await pool.close();
  }
  return { documents, messages };
}

function readFailure(outcome: Extract<Outcome<ReadResult>, { ok: false }>, source: string, debug?: boolean): Message {
  if (outcome.failure === 'crash') return internalError('extract', { message: outcome.error, stack: outcome.stack }, { source }, debug);
  const budget = outcome.failure === 'budget'
    ? `took longer than ${DOC_TIME_BUDGET_MS / 1000} s (the per-document time budget, DOC_TIME_BUDGET_MS)`
    : `needed more than ${WORKER_HEAP_MB} MB of memory (the per-document memory budget, WORKER_HEAP_MB)`;
  return message('extract', 'over-budget', `reading this file ${budget}; it was left out and the run went on`, { source }, 'error');
}

/** cluster → analyze → write, over documents already read. */
export function digestDocuments(documents: NewsDoc[], options: PipelineOptions = {}, messages: Message[] = []): WrittenCluster[] {
  const clusters = clusterDocuments(documents);
  options.progress?.('cluster', clusters.length, clusters.length);
  return digestClusters(clusters, documents, options, messages);
}

/**
 * analyze → write, over clusters already formed (watch mode keeps its own incremental clusterer).
 * A cluster whose analysis or writing throws is left out with an `internal-error` in `messages`.
 */
export function digestClusters(clusters: Cluster[], documents: NewsDoc[], options: PipelineOptions = {}, messages: Message[] = []): WrittenCluster[] {
  const byId = new Map(documents.map((d) => [d.id, d]));
  const writeOptions = { ...DEFAULT_WRITE_OPTIONS, ...options.write };
  const taken = new Set<string>();
  const written: WrittenCluster[] = [];
  clusters.forEach((cluster, i) => {
    let stage: Stage = 'analyze';
    try {
      fillInferredDates(cluster.members.map((id) => byId.get(id)!));
      const analyzed = analyzeCluster(cluster, byId);
      options.progress?.('analyze', i + 1, clusters.length);
      stage = 'write';
      written.push(writeCluster(analyzed, byId, writeOptions, taken));
    } catch (e) {
      const place = { source: `cluster ${cluster.id} (${cluster.members.map((id) => byId.get(id)?.source ?? id).join(', ')})` };
      messages.push(internalError(stage, e instanceof Error ? e : new Error(String(e)), place, options.debug));
    }
  });
  return written;
}

/** A page without a date takes the one its cluster implies, marked as inferred. */
function fillInferredDates(members: NewsDoc[]) {
  const inferred = inferDocumentDates(members);
  for (const d of members) {
    const guess = inferred.get(d.id);
    if (!guess) continue;
    d.publishedAt = guess.publishedAt;
    d.publishedAtInferred = true;
    d.evidence.publishedAt = `inferred from ${guess.evidence}`;
  }
}

export async function runDigest(raws: Iterable<RawFile>, total: number, options: PipelineOptions = {}): Promise<DigestResult> {
  const { documents, messages } = await readDocuments(raws, total, options);
  const clusterMessages: Message[] = [];
  const clusters = digestDocuments(documents, options, clusterMessages);
  return { documents, clusters, messages: [...messages, ...problems(documents.flatMap((d) => d.messages)), ...clusterMessages] };
}
