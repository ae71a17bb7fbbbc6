// The safety gate for URLs we did not get from the user: no loopback, private or link-local targets,
// so a feed, sitemap or redirect cannot point the fetcher at services inside the user's network.
import { lookup } from 'node:dns/promises';
import { isIP } from 'node:net';

/** IPv4 ranges never fetched on a feed's say-so: [first octets as a number, prefix length, name]. */
const BLOCKED_V4: [string, number, string][] = [
  ['0.0.0.0', 8, 'this-network'],
  ['10.0.0.0', 8, 'private'],
  ['100.64.0.0', 10, 'carrier-grade NAT'],
  ['127.0.0.0', 8, 'loopback'],
  ['169.254.0.0', 16, 'link-local'],
  ['172.16.0.0', 12, 'private'],
  ['192.0.0.0', 24, 'IETF protocol assignments'],
  ['192.168.0.0', 16, 'private'],
  ['198.18.0.0', 15, 'benchmarking'],
  ['224.0.0.0', 4, 'multicast'],
  ['240.0.0.0', 4, 'reserved'],
];

const v4ToInt = (ip: string) => ip.split('.').reduce((n, o) => n * 256 + Number(o), 0);

function blockedV4(ip: string): string | null {
  const n = v4ToInt(ip);
  for (const [base, bits, name] of BLOCKED_V4) {
    const size = 2 ** (32 - bits);
    const start = v4ToInt(base);
    if (n >= start && n < start + size) return name;
  }
  return null;
}

/** Expands an IPv6 address to 8 numbers (handles `::` and a trailing dotted IPv4). */
function v6Groups(ip: string): number[] {
  let s = ip.toLowerCase().replace(/%.*$/, '');
  const v4 = s.match(/(\d+\.\d+\.\d+\.\d+)$/);
  if (v4) {
    const n = v4ToInt(v4[1]);
    s = s.slice(0, -v4[1].length) + `${(n >>> 16).toString(16)}:${(n & 0xffff).toString(16)}`;
  }
  const [head, tail] = s.split('::');
  const h = head ? head.split(':') : [];
  const t = tail !== undefined && tail ? tail.split(':') : [];
  const fill = tail !== undefined ? Array(8 - h.length - t.length).fill('0') : [];
  return [...h, ...fill, ...t].map((g) => parseInt(g || '0', 16));
}

const v4Of = (hi: number, lo: number) => `${hi >> 8}.${hi & 255}.${lo >> 8}.${lo & 255}`;

/** A v4 address embedded in a v6 one is judged as itself, named by how it was carried. */
const viaV4 = (carrier: string, hi: number, lo: number) => {
  const kind = blockedV4(v4Of(hi, lo));
  return kind && `${kind} (${carrier} ${v4Of(hi, lo)})`;
};

function blockedV6(ip: string): string | null {
  const g = v6Groups(ip);
  if (g.every((x) => x === 0)) return 'unspecified';
  if (g.slice(0, 7).every((x) => x === 0) && g[7] === 1) return 'loopback';
  // IPv4-mapped (::ffff:a.b.c.d), IPv4-compatible (::a.b.c.d) and IPv4-translated (::ffff:0:a.b.c.d)
  // forms carry a v4 address: judge that.
  if (g.slice(0, 5).every((x) => x === 0) && (g[5] === 0xffff || g[5] === 0)) return viaV4('IPv4-mapped', g[6], g[7]);
  if (g.slice(0, 4).every((x) => x === 0) && g[4] === 0xffff && g[5] === 0) return viaV4('IPv4-translated', g[6], g[7]);
  // NAT64 (64:ff9b::/96) reaches the embedded v4 address through the operator's translator.
  if (g[0] === 0x64 && g[1] === 0xff9b && g.slice(2, 6).every((x) => x === 0)) return viaV4('NAT64 to', g[6], g[7]);
  // 6to4 (2002::/16) tunnels to the v4 address in groups 1-2.
  if (g[0] === 0x2002) return viaV4('6to4 to', g[1], g[2]);
  // Local-use NAT64 (64:ff9b:1::/48) translates into the operator's own network.
  if (g[0] === 0x64 && g[1] === 0xff9b && g[2] === 1) return 'local-use NAT64';
  if ((g[0] & 0xfe00) === 0xfc00) return 'unique-local';
  if ((g[0] & 0xffc0) === 0xfe80) return 'link-local';
  if ((g[0] & 0xffc0) === 0xfec0) return 'site-local';
  if ((g[0] & 0xff00) === 0xff00) return 'multicast';
  return null;
}

/** Why an IP address must not be fetched from a found URL (loopback, private …), or null when it is public. */
export function blockedAddressKind(ip: string): string | null {
  const family = isIP(ip);
  if (family === 4) return blockedV4(ip);
  if (family === 6) return blockedV6(ip);
  return 'not an IP address';
}

/** Host names and addresses are compared without brackets and case. */
export const normaliseHost = (host: string) => host.toLowerCase().replace(/^\[|\]$/g, '').replace(/\.$/, '');

export interface ResolvedAddress {
  address: string;
  family: number;
}

/** On success, the addresses that were checked (when a name was resolved), so the connection can be pinned to them. */
export type AddressCheck = { ok: true; addresses?: ResolvedAddress[] } | { ok: false; rule: 'blocked-address' | 'dns-error'; reason: string };

/** How the fetcher came to a URL it must check: a feed or sitemap named it, or a server redirected there. */
export type FoundBy = 'feed' | 'redirect';

const FOUND_BY_TEXT: Record<FoundBy, string> = {
  feed: 'the URL came from a feed or sitemap, not from you',
  redirect: 'a server redirected there, you did not name it',
};

/**
 * Resolves the host (every address it has) and refuses it when any address is loopback, private,
 * link-local or otherwise internal, unless the host name or the address is on the allowlist.
 */
export async function checkHostAddress(hostname: string, allowHosts: ReadonlySet<string>, foundBy: FoundBy = 'feed'): Promise<AddressCheck> {
  const host = normaliseHost(hostname);
  if (allowHosts.has(host)) return { ok: true };
  let addresses: string[];
  let resolved: ResolvedAddress[] | undefined;
  if (isIP(host)) addresses = [host];
  else {
    try {
      resolved = (await lookup(host, { all: true, verbatim: true })).map((a) => ({ address: a.address, family: a.family }));
      addresses = resolved.map((a) => a.address);
    } catch (e) {
      return { ok: false, rule: 'dns-error', reason: `cannot resolve host "${host}": ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}` };
    }
  }
  for (const address of addresses) {
    const kind = blockedAddressKind(address);
    if (kind && !allowHosts.has(normaliseHost(address))) {
      return {
        ok: false,
        rule: 'blocked-address',
        reason: `refused ${host}${address !== host ? ` (${address})` : ''}: a ${kind} address, and ${FOUND_BY_TEXT[foundBy]}; allow it with --allow-host ${host}`,
      };
    }
  }
  return { ok: true, addresses: resolved };
}
