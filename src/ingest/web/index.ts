// The web edge of ingest: URLs, feeds and sitemaps → RawFiles (bytes + content type), politely.
export { Fetcher, parseRetryAfter } from './fetcher.js';
export type { FetcherOptions, FetchResult, Fetched, FetchFailed, Origin } from './fetcher.js';
export { collectWeb, newSeenState } from './collect.js';
export type { CollectOptions, SeenState, WebCollected, FeedReport } from './collect.js';
export { parseFeed, sniffFeedKind } from './feed.js';
export type { Feed, FeedEntry, FeedKind } from './feed.js';
export { canonicalUrl, looksLikeUrl, parseFetchable } from './url.js';
export { readSourceList } from './source-list.js';
export { MemoryHttpCache } from './http-cache.js';
export type { HttpCache, CachedResponse } from './http-cache.js';
export { sleep } from './host-queue.js';
