// The one place the workbench calls the pipeline. It does no pipeline work of its own: every call
// here is the same function the CLI runs, so when the shared run object lands only this file changes.
import type { DigestResult, NewsDoc, RawFile, WrittenCluster } from '../types.js';
import type { StoredCluster } from '../store/index.js';
import { digestClusters, digestDocuments, readDocuments } from '../pipeline.js';
import { writeCluster } from '../write/index.js';
import { DEFAULT_WRITE_OPTIONS, type WriteOptions } from '../write/post.js';
import { problems } from '../messages.js';
import type { FetcherOptions } from '../ingest/web/fetcher.js';
import { gatherInputs } from '../cli/sources.js';

/** The post the writer makes from a stored analysis, as `digest` would write it. */
export function writeStoredCluster(cluster: StoredCluster, docs: Map<string, NewsDoc>, write: Partial<WriteOptions>): WrittenCluster {
  const { duplicates, ...analysis } = cluster.analysis;
  return writeCluster({ id: cluster.id, members: cluster.members, duplicates, ...analysis }, docs, { ...DEFAULT_WRITE_OPTIONS, ...write }, new Set());
}

/** Analyses and writes one cluster again over its (possibly restored) documents. */
export function rerunCluster(cluster: StoredCluster, docs: NewsDoc[], write: Partial<WriteOptions>): WrittenCluster {
  const [written] = digestClusters([{ id: cluster.id, members: cluster.members, duplicates: cluster.analysis.duplicates }], docs, { write });
  return written;
}

/** Reads one source into documents (ingest + extract), as `add` does. */
export function readSource(raw: RawFile) {
  return readDocuments([raw], 1);
}

/** Clusters, analyses and writes every document the workbench knows, as `digest` does over the store. */
export function digestAll(documents: NewsDoc[], write: Partial<WriteOptions>): DigestResult {
  const clusters = digestDocuments(documents, { write });
  return { documents, clusters, messages: problems(documents.flatMap((d) => d.messages)) };
}

/** Fetches web sources (articles, feeds, sitemaps) as `add URL` does, with the store's HTTP cache. */
export function fetchSources(urls: string[], fetcher: FetcherOptions, dbPath: string) {
  return gatherInputs(urls, [], fetcher, dbPath);
}
