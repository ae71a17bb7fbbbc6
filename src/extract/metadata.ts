// Reads the article's metadata from the cleaned lines, the cleaner's clues, the HTML metadata and the
// front matter, and records in `evidence` where each value came from. Title, deck and section lines
// come out of the running text here; cross-heads stay in it and are listed in `headings`.
import type { Evidence, Format, NewsDoc, SourceHints, WeakDateSource } from '../types.js';
import type { HtmlMetadata } from './html/index.js';
import type { Clue, ClueField } from './clean.js';
import { norm, type SourceLine } from './lines.js';
import { fold } from '../text/fold.js';
import { hangulRatio } from '../text/hangul.js';
import { KOREAN_SENTENCE_END, PROSE_END, RULE, TITLE_WIRE_TAGS } from './noise-rules.js';
import { toKst, toKstNoting } from '../dates.js';
import { outletByDomain, outletByName } from './outlets.js';
import {
  DECK_MIN_HANGUL_RATIO, HEADING_MAX_CHARS, SECTION_LABELS, SECTION_MAX_CHARS, SECTION_PATTERN,
  SUBTITLE_MAX_CHARS, SUBTITLE_MAX_LINES, TITLE_MAX_CHARS,
} from './tunables.js';

export interface MetadataInput {
  lines: readonly SourceLine[];
  clues: readonly Clue[];
  html: HtmlMetadata | null;
  frontMatter: Record<string, unknown> | null;
  format: Format;
  /** The key of the input: a URL for web pages, which names the outlet by its domain. */
  key: string;
  /** What the feed or sitemap that listed the page said; each used only when the page gives nothing. */
  hints?: SourceHints;
}

/** What the metadata reader settles: the NewsDoc's metadata fields, plus which lines make the body. */
export type Metadata = Pick<
  NewsDoc,
  'outlet' | 'aggregator' | 'title' | 'subtitles' | 'section' | 'reporter' | 'email' | 'publishedAt' | 'url' | 'evidence' | 'headings'
  | 'dateSource'
> & {
  /** The lines that make the body: everything but the section and title lines. */
  bodyLines: SourceLine[];
  /** Why date values the text, front matter or feed gave were left out (see dateProblem), for messages. */
  rejectedDates: string[];
};


export function readMetadata(input: MetadataInput): Metadata {
  const evidence: Evidence = {};
  const lines = [...input.lines];
  const { html, frontMatter } = input;
  const hints = input.hints ?? {};

  // section: a short label line at the very top
  let section: string | null = null;
  if (lines.length > 1 && isSectionLabel(lines[0].text)) {
    section = norm(lines.shift()!.text);
    evidence.section = 'first-line';
  } else if (html?.section) {
    section = html.section;
    evidence.section = html.evidence.section ?? 'html-meta';
  }

  // title: front matter, HTML metadata, a Markdown heading, or a headline-like first line
  let title: string | null = null;
  let titleFromLines = false;
  const fmTitle = typeof frontMatter?.title === 'string' ? stripWireTags(frontMatter.title.trim()) : '';
  let htmlTitle = html?.title ? stripWireTags(stripSiteSuffix(html.title, html.siteName)) : '';
  // Some pages put only the site's name in og:title; that is no title.
  if (htmlTitle && ((html?.siteName && fold(htmlTitle) === fold(html.siteName)) || outletByName(htmlTitle))) htmlTitle = '';
  if (fmTitle || htmlTitle) {
    title = fmTitle || htmlTitle;
    evidence.title = fmTitle ? 'front-matter' : html?.evidence.title ?? 'html-meta';
    if (lines.length && sameTitle(stripWireTags(lines[0].text), title)) {
      lines.shift();
      titleFromLines = true;
    }
  } else if (lines.length > 1 && (lines[0].heading || isHeadline(lines[0].text, lines[1].text))) {
    const first = lines.shift()!;
    title = stripSiteSuffix(stripWireTags(first.text), null);
    titleFromLines = true;
    evidence.title = first.heading ? 'markdown-heading' : 'first-line';
  } else if (hints.title?.trim()) {
    title = norm(hints.title);
    evidence.title = 'feed';
    if (lines.length && sameTitle(lines[0].text, title)) {
      lines.shift();
      titleFromLines = true;
    }
  }

  // subtitles: the deck under the title (Korean convention), each once. Deck lines stay in the body
  // as its lead paragraphs too: they carry facts (figures, names) that later stages need spans for.
  const subtitles: string[] = [];
  const addSubtitle = (s: string) => { if (!subtitles.some((x) => fold(x) === fold(s))) subtitles.push(norm(s)); };
  for (const s of html?.subtitles ?? []) addSubtitle(s);
  if (subtitles.length) evidence.subtitles = html?.evidence.subtitles ?? 'html-meta';
  let deck = 0;
  if (titleFromLines && hangulRatio(lines.map((l) => l.text).join(' ')) >= DECK_MIN_HANGUL_RATIO) {
    while (deck < lines.length - 1 && deck < SUBTITLE_MAX_LINES && isDeckLine(lines[deck])) deck++;
    for (const l of lines.slice(0, deck)) addSubtitle(l.text);
    if (deck) evidence.subtitles = 'deck-lines';
  }

  // cross-heads: short lines between paragraphs stay in the body, listed as headings.
  // Markdown marks its headings; plain text gets the cross-head heuristic.
  const headings: string[] = [];
  const marked = input.lines.some((l) => l.heading);
  lines.forEach((l, i) => {
    if (i < deck) return;
    if (marked ? l.heading : i > 0 && i < lines.length - 1 && isCrossHead(l.text, lines[i + 1].text)) headings.push(l.text);
  });

  // outlet, aggregator, reporter, e-mail, date: the strongest clue wins
  const pick = (field: ClueField, order: string[]) => {
    const found = input.clues.filter((c) => c.field === field).sort((a, b) => rank(order, a.evidence) - rank(order, b.evidence))[0];
    return found ?? null;
  };
  let outlet: string | null = null;
  let aggregator: string | null = null;
  const outletClue = pick('outlet', [
    'byline', RULE.wireDateline, 'copyright-line', RULE.broadcastSignoff, 'outlet-credit', 'copyright-line-domain', 'column-byline', 'reporter-line', RULE.englishByline, 'email-domain',
  ]);
  const candidates: { value: string; evidence: string }[] = [];
  if (outletClue) candidates.push(outletClue);
  const strongText = outletClue && outletClue.evidence !== 'email-domain';
  const fromSite = html?.siteName ? { value: html.siteName, evidence: html.evidence.siteName ?? 'og:site_name' } : null;
  const url = html?.url ?? (/^https?:\/\//i.test(input.key) ? input.key : null) ?? stringField(frontMatter, 'url');
  const fromUrl = url ? outletByDomain(url) : undefined;
  if (fromSite) (strongText ? candidates.push(fromSite) : candidates.unshift(fromSite));
  // A portal's copy names its publisher explicitly (press logo, og:article:author): that outranks what the text says.
  if (html?.publisher) candidates.unshift({ value: html.publisher, evidence: html.evidence.publisher ?? 'publisher' });
  if (fromUrl) candidates.push({ value: fromUrl.name, evidence: 'url-domain' });
  for (const c of candidates) {
    const known = outletByName(c.value) ?? outletByDomain(c.value);
    if (known?.kind === 'aggregator') {
      if (!aggregator) { aggregator = known.name; evidence.aggregator = c.evidence; }
      continue;
    }
    if (!outlet) { outlet = known?.name ?? c.value.trim(); evidence.outlet = c.evidence; }
  }
  const aggClue = pick('aggregator', ['board-listing', 'outlet-credit', 'email-domain']);
  if (!aggregator && aggClue) { aggregator = aggClue.value; evidence.aggregator = aggClue.evidence; }
  if (!outlet && hints.outlet?.trim()) {
    const known = outletByName(hints.outlet);
    if (known?.kind === 'aggregator') {
      if (!aggregator) { aggregator = known.name; evidence.aggregator = 'feed'; }
    } else {
      outlet = known?.name ?? norm(hints.outlet);
      evidence.outlet = 'feed';
    }
  }
  if (aggregator && aggregator === outlet) aggregator = null;

  const reporterClue = pick('reporter', ['byline', 'reporter-line', RULE.englishByline, RULE.broadcastSignoff, 'email-line']);
  let reporter: string | null = reporterClue?.value ?? null;
  if (reporter) evidence.reporter = reporterClue!.evidence;
  else if (html?.reporter) { reporter = html.reporter; evidence.reporter = html.evidence.reporter ?? 'html-meta'; }
  else if (hints.author?.trim()) { reporter = norm(hints.author); evidence.reporter = 'feed'; }
  const emailClue = pick('email', ['reporter-line', RULE.broadcastSignoff, 'email-line', 'byline']);
  let email: string | null = emailClue?.value ?? null;
  if (email) evidence.email = emailClue!.evidence;
  else if (html?.email) { email = html.email; evidence.email = html.evidence.email ?? 'html-meta'; }

  const rejectedDates: string[] = [];
  const kst = (raw: string | null | undefined) => toKstNoting(raw, rejectedDates);
  let publishedAt: string | null = null;
  for (const c of [...input.clues.filter((x) => x.field === 'publishedAt'), ...input.clues.filter((x) => x.field === 'modifiedAt')]) {
    publishedAt = kst(c.value);
    if (publishedAt) { evidence.publishedAt = c.field === 'publishedAt' ? c.evidence : `${c.evidence} (수정)`; break; }
  }
  if (!publishedAt && html?.publishedAt) {
    publishedAt = html.publishedAt; // already KST: the HTML reader converts as it reads
    evidence.publishedAt = html.evidence.publishedAt ?? 'html-meta';
  }
  if (!publishedAt && frontMatter?.date != null) {
    // YAML's core schema leaves dates as strings; String() also covers a number or a Date.
    publishedAt = kst(String(frontMatter.date));
    if (publishedAt) evidence.publishedAt = 'front-matter';
  }
  if (!publishedAt && hints.publishedAt) {
    publishedAt = kst(hints.publishedAt);
    if (publishedAt) evidence.publishedAt = 'feed';
  }
  if (!publishedAt) {
    const day = input.clues.find((c) => c.field === 'datelineDay');
    publishedAt = day ? datelineDate(day.value, url) : null;
    if (publishedAt) evidence.publishedAt = `${day!.evidence} (year from the URL)`;
  }
  // The last two sources date the copy, not the article: kept, but marked so a dated neighbour outranks them.
  let dateSource: WeakDateSource | undefined;
  for (const [source, raw] of [['http-last-modified', hints.lastModified], ['file-mtime', hints.fileModified]] as const) {
    if (publishedAt || !raw) continue;
    publishedAt = kst(raw);
    if (publishedAt) evidence.publishedAt = dateSource = source;
  }
  if (url) evidence.url = html?.url ? html.evidence.url ?? 'html-meta' : 'key';
  // Which HTML candidate gave the text (a DOM method, json-ld, or a script state blob).
  if (html?.evidence.text) evidence.text = html.evidence.text;

  return {
    outlet, aggregator, title, subtitles, section, reporter, email, publishedAt, url, evidence,
    ...(dateSource ? { dateSource } : {}), bodyLines: lines, headings, rejectedDates,
  };
}

const rank = (order: string[], e: string) => (order.indexOf(e) < 0 ? order.length : order.indexOf(e));

function stringField(o: Record<string, unknown> | null, k: string): string | null {
  const v = o?.[k];
  return typeof v === 'string' && v.trim() ? v.trim() : null;
}

export function isSectionLabel(text: string): boolean {
  const t = norm(text).replace(/^[\[<]|[\]>]$/g, '');
  return t.length <= SECTION_MAX_CHARS && (SECTION_LABELS.has(t) || SECTION_PATTERN.test(t));
}

/**
 * A headline: short and not a sentence. A Korean sentence ends in 다. / 요.; other languages' titles
 * may end in a full stop, so a one-sentence line with a stop counts when a longer line follows it.
 */
export function isHeadline(text: string, next?: string): boolean {
  const t = norm(text);
  if (t.length > TITLE_MAX_CHARS || KOREAN_SENTENCE_END.test(t)) return false;
  if (!PROSE_END.test(t)) return true;
  return /[^\p{Script=Hangul}\s\d.]\.$/u.test(t) && !/[.!?]\s/.test(t) && !!next && norm(next).length > t.length;
}

function isDeckLine(l: SourceLine): boolean {
  const t = norm(l.text);
  // Decks are noun phrases; a line ending in a verb (…했다, …입니다) is a sentence without its stop.
  return !l.heading && t.length <= SUBTITLE_MAX_CHARS && !PROSE_END.test(t) && !/[다요죠]$/.test(t);
}

function isCrossHead(text: string, next: string): boolean {
  const t = norm(text);
  const n = norm(next);
  return t.length <= HEADING_MAX_CHARS && !PROSE_END.test(t) && (n.length > HEADING_MAX_CHARS || PROSE_END.test(n));
}

function sameTitle(line: string, title: string): boolean {
  const a = fold(line);
  const b = fold(title);
  if (!a || !b) return false;
  if (a === b) return true;
  const [short, long] = a.length < b.length ? [a, b] : [b, a];
  return long.startsWith(short) && short.length / long.length >= 0.6;
}

/** `(2nd LD) 제목` → `제목`: wire desk tags are for editors. */
const stripWireTags = (title: string): string => title.replace(TITLE_WIRE_TAGS, '').trim();

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/**
 * The date of an English wire dateline (`April 19`), which has no year: the year comes from a date in
 * the page's URL (`/AEN20250419…`, `/2025/04/19/`), never from the clock. A dateline month after the
 * URL's month is the previous year's (copy filed on 31 December, posted in January). Null without a year.
 */
function datelineDate(day: string, url: string | null): string | null {
  const [monthName, d] = day.split(' ');
  const month = MONTHS.indexOf(monthName.slice(0, 3).toLowerCase()) + 1;
  const found = url?.match(/(?<!\d)(20\d{2})[/_-]?(0[1-9]|1[0-2])/);
  if (!month || !found) return null;
  const year = Number(found[1]) - (month > Number(found[2]) ? 1 : 0);
  return toKst(`${year}-${String(month).padStart(2, '0')}-${d.padStart(2, '0')}`);
}

/** `제목 - 매일경제` / `제목 | 중앙일보` / `제목 : 네이버 뉴스` → `제목`. */
function stripSiteSuffix(title: string, siteName: string | null): string {
  const parts = title.split(/\s+[-|:–—·]{1,2}\s+/);
  while (parts.length > 1) {
    const last = parts[parts.length - 1].trim();
    if (outletByName(last) || (siteName && fold(last) === fold(siteName))) parts.pop();
    else break;
  }
  return norm(parts.join(' - '));
}
