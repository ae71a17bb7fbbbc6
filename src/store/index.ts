// store: the edge that keeps documents, clusters and runs between runs. Backend-neutral contract in
// store.ts (every backend passes contract.test.ts); one folder per backend: sqlite/ (the embedded
// default, nothing to install) and postgres/ (a server several processes share).
import { SqliteStore } from './sqlite/index.js';
import { isPostgresUrl } from './postgres/location.js';
import type { Store } from './store.js';
import { DEFAULT_DB_PATH, MEMORY_DB } from './tunables.js';

export type * from './store.js';
export { toNewsDoc, countMessages, writtenOf } from './store.js';
export { DEFAULT_DB_PATH, MEMORY_DB } from './tunables.js';
export { isPostgresUrl, START_POSTGRES } from './postgres/location.js';

/**
 * Opens (creating and migrating when needed) the store at `location`: a postgres:// address (with an
 * optional ?schema=NAME) opens PostgreSQL, anything else is a SQLite file; `:memory:` keeps nothing.
 */
export async function openStore(location: string): Promise<Store> {
  // pg is loaded only by a run that opens PostgreSQL.
  return isPostgresUrl(location) ? (await import('./postgres/index.js')).PgStore.open(location) : new SqliteStore(location);
}

/** The store a command uses without --db: $NEWSDESK_DB (e.g. a postgres:// address) or ./newsdesk.db. */
export function defaultStoreLocation(env: NodeJS.ProcessEnv = process.env): string {
  return env.NEWSDESK_DB || DEFAULT_DB_PATH;
}

/** A location that is a file on this machine (not `:memory:`, not a server). */
export const isFileStore = (location: string) => location !== MEMORY_DB && !isPostgresUrl(location);
