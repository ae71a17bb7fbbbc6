// Korean-aware sentence splitting with spans into the body.
// A sentence ends at . ? ! 。 followed by white space or the end of its line, unless the stop is
// inside a quotation (“…했다. …겠다”라고 말했다. is one sentence), part of a number (1.4%, 0.28달러),
// of an abbreviation (Mr., U.S., Inc., 등.), of an ellipsis (…, ...), or a list marker (1. 첫째).
// After a quotation that itself ends a sentence (“끝났다.” 그는…), the split falls after the closing
// mark. Lines and paragraphs always end a sentence.
import type { Sentence } from '../types.js';

/** Words that end in a full stop without ending the sentence; compared lower-case, without the stop. */
export const ABBREVIATIONS = new Set([
  'mr', 'mrs', 'ms', 'dr', 'prof', 'sr', 'jr', 'st', 'mt', 'gen', 'gov', 'sen', 'rep', 'rev', 'capt', 'col', 'lt', 'sgt',
  'inc', 'ltd', 'co', 'corp', 'llc', 'plc', 'bros', 'vs', 'v', 'no', 'nos', 'vol', 'fig', 'approx', 'dept', 'est',
  'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec',
  'u.s', 'u.k', 'u.n', 'e.u', 'e.g', 'i.e', 'a.m', 'p.m', 'ph.d', 'u.s.a', 'd.c',
  '등', '외',
]);

const OPEN: Record<string, string> = { '“': '”', '「': '」', '『': '』', '‘': '’', '《': '》' };
const CLOSERS = new Set(Object.values(OPEN));
const STOPS = new Set(['.', '?', '!', '。']);
/** An apostrophe (don’t) sits between Latin letters; a Korean closing ’ is followed by particles (’는). */
const LATIN = /[A-Za-z]/;
const SPACE = /\s/;
/** Korean particles and verbs that continue a sentence after a closing quote (”라고, ” 하고). */
const QUOTE_CONTINUES = /(?:라고|라며|라면서|이라고|이라며|고\s|며\s|하고|하며|라는|란|는|을|를|이|가|와|과|에|로|등)/y;
/** A letter, digit or dot of the word before a full stop (U.S., 1.5). */
const WORD_CHAR = /[\p{L}\p{N}.]/u;
/** The characters the splitter acts on (line breaks, quote marks, stops), by char code: the loop passes over
 *  every other one with one array read, where three set and property lookups per character were its time. */
const ACTS_ON = new Uint8Array(0x10000);
for (const ch of ['\n', '"', ...Object.keys(OPEN), ...CLOSERS, ...STOPS]) ACTS_ON[ch.charCodeAt(0)] = 1;

/** Splits the whole body; each sentence knows its paragraph (blank-line separated block). */
export function splitSentences(body: string): Sentence[] {
  const out: Sentence[] = [];
  // Blocks of non-blank lines. A line break ends a block when the next line holds only white space: the
  // look-ahead reads that line's white space alone (\s* read on through every blank line after it, to the
  // last one: a text of many blank lines was quadratic, 8,000 characters 19 ms).
  const para = /[^\n]+(?:\n(?![^\S\n]*\n)[^\n]*)*/g;
  let index = 0;
  for (const m of body.matchAll(para)) {
    if (!m[0].trim()) continue;
    for (const [s, e] of splitText(m[0])) {
      out.push({ text: body.slice(m.index! + s, m.index! + e), start: m.index! + s, end: m.index! + e, paragraph: index });
    }
    index++;
  }
  return out;
}

/** Sentence spans [start, end) within `text`, trimmed of white space. */
export function splitText(text: string): [number, number][] {
  const spans: [number, number][] = [];
  const balanced = quoteBalance(text);
  const openerOf = (c: string) => Object.keys(OPEN).find((o) => OPEN[o] === c);
  // Closing marks that are not tracked as quotations simply trail the stop they follow.
  const trails = (c: string) =>
    c === ')' || c === ']' || c === "'" || (c === '"' && !balanced.has('"')) || (CLOSERS.has(c) && !balanced.has(openerOf(c)!));
  let start = 0;
  const stack: string[] = []; // expected closing marks of the open quotations
  const emit = (end: number) => {
    let s = start;
    let e = end;
    while (s < e && SPACE.test(text[s])) s++;
    while (e > s && SPACE.test(text[e - 1])) e--;
    if (e > s) spans.push([s, e]);
    start = end;
  };
  for (let i = 0; i < text.length; i++) {
    if (!ACTS_ON[text.charCodeAt(i)]) continue;
    const ch = text[i];
    if (ch === '\n') { emit(i); start = i + 1; stack.length = 0; continue; }
    if (ch === '"' && balanced.has('"')) {
      if (stack[stack.length - 1] === '"') {
        stack.pop();
        if (!stack.length && endsQuotedSentence(text, i)) emit(i + 1);
      } else stack.push('"');
      continue;
    }
    if (OPEN[ch] && balanced.has(ch) && !(ch === '‘' && LATIN.test(text[i - 1] ?? ''))) { stack.push(OPEN[ch]); continue; }
    if (CLOSERS.has(ch) && stack[stack.length - 1] === ch && !(ch === '’' && LATIN.test(text[i - 1] ?? '') && LATIN.test(text[i + 1] ?? ''))) {
      stack.pop();
      if (!stack.length && endsQuotedSentence(text, i)) emit(i + 1);
      continue;
    }
    if (stack.length || !STOPS.has(ch)) continue;
    // a run of stops (?!, ...) and the brackets that close with it
    let j = i;
    while (j + 1 < text.length && STOPS.has(text[j + 1])) j++;
    const run = text.slice(i, j + 1);
    while (j + 1 < text.length && trails(text[j + 1])) j++;
    const next = text[j + 1];
    const atEnd = next === undefined || SPACE.test(next);
    if (!atEnd || /^\.{2,}$/.test(run) || (run === '.' && !endsAtStop(text, start, i))) { i = j; continue; }
    emit(j + 1);
    i = j;
  }
  emit(text.length);
  return spans;
}

/** Whether a single full stop at `i` ends the sentence that began at `start`. */
function endsAtStop(text: string, start: number, i: number): boolean {
  // Scanned back from the stop, never re-reading the sentence so far: a long sentence stays linear.
  let from = i;
  while (from > start && WORD_CHAR.test(text[from - 1])) from--;
  const word = text.slice(from, i);
  if (!word) return true;
  if (ABBREVIATIONS.has(word.toLowerCase())) return false;
  if (/^\p{Lu}$/u.test(word)) return false; // an initial: J. R. R. Tolkien
  // a list marker: 1. / 2. at the start of the sentence
  let before = from;
  while (before > start && SPACE.test(text[before - 1])) before--;
  if (/^\d{1,2}$/.test(word) && before === start) return false;
  return true;
}

/** After a closing quote: the quotation ended a sentence and the text goes on with a new one. */
function endsQuotedSentence(text: string, close: number): boolean {
  const before = text[close - 1] ?? '';
  if (!STOPS.has(before)) return false;
  if (!SPACE.test(text[close + 1] ?? '')) return false;
  let next = close + 1;
  while (next < text.length && SPACE.test(text[next])) next++;
  QUOTE_CONTINUES.lastIndex = next; // sticky: read where the text goes on, without copying the rest
  return next === text.length || !QUOTE_CONTINUES.test(text);
}

/** Quote marks whose openings and closings pair up in this text; the others are ignored. */
function quoteBalance(text: string): Set<string> {
  const ok = new Set<string>();
  for (const [open, close] of Object.entries(OPEN)) {
    // Most texts hold neither mark of most pairs: a native scan settles those without the loop.
    if (!text.includes(open) && !text.includes(close)) {
      ok.add(open);
      continue;
    }
    let depth = 0;
    let bad = false;
    for (let i = 0; i < text.length && !bad; i++) {
      const c = text[i];
      if (c === open && !(open === '‘' && LATIN.test(text[i - 1] ?? ''))) depth++;
      else if (c === close && !(close === '’' && LATIN.test(text[i - 1] ?? '') && LATIN.test(text[i + 1] ?? ''))) {
        if (--depth < 0) bad = true;
      }
    }
    if (!bad && depth === 0) ok.add(open);
  }
  let straight = 0;
  for (let i = text.indexOf('"'); i >= 0; i = text.indexOf('"', i + 1)) straight++;
  if (straight % 2 === 0) ok.add('"');
  return ok;
}
