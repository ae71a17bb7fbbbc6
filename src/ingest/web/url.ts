// URL rules: which schemes we fetch, and one canonical form per article so mirrors dedupe.
import { AMP_PARAMS, MIRROR_HOST_PREFIXES, TRACKING_PARAMS } from './tunables.js';

const FETCHABLE = new Set(['http:', 'https:']);

/** True for a string that carries a scheme (`https://…`, `file:…`, `data:…`), as opposed to a path.
 *  One-letter schemes are Windows drive letters, not URLs. */
export function looksLikeUrl(s: string): boolean {
  return /^[a-z][a-z0-9+.-]+:/i.test(s.trim());
}

export type ParsedUrl = { ok: true; url: URL } | { ok: false; rule: 'bad-url' | 'blocked-scheme'; reason: string };

/** Parses a URL and refuses every scheme but http(s): file:, data:, ftp: … could read local files or smuggle content. */
export function parseFetchable(raw: string, base?: string): ParsedUrl {
  let url: URL;
  try {
    url = new URL(raw.trim(), base);
  } catch {
    return { ok: false, rule: 'bad-url', reason: `"${raw}" is not a valid URL` };
  }
  if (!FETCHABLE.has(url.protocol)) {
    return {
      ok: false,
      rule: 'blocked-scheme',
      reason: `refused "${url.protocol}" URL: only http and https are fetched` +
        (url.protocol === 'file:' ? ' (to read a local file, pass its path instead)' : ''),
    };
  }
  if (url.username || url.password) {
    return { ok: false, rule: 'blocked-scheme', reason: 'refused a URL with credentials in it (user:password@host)' };
  }
  return { ok: true, url };
}

const isTracking = (name: string) => TRACKING_PARAMS.some((re) => re.test(name));
const isAmpParam = (name: string, value: string) => AMP_PARAMS[name]?.test(value) ?? false;

/**
 * The canonical form of an article URL: lower-case host without `www.`/mobile/AMP prefixes, no
 * default port, no fragment, no tracking or AMP parameters, remaining parameters sorted, no `/amp`
 * path suffix, no trailing slash (except the root). Two URLs of the same article compare equal.
 */
export function canonicalUrl(input: string | URL): string {
  const url = new URL(String(input));
  url.hash = '';
  let host = url.hostname.toLowerCase().replace(/\.$/, '');
  for (let changed = true; changed; ) {
    changed = false;
    for (const prefix of ['www.', ...MIRROR_HOST_PREFIXES]) {
      // keep at least a registrable-looking name (x.tld) after stripping
      if (host.startsWith(prefix) && host.slice(prefix.length).includes('.')) {
        host = host.slice(prefix.length);
        changed = true;
      }
    }
  }
  url.hostname = host;
  if ((url.protocol === 'http:' && url.port === '80') || (url.protocol === 'https:' && url.port === '443')) url.port = '';
  const kept = [...url.searchParams].filter(([k, v]) => !isTracking(k) && !isAmpParam(k, v));
  kept.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  url.search = kept.length ? new URLSearchParams(kept).toString() : '';
  let path = url.pathname.replace(/\/amp\/?$/i, '/').replace(/^\/amp(\/|$)/i, '/').replace(/\.amp(\.html?)?$/i, '$1');
  if (path.length > 1) path = path.replace(/\/+$/, '');
  url.pathname = path || '/';
  return url.toString();
}

/** The host key politeness and robots.txt work per (host with port). */
export const hostKey = (url: URL) => url.host.toLowerCase();
