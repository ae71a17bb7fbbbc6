// Source arguments for `digest`, `add` and `watch`: files and folders, http(s) URLs of articles,
// feeds and sitemaps, and source lists (`--sources FILE`, or a `.sources`/`.list` file named directly).
import type { Message, RawFile } from '../types.js';
import type { Inputs } from '../pipeline.js';
import { message, ConfigError } from '../messages.js';
import { listInputs, readRaw, type ListOptions } from '../ingest/index.js';
import type { CollectOptions, FetcherOptions, HttpCache, WebCollected } from '../ingest/web/index.js';
import { looksLikeUrl, parseFetchable } from '../ingest/web/url.js';
import { readSourceList } from '../ingest/web/source-list.js';
import { defaultStoreLocation, openStore, type Store } from '../store/index.js';

/** parseArgs options shared by every command that reads web sources. */
export const WEB_ARG_OPTIONS = {
  sources: { type: 'string', multiple: true },
  'allow-host': { type: 'string', multiple: true },
  'per-host': { type: 'string' },
  delay: { type: 'string' },
  timeout: { type: 'string' },
  retries: { type: 'string' },
} as const;

/** Options every reading command (digest, add, watch) takes: the store, the size cap, quiet, help and the web. */
export const INPUT_ARG_OPTIONS = {
  db: { type: 'string', default: defaultStoreLocation() },
  'max-file-mb': { type: 'string' },
  'max-files': { type: 'string' },
  quiet: { type: 'boolean', default: false },
  debug: { type: 'boolean', default: false },
  help: { type: 'boolean', short: 'h', default: false },
  queue: { type: 'string' },
  ...WEB_ARG_OPTIONS,
} as const;

export const QUEUE_USAGE = `  --queue URL       hand the sources to \`newsdesk worker\`s through this Redis queue (redis://host:6379)
                    instead of reading them here; NEWSDESK_QUEUE sets it too (see README "Scale out")`;

export const WEB_USAGE = `
  Sources may also be http(s) URLs of articles, RSS 2.0 / RSS 1.0 / Atom feeds, sitemaps,
  sitemap indexes and Google News sitemaps; feeds and sitemaps are expanded into their articles.
  --sources FILE    a list of sources, one URL or path per line, # comments (files ending in
                    .sources or .list are read as lists when named directly, too)
  --allow-host H    let feeds and sitemaps point at host H even though it is loopback/private
                    (URLs you type yourself may always be loopback; found ones may not)
  --per-host N      requests at a time per host (default: 1)
  --delay D         pause between requests to one host, e.g. 1s, 500ms (default: 1s)
  --timeout D       give up on a request after D, e.g. 30s (default: 30s)
  --retries N       retries on 429, 5xx and timeouts (default: 3)
  robots.txt is honoured (user agent "newsdesk"); unchanged pages are revalidated with
  ETag/Last-Modified and reused from the store.`;

const UNIT_MS: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 };

/** `10m`, `30s`, `200ms`, `1h`, `2d`, or a bare number of seconds → milliseconds. */
export function parseDuration(text: string, flag: string): number {
  const m = text.trim().match(/^(\d+(?:\.\d+)?)\s*(ms|s|m|h|d)?$/i);
  if (!m) throw new ConfigError(`${flag} takes a duration like 500ms, 30s, 10m, 1h or 2d, not "${text}"`);
  return Math.round(Number(m[1]) * UNIT_MS[(m[2] ?? 's').toLowerCase()]);
}

function count(text: string | undefined, flag: string, min: number): number | undefined {
  if (text === undefined) return undefined;
  const n = Number(text);
  if (!Number.isInteger(n) || n < min) throw new ConfigError(`${flag} takes a whole number ≥ ${min}, not "${text}"`);
  return n;
}

type WebValues = {
  'allow-host'?: string[];
  'per-host'?: string;
  delay?: string;
  timeout?: string;
  retries?: string;
  'max-file-mb'?: string;
};

/** Folder-walk options from parsed command-line values. */
export const listOptionsFrom = (values: { 'max-files'?: string }): ListOptions => ({ maxFiles: count(values['max-files'], '--max-files', 1) });

/** Fetcher options from parsed command-line values. */
export function fetcherOptionsFrom(values: WebValues): FetcherOptions {
  const maxMb = values['max-file-mb'] === undefined ? undefined : Number(values['max-file-mb']);
  return {
    allowHosts: values['allow-host'] ?? [],
    perHostConcurrency: count(values['per-host'], '--per-host', 1),
    perHostDelayMs: values.delay === undefined ? undefined : parseDuration(values.delay, '--delay'),
    totalTimeoutMs: values.timeout === undefined ? undefined : parseDuration(values.timeout, '--timeout'),
    maxRetries: count(values.retries, '--retries', 0),
    maxBodyBytes: maxMb && maxMb > 0 ? maxMb * 1024 * 1024 : undefined,
  };
}

/** The validator cache for conditional GETs, in the store's database (in memory for `:memory:`). */
export async function openHttpCache(dbPath: string): Promise<{ cache: HttpCache; close(): Promise<void> }> {
  const store = await openStore(dbPath);
  return { cache: store.httpCache(), close: () => store.close() };
}

export interface SplitSources {
  paths: string[];
  urls: string[];
  messages: Message[];
}

const isListFile = (p: string) => /\.(sources|list)$/i.test(p);

/** Sorts arguments (and the contents of source lists) into file paths and web URLs; other schemes are refused. */
export function splitSources(args: string[], lists: string[] = []): SplitSources {
  const out: SplitSources = { paths: [], urls: [], messages: [] };
  const seenLists = new Set<string>();
  const visit = (arg: string, fromList: boolean) => {
    if (looksLikeUrl(arg)) {
      const parsed = parseFetchable(arg);
      if (parsed.ok) out.urls.push(arg);
      else out.messages.push(message('ingest', parsed.rule, parsed.reason, { source: arg }, 'error'));
    } else if (isListFile(arg) && !fromList) readList(arg);
    else out.paths.push(arg);
  };
  const readList = (path: string) => {
    if (seenLists.has(path)) return;
    seenLists.add(path);
    const list = readSourceList(path);
    out.messages.push(...list.messages);
    for (const s of list.sources) visit(s, true);
  };
  for (const l of lists) readList(l);
  for (const a of args) visit(a, false);
  return out;
}

/** Lists files (read lazily, one at a time) and fetches web sources (in memory); the result feeds a run. */
export async function gatherInputs(
  args: string[],
  lists: string[],
  fetcherOptions: FetcherOptions,
  /** Where the HTTP validator cache lives: an open store, or the --db its command was given. */
  cacheIn: string | Store,
  progress?: CollectOptions['progress'],
  listOptions: ListOptions = {},
): Promise<Inputs> {
  const split = splitSources(args, lists);
  const listing = listInputs(split.paths, listOptions);
  let web: WebCollected | null = null;
  if (split.urls.length) {
    const http = typeof cacheIn === 'string' ? await openHttpCache(cacheIn) : { cache: cacheIn.httpCache(), close: async () => {} };
    // The web's modules (undici, linkedom for feeds) only for a run with URLs.
    const { Fetcher, collectWeb } = await import('../ingest/web/index.js');
    const fetcher = new Fetcher({ ...fetcherOptions, cache: http.cache });
    try {
      web = await collectWeb(split.urls, fetcher, { progress });
    } finally {
      await fetcher.close();
      await http.close();
    }
  }
  const files = listing.files;
  const webRaws = web?.raws ?? [];
  return {
    raws: (function* () {
      for (const f of files) yield readRaw(f, { maxFileBytes: fetcherOptions.maxBodyBytes });
      yield* webRaws;
    })(),
    total: files.length + webRaws.length,
    messages: [...split.messages, ...listing.messages, ...(web?.messages ?? [])],
  };
}
