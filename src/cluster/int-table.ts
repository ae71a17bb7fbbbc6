// An open-addressing hash table from non-zero 32-bit integer keys to 32-bit integer values, in two
// typed arrays. At 50k documents the cluster stage keeps millions of term frequencies and LSH bucket
// heads: a JS Map spends ~40 bytes per entry and keeps the garbage collector busy; this spends 16 (at
// half load) and is invisible to it.

const EMPTY = 0;

export class IntTable {
  private keys: Int32Array;
  private values: Int32Array;
  private mask: number;
  size = 0;

  constructor(capacity = 1024) {
    let n = 16;
    while (n < capacity * 2) n *= 2;
    this.keys = new Int32Array(n);
    this.values = new Int32Array(n);
    this.mask = n - 1;
  }

  /** Slot of `key`, or of the empty slot where it would go. Key 0 is reserved for "empty". */
  private slot(key: number): number {
    const keys = this.keys, mask = this.mask;
    let i = Math.imul(key, 0x9e3779b1) >>> 0 & mask; // Fibonacci scattering: term hashes are already mixed, bucket keys too
    while (keys[i] !== EMPTY && keys[i] !== key) i = (i + 1) & mask;
    return i;
  }

  /** The value stored for `key`, or 0 when absent. */
  get(key: number): number {
    return this.values[this.slot(checked(key))];
  }

  /** The values of keys[0, n) into out[0, n) (0 when absent): one tight loop, for the weighing of every term of a document. */
  getAll(keys: Int32Array, n: number, out: Int32Array): void {
    const tableKeys = this.keys, values = this.values, mask = this.mask;
    for (let k = 0; k < n; k++) {
      const key = checked(keys[k]);
      let i = Math.imul(key, 0x9e3779b1) >>> 0 & mask; // as slot()
      while (tableKeys[i] !== EMPTY && tableKeys[i] !== key) i = (i + 1) & mask;
      out[k] = values[i];
    }
  }

  set(key: number, value: number): void {
    const i = this.slot(checked(key));
    if (this.keys[i] === EMPTY) {
      this.keys[i] = key;
      if (++this.size * 2 > this.keys.length) {
        this.values[i] = value;
        this.grow();
        return;
      }
    }
    this.values[i] = value;
  }

  /** Adds `delta` to the value of `key` (absent counts as 0) and returns the new value. */
  add(key: number, delta: number): number {
    const i = this.slot(checked(key));
    if (this.keys[i] === EMPTY) {
      this.keys[i] = key;
      this.values[i] = delta;
      if (++this.size * 2 > this.keys.length) this.grow();
      return delta;
    }
    return (this.values[i] += delta);
  }

  /** Drops every entry whose value fails `keep`, and shrinks the arrays to fit the rest. */
  retain(keep: (value: number) => boolean): void {
    const keys = this.keys, values = this.values;
    let live = 0;
    for (let i = 0; i < keys.length; i++) if (keys[i] !== EMPTY && keep(values[i])) live++;
    this.rebuild(live, (put) => {
      for (let i = 0; i < keys.length; i++) if (keys[i] !== EMPTY && keep(values[i])) put(keys[i], values[i]);
    });
  }

  private grow(): void {
    const keys = this.keys, values = this.values;
    this.rebuild(this.size * 2, (put) => {
      for (let i = 0; i < keys.length; i++) if (keys[i] !== EMPTY) put(keys[i], values[i]);
    });
  }

  private rebuild(capacity: number, fill: (put: (k: number, v: number) => void) => void): void {
    let n = 16;
    while (n < capacity * 2) n *= 2;
    this.keys = new Int32Array(n);
    this.values = new Int32Array(n);
    this.mask = n - 1;
    this.size = 0;
    fill((k, v) => {
      const i = this.slot(k);
      this.keys[i] = k;
      this.values[i] = v;
      this.size++;
    });
  }
}

function checked(key: number): number {
  if (key === EMPTY || key !== (key | 0)) throw new RangeError(`IntTable keys are non-zero 32-bit integers, not ${key}`);
  return key;
}
