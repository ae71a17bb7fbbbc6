// Hangul helpers: which characters are syllables, whether a syllable closes on a consonant (받침),
// and how much of a text is Korean.

const FIRST = 0xac00; // 가
const LAST = 0xd7a3; // 힣
/** Syllables per initial consonant: 21 vowels × 28 finals (the first "final" is none). */
const FINALS = 28;

/** A precomposed Hangul syllable (가-힣); jamo and compatibility jamo are not syllables. */
export const isHangulSyllable = (ch: string | undefined): boolean => !!ch && ch >= '\uac00' && ch <= '\ud7a3';

/** A non-empty string of Hangul syllables only. */
export const isHangul = (s: string): boolean => /^[\uac00-\ud7a3]+$/.test(s);
/** Whether `s` holds at least one Hangul syllable. */
export const hasHangul = (s: string): boolean => /[\uac00-\ud7a3]/.test(s);

/** True when a syllable has a final consonant (받침): 경찰 → true, 회사 → false; null for a non-syllable. */
export function hasFinalConsonant(ch: string): boolean | null {
  const jamo = jamoOf(ch);
  return jamo && jamo.final !== 0;
}

export interface RatioOptions {
  /** Characters looked at from the start (a long page says what it is early on). */
  limit?: number;
  /** Below this many letters counted the ratio is 0: too little text to tell. */
  minLetters?: number;
  /** Which letters count (all by default). */
  counts?: (ch: string) => boolean;
}

/** Share of Hangul syllables among the letters counted; decides whether Korean conventions apply. */
export function hangulRatio(text: string, { limit = 20000, minLetters = 1, counts = () => true }: RatioOptions = {}): number {
  let letters = 0;
  let hangul = 0;
  for (const ch of text.slice(0, limit)) {
    if (!counts(ch) || !/\p{L}/u.test(ch)) continue;
    letters++;
    if (isHangulSyllable(ch)) hangul++;
  }
  return letters >= minLetters ? hangul / letters : 0;
}

/** A syllable's jamo as indices: initial 0-18, vowel 0-20, final 0-27 (0 = none); null for a non-syllable. */
export function jamoOf(ch: string): { initial: number; vowel: number; final: number } | null {
  const code = ch.charCodeAt(0);
  if (code < FIRST || code > LAST) return null;
  const i = code - FIRST;
  return { initial: Math.floor(i / (21 * FINALS)), vowel: Math.floor(i / FINALS) % 21, final: i % FINALS };
}
