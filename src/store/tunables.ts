// Every store setting in one place, each with the reason it has its value.

/** The store file used when --db is not given: beside the user's work, easy to find and delete. */
export const DEFAULT_DB_PATH = 'newsdesk.db';

/** The path that keeps nothing: SQLite's private in-memory database, gone when the run ends. */
export const MEMORY_DB = ':memory:';

/** How long a writer waits for another process holding the lock (e.g. a second CLI run or the web
 *  UI) before giving up; WAL readers never block, so this only covers writer/writer overlap. */
export const BUSY_TIMEOUT_MS = 5000;

/** The same while a store is opened and migrated: processes opening one new file at once (a worker per
 *  core) take turns applying the schema, and on a loaded machine the sixth waited past 5 s for the others. */
export const OPEN_BUSY_TIMEOUT_MS = 60_000;

/** The pause before opening again when SQLite refused a lock race at once (not after the timeout above). */
export const OPEN_RETRY_MS = 25;

/** The trigram tokenizer indexes three-character pieces, so shorter terms (most Korean words are
 *  two syllables: 서울, 투자) cannot use the FTS index and fall back to a LIKE scan. */
export const TRIGRAM_MIN_CHARS = 3;

/** Hits returned by search() unless the caller asks for another number: one screen of results. */
export const DEFAULT_SEARCH_LIMIT = 20;

/** Characters of context shown on each side of a search hit in its snippet. */
export const SNIPPET_CONTEXT_CHARS = 40;

/** Connections one process keeps to PostgreSQL: a run writes on one while the workbench or a
 *  worker's other jobs read on the rest; small, since several workers share one server. */
export const PG_POOL_SIZE = 4;

/** Times a PostgreSQL write transaction runs when it keeps losing deadlock races to other writers:
 *  each loss lets the other side finish, so a few are plenty; more would hide a real lock-order bug. */
export const PG_WRITE_ATTEMPTS = 5;

/** Sources whose newest error `doctor` lists: the ones a person can read through at a glance. */
export const HEALTH_ERRORS = 20;
