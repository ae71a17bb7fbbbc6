// The digest JSON of a re-digest, costing what changed: each document's and cluster's text (its piece, as
// write/digest-json.ts lays it out) is kept in the store as UTF-8 when first written, and copied byte for
// byte next time instead of being made again (read back, stringified, encoded: at 10k documents ~250 MB, most
// of it clusters that did not change). A document's piece is copied when its stamp (content hash, inferred
// date, piece format) matches; a cluster's when the run reused the cluster as stored (RunResult.reused) and the
// store still keeps its piece (saveClusters drops a cluster's piece whenever it writes the cluster again).
// Pieces missing (an older store, a first run) are made and kept; the text is the same either way.
import type { DigestResult, DocumentList, NewsDoc, WrittenCluster } from '../types.js';
import type { ClustersInStore, JsonPiece, Store } from '../store/index.js';
import { JSON_FRAME, PIECE_FORMAT, clusterPiece, documentPiece, documentStamp, inferredDates, messagePiece } from '../write/index.js';
import { ConfigError } from '../messages.js';
import { chunksOf } from './chunks.js';

/** Documents or clusters whose pieces are looked up and kept per store call: few calls, and a bound on the
 *  pieces held at once (a cluster's piece can pass 100 kB). */
export const PIECE_BATCH = 200;

/** What lets a digest JSON copy pieces: the store that keeps them, and the clusters the run took as stored. */
export interface KeptPieces {
  store: Pick<Store, 'jsonPieces' | 'saveJsonPieces' | 'clustersById'>;
  reused: ReadonlySet<string>;
}

/** The digest JSON (exactly digestJsonChunks' text) as strings and UTF-8 bytes, copying the pieces the store keeps. */
export async function* digestJsonWithPieces(result: DigestResult<ClustersInStore, DocumentList>, kept: KeptPieces): AsyncGenerator<string | Uint8Array> {
  const { store } = kept;
  const inferred = result.clusters.inferredDates ?? inferredDates(result.clusters);
  const documents = result.documents;
  // A document whose piece is copied is not read back: its stamp needs only its id and content hash.
  const whole = (d: Pick<NewsDoc, 'id' | 'contentHash'>): NewsDoc => ('body' in d ? (d as NewsDoc) : documents.get!(d.id)!);
  yield JSON_FRAME.head;
  yield* list(documents.get && documents.heads ? documents.heads() : documents, documents.length, async function* (docs, at) {
    const stored = await store.jsonPieces('document', docs.map((d) => d.id));
    const made: Made[] = [];
    for (const d of docs) {
      yield JSON_FRAME.item(at++);
      const stamp = documentStamp(d, inferred.get(d.id));
      yield copied(stored.get(d.id), stamp) ?? make(made, d.id, stamp, documentPiece(whole(d), inferred.get(d.id)));
    }
    await store.saveJsonPieces('document', made);
  });

  yield JSON_FRAME.clusters;
  // The reused clusters whose pieces are kept are not read back from a spool at all: they come as ids.
  const copyable = new Set<string>();
  for (const ids of chunksOf(kept.reused, PIECE_BATCH)) {
    for (const [id, p] of await store.jsonPieces('cluster', ids, true)) if (p.stamp === PIECE_FORMAT) copyable.add(id);
  }
  // Those whose pieces are not kept are made again: read whole, from the store if the spool took them as stored.
  await result.clusters.load?.(store, [...kept.reused].filter((id) => !copyable.has(id)));
  const clusters = result.clusters.orIds?.(copyable) ?? result.clusters;
  yield* list(clusters, result.clusters.length, async function* (items, at) {
    const ids = items.map(idOf).filter((id) => copyable.has(id));
    const stored = ids.length ? await store.jsonPieces('cluster', ids) : new Map<string, JsonPiece>();
    const made: Made[] = [];
    for (const c of items) {
      yield JSON_FRAME.item(at++);
      const piece = copyable.has(idOf(c)) ? copied(stored.get(idOf(c)), PIECE_FORMAT) : undefined;
      if (piece) yield piece;
      else if (typeof c === 'string') {
        throw new ConfigError(`another run wrote event cluster ${c} while this digest wrote its JSON; run the digest again`);
      } else yield make(made, c.id, PIECE_FORMAT, clusterPiece(c));
    }
    await store.saveJsonPieces('cluster', made);
  });

  yield JSON_FRAME.messages;
  // The run's messages are few and new each run: made as digestJsonChunks makes them.
  yield* list(result.messages, result.messages.length, async function* (messages, at) {
    for (const m of messages) yield JSON_FRAME.item(at++) + messagePiece(m);
  });
  yield JSON_FRAME.tail;
}

type Made = { id: string } & Required<JsonPiece>;
const idOf = (c: WrittenCluster | string): string => (typeof c === 'string' ? c : c.id);
const copied = (p: JsonPiece | undefined, stamp: string): Uint8Array | undefined => (p?.stamp === stamp ? p.json : undefined);

function make(made: Made[], id: string, stamp: string, text: string): Uint8Array {
  const json = Buffer.from(text);
  made.push({ id, stamp, json });
  return json;
}

/** A list of the contract in batches: `[`, the items (each batch's own generator gives their separators), `]`. */
async function* list<T>(items: Iterable<T>, count: number, batch: (items: T[], at: number) => AsyncGenerator<string | Uint8Array>): AsyncGenerator<string | Uint8Array> {
  if (!count) return yield JSON_FRAME.empty;
  let at = 0;
  for (const b of chunksOf(items, PIECE_BATCH)) {
    yield* batch(b, at);
    at += b.length;
  }
  yield JSON_FRAME.end;
}
