// Who a post cites and how: one name per source a reader can recognise, and footnotes. A sentence
// gets ONE mark listing all its sources (marks side by side render as one number, `[^1][^2]` → "12");
// one note per distinct set of sources, numbered in order of first use, because kramdown and goldmark
// both number rendered footnotes that way.
import type { NewsDoc, SourceEntry } from '../types.js';

/** The name a reader knows a source by: the outlet, the site that re-posted it, its domain, or "기사 N"
 *  (N: its place in the list shown, from 1). */
export function sourceName(d: Pick<NewsDoc, 'outlet' | 'aggregator' | 'url'>, n: number): string {
  return d.outlet ?? d.aggregator ?? domainOf(d.url) ?? `기사 ${n}`;
}

/** Each member's source entry, named by `sourceName`. */
export function sourceEntries(members: NewsDoc[]): Map<string, SourceEntry> {
  return new Map(members.map((d, i) => [d.id, {
    document: d.id,
    name: sourceName(d, i + 1),
    title: d.title,
    date: d.publishedAt ? d.publishedAt.slice(0, 10) : null,
    url: d.url,
  }]));
}

/** `www.hankyung.com` → `hankyung.com`; null without a web address. */
function domainOf(url: string | null): string | null {
  if (!url) return null;
  try {
    const host = new URL(url).hostname.replace(/^(www|m|mobile|news)\./, '');
    return host || null;
  } catch {
    return null;
  }
}

export class Footnotes {
  private readonly sets = new Map<string, { n: number; ids: string[] }>();
  /** `order`: the documents in the order their names are listed inside a note (reports first). */
  constructor(private readonly order: string[]) {}

  /** The one mark for a sentence with these sources (unknown ids ignored), or '' when none is known. */
  mark(ids: Iterable<string>): string {
    const wanted = new Set(ids);
    const known = this.order.filter((id) => wanted.has(id));
    if (!known.length) return '';
    const key = known.join(' ');
    let note = this.sets.get(key);
    if (!note) this.sets.set(key, (note = { n: this.sets.size + 1, ids: known }));
    return `[^${note.n}]`;
  }

  /** The notes in number order, each with its documents in listing order. */
  notes(): { n: number; ids: string[] }[] {
    return [...this.sets.values()];
  }
}
