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

/** FNV-1a over s[start, end), finished with murmur3's mixer; never 0 (0 marks an empty table slot). */
function hashRange(s: string, start: number, end: number): number {
  let h = 0x811c9dc5;
  for (let i = start; i < end; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h || 1;
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

/** Letters of English text: plain Latin; any other letter (Hangul, ă, ư, é ...) counts against it. */
const PLAIN_LATIN = /[A-Za-z]/g;
const LETTER = /\p{L}/gu;

/** Whether a text is English-like: at least `englishMinShare` of its letters are plain Latin. */
export function isEnglish(text: string, t: ClusterTunables = CLUSTER_TUNABLES): boolean {
  const sample = text.slice(0, 4000);
  const letters = sample.match(LETTER)?.length ?? 0;
  return letters > 0 && (sample.match(PLAIN_LATIN)?.length ?? 0) / letters >= t.englishMinShare;
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
  const sizes = t.ngramSizes;
  const stop = english ? stopwordIds(t.englishStopwords) : null;
  const bump = (id: number) => counts.set(id, (counts.get(id) ?? 0) + weight);
  let previousWord = 0;
  for (const line of text.normalize('NFC').toLowerCase().split('\n')) {
    previousWord = 0; // bigrams do not cross lines (a title and the lead are not a phrase)
    for (const token of line.match(WORD) ?? []) {
      for (const run of token.match(SCRIPT_RUN) ?? []) {
        NGRAM_START.lastIndex = 0;
        if (NGRAM_START.test(run)) {
          previousWord = 0;
          if (run.length === 1) continue; // one syllable alone is mostly a particle or a counter
          for (const n of sizes) {
            if (run.length < n) {
              if (n === sizes[0]) bump(termId(run)); // a short word counts whole (회동, 오픈)
              continue;
            }
            for (let i = 0; i + n <= run.length; i++) bump(hashRange(run, i, i + n));
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
  const counts: TermCounts = new Map();
  const english = isEnglish(doc.body, t);
  addTerms(doc.body, counts, 1, t, english);
  const title = titleOf(doc, t);
  if (title) addTerms(title, counts, t.titleWeight, t, english);
  return counts;
}
