// Korean text as words (어절) with particles split off, the unit the entity rules look at.
import type { Morph } from './morph.js';
import { PARTICLES } from '../text/particles.js';
import { hasFinalConsonant, isHangulSyllable } from '../text/hangul.js';

export interface Word {
  /** The word as written between separators, e.g. `회장은`. */
  text: string;
  start: number;
  end: number;
  /** The word without its trailing particle, e.g. `회장`; coreEnd is where it stops. */
  core: string;
  coreEnd: number;
  particle: string;
  /** What stands between the previous word and this one: '' (only spaces) or the punctuation seen. */
  before: string;
  morphs: Morph[];
}

// Separators: whitespace, brackets, quotes, list marks, arrows and range tildes (부산→서울, 홍천∼횡성). A hyphen joins names in `이재용-손정의` so it separates too.
const PIECE = /[^\s()[\]{}<>·ㆍ,、/“”"‘’'`「」『』《》〈〉…:;!?~|=+\-–—*#→←↔∼～]+/g;
// Particles after a Latin or digit stem are always particles (MGX가, Arm을, 3일에).
const LATIN_END = /[A-Za-z0-9)]$/;
// Multi-syllable particles are unambiguous enough to strip without the tagger's agreement.
const SURE_PARTICLE_LEN = 2;
const AFTER_CONSONANT = new Set(['이', '은', '을', '과']);
const AFTER_VOWEL = new Set(['가', '는', '를', '와']);

/** `morphs` are the caller's tokens of `text` (the tokenizer is the hot path: tokenize once, share). */
export function splitWords(text: string, morphs: Morph[]): Word[] {
  const words: Word[] = [];
  let prevEnd = 0;
  let m = 0;
  for (const match of text.matchAll(PIECE)) {
    let raw = match[0];
    const start = match.index!;
    // Sentence-final dots belong to no word; dots inside numbers and abbreviations stay.
    raw = raw.replace(/\.+$/, '');
    if (!raw) continue;
    const end = start + raw.length;
    while (m < morphs.length && morphs[m].end <= start) m++;
    const own: Morph[] = [];
    for (let k = m; k < morphs.length && morphs[k].start < end; k++) own.push(morphs[k]);
    const particle = particleOf(raw, start, own);
    const between = text.slice(prevEnd, start);
    words.push({
      text: raw, start, end, core: raw.slice(0, raw.length - particle.length), coreEnd: end - particle.length,
      particle, before: between.replace(/\s+/g, ''), morphs: own,
    });
    prevEnd = end;
  }
  return words;
}

/** The particle at the end of `word`, or ''. */
function particleOf(word: string, start: number, morphs: Morph[]): string {
  for (const p of PARTICLES) {
    if (word.length <= p.length || !word.endsWith(p)) continue;
    const stem = word.slice(0, word.length - p.length);
    if (!isHangulSyllable(p[0])) continue;
    if (LATIN_END.test(stem)) return p;
    if (p.length >= SURE_PARTICLE_LEN && !/^(이다|이고|이며|이자|이나|이란)$/.test(p)) return p;
    // Case particles agree with the stem's last syllable (경찰이, 회사가): trusted on stems of 2+ syllables.
    const batchim = stem.length >= 2 ? hasFinalConsonant(stem[stem.length - 1]) : null;
    if (batchim !== null) {
      if ((batchim && AFTER_CONSONANT.has(p)) || (!batchim && AFTER_VOWEL.has(p))) return p;
    }
    // Other one-syllable particles: trust them only where the tagger puts a particle, copula or ending there.
    const at = start + stem.length;
    const morph = morphs.find((x) => x.start === at);
    if (morph && /^(J|VCP|E)/.test(morph.pos)) return p;
  }
  return '';
}

export const isLatinName = (s: string): boolean => /^[A-Za-z][A-Za-z0-9&.]*$/.test(s);
