// store: the edge that keeps documents, clusters and runs between runs. Backend-neutral contract in
// store.ts (every backend passes contract.test.ts); the SQLite backend in sqlite/.
import { SqliteStore } from './sqlite/index.js';
import type { Store } from './store.js';

export type * from './store.js';
export { toNewsDoc, countMessages } from './store.js';
export { DEFAULT_DB_PATH, MEMORY_DB } from './tunables.js';

/** Opens (creating and migrating when needed) the store at `location`; `:memory:` keeps nothing. */
export async function openStore(location: string): Promise<Store> {
  return new SqliteStore(location);
}
