// store: the edge that keeps documents, clusters and runs between runs. Backend-neutral contract in
// store.ts; the SQLite backend in sqlite/.
import type { DigestResult } from '../types.js';
import { SqliteStore } from './sqlite/index.js';
import { MEMORY_DB } from './tunables.js';
import type { RunSummary } from './store.js';

export type * from './store.js';
export { toNewsDoc } from './store.js';
export { SqliteStore, countMessages } from './sqlite/index.js';
export { DEFAULT_DB_PATH, MEMORY_DB } from './tunables.js';

/** Opens (creating and migrating when needed) the store at `path`; `:memory:` keeps nothing. */
export function openStore(path: string): SqliteStore {
  return new SqliteStore(path);
}

/** Saves one run and closes the store. With `:memory:` the run is still written (so the same code
 *  path runs) but nothing is kept, so the summary has no run id. */
export function persistRun(dbPath: string, result: DigestResult, args: string[], startedAt?: Date): RunSummary {
  const store = openStore(dbPath);
  try {
    const summary = store.persist(result, args, startedAt);
    return dbPath === MEMORY_DB ? { ...summary, runId: null } : summary;
  } finally {
    store.close();
  }
}
