// The sentences a document offers the writer: extract's sentences when it made them, otherwise a
// conservative split of the body, so that the writer works on any NewsDoc. Spans index into `body`.
import type { NewsDoc, Sentence } from '../types.js';
import { SENTENCE_END } from './tunables.js';

/** Splits a body into sentences at line breaks and at sentence-final punctuation followed by space. */
export function splitBody(body: string): Sentence[] {
  const out: Sentence[] = [];
  let paragraph = 0;
  const lineRe = /[^\n]+|\n\s*\n/g;
  for (const m of body.matchAll(lineRe)) {
    if (/^\n/.test(m[0])) {
      paragraph++;
      continue;
    }
    const lineStart = m.index!;
    const line = m[0];
    // Break after . ! ? (optionally followed by a closing quote) when whitespace follows and we are not inside
    // an open quotation, so that “…했다. 그러나 …”라고 stays one sentence.
    let start = 0;
    let depth = 0;
    for (let i = 0; i < line.length; i++) {
      const ch = line[i];
      if (ch === '“' || ch === '「') depth++;
      else if ((ch === '”' || ch === '」') && depth > 0) depth--;
      if (depth === 0 && /[.!?。]/.test(ch) && /\s/.test(line[i + 1] ?? '') && !/\d/.test(line[i - 1] ?? '') ) {
        push(out, body, lineStart + start, lineStart + i + 1, paragraph);
        start = i + 1;
      }
    }
    push(out, body, lineStart + start, lineStart + line.length, paragraph);
  }
  return out;
}

function push(out: Sentence[], body: string, start: number, end: number, paragraph: number) {
  while (start < end && /\s/.test(body[start])) start++;
  while (end > start && /\s/.test(body[end - 1])) end--;
  if (end > start) out.push({ start, end, text: body.slice(start, end), paragraph });
}

export function documentSentences(doc: NewsDoc): Sentence[] {
  return doc.sentences.length ? doc.sentences : splitBody(doc.body);
}

/** True for a line that reads like a heading: no sentence-final mark in a text whose sentences mostly have one. */
export function headingLike(sentence: Sentence, all: Sentence[], title: string | null): boolean {
  const fold = (s: string) => s.replace(/\s+/g, '');
  if (title && fold(sentence.text) === fold(title)) return true;
  if (SENTENCE_END.test(sentence.text)) return false;
  const ended = all.filter((s) => SENTENCE_END.test(s.text)).length;
  return ended >= all.length * 0.6;
}
