// Near-duplicate (syndicated copy) detection: one-permutation MinHash over character shingles,
// with LSH banding so a new document meets only documents that share a band, never all of them.
// One-permutation hashing (Li, Owen & Zhang 2012; densified as Shrivastava & Li 2014) hashes each
// shingle once instead of once per bin, which keeps signatures cheap for long articles.
import { CLUSTER_TUNABLES } from './tunables.js';
import { IntTable } from './int-table.js';

const LETTERS = /[^\p{L}\p{N}]+/gu;

/** murmur3's 32-bit finaliser: spreads the bits of a weak hash. */
function fmix32(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** The text copies are compared on: letters and digits only, lower-cased, so re-spacing and punctuation do not count. */
export function shingleText(text: string): string {
  return text.normalize('NFC').toLowerCase().replace(LETTERS, '');
}

/** A MinHash signature (one value per bin), or null when the text is too short to judge. */
export function signature(text: string, t = CLUSTER_TUNABLES): Uint32Array | null {
  const s = shingleText(text);
  const k = t.shingleChars, bins = t.minhashBins;
  const count = s.length - k + 1;
  if (count < t.minShingles) return null;
  const sig = new Uint32Array(bins).fill(0xffffffff);
  const filled = new Uint8Array(bins);
  for (let i = 0; i < count; i++) {
    let h = 0x811c9dc5; // FNV-1a over the shingle's UTF-16 units
    for (let j = i; j < i + k; j++) h = Math.imul(h ^ s.charCodeAt(j), 0x01000193);
    h = fmix32(h);
    const bin = h % bins;
    const value = fmix32(h ^ 0x9e3779b9);
    if (value < sig[bin]) sig[bin] = value;
    filled[bin] = 1;
  }
  // Densify: an empty bin borrows the next filled bin's value, shifted by the distance, so two texts agree
  // on an empty bin exactly as often as on the bin it borrowed from.
  for (let b = 0; b < bins; b++) {
    if (filled[b]) continue;
    for (let d = 1; d < bins; d++) {
      const from = (b + d) % bins;
      if (filled[from]) {
        sig[b] = fmix32(sig[from] + d * 0x9e3779b9);
        break;
      }
    }
  }
  return sig;
}

/** Share of bins where two signatures agree: an estimate of the Jaccard similarity of the shingle sets. */
export function estimateJaccard(a: Uint32Array, b: Uint32Array): number {
  let same = 0;
  for (let i = 0; i < a.length; i++) if (a[i] === b[i]) same++;
  return same / a.length;
}

/**
 * LSH index over signatures: documents that share one band's values are candidate copies. Keys are
 * small non-negative integers (the clusterer's entry indices). Signatures live in one flat array and
 * each bucket is a linked list threaded through a typed array (newest first), so 50k documents × 32
 * bands cost two typed arrays and one integer table instead of a million small JS arrays.
 */
export class DuplicateIndex {
  /** band key → 1 + newest key in that bucket. */
  private readonly heads = new IntTable(1 << 12);
  /** (key × bands + band) → 1 + the next older key in the same bucket, 0 at the end. */
  private next = new Int32Array(0);
  private sigs = new Uint32Array(0);
  private readonly has: boolean[] = [];
  /** The band keys `find` will be asked about, when the caller knows them (limit): other buckets are never linked. */
  private within: IntTable | null = null;
  constructor(private readonly t = CLUSTER_TUNABLES) {}

  /**
   * Names the signatures `find` will be asked about from now on, all of them (EventClusterer.expect): `add` then links
   * a document into their buckets only and skips one in none of them, which is most of a large store; `find` walks
   * what it would have walked, and refuses another signature.
   */
  limit(sigs: Iterable<Uint32Array>): void {
    const within = new IntTable(1 << 8);
    for (const sig of sigs) for (const band of this.bandKeys(sig)) within.set(band, 1);
    this.within = within;
  }

  /** One number per band (band index mixed in): a rare cross-band collision only costs one extra comparison. */
  private bandKeys(sig: Uint32Array): Int32Array {
    const rows = sig.length / this.t.lshBands;
    const keys = new Int32Array(this.t.lshBands);
    for (let b = 0; b < this.t.lshBands; b++) {
      let h = fmix32(b + 1);
      for (let r = 0; r < rows; r++) h = fmix32(h ^ sig[b * rows + r]);
      keys[b] = h | 0 || 1;
    }
    return keys;
  }

  private stored(key: number): Uint32Array {
    const bins = this.t.minhashBins;
    return this.sigs.subarray(key * bins, (key + 1) * bins);
  }

  /** Documents already indexed whose estimated Jaccard with `sig` reaches the threshold, best first. */
  find(sig: Uint32Array): { key: number; jaccard: number }[] {
    const seen = new Set<number>();
    const found: { key: number; jaccard: number }[] = [];
    const bands = this.t.lshBands;
    for (const [b, band] of this.bandKeys(sig).entries()) {
      if (this.within && !this.within.get(band)) throw new Error('DuplicateIndex.find: a signature not named by limit() (EventClusterer.expect)');
      // Only the bucketCap newest documents of a bucket: a huge bucket is boilerplate, not a copy.
      let walked = 0;
      for (let k = this.heads.get(band) - 1; k >= 0 && walked < this.t.bucketCap; k = this.next[k * bands + b] - 1, walked++) {
        if (seen.has(k)) continue;
        seen.add(k);
        const jaccard = estimateJaccard(sig, this.stored(k));
        if (jaccard >= this.t.duplicateJaccard) found.push({ key: k, jaccard });
      }
    }
    return found.sort((a, b) => b.jaccard - a.jaccard);
  }

  add(key: number, sig: Uint32Array): void {
    if (!Number.isInteger(key) || key < 0) throw new RangeError(`DuplicateIndex keys are non-negative integers, not ${key}`);
    if (this.has[key]) return;
    const keys = this.bandKeys(sig), within = this.within;
    if (within && !keys.some((band) => within.get(band))) return; // no bucket find will walk
    this.has[key] = true;
    const bands = this.t.lshBands, bins = this.t.minhashBins;
    if ((key + 1) * bins > this.sigs.length) {
      const size = Math.max((key + 1) * bins, this.sigs.length * 2, 64 * bins);
      const sigs = new Uint32Array(size);
      sigs.set(this.sigs);
      this.sigs = sigs;
      const next = new Int32Array((size / bins) * bands);
      next.set(this.next);
      this.next = next;
    }
    this.sigs.set(sig, key * bins);
    for (const [b, band] of keys.entries()) {
      if (within && !within.get(band)) continue;
      this.next[key * bands + b] = this.heads.get(band);
      this.heads.set(band, key + 1);
    }
  }
}
