// Footnotes that name source documents. Numbers are handed out in order of first citation, because
// kramdown and goldmark both number rendered footnotes that way; labels and shown numbers then agree.
import type { NewsDoc } from '../types.js';

export class Citations {
  private readonly numbers = new Map<string, number>();
  constructor(private readonly docs: Map<string, NewsDoc>) {}

  /** `[^1][^3]` for the given documents (unknown ids are ignored; order follows first citation). */
  cite(ids: Iterable<string>): string {
    const wanted = new Set(ids);
    // New numbers follow the documents' order (reports first, earliest first), not the caller's order.
    const known = [...this.docs.keys()].filter((id) => wanted.has(id));
    for (const id of known) if (!this.numbers.has(id)) this.numbers.set(id, this.numbers.size + 1);
    return known
      .map((id) => this.numbers.get(id)!)
      .sort((a, b) => a - b)
      .map((n) => `[^${n}]`)
      .join('');
  }

  get size(): number {
    return this.numbers.size;
  }

  /** The footnote definitions, in number order. */
  definitions(): string[] {
    return [...this.numbers].map(([id, n]) => `[^${n}]: ${describeSource(this.docs.get(id)!)}`);
  }
}

export function outletName(doc: NewsDoc): string {
  return doc.outlet ?? doc.aggregator ?? (doc.kind === 'derivative' ? '참고 글' : '출처 미상');
}

/** `중앙일보, 「제목」, 2025-02-04, <https://…>` — outlet, title, date, link or path. */
function describeSource(doc: NewsDoc): string {
  const parts = [outletName(doc)];
  if (doc.title) parts.push(`「${escapeInline(doc.title)}」`);
  if (doc.publishedAt) parts.push(doc.publishedAt.slice(0, 10));
  parts.push(doc.url ? `<${doc.url}>` : `\`${doc.source.replace(/`/g, "'")}\``);
  if (doc.kind === 'derivative') parts.push('참고(2차 저작물)');
  return parts.join(', ');
}

/**
 * Escapes what Markdown (kramdown and goldmark alike) would read as markup in source text: emphasis,
 * links, HTML, table pipes and tildes (GFM strikethrough pairs `~` in ranges like 1~2월).
 */
export function escapeInline(text: string): string {
  return text
    .replace(/\s+/g, ' ')
    .replace(/([\\`*_[\]|])/g, '\\$1')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/~/g, '&#126;')
    .replace(/^(#+|[-+]|\d+[.)])(\s)/, '\\$1$2');
}
