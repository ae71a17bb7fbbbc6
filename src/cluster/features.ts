// Text → term counts, without a dictionary. Korean (and Chinese/Japanese) words get character 3- to
// 5-grams inside each word, so a stem matches whatever particle follows it (삼성전자가 / 삼성전자는);
// space-separated scripts (Latin, Vietnamese, Cyrillic ...) get lower-cased words and word bigrams.
import type { NewsDoc } from '../types.js';
import { CLUSTER_TUNABLES, type ClusterTunables } from './tunables.js';

/** Runs of letters/digits; everything else separates words. */
const WORD = /[\p{L}\p{N}]+/gu;
/** Scripts written without reliable word spacing inside a word, where character n-grams work best. */
const NGRAM_SCRIPT = /[\p{Script=Hangul}\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u;
/** Splits a mixed token (오픈AI, 5G통신) into runs of one kind: n-gram script, or not. */
const SCRIPT_RUN = /[\p{Script=Hangul}\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]+|[^\p{Script=Hangul}\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]+/gu;

export type TermCounts = Map<string, number>;

/** The headline used for weighting: the extracted title, else a headline-like first body line. */
export function titleOf(doc: Pick<NewsDoc, 'title' | 'body'>, t: ClusterTunables = CLUSTER_TUNABLES): string {
  if (doc.title) return doc.title;
  const end = doc.body.indexOf('\n');
  const first = (end < 0 ? doc.body : doc.body.slice(0, end)).trim();
  return first.length >= t.fallbackTitleMinChars && first.length <= t.fallbackTitleMaxChars ? first : '';
}

/** Adds the terms of `text` to `counts`, each occurrence counting `weight`. */
export function addTerms(text: string, counts: TermCounts, weight = 1, t: ClusterTunables = CLUSTER_TUNABLES): void {
  const sizes = t.ngramSizes;
  let previousWord: string | null = null;
  for (const line of text.normalize('NFC').toLowerCase().split('\n')) {
    previousWord = null; // bigrams do not cross lines (a title and the lead are not a phrase)
    for (const token of line.match(WORD) ?? []) {
      for (const run of token.match(SCRIPT_RUN) ?? []) {
        if (NGRAM_SCRIPT.test(run)) {
          previousWord = null;
          if (run.length === 1) continue; // one syllable alone is mostly a particle or a counter
          for (const n of sizes) {
            if (run.length < n) {
              if (n === sizes[0]) bump(counts, run, weight); // a short word counts whole (회동, 오픈)
              continue;
            }
            for (let i = 0; i + n <= run.length; i++) bump(counts, run.slice(i, i + n), weight);
          }
        } else {
          bump(counts, run, weight);
          if (t.wordBigrams && previousWord !== null) bump(counts, `${previousWord} ${run}`, weight);
          previousWord = run;
        }
      }
    }
  }
}

function bump(counts: TermCounts, term: string, weight: number) {
  counts.set(term, (counts.get(term) ?? 0) + weight);
}

/** Term counts of one document: body once, title `titleWeight` times more. */
export function documentTerms(doc: Pick<NewsDoc, 'title' | 'body'>, t: ClusterTunables = CLUSTER_TUNABLES): TermCounts {
  const counts: TermCounts = new Map();
  addTerms(doc.body, counts, 1, t);
  const title = titleOf(doc, t);
  if (title) addTerms(title, counts, t.titleWeight, t);
  return counts;
}

