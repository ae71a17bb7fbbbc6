// How a store keeps records in rows, the same for every backend: JSON text for nested values, the
// columns that decide whether a saved row changed, and the rows read back as records.
import type { Message, NewsDoc, WeakDateSource, WrittenCluster } from '../types.js';
import type {
  ChangeCounts, Restoration, Revision, RevisionOrigin, RunRecord, SearchHit, SourceError, StoredCluster, StoredClusterHead, StoredDocument,
  StoredMetadata, StoredPost,
} from './store.js';
import { sha256 } from '../ids.js';
import { SNIPPET_CONTEXT_CHARS } from './tunables.js';
import { ConfigError } from '../messages.js';
import type { CachedResponse } from '../ingest/web/http-cache.js';

/** The columns that make up a document's content; first_seen_run/updated_run are bookkeeping. */
export const DOCUMENT_COLUMNS = [
  'id', 'source', 'key', 'content_hash', 'format', 'encoding', 'kind', 'outlet', 'title', 'published_at',
  'body', 'metadata', 'captions', 'removed', 'messages',
] as const;
export type DocumentRow = Record<(typeof DOCUMENT_COLUMNS)[number], string | null>;

export const CLUSTER_COLUMNS = ['id', 'members', 'analysis', 'post_path', 'post'] as const;
/** Columns made from the others, so that a run reads what it plans with without the analysis and post (StoredClusterHead). */
export const CLUSTER_HEAD_COLUMNS = ['head', 'post_checksum'] as const;
export type ClusterRow = Record<(typeof CLUSTER_COLUMNS)[number] | (typeof CLUSTER_HEAD_COLUMNS)[number], string | null>;
/** What a cluster's `head` column holds (JSON): the parts of StoredClusterHead that are in its analysis and post. */
type HeadJson = Pick<StoredClusterHead, 'duplicates' | 'writtenWith' | 'draftDate' | 'inferredDates' | 'messages'>;
/** The columns clusterHeads reads; `post` only where post_checksum is missing (PostgreSQL rows saved before schema 9). */
export const CLUSTER_HEAD_SELECT = 'id, run, members, post_path, head, post_checksum, CASE WHEN post_checksum IS NULL THEN post END AS post';

export const zeroCounts = (): ChangeCounts => ({ inserted: 0, updated: 0, unchanged: 0 });

export function documentRow(d: NewsDoc): DocumentRow {
  const metadata: StoredMetadata = {
    aggregator: d.aggregator, subtitles: d.subtitles, section: d.section, reporter: d.reporter, email: d.email,
    url: d.url, publishedAtInferred: d.publishedAtInferred ?? false, ...(d.dateSource ? { dateSource: d.dateSource } : {}), frontMatter: d.frontMatter,
    headings: d.headings, evidence: d.evidence, sentences: d.sentences,
  };
  return {
    id: d.id, source: d.source, key: d.key, content_hash: d.contentHash, format: d.format, encoding: d.encoding,
    kind: d.kind, outlet: d.outlet, title: d.title, published_at: d.publishedAt, body: d.body,
    metadata: JSON.stringify(metadata), captions: JSON.stringify(d.captions), removed: JSON.stringify(d.removed),
    messages: JSON.stringify(d.messages),
  };
}

export function clusterRow(c: WrittenCluster): ClusterRow {
  const analysis = {
    duplicates: c.duplicates, event: c.event ?? null, entities: c.entities, numbers: c.numbers, quotes: c.quotes, timeline: c.timeline,
    findings: c.findings, summary: c.summary, inferredDates: c.inferredDates, messages: c.messages,
  };
  const post = c.post ? JSON.stringify({ markdown: c.post.markdown, model: c.post.model, sentences: c.post.sentences, writtenWith: c.writtenWith }) : null;
  const head: HeadJson = {
    duplicates: c.duplicates, writtenWith: c.writtenWith ?? null, draftDate: c.post?.model?.draft ? (c.post.model.date ?? '') : null,
    inferredDates: c.inferredDates, messages: c.messages,
  };
  return {
    id: c.id, members: JSON.stringify(c.members), analysis: JSON.stringify(analysis), post_path: c.post?.path ?? null, post,
    head: JSON.stringify(head), post_checksum: c.post ? sha256(c.post.markdown) : null,
  };
}

export const sameRow = <T extends Record<string, unknown>>(a: T, b: T, columns: readonly (keyof T)[]) =>
  columns.every((k) => a[k] === b[k]);

function snippetAround(body: string, at: number, length: number): string {
  const from = Math.max(0, at - SNIPPET_CONTEXT_CHARS);
  const to = Math.min(body.length, at + length + SNIPPET_CONTEXT_CHARS);
  return `${from > 0 ? '…' : ''}${body.slice(from, to).replace(/\s+/g, ' ')}${to < body.length ? '…' : ''}`;
}

/**
 * Each sentence's text as a slice of the body it indexes, not its own copy from the metadata JSON: V8
 * keeps a slice as a view of the body, so a document read back holds its prose once, not twice (at 100k
 * documents the copies were a third of the documents' memory). A text that is not its span is kept as stored.
 */
function sentencesOfBody(body: string, metadata: StoredMetadata): StoredMetadata {
  for (const s of metadata.sentences ?? []) {
    const view = body.slice(s.start, s.end);
    if (view === s.text) s.text = view;
  }
  return metadata;
}

export function fromDocumentRow(r: Record<string, unknown>): StoredDocument {
  const body = r.body as string;
  return {
    id: r.id as string,
    source: r.source as string,
    key: r.key as string,
    contentHash: r.content_hash as string,
    format: r.format as StoredDocument['format'],
    encoding: r.encoding as string,
    kind: r.kind as StoredDocument['kind'],
    outlet: (r.outlet as string | null) ?? null,
    title: (r.title as string | null) ?? null,
    publishedAt: (r.published_at as string | null) ?? null,
    body,
    metadata: sentencesOfBody(body, JSON.parse(r.metadata as string)),
    captions: JSON.parse(r.captions as string),
    removed: JSON.parse(r.removed as string),
    messages: JSON.parse(r.messages as string),
    firstSeenRun: r.first_seen_run as number,
    updatedRun: r.updated_run as number,
  };
}

export function fromClusterRow(r: Record<string, unknown>): StoredCluster {
  const { writtenWith, ...post } = r.post ? JSON.parse(r.post as string) : { writtenWith: null };
  return {
    id: r.id as string,
    run: r.run as number,
    members: JSON.parse(r.members as string),
    analysis: JSON.parse(r.analysis as string),
    postPath: (r.post_path as string | null) ?? null,
    post: r.post && r.post_path ? { path: r.post_path as string, ...post } : null,
    writtenWith: writtenWith ?? null,
    goneRun: (r.gone_run as number | null) ?? null,
  };
}

/** The checksum of a stored post (its `post` column): the sha256 of its Markdown. */
export const postChecksum = (post: string): string => sha256((JSON.parse(post) as { markdown: string }).markdown);

/** A row of CLUSTER_HEAD_SELECT as a head. */
export function fromClusterHeadRow(r: Record<string, unknown>): StoredClusterHead {
  const head = JSON.parse(r.head as string) as Partial<HeadJson>;
  const post = (r.post as string | null) ?? null;
  return {
    id: r.id as string,
    run: r.run as number,
    members: JSON.parse(r.members as string),
    duplicates: head.duplicates ?? [],
    postPath: (r.post_path as string | null) ?? null,
    hasPost: !!r.post_path && (r.post_checksum !== null || post !== null),
    writtenWith: head.writtenWith ?? null,
    draftDate: head.draftDate ?? null,
    inferredDates: head.inferredDates ?? [],
    messages: head.messages ?? [],
    postChecksum: (r.post_checksum as string | null) ?? (post ? postChecksum(post) : null),
  };
}

export function fromRunRow(r: Record<string, unknown>): RunRecord {
  return {
    id: r.id as number,
    startedAt: r.started_at as string,
    finishedAt: (r.finished_at as string | null) ?? null,
    args: JSON.parse(r.args as string),
    counts: JSON.parse(r.counts as string),
  };
}

/** The newest error of each source among `errors` (a later message of the same source wins). */
export function newestErrorPerSource(errors: Message[]): Message[] {
  return [...new Map(errors.map((m) => [m.place.source, m])).values()];
}

export function fromSourceErrorRow(r: Record<string, unknown>): SourceError {
  return { source: r.source as string, run: r.run as number, stage: r.stage as SourceError['stage'], rule: r.rule as string, reason: r.reason as string, at: r.at as string };
}

export function fromPostRow(r: Record<string, unknown>): StoredPost {
  return { outDir: r.out_dir as string, path: r.path as string, cluster: r.cluster as string, checksum: r.checksum as string, run: r.run as number };
}

export function fromRevisionRow(r: Record<string, unknown>): Revision {
  return {
    cluster: r.cluster as string, number: r.number as number, markdown: r.markdown as string,
    origin: r.origin as RevisionOrigin, savedAt: r.saved_at as string,
  };
}

export function fromRestorationRow(r: Record<string, unknown>): Restoration {
  return { document: r.document as string, removal: r.removal as number, text: r.text as string, restoredAt: r.restored_at as string };
}

/** A search result from a row of id, source, title, outlet, published_at, body, aggregator, url, date_source. */
export function searchHit(r: Record<string, string | null>, first: string): SearchHit {
  const body = r.body ?? '';
  const at = body.indexOf(first);
  return {
    id: r.id!,
    source: r.source!,
    title: r.title,
    outlet: r.outlet,
    aggregator: r.aggregator,
    url: r.url,
    publishedAt: r.published_at,
    dateSource: (r.date_source as WeakDateSource | null) ?? null,
    match: at >= 0 ? { start: at, end: at + first.length } : null,
    snippet: snippetAround(body, Math.max(0, at), at >= 0 ? first.length : 0),
  };
}

/** The terms of a search query (whitespace-separated); a query without any, or a bad limit, is the caller's mistake. */
export function searchTerms(query: string, limit: number): string[] {
  const terms = query.trim().split(/\s+/u).filter(Boolean);
  if (!terms.length) throw new ConfigError('search needs at least one word, e.g. search("반도체")');
  if (!(limit > 0)) throw new ConfigError(`search limit must be a positive number, not ${limit}`);
  return terms;
}

/** A row of http_cache (the HTTP validators and the body they validate), as both backends keep it. */
export interface HttpCacheRow {
  url: string;
  etag: string | null;
  last_modified: string | null;
  content_type: string | null;
  body: Buffer;
  fetched_at: string;
}

export const cachedResponse = (r: HttpCacheRow): CachedResponse => ({
  url: r.url, etag: r.etag, lastModified: r.last_modified, contentType: r.content_type, body: new Uint8Array(r.body), fetchedAt: r.fetched_at,
});
