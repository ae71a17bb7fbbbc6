// Korean particles after a word (은/는, 이/가, 을/를, 와/과, 으로/로) through es-hangul, the maintained
// library. Words that end in Latin letters or digits (CEO, Arm, 뉴스1) are read aloud first: the
// particle follows the sound, so the last letter or digit is swapped for a Hangul syllable that ends
// the same way before es-hangul picks, and the word itself is kept as written.
import { josa as hangulJosa } from 'es-hangul';

export type Particle = '은/는' | '이/가' | '을/를' | '와/과' | '으로/로' | '이나/나';

/** How a final Latin letter or digit is read: 받침 or none, and ㄹ (으로/로 treats ㄹ like a vowel). */
const READ_AS: Record<string, string> = {
  0: '영', 1: '일', 2: '이', 3: '삼', 4: '사', 5: '오', 6: '육', 7: '칠', 8: '팔', 9: '구',
  l: '엘', m: '엠', n: '엔', r: '알', // end in a consonant; every other letter ends in a vowel (에이, 비, 씨 …)
};

/** `word` with the particle that fits it, e.g. josa('손정의', '은/는') → '손정의는', josa('CEO', '이/가') → 'CEO가'. */
export function josa(word: string, particle: Particle): string {
  const last = word.trim().slice(-1).toLowerCase();
  if (!last || /[\uac00-\ud7a3]/.test(last)) return hangulJosa(word, particle);
  const stand = /[a-z0-9]/.test(last) ? (READ_AS[last] ?? '비') : '비';
  return word + hangulJosa(stand, particle).slice(stand.length);
}
