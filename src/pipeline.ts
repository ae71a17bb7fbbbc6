// The orchestrator. Reads like the table of contents: ingest → extract → cluster → analyze → write.
// Pure apart from the raw files it is handed (read lazily by the edge) and the progress callback.
import type { Cluster, DigestResult, Message, NewsDoc, RawFile, Stage, WrittenCluster } from './types.js';
import { decodeFile, type DecodeOptions } from './ingest/index.js';
import { extractDocument } from './extract/index.js';
import { clusterDocuments } from './cluster/index.js';
import { analyzeCluster } from './analyze/index.js';
import { inferDocumentDates } from './analyze/timeline.js';
import { DEFAULT_WRITE_OPTIONS, type WriteOptions } from './write/post.js';
import { writeCluster } from './write/index.js';
import { problems } from './messages.js';

export type Progress = (stage: Stage, done: number, total: number, label?: string) => void;

export interface PipelineOptions {
  decode?: DecodeOptions;
  write?: Partial<WriteOptions>;
  progress?: Progress;
}

/** ingest + extract, one file at a time so memory holds documents, not raw bytes. */
export function readDocuments(raws: Iterable<RawFile>, total: number, options: PipelineOptions = {}) {
  const documents: NewsDoc[] = [];
  const messages: Message[] = [];
  let done = 0;
  for (const raw of raws) {
    const decoded = decodeFile(raw, options.decode);
    messages.push(...decoded.messages);
    if (decoded.file) documents.push(extractDocument(decoded.file));
    options.progress?.('extract', ++done, total, raw.source);
  }
  return { documents, messages };
}

/** cluster → analyze → write, over documents already read. */
export function digestDocuments(documents: NewsDoc[], options: PipelineOptions = {}): WrittenCluster[] {
  const clusters = clusterDocuments(documents);
  options.progress?.('cluster', clusters.length, clusters.length);
  return digestClusters(clusters, documents, options);
}

/** analyze → write, over clusters already formed (watch mode keeps its own incremental clusterer). */
export function digestClusters(clusters: Cluster[], documents: NewsDoc[], options: PipelineOptions = {}): WrittenCluster[] {
  const byId = new Map(documents.map((d) => [d.id, d]));
  const writeOptions = { ...DEFAULT_WRITE_OPTIONS, ...options.write };
  const taken = new Set<string>();
  return clusters.map((cluster, i) => {
    fillInferredDates(cluster.members.map((id) => byId.get(id)!));
    const analyzed = analyzeCluster(cluster, byId);
    options.progress?.('analyze', i + 1, clusters.length);
    return writeCluster(analyzed, byId, writeOptions, taken);
  });
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

export function runDigest(raws: Iterable<RawFile>, total: number, options: PipelineOptions = {}): DigestResult {
  const { documents, messages } = readDocuments(raws, total, options);
  const clusters = digestDocuments(documents, options);
  return { documents, clusters, messages: [...messages, ...problems(documents.flatMap((d) => d.messages))] };
}
