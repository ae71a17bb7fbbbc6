// Near-duplicate (syndicated copy) detection: one-permutation MinHash over character shingles,
// with LSH banding so a new document meets only documents that share a band, never all of them.
// One-permutation hashing (Li, Owen & Zhang 2012; densified as Shrivastava & Li 2014) hashes each
// shingle once instead of once per bin, which keeps signatures cheap for long articles.
import { CLUSTER_TUNABLES } from './tunables.js';

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

/** LSH index over signatures: documents that share one band's values are candidate copies. */
export class DuplicateIndex<K> {
  private readonly buckets = new Map<number, K[]>();
  private readonly sigs = new Map<K, Uint32Array>();
  constructor(private readonly t = CLUSTER_TUNABLES) {}

  /** One number per band (band index mixed in): a rare cross-band collision only costs one extra comparison. */
  private bandKeys(sig: Uint32Array): number[] {
    const rows = sig.length / this.t.lshBands;
    const keys: number[] = [];
    for (let b = 0; b < this.t.lshBands; b++) {
      let h = fmix32(b + 1);
      for (let r = 0; r < rows; r++) h = fmix32(h ^ sig[b * rows + r]);
      keys.push(h);
    }
    return keys;
  }

  /** Documents already indexed whose estimated Jaccard with `sig` reaches the threshold, best first. */
  find(sig: Uint32Array): { key: K; jaccard: number }[] {
    const seen = new Set<K>();
    const found: { key: K; jaccard: number }[] = [];
    for (const band of this.bandKeys(sig)) {
      for (const key of this.buckets.get(band) ?? []) {
        if (seen.has(key)) continue;
        seen.add(key);
        const jaccard = estimateJaccard(sig, this.sigs.get(key)!);
        if (jaccard >= this.t.duplicateJaccard) found.push({ key, jaccard });
      }
    }
    return found.sort((a, b) => b.jaccard - a.jaccard);
  }

  add(key: K, sig: Uint32Array): void {
    this.sigs.set(key, sig);
    for (const band of this.bandKeys(sig)) {
      let bucket = this.buckets.get(band);
      if (!bucket) this.buckets.set(band, (bucket = []));
      bucket.push(key);
      // Keep the most recent documents only; amortised so a long bucket is trimmed once per cap additions.
      if (bucket.length >= 2 * this.t.bucketCap) bucket.splice(0, bucket.length - this.t.bucketCap);
    }
  }
}
