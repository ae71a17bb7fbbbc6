// Page metadata from JSON-LD, OpenGraph / meta tags, outlet rules and generic byline markup.
// Each value records where it came from in `evidence`, so a reader can judge it.
import type { NewsDoc } from '../../types.js';
import { toKst, toKstNoting } from '../../dates.js';
import { ldText, type LdNode } from './json-ld.js';
import type { OutletRule } from './outlet-rules.js';
import { collectBlocks, squash } from './dom.js';
import { COPYRIGHT_HOLDER, EMAIL } from '../noise-rules.js';

/** What the page itself says about the article (publishedAt in KST), before the outlet name is
 *  normalised; the NewsDoc's own fields where they mean the same, plus what only HTML carries. */
export type HtmlMetadata = Pick<NewsDoc, 'title' | 'subtitles' | 'section' | 'reporter' | 'email' | 'publishedAt' | 'url' | 'evidence'> & {
  modifiedAt: string | null;
  /** Outlet name as the page states it (og:site_name, JSON-LD publisher), not yet normalised. */
  siteName: string | null;
  /** On a portal's copy: the original publisher (press logo, og:article:author, copyright holder), not yet normalised. */
  publisher: string | null;
  /** Why date values the page gave were left out (see dateProblem), for messages. */
  rejectedDates: string[];
};

export { EMAIL }; // one e-mail pattern for both cleaners (noise-rules.ts)

const GENERIC_BYLINE = ['[itemprop="author"] [itemprop="name"]', '[rel="author"]', '.byline__name', '.author-name', '.byline', '.author'];
const GENERIC_DATE = ['time[itemprop="datePublished"]', '[itemprop="datePublished"]', 'time[datetime]'];

/** All <meta> values of a page by property/name/itemprop (lower-cased), first one kept; one DOM scan. */
export type MetaMap = Map<string, string>;

export function metaMap(doc: Document): MetaMap {
  const map: MetaMap = new Map();
  for (const el of doc.querySelectorAll('meta')) {
    const v = el.getAttribute('content')?.trim();
    if (!v) continue;
    for (const attr of ['property', 'name', 'itemprop']) {
      const k = el.getAttribute(attr)?.toLowerCase();
      if (k && !map.has(k)) map.set(k, v);
    }
  }
  return map;
}

export function meta(metas: MetaMap, names: string[]): string | null {
  for (const n of names) {
    const v = metas.get(n.toLowerCase());
    if (v) return v;
  }
  return null;
}

/** The first value `read` finds in the elements `selectors` match, in selector order (for each selector, its
 *  first element only). One walk over the page for all the selectors; one at a time if the DOM library
 *  cannot run one of them. */
function firstValue(doc: Document, selectors: string[] | undefined, read: (el: Element) => string | null): { value: string; selector: string } | null {
  if (!selectors?.length) return null;
  let all: Element[];
  try {
    all = [...doc.querySelectorAll(selectors.join(','))];
  } catch {
    return firstValueEach(doc, selectors, read);
  }
  if (!all.length) return null;
  for (const s of selectors) {
    const el = all.find((e) => e.matches(s));
    const v = el ? read(el) : null;
    if (v) return { value: v, selector: s };
  }
  return null;
}

function firstValueEach(doc: Document, selectors: string[], read: (el: Element) => string | null): { value: string; selector: string } | null {
  for (const s of selectors) {
    let el: Element | null = null;
    try {
      el = doc.querySelector(s);
    } catch {
      continue; // a selector the DOM library cannot run is skipped, not fatal
    }
    const v = el ? read(el) : null;
    if (v) return { value: v, selector: s };
  }
  return null;
}

const firstText = (doc: Document, selectors: string[] | undefined) => firstValue(doc, selectors, (el) => squash(el.textContent) || null);

const firstDate = (doc: Document, selectors: string[] | undefined) =>
  firstValue(doc, selectors, (el) => [el.getAttribute('data-date-time'), el.getAttribute('datetime'), el.getAttribute('content'), el.textContent].map(toKst).find(Boolean) ?? null);

/** The publisher a portal page names: a logo's alt text, or the holder of a copyright line (the line cleaner's pattern). */
const firstPublisher = (doc: Document, selectors: string[]) =>
  firstValue(doc, selectors, (el) => {
    if (el.tagName.toLowerCase() === 'img') return squash(el.getAttribute('alt')) || null;
    return squash(el.textContent).match(COPYRIGHT_HOLDER)?.[1].trim() || null;
  })?.value ?? null;

/** "홍길동 기자 hong@example.com" → name "홍길동" (role words dropped), email separately. */
export function splitByline(raw: string): { name: string | null; email: string | null } {
  const email = EMAIL.exec(raw)?.[0] ?? null;
  const name = squash(
    raw
      .replace(EMAIL, ' ')
      .replace(/^(?:by|글|사진|written by)\s*[:：]?\s*/i, '')
      .replace(/\s*(?:특파원|선임기자|수석기자|객원기자|인턴기자|기자|논설위원|에디터|위원)(?=$|[\s=/|·,(]).*$/, '')
      .replace(/[=/|·,(].*$/, ''),
  );
  return { name: name && name.length <= 40 ? name : null, email };
}

/** Reads the page's own metadata (no body text is touched). */
export function readMetadata(doc: Document, metas: MetaMap, article: LdNode | null, rule: OutletRule | null, pageUrl?: string): HtmlMetadata {
  const evidence: Record<string, string> = {};
  const rejectedDates: string[] = [];
  const kst = (raw: string | null | undefined) => toKstNoting(raw, rejectedDates);
  // Tries are thunks: later sources (DOM queries) only run when the earlier ones found nothing.
  const pick = <T>(field: string, ...tries: [string, () => T | null | undefined][]): T | null => {
    for (const [source, get] of tries) {
      const value = get();
      if (value !== null && value !== undefined && value !== '') {
        evidence[field] = source;
        return value;
      }
    }
    return null;
  };

  const title = pick(
    'title',
    [`outlet-rule:${rule?.id}`, () => firstText(doc, rule?.title)?.value],
    ['json-ld', () => ldText(article?.headline)],
    ['og:title', () => meta(metas, ['og:title'])],
    ['twitter:title', () => meta(metas, ['twitter:title'])],
    ['h1', () => squash(doc.querySelector('h1')?.textContent) || null],
    ['title-tag', () => squash(doc.querySelector('title')?.textContent) || null],
  );

  // A deck box often holds one line per <p>/<br>: each line is a subtitle.
  const ruleSubs = rule?.subtitle?.flatMap((s) => [...doc.querySelectorAll(s)].flatMap((e) => collectBlocks([e]).map((b) => b.text))) ?? [];
  const ldSub = ldText(article?.alternativeHeadline);
  const subtitles = [...new Set([...(ldSub ? [ldSub] : []), ...ruleSubs])];
  if (subtitles.length) evidence.subtitles = ruleSubs.length ? `outlet-rule:${rule!.id}` : 'json-ld';

  const section = pick('section', ['json-ld', () => ldText(article?.articleSection)], ['article:section', () => meta(metas, ['article:section'])]);

  const once = <T>(f: () => T) => {
    let done = false;
    let v: T;
    return () => (done ? v! : ((done = true), (v = f())));
  };
  const ruleByline = once(() => firstText(doc, rule?.byline));
  const genericByline = once(() => firstText(doc, GENERIC_BYLINE));
  const rawReporter = pick(
    'reporter',
    ['json-ld', () => ldText(article?.author)],
    ['meta', () => meta(metas, ['author', 'article:author', 'dable:author', 'byl'])],
    [`outlet-rule:${rule?.id}`, () => ruleByline()?.value],
    ['byline', () => { const g = genericByline(); return g && g.value.length < 80 ? g.value : null; }],
  );
  let reporter: string | null = null;
  let email: string | null = null;
  if (rawReporter && !/^https?:/.test(rawReporter)) ({ name: reporter, email } = splitByline(rawReporter));
  if (!reporter) delete evidence.reporter;
  if (!email) {
    const fromText = [ruleByline()?.value, genericByline()?.value].map((t) => (t ? EMAIL.exec(t)?.[0] : null)).find(Boolean);
    if (fromText) email = fromText;
  }
  if (email) evidence.email = 'byline';

  const published = pick(
    'publishedAt',
    ['json-ld', () => kst(ldText(article?.datePublished))],
    ['meta', () => kst(meta(metas, ['article:published_time', 'og:regDate', 'og:article:published_time', 'pubdate', 'publishdate', 'date', 'dc.date', 'DC.date.issued', 'sailthru.date', 'parsely-pub-date']))],
    [`outlet-rule:${rule?.id}`, () => firstDate(doc, rule?.date)?.value],
    ['time-tag', () => firstDate(doc, GENERIC_DATE)?.value],
  );
  const modified = pick(
    'modifiedAt',
    ['json-ld', () => kst(ldText(article?.dateModified))],
    ['meta', () => kst(meta(metas, ['article:modified_time', 'og:updated_time', 'dateModified']))],
  );

  const ldPublisher = article?.publisher as LdNode | undefined;
  const siteName = pick(
    'siteName',
    ['og:site_name', () => meta(metas, ['og:site_name'])],
    ['json-ld', () => ldText(ldPublisher?.name ?? null)],
    [`outlet-rule:${rule?.id}`, () => rule?.name],
  );

  // Only portal rules name a publisher; there og:article:author is the press ("연합뉴스 | 네이버"), not a reporter.
  const publisher = rule?.publisher ? pick(
    'publisher',
    [`outlet-rule:${rule.id}`, () => firstPublisher(doc, rule.publisher!)],
    ['og:article:author', () => meta(metas, ['og:article:author'])?.replace(/\s*[|ㅣ]\s*(?:네이버|다음|NAVER|Daum).*$/i, '') || null],
  ) : null;

  const resolve = (u: string | null | undefined): string | null => {
    if (!u) return null;
    try {
      return new URL(u, pageUrl).href;
    } catch {
      return /^https?:\/\//.test(u) ? u : null;
    }
  };
  const mainEntity = article?.mainEntityOfPage;
  const url = pick(
    'url',
    ['canonical', () => resolve(doc.querySelector('link[rel="canonical"]')?.getAttribute('href'))],
    ['og:url', () => resolve(meta(metas, ['og:url']))],
    ['json-ld', () => resolve(ldText(article?.url) ?? (typeof mainEntity === 'string' ? mainEntity : ldText((mainEntity as LdNode | undefined)?.['@id'])))],
  );

  return { title, subtitles, section, reporter, email, publishedAt: published, modifiedAt: modified, siteName, publisher, url, evidence, rejectedDates };
}
