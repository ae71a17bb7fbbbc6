// HTML → main text + metadata. The boundary between HTML extraction and the Korean text cleaner:
// the cleaner (src/extract/index.ts) receives `text` and treats it exactly like a .txt input.
// FIRST VERSION: Readability on linkedom; the web-source issue improves on it.
import { parseHTML } from 'linkedom';
import { Readability } from '@mozilla/readability';
import type { Message } from '../../types.js';

export interface HtmlMetadata {
  title: string | null;
  /** Deck / subtitle lines, when the page marks them. */
  subtitles: string[];
  section: string | null;
  reporter: string | null;
  email: string | null;
  /** ISO 8601, converted to KST (+09:00) when a time is known. */
  publishedAt: string | null;
  modifiedAt: string | null;
  /** Outlet name as the page states it (og:site_name, JSON-LD publisher), not yet normalised. */
  siteName: string | null;
  /** Canonical URL (link rel=canonical, og:url), when present. */
  url: string | null;
  /** Where each value came from, e.g. { publishedAt: 'json-ld' }. */
  evidence: Record<string, string>;
}

export interface HtmlExtraction {
  /** Main text: paragraphs separated by a blank line, headings on their own line. */
  text: string;
  metadata: HtmlMetadata;
  messages: Message[];
}

export interface HtmlOptions {
  /** The page's URL or path, for outlet rules and messages. */
  source: string;
  url?: string;
}

const meta = (doc: Document, names: string[]): string | null => {
  for (const n of names) {
    const el = doc.querySelector(`meta[property="${n}"], meta[name="${n}"]`);
    const v = el?.getAttribute('content')?.trim();
    if (v) return v;
  }
  return null;
};

export function extractHtml(html: string, options: HtmlOptions): HtmlExtraction {
  const { document } = parseHTML(html);
  const metadata: HtmlMetadata = {
    title: meta(document, ['og:title', 'twitter:title']) ?? (document.querySelector('title')?.textContent?.trim() || null),
    subtitles: [],
    section: meta(document, ['article:section']),
    reporter: meta(document, ['author', 'article:author', 'dable:author']),
    email: null,
    publishedAt: meta(document, ['article:published_time', 'og:regDate', 'date']),
    modifiedAt: meta(document, ['article:modified_time']),
    siteName: meta(document, ['og:site_name']),
    url: document.querySelector('link[rel="canonical"]')?.getAttribute('href') ?? meta(document, ['og:url']),
    evidence: {},
  };
  const article = new Readability(document as unknown as Document, { charThreshold: 100 }).parse();
  const text = (article?.textContent ?? '')
    .split(/\n\s*\n|\n/)
    .map((l) => l.replace(/\s+/g, ' ').trim())
    .filter(Boolean)
    .join('\n\n');
  return { text, metadata, messages: [] };
}
