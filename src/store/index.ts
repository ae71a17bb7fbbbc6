// store: the edge that keeps documents, clusters and runs between runs. Backend-neutral contract in
// store.ts (every backend passes contract.test.ts); the SQLite backend in sqlite/.
import { SqliteStore } from './sqlite/index.js';

export type * from './store.js';
export { toNewsDoc, countMessages } from './store.js';
export { SqliteStore } from './sqlite/index.js';
export { DEFAULT_DB_PATH, MEMORY_DB } from './tunables.js';

/** Opens (creating and migrating when needed) the store at `path`; `:memory:` keeps nothing. */
export function openStore(path: string): SqliteStore {
  return new SqliteStore(path);
}
