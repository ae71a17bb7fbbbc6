// A small tolerant reader for RSS 2.0, RSS 1.0 (RDF), Atom 1.0, sitemaps, sitemap indexes and
// Google News sitemaps. Namespace prefixes are ignored (feeds use them inconsistently), CDATA and
// entities come through as text, and a broken document yields what could be read.
import { DOMParser } from 'linkedom';
import { decodeText } from '../decode.js';
import { toKst } from '../../dates.js';

export type FeedKind = 'rss' | 'rdf' | 'atom' | 'sitemap' | 'sitemap-index';

export interface FeedEntry {
  /** Absolute URL of the article (or, in a sitemap index, of a child sitemap). */
  url: string;
  title: string | null;
  /** ISO 8601 in KST when the feed gives a readable date (pubDate, dc:date, published, news:publication_date);
   *  a bare date stays a bare date. */
  publishedAt: string | null;
  /** A sitemap's lastmod: when the page last changed, which is not when it was published. */
  modifiedAt?: string;
  /** The writer's name (author, dc:creator, atom author/name), without e-mail or the 기자 title. */
  author?: string;
  /** The publication's name (news:publication/news:name). */
  outlet?: string;
}

export interface Feed {
  kind: FeedKind;
  title: string | null;
  entries: FeedEntry[];
}

const ROOTS: Record<string, FeedKind> = { rss: 'rss', 'rdf': 'rdf', feed: 'atom', urlset: 'sitemap', sitemapindex: 'sitemap-index' };

/** The root element's local name, skipping the XML declaration, comments, doctype and processing instructions. */
function rootName(text: string): string | null {
  const head = text.slice(0, 4096).replace(/^\uFEFF/, '');
  const re = /<(!--[\s\S]*?--|![^>]*|\?[\s\S]*?\?|([A-Za-z_][\w.:-]*))/g;
  for (let m = re.exec(head); m; m = re.exec(head)) {
    if (m[2]) return m[2].replace(/^.*:/, '').toLowerCase();
  }
  return null;
}

/** Which feed kind a document is, from its root element; null for HTML and anything else. */
export function sniffFeedKind(text: string): FeedKind | null {
  const root = rootName(text);
  return root ? (ROOTS[root] ?? null) : null;
}

/** Decodes feed bytes: BOM, then the HTTP charset, then the XML declaration's encoding, then sniffing. */
export function decodeFeedBytes(bytes: Uint8Array, contentType: string | undefined, source: string): string {
  let ct = contentType;
  if (!/charset=/i.test(ct ?? '')) {
    const head = Buffer.from(bytes.subarray(0, 512)).toString('latin1');
    const enc = head.match(/^\s*<\?xml[^>]*encoding\s*=\s*["']([\w.-]+)["']/i)?.[1];
    if (enc) ct = `application/xml; charset=${enc}`;
  }
  return decodeText(bytes, source, ct).text;
}

const local = (el: Element) => (el.localName ?? el.tagName).replace(/^.*:/, '').toLowerCase();
const kids = (el: Element, name?: string) => [...el.children].filter((c) => !name || local(c) === name);
/** The first child with one of the names; failing that, a deeper one (an unclosed tag swallows its siblings). */
const kid = (el: Element, ...names: string[]) => {
  for (const n of names) {
    const k = kids(el, n)[0];
    if (k) return k;
  }
  for (const n of names) {
    const k = [...el.querySelectorAll('*')].find((d) => local(d) === n);
    if (k) return k;
  }
  return undefined;
};

/** An element's own text (text and CDATA children); its whole text when it has none of its own. */
function ownText(el: Element): string {
  const own = [...el.childNodes].filter((n) => n.nodeType === 3 || n.nodeType === 4).map((n) => n.textContent ?? '').join('');
  return own.trim() ? own : (el.textContent ?? '');
}

const ENTITIES: Record<string, string> = { nbsp: ' ', amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", middot: '·', hellip: '…', lsquo: '‘', rsquo: '’', ldquo: '“', rdquo: '”' };

/** Text of an element with tags (from CDATA HTML) dropped and left-over entities decoded, spaces folded. */
function clean(el: Element | undefined): string | null {
  if (!el) return null;
  const s = ownText(el)
    .replace(/<\/?[a-zA-Z!][^>]*>/g, ' ')
    .replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (all, e: string) => {
      if (e[0] === '#') {
        const n = e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : Number(e.slice(1));
        return n > 0 && n < 0x110000 ? String.fromCodePoint(n) : all;
      }
      return ENTITIES[e.toLowerCase()] ?? all;
    })
    .replace(/\s+/g, ' ')
    .trim();
  return s || null;
}

/** `press@garam.example (김하늘 기자)`, `김하늘 기자 sky@x.example`, `김하늘 선임기자` → `김하늘`;
 *  an author that is only an e-mail address gives null. */
export function authorName(s: string | null): string | null {
  if (!s) return null;
  const inParens = s.match(/\(([^()]+)\)/)?.[1];
  const name = (inParens && /@/.test(s) ? inParens : s)
    .replace(/<?[\w.+-]+@[\w-]+(?:\.[\w-]+)+>?/g, ' ')
    .replace(/\s*(?:선임|수석|전문|객원)?(?:기자|특파원)\s*$/, '')
    .replace(/\s+/g, ' ')
    .trim();
  return name || null;
}

function absolute(href: string | null, base: string): string | null {
  if (!href) return null;
  try {
    return new URL(href.trim(), base).href;
  } catch {
    return null;
  }
}

/** Parses a feed or sitemap; null when the text is not one. `baseUrl` resolves relative links. */
export function parseFeed(text: string, baseUrl: string): Feed | null {
  const kind = sniffFeedKind(text);
  if (!kind) return null;
  const doc = new DOMParser().parseFromString(text.replace(/^\uFEFF/, ''), 'text/xml') as unknown as Document;
  const root = doc.documentElement as Element | null;
  if (!root) return { kind, title: null, entries: [] };
  const entries: FeedEntry[] = [];
  const push = (url: string | null, title: string | null, date: string | null, more: { lastmod?: string | null; author?: string | null; outlet?: string | null } = {}) => {
    if (!url) return;
    const entry: FeedEntry = { url, title, publishedAt: toKst(date) };
    const modifiedAt = toKst(more.lastmod);
    if (modifiedAt) entry.modifiedAt = modifiedAt;
    const author = authorName(more.author ?? null);
    if (author) entry.author = author;
    if (more.outlet) entry.outlet = more.outlet;
    entries.push(entry);
  };
  let title: string | null = null;

  if (kind === 'rss' || kind === 'rdf') {
    const channel = kid(root, 'channel');
    title = clean(channel && kid(channel, 'title'));
    // RSS 2.0 nests items in <channel>; RSS 1.0 puts them beside it under the root.
    const items = [...(channel ? kids(channel, 'item') : []), ...kids(root, 'item')];
    for (const item of items) {
      let link = clean(kid(item, 'link'));
      if (!link) {
        const guid = kid(item, 'guid');
        if (guid && guid.getAttribute('isPermaLink') !== 'false') link = clean(guid);
      }
      link ??= item.getAttribute('rdf:about');
      push(absolute(link, baseUrl), clean(kid(item, 'title')), clean(kid(item, 'pubdate', 'date', 'published', 'updated')), {
        author: clean(kid(item, 'creator', 'author')),
      });
    }
  } else if (kind === 'atom') {
    title = clean(kid(root, 'title'));
    const base = absolute(root.getAttribute('xml:base'), baseUrl) ?? baseUrl;
    for (const entry of kids(root, 'entry')) {
      const links = kids(entry, 'link');
      const alt = links.find((l) => (l.getAttribute('rel') ?? 'alternate') === 'alternate') ?? links[0];
      const entryBase = absolute(entry.getAttribute('xml:base'), base) ?? base;
      const author = kid(entry, 'author');
      push(absolute(alt?.getAttribute('href') ?? null, entryBase), clean(kid(entry, 'title')), clean(kid(entry, 'published', 'updated', 'issued')), {
        author: clean(author && (kid(author, 'name') ?? author)),
      });
    }
  } else {
    const itemName = kind === 'sitemap' ? 'url' : 'sitemap';
    for (const item of kids(root, itemName)) {
      const news = kid(item, 'news');
      const publication = news && kid(news, 'publication');
      push(absolute(clean(kid(item, 'loc')), baseUrl), clean(news && kid(news, 'title')), clean(news && kid(news, 'publication_date')), {
        lastmod: clean(kid(item, 'lastmod')),
        outlet: clean(publication && kid(publication, 'name')),
      });
    }
  }
  return { kind, title, entries };
}
