// The one comparison key for Korean and Latin text. Every stage that asks "is this the same text?"
// (a title repeated in the body, a sentence already shown, a figure an LLM may quote, two spellings of a
// name) folds both sides with this, so that they all agree on what counts as a difference.

/** Whitespace, quote marks of every kind and thousands separators carry no meaning in a comparison. */
const IGNORED = /[\s“”"‘’'「」『』,]+/g;

/** NFKC (full-width and compatibility forms to plain ones), without IGNORED, lower case: `“삼성 ＡＩ” 1,000` → `삼성ai1000`. */
export const fold = (s: string): string => s.normalize('NFKC').replace(IGNORED, '').toLowerCase();
