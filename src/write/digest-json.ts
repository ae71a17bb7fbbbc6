// The digest JSON of docs/digest-json.md (version 1). Contract fields keep their names;
// extra fields (spans, rules, messages) are additions the contract allows.
import { sha256 } from '../ids.js';
import type { DigestResult, DocumentList, InferredDate, Message, NewsDoc, WrittenCluster, WrittenClusters } from '../types.js';

export const DIGEST_VERSION = 1;

/** A document as the contract shows it: with the date its cluster's analysis inferred, marked as inferred. */
export function documentJson(doc: NewsDoc, inferred?: InferredDate) {
  const d = inferred && (!doc.publishedAt || doc.dateSource)
    ? { ...doc, publishedAt: inferred.publishedAt, publishedAtInferred: true, dateSource: undefined, evidence: { ...doc.evidence, publishedAt: `inferred from ${inferred.evidence}` } }
    : doc;
  return {
    id: d.id,
    source: d.source,
    outlet: d.outlet,
    title: d.title,
    subtitles: d.subtitles,
    section: d.section,
    reporter: d.reporter,
    email: d.email,
    publishedAt: d.publishedAt,
    kind: d.kind,
    body: d.body,
    captions: d.captions,
    removed: d.removed.map((r) => r.text),
    // additions
    publishedAtInferred: d.publishedAtInferred ?? false,
    /** 'http-last-modified' or 'file-mtime' when publishedAt dates the copy, not the article; else null. */
    dateSource: d.dateSource ?? null,
    aggregator: d.aggregator,
    url: d.url,
    format: d.format,
    encoding: d.encoding,
    contentHash: d.contentHash,
    headings: d.headings,
    frontMatter: d.frontMatter,
    removals: d.removed,
    sentences: d.sentences,
    evidence: d.evidence,
    messages: d.messages,
  };
}

export function clusterJson(c: WrittenCluster) {
  return {
    id: c.id,
    members: c.members,
    entities: c.entities,
    numbers: c.numbers,
    quotes: c.quotes,
    timeline: c.timeline,
    event: c.event ?? null,
    summary: c.summary.map((s) => s.text),
    findings: c.findings,
    post: c.post,
    // additions
    duplicates: c.duplicates,
    keySentences: c.summary,
    messages: c.messages,
  };
}

/** `value` as JSON.stringify(…, null, 2) writes it two levels deep (an item of a top-level array): stringified
 *  inside two arrays, which indent it natively, and cut out (no second pass over the text to indent it). */
const atDepth2 = (value: unknown) => JSON.stringify([[value]], null, 2).slice(10, -6);

/** A document's text in the digest JSON (an item of `documents`, without what separates items). */
export const documentPiece = (doc: NewsDoc, inferred?: InferredDate): string => atDepth2(documentJson(doc, inferred));
/** A cluster's text in the digest JSON (an item of `clusters`). */
export const clusterPiece = (c: WrittenCluster): string => atDepth2(clusterJson(c));
/** A message's text in the digest JSON (an item of `messages`). */
export const messagePiece = (m: Message): string => atDepth2(m);

/**
 * What a piece kept from an earlier run was made by: stamps hold it, so a piece made by other code is not
 * copied. Bump the number when documentJson, clusterJson or the layout change; their own text is in it too,
 * so an edit to them that forgets the bump still makes new pieces.
 */
export const PIECE_FORMAT = `${DIGEST_VERSION}.1.${sha256(String(documentJson) + String(clusterJson) + String(atDepth2)).slice(0, 12)}`;

/** The stamp of a document's piece: what the piece is made from (the stored row is one per content hash; a
 *  row changed in place drops its piece in the store), and the date its cluster inferred for it. */
export const documentStamp = (doc: Pick<NewsDoc, 'contentHash'>, inferred?: InferredDate): string =>
  `${PIECE_FORMAT} ${doc.contentHash} ${inferred ? JSON.stringify([inferred.publishedAt, inferred.evidence]) : '-'}`;

/** The text around the pieces: the frame of the contract object, and of each list (documents, clusters, messages). */
export const JSON_FRAME = {
  head: `{\n  "version": ${DIGEST_VERSION},\n  "documents": `,
  clusters: ',\n  "clusters": ',
  messages: ',\n  "messages": ',
  tail: '\n}\n',
  /** Before the item at `index` of a list that has items. */
  item: (index: number) => `${index ? ',' : '['}\n    `,
  /** After the last item of a list that has items. */
  end: '\n  ]',
  empty: '[]',
};

function* arrayChunks<T>(items: Iterable<T> & { length: number }, toJson: (item: T) => string): Generator<string> {
  if (!items.length) return yield JSON_FRAME.empty;
  let i = 0;
  for (const item of items) yield JSON_FRAME.item(i++) + toJson(item);
  yield JSON_FRAME.end;
}

/**
 * The digest JSON as pieces of text, one document or cluster at a time, so a file can take it without
 * the whole text ever being one string (a single string fails near 65k documents). The pieces joined are
 * exactly JSON.stringify({ version, documents, clusters, messages }, null, 2) + '\n'.
 * (cli/json-pieces.ts writes the same text, copying the pieces an earlier run kept.)
 */
export function* digestJsonChunks(result: DigestResult<WrittenClusters, DocumentList>): Generator<string> {
  // The clusters' inferred dates are needed first, as documents come first: kept aside by a spool as it took the
  // clusters, else read from them (a second pass).
  const inferred = result.clusters.inferredDates ?? inferredDates(result.clusters);
  yield JSON_FRAME.head;
  yield* arrayChunks(result.documents, (d) => documentPiece(d, inferred.get(d.id)));
  yield JSON_FRAME.clusters;
  yield* arrayChunks(result.clusters, clusterPiece);
  yield JSON_FRAME.messages;
  yield* arrayChunks(result.messages, messagePiece);
  yield JSON_FRAME.tail;
}

/** The dates the clusters' analyses inferred for their undated documents, by document. */
export function inferredDates(clusters: Iterable<Pick<WrittenCluster, 'inferredDates'>>, into = new Map<string, InferredDate>()): Map<string, InferredDate> {
  for (const c of clusters) for (const g of c.inferredDates) into.set(g.document, g);
  return into;
}
