// What the event page shows, as data: one column per outlet, which sentences several outlets carry,
// figures with the findings about them, quotes grouped by utterance. Pure: a stored cluster and its
// documents in, records out; the page renders them.
import type { Finding, Mention, NewsDoc, Quote, Sentence } from '../../types.js';
import type { StoredCluster } from '../../store/index.js';
import { sourceEntries } from '../../write/citations.js';
import { documentSentences, sentenceAt } from '../../write/sentences.js';
import { figureRows, type FigureRow } from '../../write/figures.js';

/** Whitespace and Unicode form aside, two outlets carrying the same sentence carry the same text. */
const sameText = (s: string) => s.normalize('NFC').replace(/\s+/g, '');

/** The anchor of a document's sentence; footnotes, figures and quotes link to it. */
export const sentenceAnchor = (document: string, start: number) => `s-${document}-${start}`;

export interface ShownSentence extends Sentence {
  anchor: string;
  /** Outlets (this one included) whose documents carry the same sentence. */
  outlets: string[];
  /** True for a line a person put back from the removed boilerplate. */
  restored: boolean;
}

export interface SourceColumn {
  outlet: string;
  documents: { doc: NewsDoc; paragraphs: ShownSentence[][] }[];
}

export interface FigureView extends FigureRow {
  /** Where each wording stands: the sentence to jump to. */
  anchors: { document: string; anchor: string; outlet: string }[];
  findings: Finding[];
}

export interface QuoteGroup {
  utterance: string;
  speaker: string | null;
  quotes: (Quote & { outlet: string; anchor: string })[];
}

export interface EventView {
  title: string;
  date: string | null;
  outlets: string[];
  columns: SourceColumn[];
  figures: FigureView[];
  /** Findings no figure row is about (coverage of names, missing facts). */
  otherFindings: Finding[];
  quotes: QuoteGroup[];
}

/** The headline of the earliest report (reports before derivatives), as the post's sources list orders them. */
export function eventTitle(members: NewsDoc[]): string {
  const ordered = [...members].sort((a, b) =>
    Number(a.kind === 'derivative') - Number(b.kind === 'derivative') || (a.publishedAt ?? '9999').localeCompare(b.publishedAt ?? '9999'));
  return ordered.find((d) => d.title)?.title ?? ordered[0]?.sentences[0]?.text ?? '제목 없음';
}

export function eventDate(members: NewsDoc[]): string | null {
  return members.map((d) => d.publishedAt).filter((d): d is string => !!d).sort()[0] ?? null;
}

/** The anchor of the sentence that holds a mention, when the mention is in a body. */
export function mentionAnchor(m: Mention, docs: Map<string, NewsDoc>): string | null {
  const doc = docs.get(m.document);
  if (!doc || m.field) return null;
  const s = sentenceAt(doc, m.start);
  return s ? sentenceAnchor(doc.id, s.start) : null;
}

export function eventView(cluster: StoredCluster, docs: Map<string, NewsDoc>, restoredStarts: Map<string, Set<number>>): EventView {
  const members = cluster.members.map((id) => docs.get(id)).filter((d): d is NewsDoc => !!d);
  // The names the post uses for its sources (outlet, else aggregator, else domain, else 기사 N).
  const names = sourceEntries(members);
  const outletName = (d: NewsDoc) => names.get(d.id)!.name;
  const byOutlet = new Map<string, NewsDoc[]>();
  for (const d of members) byOutlet.set(outletName(d), [...(byOutlet.get(outletName(d)) ?? []), d]);

  const carriers = new Map<string, Set<string>>();
  for (const d of members) {
    for (const s of documentSentences(d)) {
      const key = sameText(s.text);
      carriers.set(key, (carriers.get(key) ?? new Set()).add(outletName(d)));
    }
  }

  const columns: SourceColumn[] = [...byOutlet].map(([outlet, list]) => ({
    outlet,
    documents: list.map((doc) => {
      const paragraphs: ShownSentence[][] = [];
      for (const s of documentSentences(doc)) {
        (paragraphs[s.paragraph] ??= []).push({
          ...s, anchor: sentenceAnchor(doc.id, s.start), outlets: [...(carriers.get(sameText(s.text)) ?? [])],
          restored: restoredStarts.get(doc.id)?.has(s.start) ?? false,
        });
      }
      return { doc, paragraphs: paragraphs.filter(Boolean) };
    }),
  }));

  const { findings } = cluster.analysis;
  const used = new Set<Finding>();
  const figures = figureRows(cluster.analysis.numbers, docs, names).map((row): FigureView => {
    const texts = new Set(row.variants.map((v) => sameText(v.text)));
    const about = findings.filter((f) => f.values.some((v) => texts.has(sameText(v))) || texts.has(sameText(f.about)));
    about.forEach((f) => used.add(f));
    const anchors = cluster.analysis.numbers
      .filter((n) => row.documents.includes(n.document) && texts.has(sameText(n.text)))
      .map((n) => ({ document: n.document, anchor: mentionAnchor(n, docs), outlet: outletName(docs.get(n.document)!) }))
      .filter((a): a is { document: string; anchor: string; outlet: string } => !!a.anchor);
    return { ...row, anchors: dedupe(anchors, (a) => a.anchor), findings: about };
  });

  const groups = new Map<string, QuoteGroup>();
  for (const q of cluster.analysis.quotes) {
    const doc = docs.get(q.document);
    if (!doc) continue;
    const group = groups.get(q.utterance) ?? { utterance: q.utterance, speaker: q.speaker, quotes: [] };
    group.quotes.push({ ...q, outlet: outletName(doc), anchor: mentionAnchor({ document: q.document, start: q.start, end: q.end }, docs) ?? '' });
    groups.set(q.utterance, group);
  }

  return {
    title: eventTitle(members),
    date: eventDate(members),
    outlets: [...byOutlet.keys()],
    columns,
    figures,
    otherFindings: findings.filter((f) => !used.has(f)),
    quotes: [...groups.values()],
  };
}

function dedupe<T>(items: T[], key: (t: T) => string): T[] {
  const seen = new Set<string>();
  return items.filter((t) => !seen.has(key(t)) && !!seen.add(key(t)));
}
