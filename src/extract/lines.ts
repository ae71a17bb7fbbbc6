// The unit the cleaner works on: one non-blank input line with its 1-based line number.
import { runReplacer } from '../text/runs.js';

export interface SourceLine {
  /** 1-based line in the decoded input (for HTML: in the extracted main text). */
  no: number;
  /** The line, trimmed; otherwise unchanged (it goes into the body as it stands). */
  text: string;
  /** Set when the line was a Markdown heading. */
  heading?: boolean;
}

/** Folds every run of whitespace (NBSP and zero-width space included) into one space, for matching (linear: see text/runs.ts). */
export const norm: (s: string) => string = runReplacer('\u200b', ' ', true);

const SPACE = /[\s\u00a0\u200b\u3000\ufeff]/;

/** Trims white space (zero-width space included) by scanning from both ends: linear even on a line of blanks. */
export function trimSpace(s: string): string {
  let start = 0;
  let end = s.length;
  while (start < end && SPACE.test(s[start])) start++;
  while (end > start && SPACE.test(s[end - 1])) end--;
  return s.slice(start, end);
}

/** Plain text → non-blank trimmed lines, numbered from `firstLine`. */
export function plainLines(text: string, firstLine = 1): SourceLine[] {
  const out: SourceLine[] = [];
  // Split on a plain '\n' (CRs made newlines first): V8's split on a regular expression steps through
  // the text match by match and grew ~15× per 10× on a long line; a string separator is a linear scan.
  const lf = text.includes('\r') ? text.replace(/\r\n?/g, '\n') : text;
  // One line is not copied by a split: a multi-megabyte copy per call was collected at the cost of the whole heap.
  (lf.includes('\n') ? lf.split('\n') : [lf]).forEach((raw, i) => {
    const t = trimSpace(raw);
    if (t) out.push({ no: firstLine + i, text: t });
  });
  return out;
}

