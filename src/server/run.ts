// The one place the workbench calls the pipeline. It does no pipeline work of its own: every run here
// is the same `run` the CLI calls (pipeline.ts), over the workbench's store or a store of its own.
import type { Message, NewsDoc, RawFile, WrittenCluster } from '../types.js';
import { MEMORY_DB, openStore, type Store, type StoredCluster } from '../store/index.js';
import { finish, run, type RunResult } from '../pipeline.js';
import { writeCluster } from '../write/index.js';
import { DEFAULT_WRITE_OPTIONS, type WriteOptions } from '../write/post.js';
import type { FetcherOptions } from '../ingest/web/fetcher.js';
import { gatherInputs } from '../cli/sources.js';

/**
 * The cluster with its post as `digest` wrote it: the post the run stored, else (a store from before
 * posts were kept) the writer's post from the stored analysis.
 */
export function writeStoredCluster(cluster: StoredCluster, docs: Map<string, NewsDoc>, write: Partial<WriteOptions>): WrittenCluster {
  const { duplicates, ...analysis } = cluster.analysis;
  const analyzed = { id: cluster.id, members: cluster.members, duplicates, ...analysis };
  if (cluster.post) return { ...analyzed, post: cluster.post };
  return writeCluster(analyzed, docs, { ...DEFAULT_WRITE_OPTIONS, ...write }, new Set());
}

/**
 * Analyses and writes one cluster again over its (possibly restored) documents: the one run over a store
 * of its own that keeps nothing, seeded with the cluster as stored, so the cluster keeps its id and post
 * file as any cluster that continues does.
 */
export async function rerunCluster(cluster: StoredCluster, docs: Map<string, NewsDoc>, write: Partial<WriteOptions>): Promise<WrittenCluster> {
  const store = await openStore(MEMORY_DB);
  try {
    const seed = await store.beginRun(['serve', 'seed', cluster.id]);
    await store.saveDocuments(seed, [...docs.values()]);
    const stored = writeStoredCluster(cluster, docs, write);
    await store.saveClusters(seed, [{ ...stored, post: { ...stored.post, path: cluster.postPath ?? stored.post.path } }]);
    const result = await run({ store, args: ['serve', 'regenerate', cluster.id], write });
    const again = result.clusters.find((c) => c.id === cluster.id);
    if (!again) throw new Error(`event ${cluster.id} could not be written again: ${result.messages.map((m) => m.reason).join('; ') || 'its documents no longer form it'}`);
    return again;
  } finally {
    await store.close();
  }
}

/** Reads raw sources into the workbench's store, as `add` does (the run is recorded finished). */
export async function addSources(store: Store, raws: RawFile[], label: string): Promise<RunResult> {
  const result = await run({ store, args: ['serve', 'add', label], inputs: { raws, total: raws.length, messages: [] }, digest: false });
  await finish(store, result);
  return result;
}

/**
 * Digests what the store holds, as `digest` with no PATH does; `view` shows each stored document as the
 * workbench has it (with the lines a person restored).
 */
export async function digestStore(store: Store, args: string[], write: Partial<WriteOptions>, view: (doc: NewsDoc) => Promise<NewsDoc>, messages: Message[]): Promise<RunResult> {
  const result = await run({ store, args, write, view, inputs: { raws: [], total: 0, messages } });
  await finish(store, result);
  return result;
}

/** Fetches web sources (articles, feeds, sitemaps) as `add URL` does, with the store's HTTP cache. */
export function fetchSources(urls: string[], fetcher: FetcherOptions, store: Store) {
  return gatherInputs(urls, [], fetcher, store);
}
