// Every web-ingest default in one place, each with the reason it has its value.

/** Sent on every request and matched against robots.txt groups, so site owners can tell us apart. */
export const USER_AGENT = 'newsdesk/0.1 (+https://github.com/newsdesk)';
/** The product token robots.txt groups are matched against (case-insensitive). */
export const ROBOTS_AGENT_TOKEN = 'newsdesk';

/** A host that does not accept a connection in this time is down or filtering us. */
export const CONNECT_TIMEOUT_MS = 10_000;
/** Whole-request budget (headers + body); a news page that takes longer is a stuck server. */
export const TOTAL_TIMEOUT_MS = 30_000;
/** One source's whole budget (robots, retries, redirects, a slow-dripping body): a source never holds a run longer. */
export const SOURCE_BUDGET_MS = 60_000;
/** robots.txt read at most (RFC 9309 §2.5: crawlers parse at least 500 KiB; the rest is ignored). */
export const ROBOTS_MAX_BYTES = 500 * 1024;
/** Bodies larger than this are aborted mid-stream: a news page is far smaller (same as ingest's file cap). */
export const MAX_BODY_BYTES = 10 * 1024 * 1024;
/** More hops than this is a misconfigured site; browsers allow ~20, articles need 1–2. */
export const MAX_REDIRECTS = 5;

/** Be polite by default: one request at a time per host ... */
export const PER_HOST_CONCURRENCY = 1;
/** ... and this far apart (start to start). */
export const PER_HOST_DELAY_MS = 1000;
/** A robots.txt Crawl-delay above this is capped, so one site cannot stall a run for minutes. */
export const MAX_CRAWL_DELAY_MS = 30_000;

/** Retries after the first attempt for 429, 5xx, timeouts and dropped connections. */
export const MAX_RETRIES = 3;
/** First backoff wait; doubles per retry (with jitter) when the server gives no Retry-After. */
export const RETRY_BASE_MS = 1000;
/** A Retry-After longer than this is not waited for: the source fails with a message instead. */
export const MAX_RETRY_AFTER_MS = 60_000;

/** Items taken from one feed or sitemap; big sitemaps list tens of thousands of URLs. */
export const MAX_ITEMS_PER_FEED = 500;
/** Sitemap indexes may nest; deeper than this is a loop or a mistake. */
export const MAX_SITEMAP_DEPTH = 2;

/** Query parameters that only track the click and never select content. */
export const TRACKING_PARAMS: RegExp[] = [
  /^utm_/i,
  /^(fbclid|gclid|dclid|msclkid|yclid|igshid|mc_cid|mc_eid|_ga|_gl|spm|ref_src|cmpid|ncid)$/i,
  /^(from|ref|referrer|sns|share|fromrss|rss|rssid|utm)$/i,
];
/** Query parameters that ask for the AMP rendering of the same article. */
export const AMP_PARAMS: Record<string, RegExp> = {
  outputType: /^amp$/i,
  amp: /^(1|true|)$/i,
  output: /^amp$/i,
};
/** Host prefixes of mobile/AMP mirrors that serve the same article as the main host. */
export const MIRROR_HOST_PREFIXES = ['m.', 'mobile.', 'amp.'];
/** robots.txt is re-read after this long (RFC 9309 suggests caching at most 24 h), which matters for `watch`. */
export const ROBOTS_TTL_MS = 24 * 60 * 60 * 1000;
