// Linear replacement of character runs. V8's global String.replace with a regular expression slows
// down super-linearly once a long text has hundreds of thousands of matches (a 1 MB line of short
// words: 45 ms at 100 kB, 735 ms at 1 MB); a scan that copies the text between runs stays linear
// (3 ms, 55 ms). On short texts the replace is ~1.5× faster than the scan, so it keeps them.

/** Texts shorter than this go through the regular expression; longer ones through the scan. */
const SCAN_FROM_CHARS = 10_000;
/** JavaScript's `\s` (what String.trim removes). */
const JS_SPACE = ' \t\n\v\f\r\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000\ufeff';

/**
 * A function that replaces every maximal run of white space (`\s`) and `extra` characters in a text by
 * `by`; with `trim`, runs at either end are dropped instead (String.trim's white space then must be
 * what `by` is made of). `extra` holds BMP characters that need no escape inside `[…]`.
 */
export function runReplacer(extra: string, by: string, trim = false): (s: string) => string {
  const pattern = new RegExp(`[\\s${extra}]+`, 'g');
  // A table by char code, not a call per character: one array read in the loop.
  const inRun = new Uint8Array(0x10000);
  for (const ch of JS_SPACE + extra) inRun[ch.charCodeAt(0)] = 1;
  const single = by.length === 1 ? by.charCodeAt(0) : -1;
  return (s) => {
    if (s.length < SCAN_FROM_CHARS) {
      const r = s.replace(pattern, by);
      return trim ? r.trim() : r;
    }
    const n = s.length;
    let out = '';
    let from = 0; // start of the text not yet copied to `out`
    let i = 0;
    if (trim) {
      while (i < n && inRun[s.charCodeAt(i)]) i++;
      from = i;
    }
    while (i < n) {
      const c = s.charCodeAt(i);
      if (!inRun[c]) { i++; continue; }
      let j = i + 1;
      while (j < n && inRun[s.charCodeAt(j)]) j++;
      if (trim && j === n) { out += s.slice(from, i); from = n; break; }
      // A run that already is `by` (one plain space) stays where it is: no copy.
      if (!(c === single && j === i + 1)) { out += s.slice(from, i) + by; from = j; }
      i = j;
    }
    if (from === 0) return s;
    return from < n ? out + s.slice(from) : out;
  };
}

const JS_SPACE_CODE = new Uint8Array(0x10000);
for (const ch of JS_SPACE) JS_SPACE_CODE[ch.charCodeAt(0)] = 1;

/** Whether the UTF-16 code unit `c` is JavaScript white space (`\s`): one array read, no pattern. */
export const isSpaceCode = (c: number): boolean => JS_SPACE_CODE[c] === 1;

/**
 * The length `s.replace(/\s+/g, ' ').trim()` would have, counted without building it: callers that only
 * compare text amounts (link shares, thresholds) paid for a copy of a whole page's text per question.
 */
export function collapsedLength(s: string | null | undefined): number {
  if (!s) return 0;
  let n = 0;
  let gap = false; // white space after some text: one space, if more text follows
  let any = false;
  for (let i = 0; i < s.length; i++) {
    if (JS_SPACE_CODE[s.charCodeAt(i)]) {
      gap = any;
      continue;
    }
    if (gap) {
      n++;
      gap = false;
    }
    n++;
    any = true;
  }
  return n;
}
