// Character n-grams (n = 2 or 3 UTF-16 code units) as small integer ids, for the n-gram vectors of one
// cluster's sentences: an open-addressing table keyed by the code units themselves, so that counting a
// sentence's n-grams makes no substring and hashes no string (key-sentence selection did both for every
// position of every sentence, and it was the largest share of analysis time).

/** Code units of one n-gram, packed: the first two in `hi`, the third (or NONE for a 2-gram) in `lo`. */
const NONE = -1;

/** Mixes both halves into the low bits the table reads (murmur3's finaliser). */
function hash(hi: number, lo: number): number {
  let h = Math.imul(hi ^ Math.imul(lo, 0x9e3779b1), 0x85ebca6b);
  h ^= h >>> 15;
  h = Math.imul(h, 0xc2b2ae35);
  return h ^ (h >>> 13);
}

export class GramTable {
  private his = new Int32Array(1024);
  private los = new Int32Array(1024);
  /** id + 1 per slot; 0 is an empty slot. */
  private ids = new Int32Array(1024);
  size = 0;

  /** The id of the n-gram of `t` at `i` of length n (2 or 3), given a new one the first time. */
  id(t: string, i: number, n: 2 | 3): number {
    const hi = (t.charCodeAt(i) << 16) | t.charCodeAt(i + 1);
    const lo = n === 3 ? t.charCodeAt(i + 2) : NONE;
    const mask = this.ids.length - 1;
    let slot = hash(hi, lo) & mask;
    for (;;) {
      const held = this.ids[slot];
      if (held === 0) break;
      if (this.his[slot] === hi && this.los[slot] === lo) return held - 1;
      slot = (slot + 1) & mask;
    }
    this.his[slot] = hi;
    this.los[slot] = lo;
    this.ids[slot] = ++this.size;
    if (this.size * 2 > this.ids.length) this.grow();
    return this.size - 1;
  }

  private grow(): void {
    const { his, los, ids } = this;
    this.his = new Int32Array(ids.length * 2);
    this.los = new Int32Array(ids.length * 2);
    this.ids = new Int32Array(ids.length * 2);
    const mask = this.ids.length - 1;
    for (let s = 0; s < ids.length; s++) {
      if (!ids[s]) continue;
      let slot = hash(his[s], los[s]) & mask;
      while (this.ids[slot]) slot = (slot + 1) & mask;
      this.his[slot] = his[s];
      this.los[slot] = los[s];
      this.ids[slot] = ids[s];
    }
  }
}
