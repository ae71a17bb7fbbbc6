// Web sources → RawFiles: fetch each URL, expand feeds and sitemaps into their articles, and keep
// one copy per article (deduped on the canonical URL and on the content hash).
import type { Message, RawFile, SourceHints } from '../../types.js';
import { message } from '../../messages.js';
import { sha256 } from '../../ids.js';
import type { Fetcher, Origin } from './fetcher.js';
import { decodeFeedBytes, parseFeed, sniffFeedKind, type FeedEntry } from './feed.js';
import { canonicalFromHtml } from './canonical-link.js';
import { MAX_ITEMS_PER_FEED, MAX_SITEMAP_DEPTH } from './tunables.js';
import { canonicalUrl, parseFetchable } from './url.js';

/** What a run (or a whole `watch` session) has already taken, so nothing is ingested twice. */
export interface SeenState {
  keys: Set<string>;
  hashes: Set<string>;
}

export const newSeenState = (): SeenState => ({ keys: new Set(), hashes: new Set() });

export interface CollectOptions {
  seen?: SeenState;
  maxItemsPerFeed?: number;
  /** Called after each fetch; `total` grows as feeds reveal their items. */
  progress?: (done: number, total: number, label: string) => void;
}

export interface FeedReport {
  source: string;
  kind: string;
  items: number;
  /** True when the feed came back 304 (nothing new). */
  unchanged: boolean;
}

interface Candidate {
  raw: RawFile;
  /** Canonical form of the URL as asked for (the key may differ after redirects or rel=canonical). */
  preKey: string | null;
  hash: string;
}

export interface WebCollected {
  raws: RawFile[];
  messages: Message[];
  feeds: FeedReport[];
}

/** Fetches the sources (URLs as typed by the user) and everything their feeds and sitemaps list. */
export async function collectWeb(sources: string[], fetcher: Fetcher, options: CollectOptions = {}): Promise<WebCollected> {
  const seen = options.seen ?? newSeenState();
  const maxItems = options.maxItemsPerFeed ?? MAX_ITEMS_PER_FEED;
  const messages: Message[] = [];
  const feeds: FeedReport[] = [];
  let done = 0;
  let total = sources.length;
  const info = (rule: string, reason: string, source: string) => messages.push(message('ingest', rule, reason, { source }, 'info'));

  /** Found URLs being fetched in this call, so two feeds listing one article fetch it once. */
  const reserved = new Set<string>();

  /** Fetches one URL; a feed or sitemap recurses into its items. Returns articles in feed order.
   *  `hints` are what the listing feed said about the URL; they ride along on the article's RawFile. */
  async function take(url: string, origin: Origin, depth: number, hints?: SourceHints): Promise<Candidate[]> {
    let preKey: string | null = null;
    const parsed = parseFetchable(url);
    if (parsed.ok) {
      preKey = canonicalUrl(parsed.url);
      if (origin === 'found') {
        if (seen.keys.has(preKey) || reserved.has(preKey)) {
          info('duplicate-url', `already ingested as ${preKey}`, url);
          progressStep(url);
          return [];
        }
        reserved.add(preKey);
      }
    }
    const result = await fetcher.fetch(url, origin, url);
    progressStep(url);
    messages.push(...result.messages);
    if (!result.ok) return [];
    const kind = sniffFeedKind(new TextDecoder('utf-8').decode(result.bytes.subarray(0, 4096)));
    if (kind) {
      if (depth > MAX_SITEMAP_DEPTH) {
        messages.push(message('ingest', 'feed-too-deep', `a ${kind} nested more than ${MAX_SITEMAP_DEPTH} levels deep; not followed`, { source: url }));
        return [];
      }
      const feed = parseFeed(decodeFeedBytes(result.bytes, result.contentType, url), result.finalUrl);
      if (!feed) return [];
      feeds.push({ source: url, kind: feed.kind, items: feed.entries.length, unchanged: result.fromCache });
      let entries = feed.entries;
      if (entries.length > maxItems) {
        info('feed-truncated', `${entries.length} items; taking the first ${maxItems}`, url);
        entries = entries.slice(0, maxItems);
      }
      if (!entries.length) info('empty-feed', `this ${feed.kind} lists no items`, url);
      total += entries.length;
      const nested = await Promise.all(entries.map((e) => take(e.url, 'found', depth + 1, hintsOf(e, url))));
      return nested.flat();
    }
    const canonical = canonicalFromHtml(result.bytes, result.finalUrl);
    const withDate = result.lastModified ? { ...hints, lastModified: result.lastModified } : hints;
    return [{
      raw: { source: url, key: canonicalUrl(canonical ?? result.finalUrl), bytes: result.bytes, contentType: result.contentType, ...(withDate ? { hints: withDate } : {}) },
      preKey,
      hash: sha256(result.bytes),
    }];
  }

  function progressStep(label: string) {
    options.progress?.(++done, total, label);
  }

  // Fetches run concurrently (the host queue keeps them polite); dedupe runs afterwards in source and
  // feed order, so which copy is kept (and so the document id) does not depend on network timing.
  const candidates = (await Promise.all(sources.map((s) => take(s, 'typed', 0)))).flat();
  const raws: RawFile[] = [];
  for (const { raw, preKey, hash } of candidates) {
    if (seen.keys.has(raw.key)) info('duplicate-url', `same article as ${raw.key}, already ingested`, raw.source);
    else if (seen.hashes.has(hash)) info('duplicate-content', 'the same bytes as a page already ingested under another URL', raw.source);
    else {
      seen.keys.add(raw.key);
      if (preKey) seen.keys.add(preKey);
      seen.hashes.add(hash);
      raws.push(raw);
    }
  }
  return { raws, messages, feeds };
}

/** The entry's article metadata as RawFile hints (only the fields the entry has). */
function hintsOf(entry: FeedEntry, feed: string): SourceHints {
  const hints: SourceHints = { feed };
  if (entry.title) hints.title = entry.title;
  if (entry.publishedAt) hints.publishedAt = entry.publishedAt;
  if (entry.author) hints.author = entry.author;
  if (entry.outlet) hints.outlet = entry.outlet;
  return hints;
}
