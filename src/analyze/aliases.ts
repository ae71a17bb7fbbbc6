// Rules that decide two surface forms name the same thing: spacing and case variants, Korean
// transliterations of Latin names (딥시크 ~ DeepSeek), short forms and abbreviations (소뱅 ~ 소프트뱅크).
import { isHangul, jamoOf } from '../text/hangul.js';

// Initial and final consonants of Hangul syllables, as the Latin consonant class they usually transliterate.
// ㄱ ㄲ ㄴ ㄷ ㄸ ㄹ ㅁ ㅂ ㅃ ㅅ ㅆ ㅇ ㅈ ㅉ ㅊ ㅋ ㅌ ㅍ ㅎ
const INITIAL = ['k', 'k', 'n', 't', 't', 'l', 'm', 'p', 'p', 's', 's', '', 's', 's', 's', 'k', 't', 'p', 'h'];
// A final ㅅ/ㅆ is how Korean writes a final t (넷 = net).
// (none) ㄱ ㄲ ㄳ ㄴ ㄵ ㄶ ㄷ ㄹ ㄺ ㄻ ㄼ ㄽ ㄾ ㄿ ㅀ ㅁ ㅂ ㅄ ㅅ ㅆ ㅇ ㅈ ㅊ ㅋ ㅌ ㅍ ㅎ
const FINAL = ['', 'k', 'k', 'k', 'n', 'n', 'n', 't', 'l', 'k', 'm', 'l', 'l', 'l', 'p', 'l', 'm', 'p', 'p', 't', 't', 'n', 's', 's', 'k', 't', 'p', 'h'];
const LATIN_CLASS: Record<string, string> = {
  b: 'p', p: 'p', f: 'p', v: 'p', d: 't', t: 't', g: 'k', k: 'k', c: 'k', q: 'k', x: 'ks', s: 's', z: 's', j: 's',
  l: 'l', r: 'l', m: 'm', n: 'n', h: 'h', w: '', y: '',
};

/**
 * A rough consonant skeleton, comparable across scripts: 딥시크 → tpsk, DeepSeek → tpsk,
 * 크리스털 → klstl, Crystal → klstl. Vowels, doubled letters and a silent final h are dropped.
 */
export function skeleton(s: string): string {
  let out = '';
  for (const ch of s.normalize('NFC')) {
    const jamo = jamoOf(ch);
    if (jamo) out += INITIAL[jamo.initial] + FINAL[jamo.final];
  }
  // Soft c and g before e, i, y sound like ㅅ and ㅈ (Intelligence → 인텔리전스).
  const latin = s.toLowerCase().replace(/[cg](?=[eiy])/g, 's').replace(/ck/g, 'k').replace(/ph/g, 'f')
    // Korean drops a post-vocalic r (Stargate → 스타게이트) and writes final ng as ㅇ (Samsung → 삼성).
    .replace(/([aeiou])r(?![aeiou])/g, '$1').replace(/ng(?![aeiou])/g, 'n');
  if (/[a-z]/.test(latin)) for (const ch of latin) if (/[a-z]/.test(ch)) out += LATIN_CLASS[ch] ?? '';
  return out.replace(/(.)\1+/g, '$1').replace(/h/g, '');
}

/** True when a Hangul form and a Latin form plausibly spell one name (오픈AI ~ OpenAI). */
export function transliterates(hangul: string, latin: string): boolean {
  if (!/[\uac00-\ud7a3]/.test(hangul) || /[\uac00-\ud7a3]/.test(latin) || !/[A-Za-z]/.test(latin)) return false;
  // Latin letters inside the Hangul form (오픈AI) must end the Latin form too.
  const tail = hangul.match(/[A-Za-z]+$/)?.[0] ?? '';
  if (tail && !latin.toLowerCase().replace(/\s+/g, '').endsWith(tail.toLowerCase())) return false;
  const a = skeleton(hangul.slice(0, hangul.length - tail.length));
  const b = skeleton(latin.replace(new RegExp(`${tail}$`, 'i'), ''));
  return a.length >= 2 && a === b;
}

/** Abbreviations Koreans make from a name's parts: 소프트+뱅크 → 소뱅, 삼성+전자 → 삼전. */
export function abbreviations(parts: string[]): string[] {
  const hangul = parts.filter(isHangul);
  if (hangul.length < 2 || hangul.length !== parts.length) return [];
  return [hangul.map((p) => p[0]).join('')];
}

/** `short` is a short form of `long`: a prefix before an organization suffix (삼성 → 삼성전자). */
export function isShortForm(short: string, long: string, suffixes: readonly string[]): boolean {
  if (short.length < 2 || long.length <= short.length || !long.startsWith(short)) return false;
  return suffixes.includes(long.slice(short.length));
}
