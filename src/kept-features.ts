// The clustering features of a run kept in the store (cluster/stored-features.ts), as the orchestrator uses
// them: the features the read workers made are saved with their documents; before clustering, those of the
// stored documents the run did not read are read back into the run's Precounted, so clustering a large store
// counts only what this run read. A store that keeps nothing (`:memory:`) is not asked.
import type { NewsDoc } from './types.js';
import type { Store } from './store/index.js';
import { MEMORY_DB } from './store/index.js';
import { docFeatures, type DocFeatures, type Precounted } from './cluster/index.js';
import { textHash } from './cluster/precounted.js';
import { decodeFeatures, encodeFeatures, featuresKey } from './cluster/stored-features.js';

/** Keys asked of the store at once: bounds the rows (≈3 kB each for a news article) held before they are decoded. */
export const FEATURES_READ_BATCH = 1000;

export class KeptFeatures {
  /** Whether the store keeps features (not `:memory:`). */
  readonly keeps: boolean;
  private pending: [string, Uint8Array][] = [];
  /** Of the documents read back: features found in the store, and made here (stored by an older newsdesk, or never read with features). */
  readonly counts = { stored: 0, made: 0 };

  constructor(private readonly store: Store) {
    this.keeps = store.location !== MEMORY_DB;
  }

  /** Queues features made of a document this run read; saved with the next `flush`. */
  add(features: DocFeatures): void {
    if (this.keeps) this.pending.push([featuresKey(features.text), encodeFeatures(features)]);
  }

  async flush(): Promise<void> {
    if (!this.pending.length) return;
    await this.store.saveFeatures(this.pending);
    this.pending = [];
  }

  /**
   * Puts into `precounted` the features of the `docs` it lacks: as stored, else made here and stored for the
   * next run. Stops when `precounted` has no room left (clustering then counts the rest itself, as without them).
   */
  async load(docs: NewsDoc[], precounted: Precounted): Promise<void> {
    if (!this.keeps) return;
    const todo = docs.filter((d) => !precounted.has(d.id));
    let full = false;
    for (let from = 0; from < todo.length && !full; from += FEATURES_READ_BATCH) {
      const batch = todo.slice(from, from + FEATURES_READ_BATCH).map((doc) => {
        const text = textHash(doc);
        return { doc, text, key: featuresKey(text) };
      });
      const stored = await this.store.features(batch.map((b) => b.key));
      for (const { doc, text, key } of batch) {
        const bytes = stored.get(key);
        let features = bytes ? decodeFeatures(bytes, text) : null;
        if (features) this.counts.stored++;
        else {
          features = docFeatures(doc);
          this.add(features);
          this.counts.made++;
        }
        if (!precounted.keep(doc.id, features, true)) {
          full = true;
          break;
        }
      }
      await this.flush();
    }
  }
}
