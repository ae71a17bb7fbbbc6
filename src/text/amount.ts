// Reads amounts written the Korean way out of running text: 7조3000억원, 4만3000원, 1만2천, 5천원, 2천달러,
// 150~250억 달러 이상, 5000억 달러(약 718조원), 100만 토큰당 0.28달러, 80여억 원, 수백만 원, (-0.7%), ４５％,
// 2.5%p, 4년5개월간, 두 시간가량, 512GB, 3명. Dates (2025년, 4일, 2월), times of day (2시 40분), ordinals and
// model names (S25, HBM3E, 1위) are not amounts and are skipped. Pure functions: text in, amounts with spans out;
// formatAmount writes a value back the Korean way with the same unit tables.
//
// Two spans per amount, because readers and records want different cuts (checked by eval/numbers.ts on KLUE):
//   start/end/text  everything that belongs to the reading: `약 5000억 달러(약 718조원) 이상`. The qualifier
//                   (약, 이상, 안팎…) is kept in `qualifier`, the conversion in `krw`.
//   figure          the figure as a reader marks it: sign, number and unit; a range whole (`14∼15%`,
//                   `20만∼30만 달러`); `여` inside the number (`80여억 원`); qualifier words outside (`45%` in
//                   `45% 안팎`, `2억원` in `약 2억원`); the conversion is its own figure (`krwFigure`).
import {
  BIG_UNITS, COUNTERS, CONVERSION_PREFIXES, CURRENCY_SYMBOLS, CURRENCY_WORDS, DURATION_MARKERS, DURATION_UNITS,
  NATIVE_COUNTERS, NATIVE_TENS, NATIVE_UNITS, PER_LOOKBACK, PREFIX_QUALIFIERS, RANGE_SEPARATORS, SMALL_UNITS,
  SUFFIX_QUALIFIERS, TECH_UNITS, TIMES_WORDS, VAGUE_MULTIPLES,
} from './tunables-amount.js';
import { isHangulSyllable } from './hangul.js';

export type AmountKind = 'money' | 'percent' | 'duration' | 'count' | 'ratio' | 'measure';

export interface Span { start: number; end: number }

export interface ParsedAmount {
  /** UTF-16 offsets into the text, end exclusive; the span covers qualifiers and a conversion in parentheses. */
  start: number;
  end: number;
  text: string;
  /** The figure as a reader marks it: sign, number and unit (a range whole, `여` inside), no 약/이상, no conversion. */
  figure: Span;
  /** Base units (5000억 달러 → 500000000000); null for a range. */
  value: number | null;
  min: number | null;
  max: number | null;
  /** USD, KRW, percent, percent-point, GB, months, days, seconds, times, ratio, or the counter (명, 가구). */
  unit: string;
  kind: AmountKind;
  /** The won amount given in parentheses beside a foreign one. */
  krw: number | null;
  /** Where that won amount stands, marked like `figure`: `49달러(한화 약 [5만 8200원])`. */
  krwFigure: Span | null;
  qualifier: string | null;
  /** What the amount is per (`100만 토큰` in `100만 토큰당 0.28달러`). */
  per: string | null;
}

const isLatin = (c: string | undefined) => !!c && /[A-Za-z]/.test(c);
const byLength = (words: string[]) => [...words].sort((a, b) => b.length - a.length);
/**
 * Rounds away float noise (7.3 × 1e12 = 7299999999999.999) without touching real precision: a value within
 * a trillionth of an integer is that integer (99조9999억9999만9999 stays exact); others keep 15 digits.
 */
function clean(v: number): number {
  const r = Math.round(v);
  return Math.abs(v - r) <= Math.abs(v) * 1e-12 ? r : Number(v.toPrecision(15));
}

/** What may follow a Korean unit inside the same word: particles and amount endings, not other nouns (원래, 개발). */
const AFTER_UNIT = byLength([
  '이', '가', '을', '를', '은', '는', '의', '에', '로', '으로', '와', '과', '도', '만', '까지', '씩', '부터', '짜리',
  '어치', '규모', '당', '가량', '여', '쯤', '께', '정도', '안팎', '내외', '남짓', '넘게', '넘는', '미만', '초과', '간',
  '동안', '째', '인', '였', '다', '보다', '수준', '선', '나', '라는', '란', '뿐', '밖에', '로서', '가까이', '전', '후', '대', '에서',
]);

/** True when the unit that ends at `pos` is a whole word (the next Hangul, if any, is a particle or ending). */
function wordEnds(text: string, pos: number): boolean {
  if (!isHangulSyllable(text[pos])) return true;
  return AFTER_UNIT.some((w) => text.startsWith(w, pos));
}

interface Core {
  start: number;
  end: number;
  value: number;
  /** The largest big unit written (조, 억, 만), which a range's bare left end borrows: 150~250억. */
  topBig: number | null;
  native: boolean;
  /** `여` stood inside the number (80여억, 9000여만): an approximate amount. */
  approx: boolean;
}

const DIGITS = /(\d{1,3}(?:,\d{3})+(?!\d)|\d+)(\.\d+)?/y;

/** True when a 천/백 right before `pos` multiplies the digits before it: `5천원`, `3천억`, `1천912`, `2천 달러`. */
function smallUnitHolds(text: string, pos: number): boolean {
  const c = text[pos];
  return !isHangulSyllable(c) || !!BIG_UNITS[c] || c === '여' || wordEnds(text, pos) || unitWordAt(text, pos);
}

/**
 * One group under a big unit: digits, with 천/백 steps inside it (3천500, 1천912, 8천3백), an optional `여`,
 * and the big unit itself if one follows: `5천만` → 5000 × 만. Null when no digit stands at `p`.
 */
function readGroup(text: string, p: number): { end: number; value: number; big: number | null; approx: boolean } | null {
  let q = p;
  let value = 0;
  let lastSmall = Infinity;
  let read = false;
  for (;;) {
    DIGITS.lastIndex = q;
    const m = DIGITS.exec(text);
    if (!m) break;
    const n = Number(m[1].replace(/,/g, '') + (m[2] ?? ''));
    const r = q + m[0].length;
    read = true;
    const small = SMALL_UNITS[text[r]];
    if (small && small < lastSmall && smallUnitHolds(text, r + 1)) {
      value += n * small;
      q = r + 1;
      lastSmall = small;
      continue;
    }
    value += n;
    q = r;
    break;
  }
  if (!read) return null;
  const approx = text[q] === '여' && !!BIG_UNITS[text[q + 1]];
  if (approx) q++;
  const big = BIG_UNITS[text[q]] ?? null;
  if (big !== null) { value *= big; q++; }
  return { end: q, value, big, approx };
}

/**
 * Arabic digits with Korean big units, chained largest first: 7조3000억, 1조 2,500억, 3억5천만, 4만3000,
 * 5만 8200. Each later group must be smaller than the unit before it, and a group without a big unit
 * (the ones: 4만[3000]) ends the chain.
 */
function readArabic(text: string, i: number): Core | null {
  let pos = i;
  let total = 0;
  let topBig: number | null = null;
  let lastBig = Infinity;
  let approx = false;
  let groups = 0;
  for (;;) {
    const p = groups > 0 && text[pos] === ' ' ? pos + 1 : pos;
    const g = readGroup(text, p);
    if (!g) break;
    if (groups > 0 && ((g.big ?? 1) >= lastBig || g.value >= lastBig)) break;
    total += g.value;
    pos = g.end;
    approx ||= g.approx;
    if (groups === 0) topBig = g.big;
    lastBig = g.big ?? 1;
    groups++;
    if (g.big === null) break;
  }
  if (!groups) return null;
  return { start: i, end: pos, value: clean(total), topBig, native: false, approx };
}

const NATIVE_RE = new RegExp(
  `(${Object.keys(NATIVE_TENS).join('|')})?(${byLength(Object.keys(NATIVE_UNITS)).join('|')})?`, 'y');

/** Native numerals (두, 세, 열두, 스무) at the start of a word; a counter must follow (checked by the caller). */
function readNative(text: string, i: number): Core | null {
  if (isHangulSyllable(text[i - 1])) return null;
  NATIVE_RE.lastIndex = i;
  const m = NATIVE_RE.exec(text);
  if (!m || !m[0]) return null;
  const value = (m[1] ? NATIVE_TENS[m[1]] : 0) + (m[2] ? NATIVE_UNITS[m[2]] : 0);
  return { start: i, end: i + m[0].length, value, topBig: null, native: true, approx: false };
}

interface Unit {
  unit: string;
  kind: AmountKind;
  factor: number;
  end: number;
  /** For a `N분의 M` fraction the value is computed here. */
  fixed?: number;
}

const CURRENCIES = byLength(Object.keys(CURRENCY_WORDS));
const TECH = byLength(Object.keys(TECH_UNITS));
const DURATIONS = byLength(Object.keys(DURATION_UNITS));
const COUNTER_WORDS = byLength(COUNTERS);
const NATIVE_COUNTER_WORDS = byLength(NATIVE_COUNTERS);
const MARKERS = byLength(DURATION_MARKERS);
const SUFFIXES = byLength(Object.keys(SUFFIX_QUALIFIERS));
/** Durations that need a marker (간, 동안, 만에…) because without one they are dates: 2025년, 4일, 2주(shares). */
const DATE_LIKE = new Set(['년', '일', '주']);

/** True when a unit word (currency, counter, duration, technical unit, 배) starts at `pos`, a space allowed before it. */
function unitWordAt(text: string, pos: number): boolean {
  const p = text[pos] === ' ' ? pos + 1 : pos;
  return [CURRENCIES, COUNTER_WORDS, DURATIONS, TECH, TIMES_WORDS].some((words) => words.some((w) => text.startsWith(w, p)));
}
const NATIVE_DURATIONS: Record<string, { unit: string; factor: number }> = {
  시간: { unit: 'seconds', factor: 3600 }, 달: { unit: 'months', factor: 1 }, 해: { unit: 'months', factor: 12 },
  주: { unit: 'days', factor: 7 },
};

function markerAt(text: string, pos: number): string | null {
  const p = text[pos] === ' ' ? pos + 1 : pos;
  const m = MARKERS.find((w) => text.startsWith(w, p));
  if (!m) return null;
  // `만` and `여` are markers only as whole words (만에, 10년여), not the start of another one (만큼 is fine too).
  if ((m === '만' || m === '여') && isHangulSyllable(text[p + 1]) && !['에', '이', '의', '큼'].includes(text[p + 1])) return null;
  return m;
}

/** The unit after a number, or null when the number is a date, time of day, ordinal or has no unit we know. */
function readUnit(text: string, core: Core): Unit | null {
  let pos = core.end;
  if (core.native) {
    if (text[pos] !== ' ') return null;
    pos++;
    for (const w of NATIVE_COUNTER_WORDS) {
      if (!text.startsWith(w, pos) || !wordEnds(text, pos + w.length) || text[pos + w.length] === '째') continue;
      const d = NATIVE_DURATIONS[w];
      return d ? { unit: d.unit, kind: 'duration', factor: d.factor, end: pos + w.length }
        : { unit: w, kind: 'count', factor: 1, end: pos + w.length };
    }
    return null;
  }
  // Fractions first: `30분의 1` is a ratio, not thirty minutes.
  const frac = /^분의\s?(\d+(?:\.\d+)?)/.exec(text.slice(pos, pos + 12));
  if (frac) return { unit: 'ratio', kind: 'ratio', factor: 1, end: pos + frac[0].length, fixed: Number(frac[1]) / core.value };
  const symbolPercent = /^(%p|%포인트|퍼센트포인트|%P)/.exec(text.slice(pos, pos + 8));
  if (symbolPercent) return { unit: 'percent-point', kind: 'percent', factor: 1, end: pos + symbolPercent[0].length };
  if (text[pos] === '%') return { unit: 'percent', kind: 'percent', factor: 1, end: pos + 1 };
  const sp = text[pos] === ' ' ? pos + 1 : pos;
  if (text.startsWith('퍼센트', sp)) return { unit: 'percent', kind: 'percent', factor: 1, end: sp + 3 };
  for (const w of CURRENCIES) {
    if (text.startsWith(w, sp) && wordEnds(text, sp + w.length)) {
      return { unit: CURRENCY_WORDS[w], kind: 'money', factor: 1, end: sp + w.length };
    }
  }
  for (const w of TECH) {
    if (!text.startsWith(w, sp)) continue;
    const after = text[sp + w.length];
    if (isLatin(w[0]) ? isLatin(after) : !wordEnds(text, sp + w.length)) continue;
    return { unit: TECH_UNITS[w], kind: 'measure', factor: 1, end: sp + w.length };
  }
  for (const w of DURATIONS) {
    if (!text.startsWith(w, sp) || !wordEnds(text, sp + w.length)) continue;
    const d = DURATION_UNITS[w];
    // `2시 40분` is a time of day, not forty minutes.
    if (w === '분' && /시\s?$/.test(text.slice(Math.max(0, core.start - 2), core.start))) return null;
    return { unit: d.unit, kind: 'duration', factor: d.factor, end: sp + w.length };
  }
  for (const w of COUNTER_WORDS) {
    if (!text.startsWith(w, sp) || !wordEnds(text, sp + w.length) || text[sp + w.length] === '째') continue;
    return { unit: w, kind: 'count', factor: 1, end: sp + w.length };
  }
  for (const w of TIMES_WORDS) {
    if (text.startsWith(w, sp) && wordEnds(text, sp + w.length)) return { unit: 'times', kind: 'ratio', factor: 1, end: sp + w.length };
  }
  return null;
}

/** Continues a duration with smaller parts (4년5개월, 1시간 30분) and checks date-like ones have a marker. */
function finishDuration(text: string, core: Core, unit: Unit, hasPrefix: boolean): { value: number; end: number } | null {
  const first = text.slice(core.end, unit.end).trim();
  let value = core.value * unit.factor;
  let end = unit.end;
  let rank = DURATION_UNITS[first]?.rank ?? 0;
  let chained = false;
  for (;;) {
    const p = text[end] === ' ' ? end + 1 : end;
    const next = readArabic(text, p);
    if (!next || next.topBig !== null) break;
    const w = DURATIONS.find((u) => text.startsWith(u, next.end) && wordEnds(text, next.end + u.length));
    if (!w) break;
    const d = DURATION_UNITS[w];
    if (d.unit !== unit.unit || d.rank >= rank || w === '일' || w === '년') break;
    value += next.value * d.factor;
    end = next.end + w.length;
    rank = d.rank;
    chained = true;
  }
  const marker = markerAt(text, end);
  if (DATE_LIKE.has(first) && !chained && !marker && !(hasPrefix && first !== '주')) return null;
  if (first === '일' && /월\s?$/.test(text.slice(Math.max(0, core.start - 2), core.start))) return null; // 2월 4일간? a date
  // Keep `간` (4년5개월간) in the text; 동안 / 만에 are separate words and stay outside.
  if (marker === '간' && text[end] === '간') end++;
  return { value: clean(value), end };
}

/** One pattern per prefix qualifier, built once: the word as a whole word right before the number. */
const PREFIX_PATTERNS = Object.entries(PREFIX_QUALIFIERS).map(([w, q]) => [new RegExp(`(^|[^가-힣])(${w})\\s?$`), q] as const);

function prefixQualifier(text: string, start: number): { qualifier: string; start: number } | null {
  const before = text.slice(Math.max(0, start - 6), start);
  for (const [re, q] of PREFIX_PATTERNS) {
    const m = re.exec(before);
    if (m) return { qualifier: q, start: start - (before.length - m.index - m[1].length) };
  }
  return null;
}

function suffixQualifier(text: string, end: number): { qualifier: string; end: number } | null {
  const p = text[end] === ' ' ? end + 1 : end;
  for (const w of SUFFIXES) {
    if (!text.startsWith(w, p)) continue;
    if (w === '여' && (p !== end || isHangulSyllable(text[p + 1]))) continue; // 2시간여, not 여러
    if (!wordEnds(text, p + w.length) && !['넘게', '넘는'].includes(w)) continue;
    return { qualifier: SUFFIX_QUALIFIERS[w], end: p + w.length };
  }
  return null;
}

const CONVERSION_OPEN = new RegExp(
  `^(?:\\s|<\\/?[A-Za-z]+>|\\*\\*|__)*\\(\\s*(?:(?:${CONVERSION_PREFIXES.join('|')})\\s*)*`);

/** A won amount in parentheses right after a foreign one: `(약 718조원)`, `(496조원)`, `(1조8천3백억여원)`. */
function readConversion(text: string, end: number): { krw: number; end: number; figure: Span } | null {
  const open = CONVERSION_OPEN.exec(text.slice(end, end + 30));
  if (!open) return null;
  const core = readArabic(text, end + open[0].length);
  if (!core) return null;
  let p = core.end;
  if (text[p] === '여') p++;
  if (text[p] === ' ') p++;
  if (text[p] !== '원') return null;
  p++;
  const close = /^\s*(?:규모|상당)?\s*\)/.exec(text.slice(p, p + 8));
  if (!close) return null;
  return { krw: core.value, end: p + close[0].length, figure: { start: core.start, end: p } };
}

const PER_WORDS = ['가구', '주', '톤', '배럴', '시간', '건', '명', '인', '개', '대', '회', '장', '평', '토큰', '리터', 'kWh', 'MWh', 'kg'];
const PER_RE = new RegExp(
  `(\\d[\\d,.]*(?:[조억만천])?\\s?[가-힣A-Za-z]{1,8}|(?<![가-힣])(?:${PER_WORDS.join('|')}))당(?![가-힣])`, 'g');

/** `100만 토큰당 … 0.28달러`: the per-phrase earlier in the same sentence. */
function perPhrase(text: string, start: number): string | null {
  let from = Math.max(0, start - PER_LOOKBACK);
  const window = text.slice(from, start);
  const stop = Math.max(window.lastIndexOf('. '), window.lastIndexOf('\n'), window.lastIndexOf('다.'));
  const scope = stop >= 0 ? window.slice(stop + 1) : window;
  let last: RegExpExecArray | null = null;
  for (const m of scope.matchAll(PER_RE)) last = m;
  return last ? last[1] : null;
}

/** Skips things that look like numbers but are not amounts: 2025.02.05, 10:30, 010-1234-5678. */
const NOT_AMOUNT = /\d{4}[.\-/]\s?\d{1,2}[.\-/]\s?\d{1,2}\.?|\d{1,2}:\d{2}(?::\d{2})?|\d{2,4}-\d{3,4}-\d{4}/y;

/** Signs before a number: ASCII minus, en dash (`–18.8%`) and plus; the minus sign U+2212 is folded to `-` first. */
const SIGNS: Record<string, number> = { '-': -1, '–': -1, '+': 1 };

/** The sign right before `at` when it stands alone (`(-0.7%)`, ` –18.8%`), not inside `GPT-4` or `3-4`. */
function signBefore(text: string, at: number): number | null {
  const sign = SIGNS[text[at - 1]];
  if (!sign) return null;
  return at < 2 || /[\s(\[:,]/.test(text[at - 2]) ? sign : null;
}

const VAGUE_RE = /수(십|백|천)?(만|억|조)?/y;

/** `수백만`, `수십억`, `수천`: "several" of a unit, read as a range of VAGUE_MULTIPLES times it. */
function readVague(text: string, i: number): Core | null {
  if (isHangulSyllable(text[i - 1])) return null;
  VAGUE_RE.lastIndex = i;
  const m = VAGUE_RE.exec(text);
  if (!m || (!m[1] && !m[2])) return null;
  const value = (m[1] ? SMALL_UNITS[m[1]] : 1) * (m[2] ? BIG_UNITS[m[2]] : 1);
  return { start: i, end: i + m[0].length, value, topBig: m[2] ? BIG_UNITS[m[2]] : null, native: false, approx: false };
}

/** Reads one amount starting at `i` (at its number, currency symbol or `수`), or null. */
function readAmountAt(text: string, i: number): ParsedAmount | null {
  let symbolUnit: string | null = null;
  let numberAt = i;
  if (CURRENCY_SYMBOLS[text[i]]) {
    symbolUnit = CURRENCY_SYMBOLS[text[i]];
    numberAt = text[i + 1] === ' ' ? i + 2 : i + 1;
  }
  const c = text[numberAt];
  if (!c) return null;
  const digit = c >= '0' && c <= '9';
  const sign = digit && !symbolUnit ? signBefore(text, i) : null;
  if (digit && !symbolUnit && sign === null && /[A-Za-z0-9_.,\-]/.test(text[i - 1] ?? '')) return null; // S25, HBM3E, GPT-4
  if (digit && text[i - 1] === '제') return null; // 제3회, 제1원전: ordinals
  const vague = c === '수';
  const left = digit ? readArabic(text, numberAt) : vague ? readVague(text, numberAt) : readNative(text, numberAt);
  if (!left) return null;
  if (!left.native && isLatin(text[left.end]) && !TECH.some((w) => text.startsWith(w, left.end))
    && !/^%|^\s/.test(text[left.end])) return null; // 3E, 5G

  const figureStart = sign === null ? i : i - 1;
  const prefix = symbolUnit ? null : prefixQualifier(text, figureStart);
  let qualifier = vague ? 'several' : left.approx ? 'about' : prefix?.qualifier ?? null;
  const start = prefix?.start ?? figureStart;
  let leftEnd = left.end;
  if (digit && text[leftEnd] === '여' && unitWordAt(text, leftEnd + 1)) {
    qualifier = 'about'; // 100여명, 10여 년, 4억여원
    leftEnd++;
  }
  const core: Core = { ...left, end: leftEnd };

  let unit: Unit | null = symbolUnit ? { unit: symbolUnit, kind: 'money', factor: 1, end: leftEnd } : readUnit(text, core);
  let value: number | null = core.value * (sign ?? 1);
  let min: number | null = null;
  let max: number | null = null;
  let end = unit?.end ?? leftEnd;

  // A range: 150억~250억 달러, 150~250억 달러 (the bare left end borrows 억), 10~20%.
  const sepAt = text[end] === ' ' ? end + 1 : end;
  if (digit && RANGE_SEPARATORS.includes(text[sepAt] ?? '\u0000') && text[sepAt]) {
    const rStart = text[sepAt + 1] === ' ' ? sepAt + 2 : sepAt + 1;
    const right = readArabic(text, rStart);
    const rightUnit = right && (symbolUnit ? { unit: symbolUnit, kind: 'money' as const, factor: 1, end: right.end } : readUnit(text, right));
    if (right && rightUnit && (!unit || unit.unit === rightUnit.unit)) {
      let lo = value;
      if (core.topBig === null && right.topBig !== null) lo *= right.topBig;
      unit = rightUnit;
      min = clean(lo * rightUnit.factor);
      max = clean(right.value * rightUnit.factor);
      value = null;
      end = rightUnit.end;
      if (rightUnit.kind === 'duration') {
        const marker = markerAt(text, end);
        if (marker === '간' && text[end] === '간') end++;
      }
    }
  }
  if (!unit) return null;

  if (vague) {
    min = clean(VAGUE_MULTIPLES[0] * core.value * unit.factor);
    max = clean(VAGUE_MULTIPLES[1] * core.value * unit.factor);
    value = null;
  } else if (value !== null) {
    if (unit.fixed !== undefined) {
      value = clean(unit.fixed);
    } else if (unit.kind === 'duration' && !core.native) {
      const d = finishDuration(text, core, unit, !!prefix);
      if (!d) return null;
      value = d.value;
      end = d.end;
    } else {
      value = clean(value * unit.factor);
    }
  }
  const figure = { start: figureStart, end };

  let krw: number | null = null;
  let krwFigure: Span | null = null;
  if (unit.kind === 'money' && unit.unit !== 'KRW') {
    const conv = readConversion(text, end);
    if (conv) { krw = conv.krw; end = conv.end; krwFigure = conv.figure; }
  }
  const suffix = suffixQualifier(text, end);
  if (suffix) { qualifier = suffix.qualifier; end = suffix.end; }

  return {
    start, end, text: text.slice(start, end), figure, value, min, max, unit: unit.unit, kind: unit.kind, krw, krwFigure,
    qualifier, per: unit.kind === 'money' ? perPhrase(text, start) : null,
  };
}

/** Fullwidth digits and signs (`４５％`, `－３`) and the minus sign, folded one character for one, so spans stay put. */
const WIDE: Record<string, string> = { '％': '%', '，': ',', '．': '.', '－': '-', '＋': '+', '−': '-' };
const foldWidth = (text: string) => text.replace(/[０-９％，．－＋−]/g, (c) => WIDE[c] ?? String.fromCharCode(c.charCodeAt(0) - 0xfee0));

const NATIVE_START = new Set([...Object.keys(NATIVE_TENS), ...Object.keys(NATIVE_UNITS)].map((w) => w[0]));

/** Every amount in the text, left to right, with spans into it (fullwidth forms read like ASCII ones). */
export function parseAmounts(original: string): ParsedAmount[] {
  const text = foldWidth(original);
  const out: ParsedAmount[] = [];
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    const digit = c >= '0' && c <= '9';
    if (digit) {
      NOT_AMOUNT.lastIndex = i;
      const skip = NOT_AMOUNT.exec(text);
      if (skip && !/\d/.test(text[i - 1] ?? '')) { i += skip[0].length - 1; continue; }
    }
    if (!digit && !CURRENCY_SYMBOLS[c] && !NATIVE_START.has(c) && c !== '수') continue;
    const amount = readAmountAt(text, i);
    if (amount) {
      out.push({ ...amount, text: original.slice(amount.start, amount.end) });
      i = amount.end - 1;
    } else if (digit) {
      // Step over the whole digit run so `2025년` is not re-read from `025`.
      while (i + 1 < text.length && /[\d,.]/.test(text[i + 1])) i++;
    }
  }
  return out;
}

const CURRENCY_NAME: Record<string, string> = Object.fromEntries(Object.entries(CURRENCY_WORDS).map(([word, code]) => [code, word]));
/** A currency code's Korean word (USD → 달러): the reader's table read backwards; other units as they are. */
export const currencyWord = (unit: string): string => CURRENCY_NAME[unit] ?? unit;
const BIG_DESCENDING = Object.entries(BIG_UNITS).sort((a, b) => b[1] - a[1]);
const upToTwoDecimals = (n: number) => n.toLocaleString('en-US', { maximumFractionDigits: 2 });

/** A base-unit value written back the Korean way with the reader's tables: 4e10 USD → `400억 달러`, 7.3e12 KRW → `7.3조 원`. */
export function formatAmount(value: number, unit: string): string {
  const name = currencyWord(unit);
  for (const [word, scale] of BIG_DESCENDING) {
    if (Math.abs(value) >= scale) return `${upToTwoDecimals(value / scale).replace(/,/g, '')}${word} ${name}`;
  }
  return `${upToTwoDecimals(value)} ${name}`;
}
