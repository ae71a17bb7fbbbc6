// The guard between an LLM's rewording and the post: a rewritten sentence may change words, never facts.
// A figure, a name or a quote the cluster's sources do not hold sends the sentence back to its
// extractive original. Every rejection says which rule fired, so the run can report it.
import type { Entity, NewsDoc, NumberMention, PostSentence, Quote } from '../../types.js';
import { documentSentences } from '../sentences.js';
import { GUARD } from './tunables.js';
import { fold } from '../../text/fold.js';


/** What the cluster knows: the sources' text and the analysis' entities, numbers and quotes. */
export interface Facts {
  docs: NewsDoc[];
  entities: Entity[];
  numbers: NumberMention[];
  quotes: Quote[];
}

export type Verdict = { ok: true } | { ok: false; rule: string; reason: string };

const cache = new WeakMap<Facts, { text: string; numberTexts: string[]; persons: { canonical: string; surfaces: string[] }[]; sentences: string[][] }>();

function prepare(facts: Facts) {
  let p = cache.get(facts);
  if (!p) {
    p = {
      text: fold(facts.docs.map((d) => [d.title ?? '', ...d.subtitles, d.body].join('\n')).join('\n')),
      numberTexts: facts.numbers.map((n) => fold(n.text)),
      persons: facts.entities
        .filter((e) => e.type === 'person')
        .map((e) => ({ canonical: e.name, surfaces: [...new Set([e.name, ...e.aliases])].filter((s) => s.length >= 2) })),
      sentences: facts.docs.map((d) => documentSentences(d).map((s) => fold(s.text))),
    };
    cache.set(facts, p);
  }
  return p;
}

/** Figures as written: digits with their magnitude words and unit, e.g. `5,000억 달러`, `15%`, `40MW`. */
function figuresIn(text: string): string[] {
  return [...text.matchAll(GUARD.figure)].map((m) => m[0].trim().replace(/[.,]+$/, ''));
}

/** Quoted passages long enough to be somebody's words. */
function quotesIn(text: string): string[] {
  return [...text.matchAll(GUARD.quote)].map((m) => (m[1] ?? m[2] ?? m[3] ?? '').trim()).filter((q) => q.length >= GUARD.minQuoteChars);
}

/** Names the sentence puts forward: Latin proper nouns and Hangul names before a title (박OO 대표). */
function namesIn(text: string): string[] {
  const latin = [...text.matchAll(/\b[A-Z][A-Za-z0-9&.-]*[A-Za-z0-9]\b/g)].map((m) => m[0]);
  const titled = [...text.matchAll(GUARD.titledName)].map((m) => m[1]);
  return [...new Set([...latin, ...titled])];
}

/** Checks one rewritten sentence against the facts and the extractive sentence it replaces. */
export function checkSentence(candidate: string, original: PostSentence, facts: Facts): Verdict {
  const p = prepare(facts);
  const text = candidate.trim();
  if (!text) return { ok: false, rule: 'llm-guard-empty', reason: 'the LLM returned an empty sentence' };
  if (/\[\^|\]\(|^#|\n/.test(text)) {
    return { ok: false, rule: 'llm-guard-markup', reason: 'the LLM returned Markdown (footnotes, links, headings or line breaks)' };
  }
  if (text.length > original.text.length * GUARD.maxGrowth + GUARD.slackChars) {
    return { ok: false, rule: 'llm-guard-too-long', reason: `the rewording is much longer than the original (${text.length} vs ${original.text.length} characters)` };
  }
  for (const f of figuresIn(text)) {
    const ff = fold(f);
    if (!p.text.includes(ff) && !p.numberTexts.some((n) => n.includes(ff))) {
      return { ok: false, rule: 'llm-guard-invented-figure', reason: `figure "${f}" is not written in any source` };
    }
  }
  for (const name of namesIn(text)) {
    if (!p.text.includes(fold(name))) {
      return { ok: false, rule: 'llm-guard-unknown-name', reason: `name "${name}" does not appear in any source` };
    }
  }
  const named = p.persons.filter((person) => person.surfaces.some((s) => text.includes(s)));
  for (const q of quotesIn(text)) {
    const fq = fold(q);
    const where = p.sentences.flatMap((doc) => doc.map((s, i) => (s.includes(fq) ? (doc[i - 1] ?? '') + s : null))).filter((s): s is string => s !== null);
    if (!where.length) return { ok: false, rule: 'llm-guard-invented-quote', reason: `quote "${q}" is not in any source` };
    // Whoever the sentence names beside the quote must stand beside it in a source too.
    const stranger = named.find((person) => !where.some((ctx) => person.surfaces.some((s) => ctx.includes(fold(s)))));
    const analysed = facts.quotes.find((x) => fold(x.text).includes(fq) || fq.includes(fold(x.text)));
    const wrongSpeaker = analysed?.speaker && named.length &&
      !named.some((person) => person.canonical === analysed.speaker || person.surfaces.includes(analysed.speaker!));
    if (stranger || wrongSpeaker) {
      const who = stranger?.canonical ?? named[0].canonical;
      return { ok: false, rule: 'llm-guard-misattributed-quote', reason: `quote "${q}" is attributed to ${who}, but the sources give it to ${analysed?.speaker ?? 'someone else'}` };
    }
  }
  return { ok: true };
}
