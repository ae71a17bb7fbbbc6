// The backend-neutral store contract. Each backend lives in its own folder (sqlite/ today) and
// passes the same contract tests (contract.test.ts).
import type { Analysis, DigestResult, DocumentList, InferredDate, Message, NewsDoc, Post, Span, WeakDateSource, WrittenCluster, WrittenClusters } from '../types.js';
import type { HttpCache } from '../ingest/web/index.js';

export interface ChangeCounts {
  inserted: number;
  updated: number;
  unchanged: number;
}

export interface RunCounts {
  documents: ChangeCounts;
  clusters: ChangeCounts;
  /** Messages of the run by severity (ingest problems included). */
  messages: Record<Message['severity'], number>;
}

/** A document as stored: the NewsDoc fields a person queries as columns, the rest in `metadata`.
 *  Both are picked from NewsDoc, so a new NewsDoc field is declared once (contract.test round-trips it). */
export type StoredDocument = Pick<
  NewsDoc,
  'id' | 'source' | 'key' | 'contentHash' | 'format' | 'encoding' | 'kind' | 'outlet' | 'title' | 'publishedAt' | 'body'
  | 'captions' | 'removed' | 'messages'
> & {
  metadata: StoredMetadata;
  firstSeenRun: number;
  /** The run that last wrote this row (its first run, or the run that saw a changed file). */
  updatedRun: number;
};

/** The NewsDoc fields without a column of their own, kept so a NewsDoc can be rebuilt. */
export type StoredMetadata = Pick<
  NewsDoc,
  | 'aggregator' | 'subtitles' | 'section' | 'reporter' | 'email' | 'url' | 'publishedAtInferred' | 'dateSource'
  | 'frontMatter' | 'headings' | 'evidence' | 'sentences'
>;

export interface StoredCluster {
  id: string;
  /** The run that wrote this version of the cluster. */
  run: number;
  members: string[];
  analysis: Analysis & { duplicates: string[][] };
  postPath: string | null;
  /** The post as this cluster run wrote it (after any polish); null when it wrote none, or before schema 3. */
  post: Post | null;
  /** The write options key the post was written under (WrittenCluster.writtenWith), when the run gave one. */
  writtenWith: string | null;
  /** The run after which the cluster matched nothing any more, or null while it is current. */
  goneRun: number | null;
}

/** What a run needs of a stored cluster to plan (identity, placement, reuse) and to list its side data (dates, problems,
 *  post checksum), read without its analysis and post: those are most of a cluster's row (a re-digest of 10k documents read
 *  72M characters of them to use none of it for the clusters it reused). */
export interface StoredClusterHead {
  id: string;
  /** The run that wrote this version of the cluster. */
  run: number;
  members: string[];
  duplicates: string[][];
  postPath: string | null;
  /** Whether the row keeps its post (StoredCluster.post is not null). */
  hasPost: boolean;
  writtenWith: string | null;
  /** The run day of a draft post (its model's date), or null when the post is no draft. */
  draftDate: string | null;
  inferredDates: InferredDate[];
  messages: Message[];
  /** The sha256 of the post's Markdown, or null without a post. */
  postChecksum: string | null;
}

/** What a digest JSON piece is of: one document, or one cluster. */
export type JsonPieceKind = 'document' | 'cluster';

/** A document's or cluster's text in the digest JSON as a run wrote it, and the stamp (a key of what it was made from). */
export interface JsonPiece {
  stamp: string;
  json?: Uint8Array;
}

/** A post file newsdesk wrote into `outDir`, with the sha256 of what it wrote. */
export interface StoredPost {
  outDir: string;
  path: string;
  cluster: string;
  checksum: string;
  run: number;
}

/** Which stored documents a digest works on; all of them by default. */
export interface DocumentFilter {
  /** Documents dated (or, undated, stored) at or after this ISO time. */
  since?: string;
  /** Documents whose source contains this text (a folder, a host). */
  sourcePattern?: string;
  /** Only documents first stored or changed by this run. */
  run?: number;
}

export interface RunRecord {
  id: number;
  startedAt: string;
  finishedAt: string | null;
  args: string[];
  counts: RunCounts;
}

export interface SearchHit {
  id: string;
  source: string;
  title: string | null;
  outlet: string | null;
  /** The site that re-posted it and its web address, to name a source that has no outlet. */
  aggregator: string | null;
  url: string | null;
  publishedAt: string | null;
  /** Set when publishedAt dates the copy (Last-Modified, file time), not the article. */
  dateSource: WeakDateSource | null;
  /** Where the first query term sits in the body, or null when only the title matched. */
  match: Span | null;
  /** A short piece of the body around `match` (or its start), for a result list. */
  snippet: string;
}

export type RevisionOrigin = 'generated' | 'edited' | 'regenerated';

/** A post text a person (or the workbench) saved for a cluster. */
export interface Revision {
  cluster: string;
  /** 1, 2, 3 … per cluster, in the order they were saved. */
  number: number;
  markdown: string;
  origin: RevisionOrigin;
  savedAt: string;
}

/** A boilerplate line a person put back into a document's body. */
export interface Restoration {
  document: string;
  /** Index into the document's `removed` list as extract made it. */
  removal: number;
  text: string;
  restoredAt: string;
}

/**
 * Every method returns a Promise: the contract holds for an embedded file (SQLite) and for a database
 * server (PostgreSQL) alike, so callers are written once for both.
 */
/** The newest error a run recorded about one source (a feed, a page, a file). */
export interface SourceError {
  source: string;
  run: number;
  stage: Message['stage'];
  rule: string;
  reason: string;
  at: string;
}

export interface StoreHealth {
  kind: Store['kind'];
  location: string;
  /** The backend's own check: 'ok', or what it found wrong (SQLite's quick_check; PostgreSQL's server version when ok). */
  check: string;
  /** The newest migration applied, and the newest this newsdesk knows. */
  schemaVersion: number;
  knownVersion: number;
  counts: { documents: number; currentClusters: number; runs: number; unfinishedRuns: number; posts: number };
  lastRun: RunRecord | null;
  /** Per source, its newest error, newest first (at most HEALTH_ERRORS of them). */
  lastErrors: SourceError[];
}

export interface Store {
  /** Where the store lives: a file path, `:memory:`, or a postgres:// address (without its password). */
  readonly location: string;
  /** Which backend this is (for `doctor` and messages). */
  readonly kind: 'sqlite' | 'postgres';
  /** Starts a run: a runs row without finished_at until finishRun. */
  beginRun(args: string[], startedAt?: Date): Promise<number>;
  /** Saves a batch of documents in one transaction (a run persists as it reads). */
  saveDocuments(run: number, documents: NewsDoc[]): Promise<ChangeCounts>;
  /** True when a document with this key and content is stored: the run need not extract it again. */
  hasDocument(key: string, contentHash: string): Promise<boolean>;
  /** Saves the run's clusters in one transaction and marks `gone` clusters as gone with this run. An id in place of a
   *  cluster is the stored cluster as it is (the run reused it): linked to the run and counted unchanged, not compared. */
  saveClusters(run: number, clusters: Iterable<WrittenCluster | string>, gone?: string[]): Promise<ChangeCounts>;
  /** Marks the run finished (called only once its outputs are in place), keeping each source's newest error. */
  finishRun(run: number, counts: RunCounts, errors?: Message[]): Promise<void>;
  document(id: string): Promise<StoredDocument | null>;
  documents(filter?: DocumentFilter): Promise<StoredDocument[]>;
  /** The documents of `documents(filter)`, in its order, handed to `visit` one at a time as they are read: the caller
   *  decides what to keep of each (a run of 100k spools them), so they need not all be in memory at once. */
  eachDocument(filter: DocumentFilter, visit: (d: StoredDocument) => void): Promise<void>;
  /** All clusters (latest version of each), or the clusters a given run produced, in its order. */
  clusters(run?: number): Promise<StoredCluster[]>;
  /** The current clusters (not gone) without their analysis and post, in the order of clusters(). */
  clusterHeads(): Promise<StoredClusterHead[]>;
  /** The clusters (latest version) of those of `ids` that are stored, in no particular order. */
  clustersById(ids: string[]): Promise<StoredCluster[]>;
  /** The posts newsdesk wrote into `outDir`. */
  posts(outDir: string): Promise<StoredPost[]>;
  savePost(post: StoredPost): Promise<void>;
  forgetPost(outDir: string, path: string): Promise<void>;
  runs(): Promise<RunRecord[]>;
  /** Documents whose title or body contain every whitespace-separated term (Korean works). */
  search(query: string, limit?: number): Promise<SearchHit[]>;
  /** Cached analysis tokens (analyze/token-cache.ts) of the keys that have them. */
  tokens(keys: string[]): Promise<Map<string, string>>;
  /** Keeps cached analysis tokens; a key already stored keeps its row (the same key means the same tokens). */
  saveTokens(rows: [key: string, tokens: string][]): Promise<void>;
  /** Cached clustering features (cluster/stored-features.ts) of the keys that have them. */
  features(keys: string[]): Promise<Map<string, Uint8Array>>;
  /** Keeps cached clustering features; a key already stored keeps its row (the same key means the same features). */
  saveFeatures(rows: [key: string, features: Uint8Array][]): Promise<void>;
  /** Deletes the cached tokens and features whose keys do not start with `keep`'s prefixes (each ends with ':'): made by
   *  other code (an older newsdesk), they are never read again. Returns how many rows of each went. */
  pruneCaches(keep: CachePrefixes): Promise<CachePrefixes<number>>;
  /** Digest JSON pieces kept by an earlier run (cli/json-pieces.ts) for those of `ids` that have one: each piece's text
   *  (UTF-8) and the stamp it was made under; only the stamps with `stampsOnly`. A document's piece goes when its row
   *  changes (saveDocuments), a cluster's when its row is written again or it is gone (saveClusters). */
  jsonPieces(kind: JsonPieceKind, ids: string[], stampsOnly?: boolean): Promise<Map<string, JsonPiece>>;
  /** Keeps digest JSON pieces, replacing a piece kept for the same id. */
  saveJsonPieces(kind: JsonPieceKind, pieces: ({ id: string } & Required<JsonPiece>)[]): Promise<void>;
  /** The HTTP validator cache (ETag / Last-Modified and the bodies they validate) kept with the store. */
  httpCache(): HttpCache;
  /** The post revisions saved for a cluster, oldest first. */
  revisions(cluster: string): Promise<Revision[]>;
  /** Saves the next revision of a cluster's post (numbers are given in one transaction, so never twice). */
  saveRevision(cluster: string, markdown: string, origin: RevisionOrigin, at?: Date): Promise<Revision>;
  /** The lines a person restored to a document, in the order they were restored. */
  restorations(document: string): Promise<Restoration[]>;
  /** Records a restoration; false when that line was already restored. */
  restore(document: string, removal: number, text: string, at?: Date): Promise<boolean>;
  /** A value that differs whenever the store changed, by this process or another (a page cache's key). */
  changeStamp(): Promise<string>;
  /** What `newsdesk doctor` says about the store: its check, schema version, counts, newest errors. */
  health(): Promise<StoreHealth>;
  close(): Promise<void>;
}

/** Per cache table, the key prefix of the rows this code reads (or, from pruneCaches, how many rows went). */
export interface CachePrefixes<T = string> {
  tokens: T;
  features: T;
}

/** Written clusters of which a list may hold some by reference to the store (cli/cluster-spool.ts: pushStored): `load`
 *  reads those of `ids` before a pass reads them whole. What the digest JSON and the posts take. */
export interface ClustersInStore extends WrittenClusters {
  load?(store: Pick<Store, 'clustersById'>, ids: Iterable<string>): Promise<void>;
}

/** Messages of a run by severity, each counted once (a document's messages may also be the run's). */
export function countMessages(result: Pick<DigestResult<WrittenClusters, DocumentList>, 'messages' | 'documents'>): RunCounts['messages'] {
  const messages: RunCounts['messages'] = { error: 0, warning: 0, info: 0 };
  const all = new Set(result.messages);
  for (const d of result.documents.heads?.() ?? result.documents) for (const m of d.messages) all.add(m);
  for (const m of all) messages[m.severity]++;
  return messages;
}

/** A stored cluster as the run that wrote it handed it on (placed: its writtenWith set), for a run that takes it as stored. */
export function writtenOf(c: StoredCluster): WrittenCluster {
  if (!c.post) throw new Error(`cluster ${c.id} keeps no post: it cannot be taken as stored`);
  const { duplicates, ...analysis } = c.analysis;
  return { id: c.id, members: c.members, duplicates, ...analysis, post: c.post, writtenWith: c.writtenWith ?? undefined };
}

/** Rebuilds the pipeline record from a stored row (for incremental runs and the web UI). */
export function toNewsDoc(d: StoredDocument): NewsDoc {
  const m = d.metadata;
  return {
    id: d.id, source: d.source, key: d.key, format: d.format, encoding: d.encoding, contentHash: d.contentHash,
    outlet: d.outlet, aggregator: m.aggregator ?? null, title: d.title, subtitles: m.subtitles ?? [],
    section: m.section ?? null, reporter: m.reporter ?? null, email: m.email ?? null, publishedAt: d.publishedAt,
    ...(m.publishedAtInferred ? { publishedAtInferred: true } : {}),
    ...(m.dateSource ? { dateSource: m.dateSource } : {}),
    url: m.url ?? null, kind: d.kind, frontMatter: m.frontMatter ?? null, body: d.body, headings: m.headings ?? [],
    captions: d.captions, removed: d.removed, sentences: m.sentences ?? [], evidence: m.evidence ?? {},
    messages: d.messages,
  };
}
