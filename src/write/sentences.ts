// The sentences a document offers the writer: extract's sentences when it made them, otherwise the
// extract stage's own splitter run on the body, so that the writer works on any NewsDoc (test loaders,
// stored docs). Spans index into `body`.
import type { NewsDoc, Sentence } from '../types.js';
import { splitSentences } from '../extract/sentences.js'; // the pure splitter, without the HTML stack extract/index loads
import { SENTENCE_END } from './tunables.js';

export function documentSentences(doc: NewsDoc): Sentence[] {
  return doc.sentences.length ? doc.sentences : splitSentences(doc.body);
}

/** The sentence of `doc` that holds body offset `pos`, if any. */
export function sentenceAt(doc: NewsDoc, pos: number): Sentence | undefined {
  return documentSentences(doc).find((s) => s.start <= pos && pos < s.end);
}

/** True for a line that reads like a heading: no sentence-final mark in a text whose sentences mostly have one. */
export function headingLike(sentence: Sentence, all: Sentence[], title: string | null): boolean {
  const fold = (s: string) => s.replace(/\s+/g, '');
  if (title && fold(sentence.text) === fold(title)) return true;
  if (SENTENCE_END.test(sentence.text)) return false;
  const ended = all.filter((s) => SENTENCE_END.test(s.text)).length;
  return ended >= all.length * 0.6;
}
