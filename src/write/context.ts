// Sentences that stand on their own. A source sentence that opens with words pointing back at the
// sentence before it (두 사람은, 그는, 이 회장은, 이 프로젝트는, 특히, 앞서, 이날 …) either gets what those
// words point at from its own document, marked as newsdesk's insertion (`[최태원 회장과 샘 올트먼 CEO] 두
// 사람은`, `[2월 4일]`), or stays out of the post. A quote whose speaker the sentence leaves unnamed gets
// the speaker the analysis found.
import type { Entity, Mention, NewsDoc, Quote, Sentence, TextRun } from '../types.js';
import { josa } from '../text/josa.js';
import { dayWords, newsDayOf } from '../text/dates.js';
import { documentSentences } from './sentences.js';
import { CONTEXT } from './tunables.js';

export interface ContextFacts {
  entities: Entity[];
  quotes: Quote[];
}

const PARTICLE_PAIRS = ['은/는', '이/가', '을/를', '와/과', '으로/로'] as const;
const within = (m: Mention, s: { start: number; end: number }) => !m.field && m.start >= s.start && m.end <= s.end;

/** `최태원 회장`, `샘 올트먼 최고경영자`: the name with the title its role ends in. */
export function displayName(e: Entity): string {
  const title = e.role?.split(' ').pop();
  return title && e.type === 'person' && !e.name.endsWith(title) ? `${e.name} ${title}` : e.name;
}

/** The entities a stretch of a document names, in the order it names them. */
function named(doc: NewsDoc, span: { start: number; end: number }, entities: Entity[], types: string[]): Entity[] {
  return entities
    .filter((e) => types.includes(e.type))
    .map((e) => ({ e, at: Math.min(...e.mentions.filter((m) => m.document === doc.id && within(m, span)).map((m) => m.start)) }))
    .filter((x) => Number.isFinite(x.at))
    .sort((a, b) => a.at - b.at)
    .map((x) => x.e);
}

/** `A와 B`, `A·B·C`. */
const and = (names: string[]) => (names.length === 2 ? `${josa(names[0], '와/과')} ${names[1]}` : names.join('·'));

export class Context {
  private readonly days = new Map<string, string | null>();
  constructor(private readonly facts: ContextFacts) {}

  private dayOf(doc: NewsDoc): string | null {
    if (!this.days.has(doc.id)) this.days.set(doc.id, newsDayOf(doc.publishedAt, doc.body));
    return this.days.get(doc.id)!;
  }

  /** The sentences before `s` in its document, nearest first. */
  private before(doc: NewsDoc, s: Sentence): Sentence[] {
    return documentSentences(doc).filter((x) => x.end <= s.start).reverse().slice(0, CONTEXT.lookBack);
  }

  /** The runs of a sentence that needs nothing before it, or null when it cannot stand alone. */
  resolve(doc: NewsDoc, s: Sentence): TextRun[] | null {
    let text = s.text.trim();
    const runs: TextRun[] = [];
    if (CONTEXT.dropOpeners.test(text) || CONTEXT.explainsBefore.test(text)) return null;
    const strip = CONTEXT.stripOpeners.exec(text);
    if (strip) {
      // 앞서 keeps its sentence only when the sentence dates itself (앞서 … 지난해 6월).
      if (/^앞서/.test(strip[0]) && !CONTEXT.ownDate.test(text)) return null;
      text = text.slice(strip[0].length);
    }
    const back = this.before(doc, s);
    const { entities } = this.facts;

    const group = CONTEXT.groupOpener.exec(text);
    if (group) {
      const count = { 두: 2, 세: 3, 네: 4 }[group[1] as '두'] ?? 0;
      const types = /사람|정상|그들|이들/.test(group[0]) ? ['person'] : /회사|기업|양사/.test(group[0]) ? ['organization'] : ['person', 'organization'];
      const who = back.map((x) => named(doc, x, entities, types)).find((list) => (count ? list.length === count : list.length >= 2));
      if (!who) return null;
      runs.push({ text: and(who.map(displayName)), by: 'inserted' }, { text: ' ', by: 'source' });
    }

    const pronoun = CONTEXT.pronoun.exec(text);
    if (pronoun) {
      // 그는 points at the subject of the sentence before; if that subject is not a known person, drop.
      const who = back.length ? this.subject(doc, back[0]) : null;
      if (!who) return null;
      const name = displayName(who);
      const particle = pronoun[2];
      runs.push({ text: particle === '는' ? josa(name, '은/는') : particle === '가' ? josa(name, '이/가') : `${name}${particle}`, by: 'inserted' });
      text = text.slice(pronoun[1].length + pronoun[2].length);
    }

    const demo = CONTEXT.demonstrative.exec(text);
    if (demo) {
      const [whole, det, noun] = demo;
      const ref = this.referent(doc, back, det, noun);
      if (!ref) return null;
      text = text.slice(whole.length);
      // The particle was chosen for the noun (제품은); the name may want the other form (하람은, 누리는).
      const particle = /^(은|는|이|가|을|를|과|와|으로|로)(?=\s)/.exec(text)?.[1];
      const pair = particle && PARTICLE_PAIRS.find((p) => p.split('/').includes(particle));
      if (pair) {
        const fitted = josa(ref, pair);
        runs.push({ text: ref, by: 'inserted' }, { text: fitted.slice(ref.length), by: 'source' });
        text = text.slice(particle!.length);
      } else runs.push({ text: ref, by: 'inserted' });
    }

    // 이날 / 전날(3일) → the stated date.
    const day = this.dayOf(doc);
    let at = 0;
    for (const m of text.matchAll(CONTEXT.relativeDay)) {
      const shift = CONTEXT.dayShift[m[1]] ?? 0;
      const stated = m[2] ? Number(m[2]) : null;
      if (!day && stated === null) {
        if (m.index === 0 && !runs.length) return null;
        continue;
      }
      let iso = day;
      if (iso) {
        const t = new Date(`${iso}T00:00:00Z`);
        t.setUTCDate(t.getUTCDate() + shift);
        iso = t.toISOString().slice(0, 10);
      }
      const words = iso ? dayWords(iso) : `${stated}일`;
      if (m.index! > at) runs.push({ text: text.slice(at, m.index), by: 'source' });
      runs.push({ text: words, by: 'inserted' });
      at = m.index! + m[0].length;
    }
    if (at < text.length) runs.push({ text: text.slice(at), by: 'source' });

    // A quote whose speaker the sentence does not name (…마치고 나오면서는 “…”라며): name the speaker.
    const speaker = this.unnamedSpeaker(doc, s);
    if (speaker && !runs.some((r) => r.by === 'inserted')) runs.unshift({ text: josa(displayName(speaker), '은/는'), by: 'inserted' }, { text: ' ', by: 'source' });
    // No subject at all (국내 … 인수 가운데 최대 규모다): it is about what the sentence before named.
    if (!runs.some((r) => r.by === 'inserted') && !this.hasQuote(doc, s) && !hasSubject(text)) return null;
    return merge(runs);
  }

  private hasQuote(doc: NewsDoc, s: Sentence): boolean {
    return this.facts.quotes.some((q) => q.document === doc.id && q.start >= s.start && q.end <= s.end);
  }

  /** The person a sentence is about: named right before a subject or topic marker (최 회장은, 강 대표가). */
  private subject(doc: NewsDoc, s: Sentence): Entity | null {
    for (const e of named(doc, s, this.facts.entities, ['person'])) {
      const m = e.mentions.find((x) => x.document === doc.id && within(x, s))!;
      if (CONTEXT.subjectAfterName.test(doc.body.slice(m.end, m.end + 12))) return e;
    }
    return null;
  }

  private unnamedSpeaker(doc: NewsDoc, s: Sentence): Entity | null {
    const q = this.facts.quotes.find((x) => x.document === doc.id && x.start >= s.start && x.end <= s.end && x.speaker);
    if (!q) return null;
    const e = this.facts.entities.find((x) => x.name === q.speaker);
    if (!e) return null;
    // Named before the quote opens (as subject or topic): nothing to add.
    const openAt = q.start;
    if (e.mentions.some((m) => m.document === doc.id && !m.field && m.start >= s.start && m.start < openAt)) return null;
    // The sentence opens on a subject of its own (한 대표는 "…"): it names its speaker, whoever the analysis found.
    if (CONTEXT.ownSubject.test(doc.body.slice(s.start, openAt))) return null;
    return e;
  }

  private referent(doc: NewsDoc, back: Sentence[], det: string, noun: string): string | null {
    const { entities } = this.facts;
    if (CONTEXT.personTitles.includes(noun)) {
      // 이 회장 is surname 이 + title when such a person is in the story; otherwise "this chairman".
      const surnamed = det === '이' && entities.find((e) => e.type === 'person' && e.name.startsWith('이') && e.role?.endsWith(noun));
      const person = surnamed || back.map((x) => named(doc, x, entities, ['person']).find((e) => e.role?.endsWith(noun))).find(Boolean);
      return person ? `${person.name} ${noun}` : null;
    }
    const types = CONTEXT.thingTypes[noun];
    if (!types) return null;
    const thing = back.map((x) => named(doc, x, entities, types)[0]).find(Boolean);
    if (thing) return thing.name.endsWith(noun) ? thing.name : `${thing.name} ${noun}`;
    // No entity of that kind: the name the sentences before give it (이 프로젝트 after 누리길 프로젝트,
    // 해당 제품 after '누리온'); a company is never guessed from quotes.
    if (!types.includes('project') && !types.includes('product')) return null;
    const text = (x: Sentence) => doc.body.slice(x.start, x.end);
    const found = back.map((x) => (noun === '프로젝트' ? CONTEXT.projectName.exec(text(x))?.[1] : null) ?? CONTEXT.quotedName.exec(text(x))?.[1]).find(Boolean);
    return found ?? null;
  }
}

/** True when some word of the sentence carries a subject or topic particle (회사는, 10만 명이, 하스 CEO도). */
const hasSubject = (text: string): boolean =>
  text.split(/\s+/).some((w) => CONTEXT.subjectWord.test(w.replace(/[^가-힣A-Za-z0-9]+$/u, '')));

/** Neighbouring runs of the same kind become one. */
function merge(runs: TextRun[]): TextRun[] {
  const out: TextRun[] = [];
  for (const r of runs) {
    if (!r.text) continue;
    const last = out[out.length - 1];
    if (last && last.by === r.by) last.text += r.text;
    else out.push({ ...r });
  }
  return out;
}

/** The sentence as one string, insertions in brackets (how the renderer shows them, before escaping). */
export const plainText = (runs: TextRun[]) => runs.map((r) => (r.by === 'inserted' ? `[${r.text}]` : r.text)).join('').replace(/\s+/g, ' ').trim();
