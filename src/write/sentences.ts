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

/** True for a line that reads like a heading: no sentence-final mark in a text whose sentences mostly have one. */
export function headingLike(sentence: Sentence, all: Sentence[], title: string | null): boolean {
  if (title && fold(sentence.text) === fold(title)) return true;
  if (SENTENCE_END.test(sentence.text)) return false;
  const ended = all.filter((s) => SENTENCE_END.test(s.text)).length;
  return ended >= all.length * 0.6;
}
