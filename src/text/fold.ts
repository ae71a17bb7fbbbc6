// The one comparison key for Korean and Latin text. Every stage that asks "is this the same text?"
// (a title repeated in the body, a sentence already shown, a figure an LLM may quote, two spellings of a
// name) folds both sides with this, so that they all agree on what counts as a difference.

import { runReplacer } from './runs.js';

/** Whitespace, quote marks of every kind and thousands separators carry no meaning in a comparison. */
const dropIgnored = runReplacer('“”"‘’\'「」『』,', '');

/** NFKC (full-width and compatibility forms to plain ones), without what carries no meaning, lower case: `“삼성 ＡＩ” 1,000` → `삼성ai1000`.
 *  Cut by text/runs.ts: a global replace alone grew super-linearly on long texts. */
export const fold = (s: string): string => dropIgnored(s.normalize('NFKC')).toLowerCase();
