// robots.txt (RFC 9309): parse once per host, then answer "may this agent fetch this path?".
export interface RobotsRule {
  allow: boolean;
  pattern: string;
}

export interface Robots {
  rules: RobotsRule[];
  /** Crawl-delay in milliseconds for our group, when the file gives one. */
  crawlDelayMs: number | null;
  /** Set when robots.txt could not be read (5xx, timeout …): everything is then disallowed. */
  unreachable?: string;
  /** The rule to report when the host itself could not be reached (network-error, timeout). */
  unreachableRule?: string;
}

export const ALLOW_ALL: Robots = { rules: [], crawlDelayMs: null };
export const DISALLOW_ALL: Robots = { rules: [{ allow: false, pattern: '/' }], crawlDelayMs: null };

interface Group {
  agents: string[];
  rules: RobotsRule[];
  crawlDelayMs: number | null;
}

/** Parses robots.txt and keeps the group for `agentToken` (merged, as RFC 9309 says), else the `*` group. */
export function parseRobots(text: string, agentToken: string): Robots {
  const groups: Group[] = [];
  let current: Group | null = null;
  let lastWasAgent = false;
  for (const rawLine of text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/)) {
    const line = rawLine.replace(/#.*$/, '').trim();
    const m = line.match(/^([A-Za-z-]+)\s*:\s*(.*)$/);
    if (!m) continue;
    const field = m[1].toLowerCase();
    const value = m[2].trim();
    if (field === 'user-agent') {
      if (!current || !lastWasAgent) {
        current = { agents: [], rules: [], crawlDelayMs: null };
        groups.push(current);
      }
      current.agents.push(value.toLowerCase());
      lastWasAgent = true;
      continue;
    }
    lastWasAgent = false;
    if (!current) continue; // rules before any user-agent line belong to no group
    if (field === 'allow' || field === 'disallow') {
      // an empty Disallow allows everything: it adds no rule
      if (value) current.rules.push({ allow: field === 'allow', pattern: value });
    } else if (field === 'crawl-delay') {
      const s = Number(value);
      if (Number.isFinite(s) && s >= 0) current.crawlDelayMs = Math.round(s * 1000);
    }
  }
  const token = agentToken.toLowerCase();
  let mine = groups.filter((g) => g.agents.some((a) => a.replace(/\/.*$/, '') === token));
  if (!mine.length) mine = groups.filter((g) => g.agents.includes('*'));
  return {
    rules: mine.flatMap((g) => g.rules),
    crawlDelayMs: mine.map((g) => g.crawlDelayMs).find((d) => d !== null) ?? null,
  };
}

/**
 * Matches a robots pattern (`*` any run, trailing `$` end) against a path+query; returns the match
 * length or -1. No regular expression: the pieces between stars are found left to right, each at its
 * first place after the previous one (which is always safe for `*`), so a pattern written to make
 * matching backtrack costs no more than a scan per piece.
 */
export function matchLength(pattern: string, path: string): number {
  const anchored = pattern.endsWith('$');
  const pieces = (anchored ? pattern.slice(0, -1) : pattern).split('*');
  const first = pieces[0];
  if (!path.startsWith(first)) return -1;
  if (pieces.length === 1) return !anchored || path.length === first.length ? pattern.length : -1;
  let at = first.length;
  const last = pieces.length - 1;
  for (let i = 1; i < last; i++) {
    const found = path.indexOf(pieces[i], at);
    if (found < 0) return -1;
    at = found + pieces[i].length;
  }
  // The last piece: anywhere after `at`, or (anchored) exactly at the end.
  const tail = pieces[last];
  if (anchored) return path.length - tail.length >= at && path.endsWith(tail) ? pattern.length : -1;
  return path.indexOf(tail, at) >= 0 ? pattern.length : -1;
}

/** The longest matching rule wins; on a tie Allow wins; no match allows. `/robots.txt` is always allowed. */
export function isAllowed(robots: Robots, pathAndQuery: string): boolean {
  if (pathAndQuery === '/robots.txt') return true;
  let path = pathAndQuery;
  try {
    path = decodeURI(pathAndQuery);
  } catch {
    // keep the raw form
  }
  let best = -1;
  let allow = true;
  for (const rule of robots.rules) {
    let pattern = rule.pattern;
    try {
      pattern = decodeURI(pattern);
    } catch {
      // keep the raw form
    }
    const len = matchLength(pattern, path);
    if (len > best || (len === best && len >= 0 && rule.allow)) {
      best = len;
      allow = rule.allow;
    }
  }
  return allow;
}
