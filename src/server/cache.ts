// What the workbench keeps between requests: values built from the store, valid until the store
// changes. The store's stamp (Store.changeStamp) changes with any commit, this server's or another process's (a `digest`
// run on the same file), so a cached page is never older than the store it was built from.
import { CACHED_PAGES } from './tunables.js';

/** Values by key, all dropped at once when the stamp they were built under moves on. */
export class StampedCache<V> {
  private stamp: string | null = null;
  private readonly entries = new Map<string, V>();

  constructor(private readonly capacity = CACHED_PAGES) {}

  async get(stamp: string, key: string, make: () => V | Promise<V>): Promise<V> {
    if (stamp !== this.stamp) {
      this.entries.clear();
      this.stamp = stamp;
    }
    const hit = this.entries.get(key);
    if (hit !== undefined) return hit;
    const value = await make();
    if (stamp !== this.stamp) return value; // the store moved on while it was built: not kept
    // The oldest entry goes first: a workbench shows a handful of events at a time.
    if (this.entries.size >= this.capacity) this.entries.delete(this.entries.keys().next().value!);
    this.entries.set(key, value);
    return value;
  }
}
