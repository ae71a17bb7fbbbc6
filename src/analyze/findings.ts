// findings: what the outlets of one cluster say differently, or alike, about the same thing.
//   conversion-variance  one foreign amount, several won amounts: different exchange rates, not a contradiction
//   arithmetic-check     a stated ratio (30분의 1, 2배) or total (총 400억달러) against the figures it sums up
//   differing-figures    different values for one quantity, tied by a rare topic word (사법 리스크: 8년 vs 4년5개월)
//   agreement            one quantity in different wording (두 시간가량 = 약 2시간)
//   coverage-gap         an entity or figure only some report documents carry
// Findings are data: the figures as stated (`values`, and `stated` with the documents that wrote each),
// newsdesk's own arithmetic (`computed`) and a `verdict` from a closed set (FindingVerdict). Words for a
// reader are the writer's (src/write/findings.ts); nothing here is prose.
import type { Entity, Finding, FindingVerdict, Mention, NewsDoc, NumberMention, Quote, Span, TimelineEvent } from '../types.js';
import { sentenceSpans } from './timeline.js';
import {
  BARE_ENDINGS, CONVERSION_SLACK, MAX_COVERAGE_GAPS, MIN_SHARED_RARE_TOPICS, UNIQUE_TOPIC_MIN_CHARS, RARE_TOPIC_MAX_SENTENCES, RATIO_TOLERANCE, SAME_VALUE_TOLERANCE,
  TOPIC_STOPWORDS, TOPIC_WINDOW,
} from './tunables-numbers.js';
import { fold } from '../text/fold.js';
import { TOPIC_PARTICLES, stripParticle } from '../text/particles.js';
import { CURRENCY_WORDS } from '../text/tunables-amount.js';
import { currencyWord, formatAmount } from '../text/amount.js';

export interface Facts {
  entities: Entity[];
  numbers: NumberMention[];
  quotes: Quote[];
  timeline: TimelineEvent[];
}

/** The amount reader's currency table: the ISO codes that are money. */
const MONEY = new Set(Object.values(CURRENCY_WORDS));
const near = (a: number, b: number, tol = SAME_VALUE_TOLERANCE) => Math.abs(a - b) <= Math.abs(b) * tol;
const uniq = <T>(xs: T[]) => [...new Set(xs)];
const mention = (n: { document: string } & Span): Mention => ({ document: n.document, start: n.start, end: n.end });
const fmt = (n: number, digits = 1) => n.toLocaleString('en-US', { maximumFractionDigits: digits });

/** The amount as written, without qualifiers and the conversion in parentheses: `최대 5000억 달러(약 718조 원)` → `5000억 달러`. */
function bareText(n: NumberMention): string {
  return n.text.replace(/<[^>]+>/g, '').replace(/\(.*$/, '').replace(/^(약|대략|최대|최소|적어도)\s?/, '')
    .replace(/\s?(이상|이하|미만|초과|가량|쯤|정도)$/, '').trim();
}

interface Ctx {
  docs: Map<string, NewsDoc>;
  sentences: Map<string, Span[]>;
  /** In how many sentences of the cluster each topic word occurs. */
  sentenceFreq: Map<string, number>;
}

function sentenceAt(ctx: Ctx, doc: string, pos: number): { span: Span; index: number } | null {
  const list = ctx.sentences.get(doc) ?? [];
  const index = list.findIndex((s) => s.start <= pos && pos < s.end);
  return index >= 0 ? { span: list[index], index } : null;
}

/** Content words of a stretch of text, particles stripped, generic words and bare particles (으로, 이다) dropped. */
export function topicWords(text: string): string[] {
  // Word by word into a set, not split() into an array of every word: a sentence of 50k one-letter words
  // (`a.a.a.…`) made a 50k-element array whose allocation cost 30× per 10× of input (10 kB → 100 kB).
  const words = new Set<string>();
  for (const m of text.matchAll(TOPIC_WORD)) {
    const w = stripParticle(m[0], TOPIC_PARTICLES);
    if (w.length >= 2 && !TOPIC_STOPWORDS.has(w) && !BARE_ENDINGS.has(w)) words.add(w);
  }
  return [...words];
}
const TOPIC_WORD = /[가-힣A-Za-z]+/g;

/** A word that can sit inside a longer one (사업비 in 총사업비): three or more Hangul syllables. */
const INSIDE_WORD = /^[가-힣]{3,}$/;

/** The keys under which a figure's topic words can meet another's: each word, and a longer word's tail (총사업비 → 사업비). */
const topicKeys = (words: string[]): string[] =>
  uniq(words.flatMap((w) => (w.length >= 4 && INSIDE_WORD.test(w.slice(1)) ? [w, w.slice(1)] : [w])));

/** Topic words two figures share; a word inside a longer one counts (사업비 ~ 총사업비) and is given as the shorter. */
function sharedTopics(a: string[], b: string[]): string[] {
  const inside = (short: string, long: string) => long.length === short.length + 1 && long.endsWith(short) && INSIDE_WORD.test(short);
  return uniq(a.flatMap((x) => b.filter((y) => y === x || inside(x, y) || inside(y, x)).map((y) => (y.length < x.length ? y : x))));
}

function topicsOf(ctx: Ctx, n: NumberMention): string[] {
  const body = ctx.docs.get(n.document)?.body ?? '';
  const s = sentenceAt(ctx, n.document, n.start)?.span ?? { start: 0, end: body.length };
  // The window widens to whole words: a word cut in half (픈AI) would tie unrelated figures.
  let from = Math.max(s.start, n.start - TOPIC_WINDOW);
  let to = Math.min(s.end, n.end + TOPIC_WINDOW);
  while (from > s.start && /\S/.test(body[from - 1])) from--;
  while (to < s.end && /\S/.test(body[to])) to++;
  return topicWords(body.slice(from, n.start) + ' ' + body.slice(n.end, to));
}

// ---------------------------------------------------------------------------------------------

function conversionVariance(ctx: Ctx, numbers: NumberMention[]): Finding[] {
  const groups = new Map<string, NumberMention[]>();
  for (const n of numbers) {
    if (n.krw === null || n.value === null || n.unit === 'KRW') continue;
    const key = `${n.unit}|${n.value}`;
    groups.set(key, [...(groups.get(key) ?? []), n]);
  }
  const out: Finding[] = [];
  for (const group of groups.values()) {
    const wons = uniq(group.map((n) => n.krw!));
    if (wons.length < 2) continue;
    const lo = Math.min(...wons) * (1 - CONVERSION_SLACK);
    const hi = Math.max(...wons) * (1 + CONVERSION_SLACK);
    // A won figure standing alone near the converted ones (730조원 규모 스타게이트) is one more conversion.
    const alone = numbers.filter((n) => n.unit === 'KRW' && n.value !== null && n.value >= lo && n.value <= hi);
    const value = group[0].value!;
    const wonTexts = [
      ...group.map((n) => /\((?:한화|원화|약|대략|\s)*([^)]*?)\s*(?:규모|상당)?\)/.exec(n.text)?.[1] ?? formatAmount(n.krw!, 'KRW')),
      ...alone.map(bareText),
    ];
    const all = [...group, ...alone];
    const stated = statedBy(wonTexts.map((t, i) => ({ text: t.trim(), document: all[i].document })));
    const rates = [...group.map((n) => n.krw! / value), ...alone.map((n) => n.value! / value)];
    out.push({
      kind: 'conversion-variance',
      about: `${bareText(group[0])}의 원화 환산`,
      values: stated.map((v) => v.value),
      stated,
      documents: uniq(all.map((n) => n.document)),
      verdict: 'exchange-rate',
      // The implied rate is newsdesk's arithmetic, not a figure any outlet wrote: the rate's unit comes
      // first (원/달러 1,436–1,464), so no reader (or figure check) takes a number for a reported amount.
      computed: `원/${currencyWord(group[0].unit)} ${fmt(Math.min(...rates), 0)}–${fmt(Math.max(...rates), 0)}`,
      mentions: all.map(mention),
    });
  }
  return out;
}

/** Each written form once (spacing aside), with every document that wrote it, in first-seen order. */
function statedBy(found: { text: string; document: string }[]): { value: string; documents: string[] }[] {
  const out: { value: string; documents: string[] }[] = [];
  for (const f of found) {
    const same = out.find((v) => fold(v.value) === fold(f.text));
    if (same) same.documents = uniq([...same.documents, f.document]);
    else out.push({ value: f.text, documents: [f.document] });
  }
  return out;
}

/** Money amounts of one unit in a sentence and the one before it, nearest the given position first. */
function amountsAround(ctx: Ctx, numbers: NumberMention[], n: NumberMention): NumberMention[] {
  const here = sentenceAt(ctx, n.document, n.start);
  if (!here) return [];
  const list = ctx.sentences.get(n.document)!;
  const from = list[Math.max(0, here.index - 1)].start;
  return numbers
    .filter((x) => x !== n && x.document === n.document && MONEY.has(x.unit) && x.start >= from && x.end <= here.span.end)
    .sort((a, b) => Math.abs(a.start - n.start) - Math.abs(b.start - n.start));
}

/** A figure in newsdesk's arithmetic: plain for small prices (0.28), Korean units for big sums (5000억 달러). */
const num = (n: NumberMention) => (n.value! >= 1e4 ? formatAmount(n.value!, n.unit) : fmt(n.value!, 2));

function ratioChecks(ctx: Ctx, numbers: NumberMention[]): Finding[] {
  const out: Finding[] = [];
  for (const r of numbers) {
    if (r.value === null || (r.unit !== 'ratio' && r.unit !== 'times')) continue;
    const stated = r.unit === 'ratio' ? 1 / r.value : r.value;
    const around = amountsAround(ctx, numbers, r).filter((x) => x.value !== null && x.value > 0);
    const pair = around.length >= 2 ? [around[0], around.slice(1).find((x) => x.unit === around[0].unit)] : [];
    if (!pair[0] || !pair[1]) continue;
    const [small, big] = [pair[0], pair[1]].sort((a, b) => a.value! - b.value!);
    const computed = big.value! / small.value!;
    const atLeast = r.qualifier === 'at least' || r.qualifier === 'more than';
    const ok = atLeast ? computed >= stated * (1 - RATIO_TOLERANCE) : near(computed, stated, RATIO_TOLERANCE);
    // Off by more than the tolerance: the stated ratio is a loose rounding of the figures beside it.
    const verdict: FindingVerdict = ok ? 'consistent' : computed > stated ? 'understated' : 'overstated';
    out.push({
      kind: 'arithmetic-check',
      about: `비율: ${r.text} vs ${bareText(big)} ÷ ${bareText(small)}`,
      values: [small.text, big.text, r.text],
      documents: [r.document],
      verdict,
      computed: `${num(big)} ÷ ${num(small)} = ${fmt(computed, 1)}`,
      mentions: [small, big, r].map(mention),
    });
  }
  return out;
}

const TOTAL_WORDS = /(총|모두|합계|합쳐|전체|통틀어)\s?$/;

function totalChecks(ctx: Ctx, numbers: NumberMention[]): Finding[] {
  const out: Finding[] = [];
  for (const t of numbers) {
    if (t.value === null || !MONEY.has(t.unit)) continue;
    const body = ctx.docs.get(t.document)?.body ?? '';
    if (!TOTAL_WORDS.test(body.slice(Math.max(0, t.start - 6), t.start))) continue;
    const s = sentenceAt(ctx, t.document, t.start);
    if (!s) continue;
    const parts = numbers.filter((x) => x.document === t.document && x.unit === t.unit && x.start >= s.span.start && x.end <= t.start);
    if (parts.length < 2) continue;
    const lo = parts.reduce((sum, p) => sum + (p.value ?? p.min ?? 0), 0);
    const hi = parts.reduce((sum, p) => sum + (p.value ?? p.max ?? 0), 0);
    const within = t.value >= lo * (1 - SAME_VALUE_TOLERANCE) && t.value <= hi * (1 + SAME_VALUE_TOLERANCE);
    const sum = lo === hi ? formatAmount(lo, t.unit) : `${formatAmount(lo, t.unit)}–${formatAmount(hi, t.unit)}`;
    const verdict: FindingVerdict = !within ? 'wrong-arithmetic' : near(t.value, hi) && lo !== hi ? 'upper-bound' : 'consistent';
    out.push({
      kind: 'arithmetic-check',
      about: `합계: ${t.text} vs 항목별 합`,
      values: [...parts.map((p) => p.text), t.text],
      documents: [t.document],
      verdict,
      computed: `${parts.map(bareText).join(' + ')} = ${sum}`,
      mentions: [...parts, t].map(mention),
    });
  }
  return out;
}

/** `지난 8년간`: the duration with the word that anchors it in time, as written. */
function withLead(ctx: Ctx, n: NumberMention): string {
  const body = ctx.docs.get(n.document)?.body ?? '';
  const lead = /(지난|향후|최근|앞으로)\s$/.exec(body.slice(Math.max(0, n.start - 4), n.start));
  return lead ? `${lead[1]} ${n.text}` : n.text;
}

/** Figures interchangeable for figurePairs: same unit, value, words and topic words (a big event repeats them). */
interface FigureClass {
  members: number[];
  topics: string[];
  /** Documents that give this class's value in its unit: a partner from one of them does not disagree. */
  stating: Set<string>;
}

/**
 * differing-figures and agreement between figures of different documents that share a topic. A big
 * event repeats its sentences across reports, so the figures fall into classes (unit, value, words,
 * topic words); the topic tests run once per pair of classes sharing a topic key, and only a pair that
 * passes is searched for its first two members from different documents. The result is the pairwise
 * scan's: per key, the first pair in index order that passes everything, reported in that order.
 */
function figurePairs(ctx: Ctx, numbers: NumberMention[]): Finding[] {
  const candidates = numbers.filter((n) => n.value !== null && n.krw === null && n.unit !== 'ratio');
  // A pair is two documents' figures (fits): with one document there is none, and the class index below
  // (every class against every class sharing a topic) was quadratic on one long document.
  if (new Set(candidates.map((n) => n.document)).size < 2) return [];
  const folded = candidates.map((n) => fold(n.text));
  const byUnit = new Map<string, NumberMention[]>();
  for (const n of numbers) if (n.value !== null) push(byUnit, n.unit, n);
  const classes = new Map<string, FigureClass>();
  const classOf: FigureClass[] = candidates.map((n, i) => {
    const topics = topicsOf(ctx, n);
    const sig = [n.unit, n.value, folded[i], ...topics].join('\u0001');
    let c = classes.get(sig);
    if (!c) {
      const stating = new Set<string>();
      for (const x of byUnit.get(n.unit) ?? []) if (near(x.value!, n.value!)) stating.add(x.document);
      classes.set(sig, (c = { members: [], topics, stating }));
    }
    c.members.push(i);
    return c;
  });
  const list = [...classes.values()];
  // Only classes that share a topic key can share a topic: the index keeps a big event from comparing all pairs.
  const byKey = new Map<string, number[]>();
  list.forEach((c, k) => { for (const key of topicKeys(c.topics)) push(byKey, key, k); });
  const freq = (w: string) => ctx.sentenceFreq.get(w) ?? 0;
  /** Topic words that tie two figures, or null when their topics do not tie them (symmetric in a and b). */
  const tie = (a: NumberMention, b: NumberMention, ta: string[], tb: string[]): { shared: string[]; rare: string[] } | null => {
    const shared = sharedTopics(ta, tb);
    if (!shared.length) return null;
    if (near(a.value!, b.value!)) return { shared, rare: [] };
    const rare = shared.filter((w) => freq(w) <= RARE_TOPIC_MAX_SENTENCES);
    // One long word only these two sentences use (기업가치) ties them as well as two rarer ones.
    const unique = rare.some((w) => w.length >= UNIQUE_TOPIC_MIN_CHARS && freq(w) <= 2);
    return rare.length < MIN_SHARED_RARE_TOPICS && !unique ? null : { shared, rare };
  };
  /** Two figures of different documents that may be reported together (given their classes tie). */
  const fits = (i: number, j: number) => {
    const [a, b] = [candidates[i], candidates[j]];
    return a.document !== b.document && (near(a.value!, b.value!) || (!classOf[i].stating.has(b.document) && !classOf[j].stating.has(a.document)));
  };
  /** Whether a figure of class x followed (in index order) by one of class y may be reported together; `near`
   *  is not symmetric, so the order counts. */
  const ties = (x: FigureClass, y: FigureClass) => {
    const [a, b] = [candidates[x.members[0]], candidates[y.members[0]]];
    if (a.unit !== b.unit || (near(a.value!, b.value!) && folded[x.members[0]] === folded[y.members[0]])) return false;
    return !!tie(a, b, x.topics, y.topics);
  };
  /** The first pair (i < j, in index order) with one member in each class that fits, or null. */
  const firstPair = (c: FigureClass, d: FigureClass, cFirst: boolean, dFirst: boolean): [number, number] | null => {
    const all = [...(cFirst ? c.members.map((i) => [i, 0]) : []), ...(dFirst ? d.members.map((i) => [i, 1]) : [])].sort((x, y) => x[0] - y[0]);
    for (const [i, side] of all) {
      const other = side ? c.members : d.members;
      for (let k = lowerBound(other, i + 1); k < other.length; k++) if (fits(i, other[k])) return [i, other[k]];
    }
    return null;
  };
  // Per key (unit and both written forms), the first fitting pair in index order wins.
  const winners = new Map<string, [number, number]>();
  list.forEach((c, k) => {
    const partners = new Set<number>();
    for (const key of topicKeys(c.topics)) for (const m of byKey.get(key)!) if (m > k) partners.add(m);
    for (const m of partners) {
      const d = list[m];
      const [cFirst, dFirst] = [ties(c, d), ties(d, c)];
      const pair = (cFirst || dFirst) && firstPair(c, d, cFirst, dFirst);
      if (!pair) continue;
      const key = [candidates[pair[0]].unit, ...[folded[pair[0]], folded[pair[1]]].sort()].join('|');
      const best = winners.get(key);
      if (!best || pair[0] < best[0] || (pair[0] === best[0] && pair[1] < best[1])) winners.set(key, pair);
    }
  });
  const out: Finding[] = [];
  for (const [i, j] of [...winners.values()].sort((x, y) => x[0] - y[0] || x[1] - y[1])) {
    const [a, b] = [candidates[i], candidates[j]];
    const { shared, rare } = tie(a, b, classOf[i].topics, classOf[j].topics)!;
    if (near(a.value!, b.value!)) {
      out.push({
        kind: 'agreement',
        about: `${shared.slice(0, 3).join(' ')}: ${a.text} = ${b.text}`,
        values: [a.text, b.text],
        stated: [{ value: a.text, documents: [a.document] }, { value: b.text, documents: [b.document] }],
        documents: [a.document, b.document],
        verdict: 'same-value',
        computed: null,
        mentions: [mention(a), mention(b)],
      });
      continue;
    }
    // The quantity both figures are about, as the first report writes it (사법 리스크), or its longest word.
    const sentenceA = sentenceAt(ctx, a.document, a.start)?.span;
    const textA = sentenceA ? ctx.docs.get(a.document)!.body.slice(sentenceA.start, sentenceA.end) : '';
    const phrase = rare.slice(0, 3).join(' ');
    const topic = textA.includes(phrase) ? phrase : [...rare].sort((x, y) => y.length - x.length)[0] ?? null;
    out.push({
      kind: 'differing-figures',
      topic,
      about: `${rare.slice(0, 3).join(' ')}: ${withLead(ctx, a)} vs ${withLead(ctx, b)}`,
      values: [withLead(ctx, a), withLead(ctx, b)],
      stated: [{ value: withLead(ctx, a), documents: [a.document] }, { value: withLead(ctx, b), documents: [b.document] }],
      documents: [a.document, b.document],
      verdict: 'differs',
      computed: null,
      mentions: [mention(a), mention(b)],
    });
  }
  return out;
}

const push = <K, V>(m: Map<K, V[]>, k: K, v: V) => { const xs = m.get(k); if (xs) xs.push(v); else m.set(k, [v]); };

/** The first index of the sorted `xs` holding a value >= x. */
function lowerBound(xs: number[], x: number): number {
  let lo = 0, hi = xs.length;
  while (lo < hi) { const mid = (lo + hi) >> 1; if (xs[mid] < x) lo = mid + 1; else hi = mid; }
  return lo;
}

function coverageGaps(ctx: Ctx, facts: Facts): Finding[] {
  const reports = [...ctx.docs.values()].filter((d) => d.kind === 'report').map((d) => d.id);
  if (reports.length < 2) return [];
  const minority = (docs: string[]) => docs.length > 0 && docs.length <= reports.length / 2;
  const out: (Finding & { weight: number })[] = [];
  for (const e of facts.entities) {
    const docs = e.documents.filter((d) => reports.includes(d));
    if (!minority(docs) || e.type === 'other' || e.type === 'place') continue; // places are scenery, not news
    // 부안수협 when 김순례 (부안수협 조합장) is listed already: the person's gap says it.
    if (facts.entities.some((p) => p !== e && p.role?.split(' ').includes(e.name) && docs.every((d) => p.documents.includes(d)))) continue;
    out.push({
      kind: 'coverage-gap',
      about: `${e.name}${e.role ? ` (${e.role})` : ''}`,
      values: [e.name],
      documents: docs,
      verdict: 'few-sources',
      computed: `${docs.length}/${reports.length}`,
      mentions: e.mentions.filter((m) => docs.includes(m.document)),
      weight: e.mentions.length * (e.role ? 2 : 1),
    });
  }
  if (reports.length >= 3) {
    // Money figures only one report carries (a reader may want to know who else confirms them).
    // A won figure that is some foreign amount's conversion belongs to conversion-variance, not here.
    const isConversion = (n: NumberMention) => n.unit === 'KRW'
      && facts.numbers.some((x) => x.krw !== null && near(n.value!, x.krw, CONVERSION_SLACK));
    const money = facts.numbers.filter((n) => MONEY.has(n.unit) && n.value !== null && reports.includes(n.document)
      && !isConversion(n));
    const taken = new Set<number>();
    for (const n of [...money].sort((a, b) => b.value! - a.value!)) {
      if (taken.has(n.value!)) continue;
      taken.add(n.value!);
      const docs = uniq(money.filter((x) => near(x.value!, n.value!)).map((x) => x.document));
      if (docs.length !== 1) continue;
      out.push({
        kind: 'coverage-gap',
        about: bareText(n),
        values: [n.text],
        documents: docs,
        verdict: 'few-sources',
        computed: `1/${reports.length}`,
        mentions: [mention(n)],
        weight: 1,
      });
    }
  }
  return out.sort((a, b) => b.weight - a.weight).slice(0, MAX_COVERAGE_GAPS).map(({ weight: _w, ...f }) => f);
}

export function compareSources(docs: NewsDoc[], facts: Facts): Finding[] {
  const sentences = new Map(docs.map((d) => [d.id, sentenceSpans(d)]));
  const sentenceFreq = new Map<string, number>();
  for (const d of docs) {
    for (const s of sentences.get(d.id)!) {
      for (const w of topicWords(d.body.slice(s.start, s.end))) sentenceFreq.set(w, (sentenceFreq.get(w) ?? 0) + 1);
    }
  }
  const ctx: Ctx = { docs: new Map(docs.map((d) => [d.id, d])), sentences, sentenceFreq };
  const numbers = facts.numbers.filter((n) => ctx.docs.has(n.document));
  // Sentence-level checks need body spans; headline amounts (field set) join only the cluster-wide ones.
  const inBody = numbers.filter((n) => !n.field);
  return [
    ...conversionVariance(ctx, numbers),
    ...ratioChecks(ctx, inBody),
    ...totalChecks(ctx, inBody),
    ...figurePairs(ctx, inBody),
    ...coverageGaps(ctx, { ...facts, numbers }),
  ];
}
