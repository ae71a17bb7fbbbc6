// Rows of the figures table: one row per amount, every wording of it as the outlets wrote it, the
// sentence it stands in, and a note when outlets converted it to won differently. Nothing is computed.
import type { NewsDoc, NumberMention, SourceEntry } from '../types.js';
import { sentenceAt } from './sentences.js';
import { POST } from './tunables.js';

export interface FigureRow {
  variants: { text: string; outlets: string[] }[];
  context: string;
  documents: string[];
  conversionNote: string | null;
}

/** Units that are about when, not how much; the timeline shows those. */
const NOT_FIGURES = new Set(['date', 'year', 'month', 'day', 'time', 'hour', 'minute', 'ordinal', '']);
/** Money first, then shares, then counts and sizes: the order readers scan a news table in. */
const UNIT_ORDER = (unit: string) => (/^[A-Z]{3}$/.test(unit) ? 0 : unit === 'percent' ? 1 : 2);

function key(n: NumberMention): string {
  const per = n.per ? `/${n.per}` : '';
  return `${n.unit}|${n.value ?? ''}|${n.min ?? ''}|${n.max ?? ''}${per}`;
}

function context(n: NumberMention, doc: NewsDoc): string {
  const s = sentenceAt(doc, n.start);
  const text = s?.text ?? doc.body;
  const base = s?.start ?? 0;
  const from = Math.max(0, n.start - base - POST.figureContext);
  const to = Math.min(text.length, n.end - base + POST.figureContext);
  return `${from > 0 ? '…' : ''}${text.slice(from, to).trim()}${to < text.length ? '…' : ''}`;
}

export function figureRows(numbers: NumberMention[], docs: Map<string, NewsDoc>, names: Map<string, SourceEntry>): FigureRow[] {
  const groups = new Map<string, NumberMention[]>();
  for (const n of numbers) {
    if (NOT_FIGURES.has(n.unit) || !docs.has(n.document)) continue;
    groups.set(key(n), [...(groups.get(key(n)) ?? []), n]);
  }
  const rows = [...groups.values()].map((group) => {
    const variants = new Map<string, Set<string>>();
    for (const n of group) {
      const text = n.text.replace(/\s+/g, ' ').trim();
      variants.set(text, (variants.get(text) ?? new Set()).add(names.get(n.document)!.name));
    }
    const krw = new Set(group.map((n) => n.krw).filter((k): k is number => k !== null));
    return {
      unit: group[0].unit,
      weight: new Set(group.map((n) => n.document)).size,
      row: {
        variants: [...variants].map(([text, outlets]) => ({ text, outlets: [...outlets] })),
        context: context(group[0], docs.get(group[0].document)!),
        documents: [...new Set(group.map((n) => n.document))],
        conversionNote: krw.size > 1 ? '(원화 환산은 기사마다 다름: 적용 환율 차이)' : null,
      },
    };
  });
  return rows
    .map((r, i) => ({ ...r, i }))
    .sort((a, b) => UNIT_ORDER(a.unit) - UNIT_ORDER(b.unit) || b.weight - a.weight || a.i - b.i)
    .map((r) => r.row);
}
