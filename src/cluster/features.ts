// Text → term counts, without a dictionary. Korean (and Chinese/Japanese) words get character 3- to
// 5-grams inside each word, so a stem matches whatever particle follows it (삼성전자가 / 삼성전자는);
// space-separated scripts (Latin, Vietnamese, Cyrillic ...) get lower-cased words and word bigrams.
// English text is told apart (plain Latin letters, no Vietnamese or other marks): its function words
// (the, of, said, percent ...) are shared by any two English stories, and in a batch where English is
// rare they weigh as much as names; they are skipped, and a bigram never spans one.
//
// Terms are never stored as strings: each is a 32-bit hash of its text (`termId`), computed straight
// from the character codes, so no substring is allocated and no vocabulary is kept. At 50k documents
// the vocabulary was most of the stage's memory. Two distinct terms share an id with probability
// ~n²/2³³ (a few thousand pairs among millions of terms), which moves a cosine by a rounding error.
import type { NewsDoc } from '../types.js';
import { CLUSTER_TUNABLES, type ClusterTunables } from './tunables.js';

/** Runs of letters/digits; everything else separates words. */
const WORD = /[\p{L}\p{N}]+/gu;
/** Scripts written without reliable word spacing inside a word, where character n-grams work best. */
const NGRAM_SCRIPT = /[\p{Script=Hangul}\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u;
/** The same, anchored at the start (sticky): a script run is all of one kind, so its first letter decides. */
const NGRAM_START = new RegExp(NGRAM_SCRIPT.source, 'uy');
/** Splits a mixed token (오픈AI, 5G통신) into runs of one kind: n-gram script, or not. */
const SCRIPT_RUN = /[\p{Script=Hangul}\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]+|[^\p{Script=Hangul}\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]+/gu;

/** Term id → (weighted) count. */
export type TermCounts = Map<number, number>;

const FNV_SEED = 0x811c9dc5;

/** Finishes an FNV-1a state with murmur3's mixer; never 0 (0 marks an empty table slot). */
function finish(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h || 1;
}

/** FNV-1a over s[start, end), finished with murmur3's mixer; never 0. */
function hashRange(s: string, start: number, end: number): number {
  let h = FNV_SEED;
  for (let i = start; i < end; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return finish(h);
}

/** n-gram ids of a run, per size in `sizes` order, each as hashRange makes it: one FNV pass per start
 *  serves every size (the n-grams starting there are prefixes of one another). */
let gramIds = new Int32Array(1024);
function ngramIds(run: string, sizes: readonly number[]): Int32Array {
  const length = run.length, longest = Math.max(...sizes);
  if (gramIds.length < sizes.length * length) gramIds = new Int32Array(sizes.length * length * 2);
  for (let i = 0; i < length; i++) {
    let h = FNV_SEED;
    for (let j = 0; j < longest && i + j < length; j++) {
      h = Math.imul(h ^ run.charCodeAt(i + j), 0x01000193);
      for (let k = 0; k < sizes.length; k++) if (sizes[k] === j + 1) gramIds[k * length + i] = finish(h);
    }
  }
  return gramIds;
}

/** The id of a term's text (as features produce it: NFC, lower-cased). */
export function termId(term: string): number {
  return hashRange(term, 0, term.length);
}

/** The id of a word pair, from its words' ids (order matters). */
export function pairId(first: number, second: number): number {
  let h = Math.imul(first ^ 0x27d4eb2f, 0x9e3779b1) ^ second;
  h = Math.imul(h ^ (h >>> 15), 0x85ebca6b);
  h ^= h >>> 13;
  return h || 1;
}

/** The headline used for weighting: the extracted title, else a headline-like first body line. */
export function titleOf(doc: Pick<NewsDoc, 'title' | 'body'>, t: ClusterTunables = CLUSTER_TUNABLES): string {
  if (doc.title) return doc.title;
  const end = doc.body.indexOf('\n');
  const first = (end < 0 ? doc.body : doc.body.slice(0, end)).trim();
  return first.length >= t.fallbackTitleMinChars && first.length <= t.fallbackTitleMaxChars ? first : '';
}

/** Any letter (Hangul, ă, ư, é ...) other than plain Latin counts against English. */
const LETTER = /\p{L}/u;

/** Whether a text is English-like: at least `englishMinShare` of its letters (of the first 4,000 UTF-16
 *  units) are plain Latin. Counted code point by code point; Hangul syllables and ASCII without a regex. */
export function isEnglish(text: string, t: ClusterTunables = CLUSTER_TUNABLES): boolean {
  const sample = text.slice(0, 4000);
  let letters = 0, latin = 0;
  for (let i = 0; i < sample.length; i++) {
    let c = sample.charCodeAt(i);
    if (c < 0x80) {
      if ((c | 0x20) >= 0x61 && (c | 0x20) <= 0x7a) latin++, letters++;
    } else if (c >= 0xac00 && c <= 0xd7a3) letters++;
    else {
      c = sample.codePointAt(i)!;
      if (c > 0xffff) i++;
      if (LETTER.test(String.fromCodePoint(c))) letters++;
    }
  }
  return letters > 0 && latin / letters >= t.englishMinShare;
}

const stopwordSets = new WeakMap<readonly string[], Set<number>>();
/** The term ids of the stopword list, built once per list. */
function stopwordIds(words: readonly string[]): Set<number> {
  let ids = stopwordSets.get(words);
  if (!ids) stopwordSets.set(words, (ids = new Set(words.map(termId))));
  return ids;
}

/** Adds the terms of `text` to `counts`, each occurrence counting `weight`; `english` skips English function words. */
export function addTerms(text: string, counts: TermCounts, weight = 1, t: ClusterTunables = CLUSTER_TUNABLES, english = false): void {
  scanTerms(text, (id) => counts.set(id, (counts.get(id) ?? 0) + weight), t, english);
}

/**
 * Term weights of one document in the order terms are first met (the order a TermCounts Map is filled
 * in, which later sums follow): an open-addressing table, term → 1 + position, reused document after
 * document. Counting here and building the Map once costs a fraction of a Map update per occurrence.
 */
class Tally {
  private slots = new Int32Array(1 << 12);
  private keys = new Int32Array(1 << 12);
  private ids = new Int32Array(1 << 11);
  private weights = new Float64Array(1 << 11);
  private size = 0;

  add(id: number, weight: number): void {
    const mask = this.slots.length - 1;
    let i = (Math.imul(id, 0x9e3779b1) >>> 0) & mask;
    for (; this.slots[i] !== 0; i = (i + 1) & mask) {
      if (this.keys[i] === id) {
        this.weights[this.slots[i] - 1] += weight;
        return;
      }
    }
    if (this.size === this.ids.length) {
      const ids = new Int32Array(this.size * 2), weights = new Float64Array(this.size * 2);
      ids.set(this.ids);
      weights.set(this.weights);
      this.ids = ids;
      this.weights = weights;
    }
    this.ids[this.size] = id;
    this.weights[this.size] = weight;
    this.keys[i] = id;
    this.slots[i] = ++this.size;
    if (this.size * 2 > this.slots.length) this.rehash(this.slots.length * 2);
  }

  /** The tally as TermCounts, in first-met order; the tally is empty again. */
  take(): TermCounts {
    const counts: TermCounts = new Map();
    for (let k = 0; k < this.size; k++) counts.set(this.ids[k], this.weights[k]);
    this.slots.fill(0);
    this.size = 0;
    return counts;
  }

  private rehash(length: number): void {
    this.slots = new Int32Array(length);
    this.keys = new Int32Array(length);
    const mask = length - 1;
    for (let k = 0; k < this.size; k++) {
      const id = this.ids[k];
      let i = (Math.imul(id, 0x9e3779b1) >>> 0) & mask;
      while (this.slots[i] !== 0) i = (i + 1) & mask;
      this.keys[i] = id;
      this.slots[i] = k + 1;
    }
  }
}
const tally = new Tally();

/** Calls `bump` with each term occurrence of `text`, in order (see addTerms). */
function scanTerms(text: string, bump: (id: number) => void, t: ClusterTunables, english: boolean): void {
  const sizes = t.ngramSizes;
  const stop = english ? stopwordIds(t.englishStopwords) : null;
  let previousWord = 0;
  for (const line of text.normalize('NFC').toLowerCase().split('\n')) {
    previousWord = 0; // bigrams do not cross lines (a title and the lead are not a phrase)
    for (const token of line.match(WORD) ?? []) {
      for (const run of token.match(SCRIPT_RUN) ?? []) {
        NGRAM_START.lastIndex = 0;
        if (NGRAM_START.test(run)) {
          previousWord = 0;
          if (run.length === 1) continue; // one syllable alone is mostly a particle or a counter
          const ids = ngramIds(run, sizes);
          for (let k = 0; k < sizes.length; k++) {
            const n = sizes[k];
            if (run.length < n) {
              if (n === sizes[0]) bump(termId(run)); // a short word counts whole (회동, 오픈)
              continue;
            }
            for (let i = 0, at = k * run.length; i + n <= run.length; i++) bump(ids[at + i]);
          }
        } else {
          const word = termId(run);
          if (stop?.has(word)) {
            previousWord = 0;
            continue;
          }
          bump(word);
          if (t.wordBigrams && previousWord !== 0) bump(pairId(previousWord, word));
          previousWord = word;
        }
      }
    }
  }
}

/** Term counts of one document: body once, title `titleWeight` times more. */
export function documentTerms(doc: Pick<NewsDoc, 'title' | 'body'>, t: ClusterTunables = CLUSTER_TUNABLES): TermCounts {
  const english = isEnglish(doc.body, t);
  scanTerms(doc.body, (id) => tally.add(id, 1), t, english);
  const title = titleOf(doc, t);
  if (title) scanTerms(title, (id) => tally.add(id, t.titleWeight), t, english);
  return tally.take();
}
