// A document's clustering features (term counts, MinHash signature) made where it is read: the read
// workers hold each document anyway and wait on the main thread half the time, while counting terms and
// signatures was ~40% of the main thread's clustering, with the analysis workers idle until it ends.
// Each carries a hash of the title and body it was made from, and is used only for a document with that
// very text (a document stored by an earlier run may hold another extraction of the same file).
import type { NewsDoc } from '../types.js';
import { sha256 } from '../ids.js';
import { documentTerms, type TermCounts } from './features.js';
import { signature } from './minhash.js';
import { CLUSTER_TUNABLES } from './tunables.js';

/** Term counts as two typed arrays, in the Map's order (12 bytes a term instead of a Map entry's ~40). */
export interface PackedTerms {
  ids: Int32Array;
  weights: Float64Array;
}

export interface DocFeatures {
  /** Hash of the title and body the features were made from. */
  text: string;
  terms: PackedTerms;
  signature: Uint32Array | null;
}

type Text = Pick<NewsDoc, 'title' | 'body'>;

export const textHash = (doc: Text): string => sha256(`${doc.title ?? ''}\0${doc.body}`);

export function packTerms(tf: TermCounts): PackedTerms {
  const ids = new Int32Array(tf.size), weights = new Float64Array(tf.size);
  let i = 0;
  for (const [id, w] of tf) {
    ids[i] = id;
    weights[i++] = w;
  }
  return { ids, weights };
}

/** The features clustering with CLUSTER_TUNABLES makes of a document. */
export function docFeatures(doc: Text): DocFeatures {
  return { text: textHash(doc), terms: packTerms(documentTerms(doc, CLUSTER_TUNABLES)), signature: signature(doc.body, CLUSTER_TUNABLES) };
}

/**
 * Features made ahead, by document id, for one clustering with CLUSTER_TUNABLES. They are kept up to the
 * clusterer's own budget for kept term counts (keptTermsMb, 12 bytes a term): past it, clustering counts
 * the rest itself, as it would without them, so memory stays bounded at 100k documents.
 */
export class Precounted {
  private readonly byId = new Map<string, DocFeatures>();
  private room = CLUSTER_TUNABLES.keptTermsMb * 2 ** 20;

  /** Keeps a document's features unless it has some or they pass the room left (false then); `checked`: the
   *  caller made or found them for this document's very text (stored-features.ts), so terms() need not hash it again. */
  keep(id: string, features: DocFeatures, checked = false): boolean {
    const bytes = features.terms.ids.length * 12;
    if (bytes > this.room || this.byId.has(id)) return false;
    this.room -= bytes;
    this.byId.set(id, features);
    if (checked) this.checked.add(id);
    return true;
  }

  /** Whether features of this document are kept (for some text). */
  has(id: string): boolean {
    return this.byId.has(id);
  }

  private readonly checked = new Set<string>();

  /** The term counts made ahead for this document's very title and body, or null. */
  terms(doc: Text & Pick<NewsDoc, 'id'>): PackedTerms | null {
    const f = this.byId.get(doc.id);
    if (!f) return null;
    if (!this.checked.has(doc.id)) {
      if (f.text !== textHash(doc)) {
        this.byId.delete(doc.id);
        return null;
      }
      this.checked.add(doc.id);
    }
    return f.terms;
  }

  /** Lets go of what is left (the clustering is done). */
  clear(): void {
    this.byId.clear();
    this.checked.clear();
  }

  /** The signature made ahead for this document's very text (undefined: none), kept. */
  signature(doc: Text & Pick<NewsDoc, 'id'>): Uint32Array | null | undefined {
    return this.terms(doc) ? this.byId.get(doc.id)!.signature : undefined;
  }

  /** The signature made ahead for this document's very text (undefined: none), let go with the rest of its features. */
  takeSignature(doc: Text & Pick<NewsDoc, 'id'>): Uint32Array | null | undefined {
    const signature = this.signature(doc);
    if (signature === undefined) return undefined;
    this.byId.delete(doc.id);
    this.checked.delete(doc.id);
    return signature;
  }
}
