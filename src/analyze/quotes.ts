// Quotes: spans in “…”, "…" (and ‘…’ only when a verb of saying follows, since ‘…’ usually marks a
// term), their speaker (the subject before the quote, else the one after, else the speaker of the quote
// it is chained to, else the subject of the sentence before), and utterance groups across documents.
import type { Entity, Message, NewsDoc, Quote } from '../types.js';
import { message } from '../messages.js';
import { shortId } from '../ids.js';
import { QUOTE_WORD_ENDINGS, endingIn } from '../text/particles.js';
import { bigrams, jaccard } from '../text/similarity.js';
import {
  COMMON_QUOTE_WORD_SHARE, MIN_QUOTE_CHARS, MIN_SHARED_QUOTE_WORDS, QUOTE_STOPWORDS, SPEECH_VERBS, UTTERANCE_SIMILARITY,
} from './tunables-entities.js';

interface RawQuote {
  doc: string;
  start: number;
  end: number;
  text: string;
  speaker: string | null;
  /** Quotes joined by …라며/…면서 in one sentence report one statement. */
  chain: number;
}

interface Ref {
  start: number;
  end: number;
  name: string;
  type: Entity['type'];
}

// Opening → closing marks. Straight quotes pair with themselves.
const QUOTE = /“([^“”\n]{1,400})”|"([^"\n]{1,400})"|‘([^‘’\n]{1,200})’/g;
// After a quote: the quoting ending (…라고/…이라며/…고) and, within the sentence, a verb of saying.
const CHAIN_AFTER = /^[”"’]?\s*(?:이?라며|이?라면서|며|면서|고\s*말하며)\s*$/;
const SUBJECT = /^(은|는|이|가|도|께서|이는|측은|측이)$/;
// On a name or its title: the one met, spoken to or about (고 회장과, 회장에게, 회장에 대해), not the speaker.
const OBLIQUE = /(?:과|와|에게|께|한테|을|를|의|에|에서|로)(?:는|도|의|서)?$|^(?:과|와|에게|께|한테|을|를|의|에)/;
const PRONOUN_SUBJECT = /(?:^|\s)(그는|그가|그녀는|그녀가|이들은|그도)\s/;

export function findQuotes(docs: NewsDoc[], entities: Entity[], messages: Message[] = []): Quote[] {
  const raws: RawQuote[] = [];
  let chainId = 0;
  for (const doc of docs) {
    const refs = refsOf(doc.id, entities);
    let prevSpeaker: string | null = null;
    let prevEnd = -1;
    let prevChain = -1;
    for (const m of doc.body.matchAll(QUOTE)) {
      const inner = m[1] ?? m[2] ?? m[3];
      const start = m.index! + 1;
      const end = start + inner.length;
      const sentence = sentenceAround(doc.body, m.index!, m.index! + m[0].length);
      const after = doc.body.slice(end + 1, sentence.end);
      const speech = saysAfter(after);
      if (m[3] !== undefined && !speech) continue; // ‘term’
      if (inMarkup(doc.body, m.index!, inner)) {
        messages.push(message('analyze', 'quote-in-markup', `not a quote: “${inner.slice(0, 30)}” is markup or an attribute value`, { source: doc.id, span: { start, end } }, 'info'));
        continue;
      }
      if (inner.replace(/\s+/g, '').length < MIN_QUOTE_CHARS && !speech) continue;
      // Chained to the quote just before in the same sentence (“A”라며 “B”라고 말했다).
      const between = doc.body.slice(prevEnd + 1, m.index!);
      const chained = prevEnd >= 0 && prevEnd > sentence.start && CHAIN_AFTER.test(between);
      // 그는 “…”: a pronoun subject refers back to the last speaker or the previous sentence's subject.
      const pronoun = PRONOUN_SUBJECT.test(' ' + doc.body.slice(sentence.start, m.index!).split(/\s+/).slice(0, 2).join(' ') + ' ');
      let speaker = pronoun ? null : subjectBefore(doc.body, refs, sentence.start, m.index!);
      if (!speaker && chained) speaker = prevSpeaker;
      if (!speaker && !pronoun) speaker = nameIn(doc.body, refs, end + 1, sentence.end);
      if (!speaker && (pronoun || speech)) {
        speaker = prevSpeakerOrSubject(doc.body, refs, sentence.start, prevSpeaker, prevEnd);
      }
      if (!speaker) {
        messages.push(message('analyze', 'quote-without-speaker', `no speaker found for “${inner.slice(0, 30)}”`, { source: doc.id, span: { start, end } }, 'info'));
      }
      const chain = chained ? prevChain : chainId++;
      raws.push({ doc: doc.id, start, end, text: inner, speaker, chain });
      prevSpeaker = speaker;
      prevEnd = end;
      prevChain = chain;
    }
  }
  const utterances = groupUtterances(raws);
  return raws.map((q, i) => ({ start: q.start, end: q.end, speaker: q.speaker, text: q.text, document: q.doc, utterance: utterances[i] }));
}

/** `alt="…"`, `<a href="…">`, a quoted tag: markup left in a text is not anyone's speech. `at` is the
 *  opening quote mark; only its own line is looked at, so the check stays linear. */
function inMarkup(body: string, at: number, inner: string): boolean {
  const line = body.slice(body.lastIndexOf('\n', at - 1) + 1, at);
  if (/[\w-]\s*=\s*$/.test(line)) return true; // an attribute value
  if (line.lastIndexOf('<') > line.lastIndexOf('>') && /<[a-z!/]/i.test(line.slice(line.lastIndexOf('<')))) return true; // inside a tag
  return /<\/?[a-z][a-z0-9-]*(\s[^>]*)?>/i.test(inner);
}

/** Person (then organization) mentions in one document, with their canonical names. */
function refsOf(doc: string, entities: Entity[]): Ref[] {
  const refs: Ref[] = [];
  for (const e of entities) {
    if (e.type !== 'person' && e.type !== 'organization') continue;
    // Caption mentions (field set) index a caption, not the body: captions never name a speaker.
    for (const m of e.mentions) if (m.document === doc && !m.field) refs.push({ start: m.start, end: m.end, name: e.name, type: e.type });
  }
  return refs.sort((a, b) => a.start - b.start);
}

/** The sentence holding [from, to): from the previous sentence end (or line start) to the next one. */
function sentenceAround(body: string, from: number, to: number): { start: number; end: number } {
  let start = from;
  while (start > 0 && body[start - 1] !== '\n' && !(/[.!?]/.test(body[start - 1]) && /\s/.test(body[start] ?? ''))) start--;
  let end = to;
  while (end < body.length && body[end] !== '\n' && !(/[.!?]/.test(body[end]) && (end + 1 >= body.length || /\s/.test(body[end + 1])))) end++;
  return { start, end };
}

/** A verb of saying in what follows the quote, up to the sentence end. */
function saysAfter(after: string): boolean {
  const head = after.replace(/^[\s]*/, '');
  if (!/^(이?라고|이?라며|이?라면서|고|며|면서|라는|이란)/.test(head) && !/^(라|이라)/.test(head)) return false;
  return SPEECH_VERBS.some((v) => after.includes(v)) || /^(이?라며|이?라면서|며|면서)/.test(head);
}

/** The subject of the sentence before the quote: a mention followed (within its phrase) by 은/는/이/가/도. */
function subjectBefore(body: string, refs: Ref[], from: number, to: number): string | null {
  const inSentence = refs.filter((r) => r.start >= from && r.end <= to);
  const persons = inSentence.filter((r) => r.type === 'person');
  for (const group of [persons, inSentence]) {
    for (const r of group) if (isSubject(body.slice(r.end, to))) return r.name;
  }
  return null;
}

function isSubject(after: string): boolean {
  // The particle is glued to the mention (손 회장은) or ends a word or two later (손정의 소프트뱅크그룹 회장도).
  const words = after.split(/\s+/).slice(0, 3);
  // Glued to the mention: only a subject particle makes it the subject (최 회장에 대해서는 is not).
  if (words[0] !== '') return SUBJECT.test(words[0]);
  for (const w of words.slice(1)) {
    const particle = w.match(/(은|는|이|가|도|께서)$/)?.[1];
    if (w === '' ) continue;
    if (SUBJECT.test(w)) return true;
    if (particle) return /^[\uac00-\ud7a3A-Za-z]*$/.test(w) && !/(에게|에서|과|와|의|을|를|로)$/.test(w);
    if (/[^\uac00-\ud7a3A-Za-z()]/.test(w)) return false;
  }
  return false;
}

/**
 * The first person named within [from, to) who is not the one spoken to or about: a name taking
 * 과/와/에게/을/를/의/에 (고 회장과 만난 뒤, 고 회장에 대해) is the addressee or the topic, never the
 * speaker, even when the speaker (서 대표는) is no entity newsdesk knows.
 */
function nameIn(body: string, refs: Ref[], from: number, to: number): string | null {
  return refs.find((r) => r.start >= from && r.end <= to && r.type === 'person' && !addressed(body.slice(r.end, to)))?.name ?? null;
}

/** True when the words after a name give it an oblique particle (on the name or on its title). */
function addressed(after: string): boolean {
  const words = after.split(/\s+/).slice(0, 2);
  const word = words[0] !== '' ? words[0] : words[1] ?? '';
  return OBLIQUE.test(word);
}

/** 그는 “…”, or a quote with no name in its sentence: the last speaker, else the previous sentence's subject. */
function prevSpeakerOrSubject(body: string, refs: Ref[], sentenceStart: number, prevSpeaker: string | null, prevEnd: number): string | null {
  // Step back over the blank line between paragraphs to the last character of the sentence before.
  let last = sentenceStart - 1;
  while (last > 0 && /\s/.test(body[last])) last--;
  const prev = sentenceAround(body, Math.max(0, last), Math.max(0, last + 1));
  if (prevSpeaker && prevEnd >= prev.start) return prevSpeaker;
  return subjectBefore(body, refs, prev.start, prev.end) ?? nameIn(body, refs, prev.start, prev.end);
}

const ENDING = endingIn(QUOTE_WORD_ENDINGS);

/** Content character bigrams: words without their particles or endings, as bigrams. */
function contentBigrams(text: string): Set<string> {
  const out = new Set<string>();
  for (const w of text.replace(/[^\uac00-\ud7a3A-Za-z0-9 ]/g, ' ').split(/\s+/)) for (const g of bigrams(w.replace(ENDING, ''))) out.add(g);
  return out;
}

/** Content words of a quote, particles and endings stripped, fillers dropped (생산적인 → 생산적인, 만남이었다 → 만남이었). */
function contentWords(text: string): string[] {
  const out = new Set<string>();
  for (const raw of text.replace(/[^\uac00-\ud7a3A-Za-z0-9 ]/g, ' ').split(/\s+/)) {
    if (!raw || QUOTE_STOPWORDS.has(raw)) continue;
    const w = raw.replace(ENDING, '');
    if (w.length >= 2 && !QUOTE_STOPWORDS.has(w)) out.add(w);
  }
  return [...out];
}

/** Two words are one stem when they share their first two characters (생산적인 ~ 생산적, 협력 ~ 협력을). */
const sameStem = (a: string, b: string): boolean => a.slice(0, 2) === b.slice(0, 2);

/** `f` remembering its answer per text (the answers are only read, never changed). */
function memo<T>(f: (text: string) => T): (text: string) => T {
  const seen = new Map<string, T>();
  return (text) => {
    if (!seen.has(text)) seen.set(text, f(text));
    return seen.get(text)!;
  };
}

/**
 * One id per statement. Two quotes of one speaker are one statement when their content bigrams overlap
 * (Jaccard) and they share at least two content words, rare words counting full and the story's common
 * words half. Chained quotes (“A”라며 “B”) start as one group, unless other reports quote A and B as
 * separate remarks. Groups then merge by average similarity. Two groups from the same document never
 * merge: one article reports one statement once, so a second quote there is a second statement.
 *
 * Near-linear in the cluster: only quotes of one speaker are compared, each distinct text pair once
 * (a big event repeats the same words in hundreds of reports), and average-link merging keeps sparse
 * similarity sums between groups in a heap instead of rescanning all pairs of groups after each merge.
 */
function groupUtterances(quotes: RawQuote[]): string[] {
  const texts = quotes.map((q) => q.text);
  // textSim compares many pairs: each text is split into words and bigrams once, not once per pair.
  const wordsOf = memo(contentWords);
  const bigramsOf = memo(contentBigrams);
  const df = new Map<string, number>();
  for (const t of texts) for (const w of wordsOf(t)) df.set(w.slice(0, 2), (df.get(w.slice(0, 2)) ?? 0) + 1);
  const common = (w: string) => (df.get(w.slice(0, 2)) ?? 0) > Math.max(2, quotes.length * COMMON_QUOTE_WORD_SHARE);
  /** Similarity of two statements' texts: bigram Jaccard, gated by shared content words (a's words found in b). */
  const textSimOnce = (a: string, b: string) => {
    const wb = wordsOf(b);
    let shared = 0;
    for (const w of wordsOf(a)) if (wb.some((x) => sameStem(w, x))) shared += common(w) ? 0.5 : 1;
    return shared >= MIN_SHARED_QUOTE_WORDS ? jaccard(bigramsOf(a), bigramsOf(b)) : 0;
  };
  const textSims = new Map<string, number>();
  const textSim = (a: string, b: string) => {
    const key = `${a}\u0000${b}`;
    let s = textSims.get(key);
    if (s === undefined) textSims.set(key, (s = textSimOnce(a, b)));
    return s;
  };
  const bySpeaker = new Map<string, number[]>();
  quotes.forEach((q, i) => q.speaker && bySpeaker.set(q.speaker, [...(bySpeaker.get(q.speaker) ?? []), i]));

  // Units: one per statement as a document tells it (a chain, or its parts when reported apart).
  const byChain = new Map<number, number[]>();
  quotes.forEach((q, i) => byChain.set(q.chain, [...(byChain.get(q.chain) ?? []), i]));
  /** Quotes in other documents each match only one part of the chain, and none matches two parts. */
  const reportedApart = (chain: number[]) => {
    const { doc, speaker } = quotes[chain[0]];
    const links = (speaker ? bySpeaker.get(speaker)! : []).filter((q) => quotes[q].doc !== doc)
      .map((q) => chain.filter((p) => textSim(texts[q], texts[p]) >= UTTERANCE_SIMILARITY));
    if (links.some((l) => l.length > 1)) return false;
    return new Set(links.filter((l) => l.length === 1).map((l) => l[0])).size > 1;
  };
  const units: number[][] = [];
  for (const chain of byChain.values()) {
    if (chain.length > 1 && reportedApart(chain)) units.push(...chain.map((i) => [i]));
    else units.push(chain);
  }
  const groups = mergeByAverageSimilarity(units, quotes, (a, b) => textSim(a, b));
  const ids = new Array<string>(quotes.length);
  for (const g of groups) {
    const first = quotes[Math.min(...g)];
    for (const i of g) ids[i] = shortId('u', `${first.doc}:${first.start}`);
  }
  return ids;
}

/**
 * Average-link merging of units (lists of quote indices) of one speaker, never two groups that share a
 * document, until no pair of groups reaches UTTERANCE_SIMILARITY. The best pair merges first; ties go to
 * the pair whose groups come first in unit order. Groups are keyed by their first unit. Only unit pairs of
 * one speaker with a non-zero similarity are ever stored, so a group pair with no such link (average 0)
 * is never considered. Returns the groups as quote indices.
 */
function mergeByAverageSimilarity(units: number[][], quotes: RawQuote[], textSim: (a: string, b: string) => number): number[][] {
  const unitText = units.map((u) => u.map((i) => quotes[i].text).join(' '));
  const speakerOf = (u: number) => quotes[units[u][0]].speaker;
  const docOf = (u: number) => quotes[units[u][0]].doc;
  /** Sum of unit-pair similarities between two live groups, by group key. */
  const sums = units.map(() => new Map<number, number>());
  const members = units.map((_, u) => [u]);
  const docs = units.map((u) => new Set(u.map((i) => quotes[i].doc)));
  const version = units.map(() => 0);
  const heap = new PairHeap();

  // Unit pairs of one speaker whose texts share a content-word stem (the only ones textSim can score above 0).
  const bySpeaker = new Map<string, number[]>();
  units.forEach((_, u) => { const s = speakerOf(u); if (s) bySpeaker.set(s, [...(bySpeaker.get(s) ?? []), u]); });
  for (const group of bySpeaker.values()) {
    const byText = new Map<string, number[]>();
    for (const u of group) byText.set(unitText[u], [...(byText.get(unitText[u]) ?? []), u]);
    for (const [ta, ua] of byText) {
      for (const [tb, ub] of byText) {
        if (ta > tb) continue;
        // The earlier unit's text comes first (textSim counts the first text's words).
        const ab = textSim(ta, tb), ba = textSim(tb, ta);
        if (!ab && !ba) continue;
        for (const a of ua) {
          for (const b of ub) {
            if ((ta === tb && b <= a) || docOf(a) === docOf(b)) continue;
            const s = a < b ? ab : ba;
            if (s > 0) { sums[a].set(b, s); sums[b].set(a, s); }
          }
        }
      }
    }
  }
  const offer = (a: number, b: number) => {
    const [lo, hi] = a < b ? [a, b] : [b, a];
    const avg = sums[lo].get(hi)! / (members[lo].length * members[hi].length);
    if (avg >= UTTERANCE_SIMILARITY) heap.push({ avg, lo, hi, vlo: version[lo], vhi: version[hi] });
  };
  for (let a = 0; a < units.length; a++) for (const b of sums[a].keys()) if (a < b) offer(a, b);

  for (let top = heap.pop(); top; top = heap.pop()) {
    const { lo, hi } = top;
    if (version[lo] !== top.vlo || version[hi] !== top.vhi) continue; // a group changed since: stale
    if ([...docs[hi]].some((d) => docs[lo].has(d))) continue; // docs only grow: never valid again
    // Merge hi into lo: lo keeps the smaller key, as the first-in-order group would.
    members[lo].push(...members[hi]);
    for (const d of docs[hi]) docs[lo].add(d);
    version[lo]++;
    version[hi] = -1;
    for (const [c, s] of sums[hi]) {
      sums[c].delete(hi);
      if (c === lo) continue;
      const merged = (sums[lo].get(c) ?? 0) + s;
      sums[lo].set(c, merged);
      sums[c].set(lo, merged);
    }
    sums[lo].delete(hi);
    sums[hi].clear();
    for (const c of sums[lo].keys()) offer(lo, c);
  }
  return members.filter((_, u) => version[u] >= 0).map((g) => g.flatMap((u) => units[u]));
}

interface PairEntry { avg: number; lo: number; hi: number; vlo: number; vhi: number }

/** Max-heap of group pairs: highest average first, then the pair whose groups come first. */
class PairHeap {
  private items: PairEntry[] = [];
  private static before(a: PairEntry, b: PairEntry): boolean {
    return a.avg !== b.avg ? a.avg > b.avg : a.lo !== b.lo ? a.lo < b.lo : a.hi < b.hi;
  }
  push(e: PairEntry): void {
    const xs = this.items;
    xs.push(e);
    for (let i = xs.length - 1; i > 0;) {
      const p = (i - 1) >> 1;
      if (!PairHeap.before(xs[i], xs[p])) break;
      [xs[i], xs[p]] = [xs[p], xs[i]];
      i = p;
    }
  }
  pop(): PairEntry | undefined {
    const xs = this.items;
    const top = xs[0];
    const last = xs.pop();
    if (xs.length && last) {
      xs[0] = last;
      for (let i = 0; ;) {
        const l = 2 * i + 1, r = l + 1;
        let m = i;
        if (l < xs.length && PairHeap.before(xs[l], xs[m])) m = l;
        if (r < xs.length && PairHeap.before(xs[r], xs[m])) m = r;
        if (m === i) break;
        [xs[i], xs[m]] = [xs[m], xs[i]];
        i = m;
      }
    }
    return top;
  }
}
