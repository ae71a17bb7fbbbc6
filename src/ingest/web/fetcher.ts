// The polite, defensive HTTP edge: one URL in, bytes + content type out, or a clear per-source message.
// Safety gate → robots.txt → per-host queue → conditional GET → retries → redirects → size cap.
import { Agent, request } from 'undici';
import { Readable, pipeline, type Transform } from 'node:stream';
import { lookup as dnsLookup, type LookupAddress, type LookupOptions } from 'node:dns';
import { createBrotliDecompress, createGunzip, createInflate, createInflateRaw } from 'node:zlib';
import type { Message } from '../../types.js';
import { ConfigError, message } from '../../messages.js';
import type { HttpCache } from './http-cache.js';
import { checkHostAddress, normaliseHost, type ResolvedAddress } from './address.js';
import { HostQueue, sleep, type HostGate, type SharedRobots } from './host-queue.js';
import { ALLOW_ALL, DISALLOW_ALL, isAllowed, parseRobots, type Robots } from './robots.js';
import * as T from './tunables.js';
import { hostKey, parseFetchable } from './url.js';

export interface FetcherOptions {
  userAgent?: string;
  connectTimeoutMs?: number;
  totalTimeoutMs?: number;
  maxBodyBytes?: number;
  maxRedirects?: number;
  perHostConcurrency?: number;
  perHostDelayMs?: number;
  maxRetries?: number;
  retryBaseMs?: number;
  maxRetryAfterMs?: number;
  /** Wall time one source may take in all (retries, redirects and a slow body included). */
  sourceBudgetMs?: number;
  /** Hosts or addresses that found URLs may point at even though they are loopback/private. */
  allowHosts?: string[];
  /** Validator cache for conditional GETs; without one every fetch is unconditional. */
  cache?: HttpCache;
  /** Aborts waits and requests in flight (watch's Ctrl-C). */
  signal?: AbortSignal;
  /** Per-host politeness shared with other processes (queue workers); this process's own HostQueue by default. */
  hostGate?: HostGate;
  /** robots.txt read once for all the processes sharing `hostGate`. */
  sharedRobots?: SharedRobots;
}

/** Where a URL came from: typed by the user (trusted, may be loopback) or found inside a feed/sitemap. */
export type Origin = 'typed' | 'found';

export interface Fetched {
  ok: true;
  /** The URL as asked for. */
  url: string;
  /** The URL after redirects. */
  finalUrl: string;
  status: number;
  contentType?: string;
  bytes: Uint8Array;
  /** True when a 304 let us reuse the stored body. */
  fromCache: boolean;
  /** The Last-Modified header of the page (the stored one after a 304), a date source of last resort. */
  lastModified?: string;
  messages: Message[];
}

export interface FetchFailed {
  ok: false;
  url: string;
  /** The rule of the error message (`http-404`, `timeout`, `too-large` …). */
  rule: string;
  messages: Message[];
}

export type FetchResult = Fetched | FetchFailed;

type Outcome =
  | { kind: 'response'; status: number; headers: Record<string, string>; bytes: Uint8Array }
  | { kind: 'too-large'; bytes: number | null }
  | { kind: 'timeout'; phase: string }
  | { kind: 'network'; code: string; detail: string }
  | { kind: 'bad-encoding'; detail: string }
  | { kind: 'aborted' }
  | { kind: 'budget' };

/** How one source's requests are bounded: when they must be done, and whether a body past `keepHead`
 *  bytes is cut there and kept (robots.txt) instead of refused. */
interface ReadLimits {
  deadline: number;
  keepHead?: number;
}

const RETRY_NETWORK_CODES = new Set(['ECONNRESET', 'EPIPE', 'UND_ERR_SOCKET', 'ECONNABORTED', 'EAI_AGAIN']);
const REDIRECTS = new Set([301, 302, 303, 307, 308]);
const STATUS_TEXT: Record<number, string> = {
  400: 'Bad Request', 401: 'Unauthorized', 403: 'Forbidden', 404: 'Not Found', 410: 'Gone', 429: 'Too Many Requests',
  500: 'Internal Server Error', 502: 'Bad Gateway', 503: 'Service Unavailable', 504: 'Gateway Timeout',
};

/** `404 Not Found`, or the bare code when it has no common name. */
const describeStatus = (status: number): string => (STATUS_TEXT[status] ? `${status} ${STATUS_TEXT[status]}` : String(status));

/** Retry-After is seconds or an HTTP date; returns milliseconds from now, or null when absent/unreadable. */
export function parseRetryAfter(value: string | undefined, now = Date.now()): number | null {
  if (!value) return null;
  const v = value.trim();
  if (/^\d+$/.test(v)) return Number(v) * 1000;
  const t = Date.parse(v);
  return Number.isNaN(t) ? null : Math.max(0, t - now);
}

const mb = (n: number) => `${(n / 1048576).toFixed(n < 1048576 ? 2 : 0)} MB`;

export class Fetcher {
  readonly options: Required<Omit<FetcherOptions, 'cache' | 'signal' | 'allowHosts' | 'hostGate' | 'sharedRobots'>>;
  private readonly allowHosts: Set<string>;
  private readonly cache?: HttpCache;
  private readonly signal?: AbortSignal;
  private readonly queue: HostGate;
  private readonly sharedRobots?: SharedRobots;
  private readonly agent: Agent;
  private readonly robots = new Map<string, { at: number; robots: Promise<Robots> }>();
  /** Addresses the safety gate approved per host name; connections to that host use only these, so a
   *  second DNS answer (DNS rebinding) cannot swap in an internal address after the check. */
  private readonly pinned = new Map<string, ResolvedAddress[]>();

  constructor(options: FetcherOptions = {}) {
    this.options = {
      userAgent: options.userAgent ?? T.USER_AGENT,
      connectTimeoutMs: options.connectTimeoutMs ?? T.CONNECT_TIMEOUT_MS,
      totalTimeoutMs: options.totalTimeoutMs ?? T.TOTAL_TIMEOUT_MS,
      maxBodyBytes: options.maxBodyBytes ?? T.MAX_BODY_BYTES,
      maxRedirects: options.maxRedirects ?? T.MAX_REDIRECTS,
      perHostConcurrency: options.perHostConcurrency ?? T.PER_HOST_CONCURRENCY,
      perHostDelayMs: options.perHostDelayMs ?? T.PER_HOST_DELAY_MS,
      maxRetries: options.maxRetries ?? T.MAX_RETRIES,
      retryBaseMs: options.retryBaseMs ?? T.RETRY_BASE_MS,
      maxRetryAfterMs: options.maxRetryAfterMs ?? T.MAX_RETRY_AFTER_MS,
      sourceBudgetMs: options.sourceBudgetMs ?? T.SOURCE_BUDGET_MS,
    };
    const o = this.options;
    for (const [name, v] of Object.entries(o)) {
      if (typeof v === 'number' && !(v >= 0 && Number.isFinite(v))) throw new ConfigError(`fetcher option ${name} must be a number ≥ 0, not ${v}`);
    }
    if (o.perHostConcurrency < 1) throw new ConfigError('per-host concurrency must be at least 1 (requests at a time per host)');
    this.allowHosts = new Set((options.allowHosts ?? []).map(normaliseHost));
    this.cache = options.cache;
    this.signal = options.signal;
    this.queue = options.hostGate ?? new HostQueue(o.perHostConcurrency, o.perHostDelayMs);
    this.sharedRobots = options.sharedRobots;
    this.agent = new Agent({
      connect: { timeout: o.connectTimeoutMs, lookup: this.pinnedLookup },
      headersTimeout: o.totalTimeoutMs,
      bodyTimeout: o.totalTimeoutMs,
      connections: o.perHostConcurrency,
    });
  }

  private readonly pinnedLookup = (
    hostname: string,
    options: LookupOptions,
    callback: (err: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void,
  ) => {
    const pins = this.pinned.get(normaliseHost(hostname));
    if (!pins) return dnsLookup(hostname, options, callback as never);
    if (options.all) callback(null, pins);
    else callback(null, pins[0].address, pins[0].family);
  };

  /** Closes pooled connections; call when the run is over so the process can exit. */
  async close() {
    await this.agent.close();
  }

  /** Fetches one URL. Never throws for content or network problems: they come back as a FetchFailed. */
  async fetch(rawUrl: string, origin: Origin, source = rawUrl): Promise<FetchResult> {
    const messages: Message[] = [];
    const place = { source };
    const fail = (rule: string, reason: string): FetchFailed => {
      messages.push(message('ingest', rule, reason, place, 'error'));
      return { ok: false, url: rawUrl, rule, messages };
    };
    const parsed = parseFetchable(rawUrl);
    if (!parsed.ok) return fail(parsed.rule, parsed.reason);
    const typedHost = origin === 'typed' ? normaliseHost(parsed.url.hostname) : null;
    const visited = new Set<string>();
    const deadline = Date.now() + this.options.sourceBudgetMs;
    let url = parsed.url;
    for (let hop = 0; ; hop++) {
      if (this.signal?.aborted) return fail('aborted', 'stopped before this source was fetched');
      visited.add(url.href);
      // Typed URLs may be loopback (a local test server, an intranet CMS you named yourself); anything a
      // feed, sitemap or redirect leads to elsewhere passes the address gate.
      if (normaliseHost(url.hostname) !== typedHost) {
        const gate = await checkHostAddress(url.hostname, this.allowHosts, hop > 0 ? 'redirect' : 'feed');
        if (!gate.ok) return fail(gate.rule, gate.reason);
        if (gate.addresses?.length) this.pinned.set(normaliseHost(url.hostname), gate.addresses);
      }
      const robots = await this.robotsFor(url);
      if (robots.unreachable) return fail(robots.unreachableRule ?? 'robots-unreachable', robots.unreachable);
      if (!isAllowed(robots, url.pathname + url.search)) {
        return fail('robots-disallow', `robots.txt of ${url.host} disallows ${url.pathname}${url.search} for ${T.ROBOTS_AGENT_TOKEN}`);
      }
      const cached = await this.cache?.get(url.href);
      const headers: Record<string, string> = {};
      if (cached?.etag) headers['if-none-match'] = cached.etag;
      if (cached?.lastModified) headers['if-modified-since'] = cached.lastModified;

      const outcome = await this.withRetries(url, headers, messages, place, { deadline });
      if ('failed' in outcome) return fail(outcome.rule, outcome.reason);
      const { status, headers: h, bytes } = outcome;
      if (REDIRECTS.has(status)) {
        const location = h['location'];
        if (!location) return fail(`http-${status}`, `redirect ${status} without a Location header`);
        const next = parseFetchable(location, url.href);
        if (!next.ok) return fail(next.rule, `redirected to a refused URL: ${next.reason}`);
        if (visited.has(next.url.href)) return fail('redirect-loop', `redirect loop: ${url.href} leads back to ${next.url.href}`);
        if (hop + 1 > this.options.maxRedirects) {
          return fail('too-many-redirects', `more than ${this.options.maxRedirects} redirects (last to ${next.url.href})`);
        }
        url = next.url;
        continue;
      }
      if (status === 304) {
        if (!cached) return fail('http-304', 'the server answered 304 Not Modified to an unconditional request');
        await this.cache!.touch(url.href, new Date().toISOString());
        messages.push(message('ingest', 'not-modified', 'unchanged since the last fetch (304); reusing the stored copy', place, 'info'));
        return {
          ok: true, url: rawUrl, finalUrl: url.href, status, fromCache: true, messages, ...(cached.lastModified ? { lastModified: cached.lastModified } : {}),
          contentType: cached.contentType ?? undefined, bytes: cached.body,
        };
      }
      if (status < 200 || status >= 300) {
        return fail(`http-${status}`, `the server answered ${describeStatus(status)} for ${url.href}`);
      }
      const contentType = h['content-type'];
      const etag = h['etag'] ?? null;
      const lastModified = h['last-modified'] ?? null;
      if (this.cache && (etag || lastModified)) {
        await this.cache.put({ url: url.href, etag, lastModified, contentType: contentType ?? null, body: bytes, fetchedAt: new Date().toISOString() });
      }
      return { ok: true, url: rawUrl, finalUrl: url.href, status, contentType, bytes, fromCache: false, messages, ...(lastModified ? { lastModified } : {}) };
    }
  }

  /**
   * One request through the host queue, repeated on 429, 5xx, timeouts and dropped connections, all
   * before `limits.deadline` (the source's time budget: a body dripping a byte at a time ends there).
   */
  private async withRetries(
    url: URL,
    headers: Record<string, string>,
    messages: Message[],
    place: { source: string },
    limits: ReadLimits,
  ): Promise<{ status: number; headers: Record<string, string>; bytes: Uint8Array } | { failed: true; rule: string; reason: string }> {
    const o = this.options;
    const overBudget = (): { failed: true; rule: string; reason: string } =>
      ({ failed: true, rule: 'timeout', reason: `gave up on ${url.href} after the per-source budget of ${o.sourceBudgetMs / 1000} s (retries and slow bodies included)` });
    for (let attempt = 1; ; attempt++) {
      const outcome = await this.queue.run(hostKey(url), () => {
        const left = limits.deadline - Date.now();
        return left > 0 ? this.once(url, headers, Math.min(o.totalTimeoutMs, left), limits.keepHead) : Promise.resolve<Outcome>({ kind: 'budget' });
      }, this.signal);
      if (outcome.kind === 'budget' || (outcome.kind === 'timeout' && Date.now() >= limits.deadline)) return overBudget();
      let retryable = false;
      let wait: number | null = null;
      let what = '';
      switch (outcome.kind) {
        case 'response':
          if (outcome.status === 429 || outcome.status >= 500) {
            retryable = true;
            wait = parseRetryAfter(outcome.headers['retry-after']);
            what = `${outcome.status}`;
            if (wait !== null && wait > o.maxRetryAfterMs) {
              return {
                failed: true,
                rule: `http-${outcome.status}`,
                reason: `the server answered ${outcome.status} and asks to retry after ${Math.ceil(wait / 1000)} s, longer than the ${Math.ceil(o.maxRetryAfterMs / 1000)} s we wait`,
              };
            }
          }
          break;
        case 'timeout':
          retryable = true;
          what = `timeout (${outcome.phase})`;
          break;
        case 'network':
          retryable = RETRY_NETWORK_CODES.has(outcome.code);
          what = outcome.code;
          break;
        default:
          break;
      }
      if (retryable && attempt <= o.maxRetries && !this.signal?.aborted) {
        const backoff = o.retryBaseMs * 2 ** (attempt - 1) * (1 + Math.random() * 0.25);
        const delay = wait ?? backoff;
        if (Date.now() + delay >= limits.deadline) return overBudget();
        messages.push(
          message('ingest', 'retry', `${what}; retry ${attempt} of ${o.maxRetries} in ${(delay / 1000).toFixed(1)} s${wait !== null ? ' (Retry-After)' : ''}`, place, 'info'),
        );
        await sleep(delay, this.signal);
        continue;
      }
      const tries = attempt > 1 ? ` after ${attempt} attempts` : '';
      switch (outcome.kind) {
        case 'response':
          if (outcome.status === 429 || outcome.status >= 500) {
            return { failed: true, rule: `http-${outcome.status}`, reason: `the server answered ${describeStatus(outcome.status)}${tries}` };
          }
          return outcome;
        case 'timeout':
          return { failed: true, rule: 'timeout', reason: `${outcome.phase} timed out${tries} (connect ${o.connectTimeoutMs / 1000} s, total ${o.totalTimeoutMs / 1000} s)` };
        case 'network':
          return { failed: true, rule: 'network-error', reason: `${outcome.detail}${tries}` };
        case 'too-large':
          return {
            failed: true,
            rule: 'too-large',
            reason: `the body is ${outcome.bytes ? mb(outcome.bytes) + ', ' : ''}over the ${mb(o.maxBodyBytes)} limit; download stopped (raise --max-file-mb to allow it)`,
          };
        case 'bad-encoding':
          return { failed: true, rule: 'bad-encoding', reason: outcome.detail };
        case 'aborted':
          return { failed: true, rule: 'aborted', reason: 'stopped while fetching' };
      }
    }
  }

  /** One GET: reads at most maxBodyBytes (or the first `keepHead`) of (decompressed) body, within `timeoutMs`. */
  private async once(url: URL, extra: Record<string, string>, timeoutMs: number, keepHead?: number): Promise<Outcome> {
    const o = this.options;
    const ac = new AbortController();
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      ac.abort();
    }, timeoutMs);
    const onAbort = () => ac.abort();
    this.signal?.addEventListener('abort', onAbort, { once: true });
    let body: Readable | null = null;
    try {
      const res = await request(url, {
        method: 'GET',
        dispatcher: this.agent,
        signal: ac.signal,
        headers: {
          'user-agent': o.userAgent,
          accept: 'text/html,application/xhtml+xml,application/rss+xml,application/atom+xml,application/xml;q=0.9,text/*;q=0.8,*/*;q=0.5',
          'accept-encoding': 'gzip, deflate, br',
          'accept-language': 'ko,en;q=0.8',
          ...extra,
        },
      });
      body = res.body;
      const headers: Record<string, string> = {};
      for (const [k, v] of Object.entries(res.headers)) if (v !== undefined) headers[k.toLowerCase()] = Array.isArray(v) ? v.join(', ') : v;
      if (res.statusCode < 200 || res.statusCode >= 300) {
        await res.body.dump({ limit: 64 * 1024 }).catch(() => undefined);
        return { kind: 'response', status: res.statusCode, headers, bytes: new Uint8Array(0) };
      }
      const encoding = (headers['content-encoding'] ?? 'identity').trim().toLowerCase();
      const declared = Number(headers['content-length']);
      if (encoding === 'identity' && declared > o.maxBodyBytes && keepHead === undefined) {
        res.body.destroy();
        return { kind: 'too-large', bytes: declared };
      }
      const read = await readCapped(res.body, encoding, keepHead ?? o.maxBodyBytes, keepHead !== undefined);
      if (read.kind === 'too-large') ac.abort();
      return read.kind === 'bytes' ? { kind: 'response', status: res.statusCode, headers, bytes: read.bytes } : read;
    } catch (e) {
      body?.destroy();
      const err = e as NodeJS.ErrnoException;
      if (timedOut) return { kind: 'timeout', phase: body ? 'reading the body' : 'waiting for the response' };
      if (this.signal?.aborted) return { kind: 'aborted' };
      const code = err.code ?? (err.cause as NodeJS.ErrnoException | undefined)?.code ?? 'ERR';
      if (code === 'UND_ERR_CONNECT_TIMEOUT') return { kind: 'timeout', phase: 'connecting' };
      if (code === 'UND_ERR_HEADERS_TIMEOUT') return { kind: 'timeout', phase: 'waiting for the response' };
      if (code === 'UND_ERR_BODY_TIMEOUT') return { kind: 'timeout', phase: 'reading the body' };
      if (code === 'Z_DATA_ERROR' || code === 'Z_BUF_ERROR' || /incorrect header|invalid (block|distance|code)|unexpected end/i.test(err.message)) {
        return { kind: 'bad-encoding', detail: `the compressed body does not decompress: ${err.message}` };
      }
      const detail =
        code === 'ECONNREFUSED' ? `connection refused by ${url.host}`
        : code === 'ENOTFOUND' ? `no such host: ${url.hostname}`
        : `${url.host}: ${err.message}${code !== 'ERR' ? ` (${code})` : ''}`;
      return { kind: 'network', code, detail };
    } finally {
      clearTimeout(timer);
      this.signal?.removeEventListener('abort', onAbort);
    }
  }

  /** robots.txt per origin, fetched once (through the same queue) and kept for ROBOTS_TTL_MS. */
  private robotsFor(url: URL): Promise<Robots> {
    const key = url.origin;
    const hit = this.robots.get(key);
    if (hit && Date.now() - hit.at < T.ROBOTS_TTL_MS) return hit.robots;
    const robots = this.sharedRobotsFor(url.origin);
    this.robots.set(key, { at: Date.now(), robots });
    return robots;
  }

  /** Another worker's reading of robots.txt when there is one; else this one's, shared (unless unreachable: retried next time). */
  private async sharedRobotsFor(origin: string): Promise<Robots> {
    const known = await this.sharedRobots?.get(origin);
    if (known) return known;
    const robots = await this.loadRobots(new URL('/robots.txt', origin));
    if (!robots.unreachable) await this.sharedRobots?.put(origin, robots);
    return robots;
  }

  private async loadRobots(robotsUrl: URL): Promise<Robots> {
    const place = { source: robotsUrl.href };
    // RFC 9309 §2.5: at least 500 KiB are parsed; the rest of a larger file is never read.
    const limits = { deadline: Date.now() + this.options.sourceBudgetMs, keepHead: T.ROBOTS_MAX_BYTES };
    let url = robotsUrl;
    for (let hop = 0; hop <= this.options.maxRedirects; hop++) {
      const out = await this.withRetries(url, {}, [], place, limits);
      if ('failed' in out) {
        // RFC 9309: an unreachable robots.txt means "assume complete disallow" until it can be read
        // …but when the host itself is unreachable, say that rather than blame robots.txt
        if (out.rule === 'network-error' || out.rule === 'timeout' || out.rule === 'aborted') {
          return { ...DISALLOW_ALL, unreachable: out.reason, unreachableRule: out.rule };
        }
        return { ...DISALLOW_ALL, unreachable: `could not read ${url.href} (${out.reason}); not fetching from ${url.host} to be safe (RFC 9309)` };
      }
      if (REDIRECTS.has(out.status)) {
        const loc = out.headers['location'];
        const next = loc ? parseFetchable(loc, url.href) : null;
        // Only same-origin redirects: a robots redirect must not lead the fetcher anywhere new.
        if (!next?.ok || next.url.origin !== robotsUrl.origin) return ALLOW_ALL;
        url = next.url;
        continue;
      }
      if (out.status >= 400) return ALLOW_ALL; // 4xx: no robots.txt, everything allowed
      const text = new TextDecoder('utf-8').decode(out.bytes);
      // A file cut at the cap ends mid-line: that line is dropped, not misread.
      const robots = parseRobots(out.bytes.length >= T.ROBOTS_MAX_BYTES ? text.slice(0, text.lastIndexOf('\n') + 1) : text, T.ROBOTS_AGENT_TOKEN);
      if (robots.crawlDelayMs) this.queue.setHostDelay(hostKey(url), Math.min(robots.crawlDelayMs, T.MAX_CRAWL_DELAY_MS));
      return robots;
    }
    return ALLOW_ALL;
  }
}

/** Streams a body through the right decompressor, stopping as soon as it passes `max` bytes; with
 *  `keepHead` the first `max` bytes are the result instead of a refusal. */
async function readCapped(
  body: Readable,
  encoding: string,
  max: number,
  keepHead = false,
): Promise<{ kind: 'bytes'; bytes: Uint8Array } | { kind: 'too-large'; bytes: null } | { kind: 'bad-encoding'; detail: string }> {
  let stream: Readable = body;
  if (encoding !== 'identity' && encoding !== '') {
    const it = body[Symbol.asyncIterator]();
    const first = await it.next();
    if (first.done) return { kind: 'bytes', bytes: new Uint8Array(0) };
    const head = first.value as Buffer;
    let z: Transform;
    if (encoding === 'gzip' || encoding === 'x-gzip') z = createGunzip();
    else if (encoding === 'br') z = createBrotliDecompress();
    else if (encoding === 'deflate') {
      // "deflate" is meant to be zlib-wrapped, but some servers send raw deflate: tell by the header bytes
      const zlibWrapped = head.length >= 2 && (head[0] & 0x0f) === 8 && ((head[0] << 8) | head[1]) % 31 === 0;
      z = zlibWrapped ? createInflate() : createInflateRaw();
    } else {
      body.destroy();
      return { kind: 'bad-encoding', detail: `unsupported Content-Encoding "${encoding}"` };
    }
    const source = Readable.from(
      (async function* () {
        yield head;
        for (let r = await it.next(); !r.done; r = await it.next()) yield r.value as Buffer;
      })(),
    );
    stream = pipeline(source, z, () => undefined);
  }
  const chunks: Buffer[] = [];
  let total = 0;
  for await (const chunk of stream) {
    total += (chunk as Buffer).length;
    if (total > max) {
      stream.destroy();
      body.destroy();
      if (!keepHead) return { kind: 'too-large', bytes: null };
      chunks.push((chunk as Buffer).subarray(0, (chunk as Buffer).length - (total - max)));
      break;
    }
    chunks.push(chunk as Buffer);
  }
  return { kind: 'bytes', bytes: new Uint8Array(Buffer.concat(chunks)) };
}
