// Every workbench setting in one place, each with the reason it has its value.

/** The port `newsdesk serve` listens on unless --port says otherwise (unused by common dev servers). */
export const DEFAULT_PORT = 4321;

/** Loopback by default: the workbench edits posts and reads the store, so the network must opt in. */
export const DEFAULT_HOST = '127.0.0.1';

/** Seconds a client is told to wait (Retry-After) when the store does not answer: as long as a queue worker waits. */
export const STORE_RETRY_AFTER_S = 5;

/** Events per page of the list: one screen on a laptop, a few scrolls on a phone. */
export const EVENTS_PER_PAGE = 20;

/** Search hits read from the store before they are folded into events; a page of events needs fewer. */
export const SEARCH_HIT_LIMIT = 500;

/** Files one upload may carry: a day's folder of clippings, not a whole archive (use the CLI for that). */
export const MAX_UPLOAD_FILES = 50;

/** Bytes one uploaded file may have: the CLI's default --max-file-mb, so both edges refuse the same. */
export const MAX_UPLOAD_FILE_BYTES = 10 * 1024 * 1024;

/** Bytes of one request body: the file cap times a few files; larger bodies are refused before parsing. */
export const MAX_REQUEST_BYTES = 60 * 1024 * 1024;

/** URLs and pasted texts one request may add: enough for a day's sources, few enough to stay polite. */
export const MAX_SOURCES_PER_REQUEST = 100;

/** How long a finished add-sources job stays visible before it is forgotten (its results are in the store). */
export const JOB_RETENTION_MS = 60 * 60 * 1000;

/** Delay before the live preview re-renders while typing: fast enough to feel live, few requests. */
export const PREVIEW_DEBOUNCE_MS = 250;

/** Rendered event pages kept until the store changes: the events a person is comparing, not the archive. */
export const CACHED_PAGES = 64;
