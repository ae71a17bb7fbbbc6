// The sentences a document offers the writer: extract's sentences when it made them, otherwise the
// one splitter (src/text) run on the body, so that the writer works on any NewsDoc (test loaders,
// stored docs). Spans index into `body`.
import type { NewsDoc, Sentence } from '../types.js';
import { splitSentences } from '../text/sentences.js';
import { SENTENCE_END } from './tunables.js';
import { fold } from '../text/fold.js';

export function documentSentences(doc: NewsDoc): Sentence[] {
  return doc.sentences.length ? doc.sentences : splitSentences(doc.body);
}

/** The sentence of `doc` that holds body offset `pos`, if any. */
export function sentenceAt(doc: NewsDoc, pos: number): Sentence | undefined {
  return documentSentences(doc).find((s) => s.start <= pos && pos < s.end);
}

/** Whether most of a document's sentences end in a sentence-final mark, counted once per sentence list
 *  (callers ask for every sentence of a document: recounting each time was quadratic). */
const mostlyEnded = new WeakMap<readonly Sentence[], boolean>();

/** True for a line that reads like a heading: no sentence-final mark in a text whose sentences mostly have one. */
export function headingLike(sentence: Sentence, all: readonly Sentence[], title: string | null): boolean {
  // Folding drops only spaces, quote marks and commas: a sentence many times the title's length is not it.
  if (title && sentence.text.length <= 4 * title.length + 100 && fold(sentence.text) === fold(title)) return true;
  if (SENTENCE_END.test(sentence.text)) return false;
  let mostly = mostlyEnded.get(all);
  if (mostly === undefined) {
    mostly = all.filter((s) => SENTENCE_END.test(s.text)).length >= all.length * 0.6;
    mostlyEnded.set(all, mostly);
  }
  return mostly;
}
