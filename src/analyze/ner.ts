// Sentence-level Korean named-entity recognition: people, organizations, places (KLUE's PS, OG, LC),
// by rules over words and ko-dic tags. Spans follow the KLUE convention: the name only, without
// the title after it (회장, 씨) or the particle (은, 의). The pipeline and `npm run eval:ner` share it.
import { tokenize, type Morph } from './morph.js';
import { NATIVE_UNITS } from '../text/tunables-amount.js';
import { isLatinName, splitWords, type Word } from './words.js';
import { isHangul } from '../text/hangul.js';
import { KNOWN_NAMES, TEAM_NICKNAMES } from './known-names.js';
import {
  AGENT_PARTICLES, AGENT_SIDE_WORDS, SPORT_CUES, NAME_CACHE_MAX, PLACE_PARTS, PLACE_GENERIC_NOUNS, ORG_HEADS, GENERIC_ORG_STEMS, HANJA_SURNAMES, NAME_NEIGHBOUR_STOP, VENUE_SUFFIXES, AMBIGUOUS_PLACES, COUNTRY_CHAIN_HEADS, COUNTRY_INITIALS, DESCRIPTOR_KIND_WORDS, PLACE_COMPOUND_HEADS, INSTITUTION_ENDINGS, GAZETTEER, NOT_NAME_PATTERNS, ORG_CUE_BEFORE, LATIN_STOP, NOT_NAMES, ORG_KIND_WORDS, ORG_SUFFIXES, ORG_WORDS, PERSON_TITLES, PLACE_SUFFIXES, PLACES, PROVINCES, FACILITY_SUFFIXES, PLACE_PARTICLES, ADDRESS_VENUE_PARTICLES, UNIVERSITY_UNITS, VENUE_PLACE_SUFFIXES,
  TITLE_MODIFIERS, WEAK_ORG_SUFFIXES, WEAK_PLACE_SUFFIXES, WEAK_TITLES,
} from './tunables-entities.js';

export type NerType = 'PS' | 'OG' | 'LC';

export interface NerSpan {
  start: number;
  end: number;
  type: NerType;
  text: string;
  /** For people: the role written beside the name, e.g. `삼성전자 회장` (org + title). */
  role?: string;
  /** For people: the bare title, e.g. `회장`, and where it ends (so `손 회장` can be quoted whole). */
  title?: string;
  titleEnd?: number;
  /** For `서울 삼성전자`-style spans: where the organization itself starts. */
  orgStart?: number;
  /** The rule that found it, for review and evaluation. */
  rule: string;
}

// The surnames that cover almost every Korean (도, 소, 추 included); two-syllable ones are checked first.
const SURNAMES = new Set(
  ('김 이 박 최 정 강 조 윤 장 임 한 오 서 신 권 황 안 송 류 유 전 홍 고 문 양 손 배 백 허 남 심 노 하 곽 성 차 주 우 구 민 진 나 지 엄 ' +
    '채 원 천 방 공 현 함 변 염 석 선 설 마 길 연 위 표 명 기 반 왕 금 옥 육 인 맹 제 모 탁 국 어 은 편 용 예 경 봉 사 부 가 복 태 목 형 피 두 감 음 빈 동 온 호 범 좌 팽 승 간 상 시 갈 단 견 당 ' +
    '도 소 추 여 라 계 궁 빙 곡 뇌 판 래 묵 창')
    .split(' '),
);
const DOUBLE_SURNAMES = new Set('남궁 황보 제갈 선우 독고 사공 서문 동방'.split(' '));
/**
 * Word endings listed by their last character, each list in the order given: the endings a word can have
 * are those of its last character, so a rule that tries them in order tries only those (every word of
 * every sentence goes through several such rules; a Latin or Vietnamese word has none).
 */
function byLastChar(endings: readonly string[]): (word: string) => readonly string[] {
  const lists = new Map<string, string[]>();
  for (const e of endings) {
    if (!e) throw new Error('an empty ending matches every word');
    const last = e[e.length - 1];
    const list = lists.get(last);
    if (list) list.push(e);
    else lists.set(last, [e]);
  }
  return (word) => (word && lists.get(word[word.length - 1])) || [];
}

const ORG_SUFFIX_LIST = byLastChar([...ORG_SUFFIXES].sort((a, b) => b.length - a.length));
const PLACE_SUFFIX_LIST = byLastChar([...PLACE_SUFFIXES].sort((a, b) => b.length - a.length));
const PLACE_COMPOUND_HEAD_LIST = byLastChar(PLACE_COMPOUND_HEADS);
const ORG_SUFFIX_SET = new Set(ORG_SUFFIXES);
const TEAM_NICKNAME_LIST = byLastChar(TEAM_NICKNAMES);
/** The gazetteer as a Map: indexing the object by every word of every sentence made V8 intern each word. */
const GAZETTEER_TYPES = new Map(Object.entries(GAZETTEER));

/** A Korean-style personal name: surname + 1–2 syllables (이재용, 남궁민). */
function looksLikeKoreanName(s: string): boolean {
  if (!isHangul(s)) return false;
  if (s.length >= 3 && s.length <= 4 && DOUBLE_SURNAMES.has(s.slice(0, 2))) return true;
  return s.length >= 2 && s.length <= 3 && SURNAMES.has(s[0]);
}

const isSurname = (s: string): boolean => SURNAMES.has(s) || DOUBLE_SURNAMES.has(s);

/** The title a word is (회장, 회장은, CEO가), or null. */
function titleOf(w: Word): string | null {
  if (PERSON_TITLES.has(w.core)) return w.core;
  if (PERSON_TITLES.has(w.text)) return w.text;
  return null;
}

function orgSuffix(core: string): string | null {
  for (const s of ORG_SUFFIX_LIST(core)) if (core.length > s.length && core.endsWith(s)) return s;
  return null;
}

/** Why a word is an organization name, or null. */
function orgRule(w: Word, known?: ReadonlySet<string>): string | null {
  const c = w.core;
  if (!c || NOT_NAMES.has(c) || PERSON_TITLES.has(c) || isGradeOrRound(c) || PLACE_PARTS.has(c)) return null;
  if (known?.has(c)) return 'known-org';
  if (ORG_WORDS.has(c)) return 'org-word';
  if (KNOWN_NAMES.get(c) === 'organization') return 'known-name';
  if (c.length >= 3 && INSTITUTION_ENDINGS.includes(c[c.length - 1]) && w.morphs.length >= 1 && w.morphs[0].pos === 'NNG' &&
    w.morphs[0].start === w.start && w.morphs[0].end === w.coreEnd) return 'institution';
  if (GAZETTEER_TYPES.get(c) === 'organization') return 'gazetteer';
  // One capital before Hangul is a label (K팝, E클래스, A매치), not a company: two or more make one (LG전자).
  if (/^[A-Z][A-Za-z0-9&]*[\uac00-\ud7a3]{2,}$/.test(c) && /^[A-Z][A-Za-z&]/.test(c) && !LATIN_STOP.has(c.match(/^[A-Za-z0-9&]+/)![0])) return 'latin-hangul-org';
  // 화학II, 국어A: a subject and its level; 섹션TV: a programme. A stem with an org ending is a name (가람KT).
  if (/^[\uac00-\ud7a3]{2,}[A-Z]{1,4}$/.test(c) && !NOT_NAMES.has(c.replace(/[A-Z]+$/, '')) && !/^(I{1,3}|IV|V|[A-Z])$/.test(c.replace(/^[\uac00-\ud7a3]+/, '')) &&
    !LATIN_STOP.has(c.replace(/^[\uac00-\ud7a3]+/, ''))) return 'hangul-latin-org';
  // Letters and digits (SM5, G5, MH370) are models and flights, not bodies.
  if (/^[A-Z][A-Z&]{1,7}$/.test(c) && !LATIN_STOP.has(c)) return 'acronym';
  const suffix = orgSuffix(c);
  if (suffix && isHangul(c.slice(0, c.length - suffix.length)) || suffix && /[A-Za-z]/.test(c)) {
    const stem = c.slice(0, c.length - suffix.length);
    if (NOT_NAMES.has(stem) || PLACES.has(c) || GENERIC_ORG_STEMS.has(stem)) return null; // 걸그룹, 신용카드: a kind of thing
    if (!WEAK_ORG_SUFFIXES.has(suffix)) return stem.length >= 1 ? 'org-suffix' : null;
    // Short suffixes (외교부, 민주당, 경찰청) need a stem the tagger knows as a proper noun, or a known stem.
    if (w.morphs.some((m) => m.pos === 'NNP' && m.end <= w.start + stem.length + 1) && stem.length >= 2) return 'org-suffix-weak';
    if (stem.length >= 3 && suffix.length === 1 && '부처청'.includes(suffix)) return 'org-suffix-weak'; // 여성가족부
  }
  return null;
}

/** 시리즈C, 프리A, AA등급: a stage or grade, which the Hangul+Latin org pattern would otherwise take. */
export const isGradeOrRound = (s: string): boolean => NOT_NAME_PATTERNS.some((re) => re.test(s));

/**
 * `재생에너지 기업 새바다에너지`: a suffix-shaped word before a kind-of-company word and a name describes
 * the company's trade; the name is the word after.
 */
function isDescriptor(words: Word[], i: number): boolean {
  const kind = words[i + 1], name = words[i + 2];
  if (!kind || !name || !joined(words, i) || !joined(words, i + 1) || !DESCRIPTOR_KIND_WORDS.has(kind.core)) return false;
  const core = words[i].core;
  const stem = core.slice(0, core.length - (orgSuffix(core)?.length ?? 0));
  return isHangul(stem) && tokenize(stem).every((m) => m.pos === 'NNG');
}

/** Why a word is a place name, or null. */
function placeRule(w: Word, next?: Word): string | null {
  const c = w.core;
  if (!c || NOT_NAMES.has(c)) return null;
  // 경기 수원서부경찰서: before a body named after a place within it, 경기 is the province too.
  if (AMBIGUOUS_PLACES.has(c)) return next && (PLACES.has(next.core) || placeContinues(next) || localBody(next)) && !w.particle ? 'place-list' : null;
  if (PLACES.has(c) || GAZETTEER_TYPES.get(c) === 'place') return 'place-list';
  const whole = w.morphs.length === 1 || (w.morphs[0] && w.morphs[0].end >= w.start + c.length);
  if (whole && w.morphs[0]?.meaning === '지명' && w.morphs[0].pos === 'NNP' && c.length >= 2) return 'kodic-place';
  if (placePrefix(w)) return null; // 체코산, 충남지역: a compound that starts with a place (see placePrefix)
  const venue = VENUE_PLACE_SUFFIXES.find((s) => c.length >= s.length + 2 && c.endsWith(s));
  if (venue) {
    const stem = w.morphs.filter((m) => m.start < w.start + c.length - venue.length);
    return isHangul(c) && !stem.every((m) => m.pos === 'NNG') ? 'place-venue' : null;
  }
  for (const s of PLACE_SUFFIX_LIST(c)) {
    if (c.length <= s.length || !c.endsWith(s)) continue;
    const stem = c.slice(0, c.length - s.length);
    // 미만, 중도, 일동: a one-syllable country initial before a short ending is a word of its own, no place;
    // 중구, 남구, 북구 are districts.
    const initial = AMBIGUOUS_PLACES.has(stem) && !(s === '구' && '중남북'.includes(stem));
    const known = (PLACES.has(stem) && !initial) || w.morphs.some((m) => m.meaning === '지명' && m.start === w.start);
    if (!WEAK_PLACE_SUFFIXES.has(s) && stem.length >= 2) return 'place-suffix';
    if (known && stem.length >= 1) return 'place-suffix-weak';
  }
  return null;
}

/** 의정부경찰서, 수원시청: an organization word that starts with a place's name. */
function localBody(w: Word): boolean {
  if (!orgRule(w)) return false;
  for (let n = 2; n <= 4 && n < w.core.length; n++) {
    const head = w.core.slice(0, n);
    if (PLACES.has(head) && !AMBIGUOUS_PLACES.has(head)) return true;
  }
  return false;
}

/** True when a word can be part of a personal name (not a title, place, org, or common word). */
function nameLike(w: Word): boolean {
  const c = w.core;
  if (!c || NOT_NAMES.has(c) || PERSON_TITLES.has(c) || PLACES.has(c) || ORG_WORDS.has(c)) return false;
  if (/^[A-Z]$/.test(c)) return true; // A씨, B 대표: anonymised people
  if (isLatinName(c)) return /^[A-Z][a-z]+$/.test(c);
  if (!isHangul(c) || c.length > 5) return false;
  return true;
}

/** nameLike, and the tagger does not read the word as a verb form or a lone common noun phrase. */
function nameOk(w: Word): boolean {
  if (!nameLike(w)) return false;
  if (fullNameKnownAlone(w)) return true; // 문재인 → 문재/인 in context: not a verb form
  const tags = w.morphs.filter((m) => m.start < w.coreEnd);
  const verbish = tags.some((m) => /(^|\+)(E|VV|VA|VX|XSV|XSA)/.test(m.pos));
  // A name the tagger reads as a verb stem with an ending on its last syllable (나설, 인용해, 모아) is a verb form.
  const last = tags[tags.length - 1];
  const endsInEnding = !!last && last.end === w.coreEnd && /(^|\+)E/.test(last.pos) && !tags.some((m) => m.meaning === '인명');
  if (verbish && (!looksLikeKoreanName(w.core) || /[된던는적인한]$/.test(w.core) || endsInEnding)) return false;
  // 아울러, 이제, 초: one adverb, determiner or bound noun (a counter) is the whole word.
  if (tags.length === 1 && tags[0].start === w.start && tags[0].end === w.coreEnd && /^(MAG|MAJ|MM|NNB)$/.test(tags[0].pos)) return false;
  // JKV (vocative) inside a name is a tagging slip (정신아 → 정신/아), never real in news text.
  if (tags.some((m) => /^(J(?!KV)|M|NR|SN|NNB|IC|XSN)/.test(m.pos) && m.start > w.start)) return false;
  return true;
}

/**
 * A word written right after a closing bracket or quote, with no space (`(35)과`, `'피플'은`): it is the particle or
 * ending of the bracketed or quoted words, never the start of a name.
 */
function gluedToClosingMark(text: string, w: Word): boolean {
  const c = text[w.start - 1];
  if (!c) return false;
  if (')]}」』》〉’”'.includes(c)) return true;
  // A straight quote closes when a letter stands before it ('피플'은); after a space it opens ('김철수' 대표).
  return (c === "'" || c === '"') && w.start >= 2 && !/[\s([{]/.test(text[w.start - 2]);
}

const OPENING_QUOTES = `'"‘“`;
const CLOSING_QUOTES = `'"’”`;
/** The text from start to end stands alone between quotes ('시크릿', “배철러”). */
const quotedWhole = (text: string, start: number, end: number): boolean =>
  start > 0 && OPENING_QUOTES.includes(text[start - 1]) && CLOSING_QUOTES.includes(text[end] ?? '');

/** A word that can precede a foreign given-name/surname pair (샘 올트먼, 르네 하스). */
function givenNameLike(w: Word, allowNoun = false): boolean {
  if (w.particle || !isHangul(w.core) || w.core.length > 4 || !nameLike(w)) return false;
  // (CEO)가, '공천제'에: a particle cut off by the bracket or quote, not a given name.
  if (/[)\]'"’”]$/.test(w.before) && /^(이|가|은|는|을|를|의|와|과|도|에|로)$/.test(w.core)) return false;
  if (TITLE_MODIFIERS.has(w.core) || ORG_KIND_WORDS.has(w.core) || PLACES.has(w.core) || NAME_NEIGHBOUR_STOP.has(w.core)) return false;
  if (w.core.length === 1) return true; // 샘, 존, 칼: the tagger reads one syllable as anything
  // A dictionary common noun (배우, 의사) before a name is an occupation, not a given name.
  const tags = w.morphs.filter((m) => m.start < w.coreEnd);
  if (tags.length && tags.every((m) => m.pos === 'NNG') && !allowNoun) return false;
  if (tags.some((m) => /^(M|J|E|XS|V|NR|SN|NNB)|\+E/.test(m.pos))) return false;
  return true;
}

function kodicPerson(w: Word): boolean {
  const m0 = w.morphs[0];
  if (!m0 || m0.start !== w.start || m0.pos !== 'NNP' || m0.meaning !== '인명' || w.core.length < 2 || NOT_NAMES.has(w.core)) return false;
  if (m0.end === w.coreEnd) return true;
  // 류현진이 → 류현/진이: in context the tagger can cut a name it knows whole; asked about the word alone it tells.
  if (m0.end < w.coreEnd && w.core.length <= 4 && isHangul(w.core) && knownWholePerson(w.core)) return true;
  // 김경진이 → 김경(인명)/진이: a surname-led three-syllable word whose first two syllables are a known name, before a particle.
  const rest = w.morphs.filter((m) => m.start >= m0.end && m.start < w.coreEnd);
  return !!w.particle && w.core.length === 3 && looksLikeKoreanName(w.core) && m0.end === w.start + 2 &&
    rest.every((m) => m.pos === 'NNG' || m.pos === 'NNP');
}

/**
 * A three-syllable word led by a surname that the tagger cut in context, into nouns (홍경민이 → 홍경/민이) or a verb
 * form (신동빈 → 신동/빈, 문재인 → 문재/인), and that ko-dic, asked about it alone, reads as one person's name.
 */
const fullNameKnownAlone = (w: Word): boolean =>
  w.core.length === 3 && looksLikeKoreanName(w.core) && !NOT_NAMES.has(w.core) && cutInContext(w) && knownWholePerson(w.core);

/** The tagger read the word in two or more pieces; one dictionary noun in context (이정표가) is that noun. */
const cutInContext = (w: Word): boolean => w.morphs.filter((m) => m.start < w.coreEnd).length >= 2;

const wholePersonCache = new Map<string, boolean>();
function knownWholePerson(core: string): boolean {
  let known = wholePersonCache.get(core);
  if (known === undefined) {
    const alone = tokenize(core);
    known = alone.length === 1 && alone[0].pos === 'NNP' && alone[0].meaning === '인명';
    if (wholePersonCache.size < NAME_CACHE_MAX) wholePersonCache.set(core, known);
  }
  return known;
}

/**
 * After a foreign given name, a word the tagger reads as one common noun is still the family name when the
 * name phrase ends with it (제임스 코든이, 슈테판 키슬링,): a particle or punctuation follows, not another word.
 */
function foreignSurname(words: Word[], k: number): boolean {
  const w = words[k];
  if (!w || !isHangul(w.core) || w.core.length < 2 || w.core.length > 5 || !nameLike(w) || KNOWN_NAMES.has(w.core)) return false;
  if (NAME_NEIGHBOUR_STOP.has(w.core) || endsInTitle(w.core) || orgRule(w) || placeRule(w) || ORG_KIND_WORDS.has(w.core)) return false;
  const own = w.morphs.filter((m) => m.start < w.coreEnd);
  if (own.some((m) => /^(V|E|XS|J|M|NR|SN|NNB|IC)|\+/.test(m.pos))) return false;
  return !!w.particle || !words[k + 1] || words[k + 1].before !== '';
}

/** Syllables of transliterated names that Korean given names do not use (제임스, 마크): such a word is no Korean name. */
const TRANSLITERATION = /[즈츠스트드르크프브그]/;

/** 국방장관, 수석코치: a compound that ends in a title of two or more syllables. */
const endsInTitle = (c: string): boolean => [...PERSON_TITLES].some((t) => t.length >= 2 && c.endsWith(t));

/** A later part of a foreign name (가네코 지히로): a proper or unknown noun that is not a title or place. */
function foreignPart(w: Word): boolean {
  if (!isHangul(w.core) || !nameLike(w) || looksLikeKoreanName(w.core) && w.core.length === 3) return false;
  if (NAME_NEIGHBOUR_STOP.has(w.core) || endsInTitle(w.core)) return false; // 국방장관, 재판기: a title or description after the name
  const tags = w.morphs.filter((m) => m.start < w.coreEnd);
  if (tags.some((m) => /^(M|J|E|XS|V|NR|SN|NNB)|\+E/.test(m.pos))) return false;
  return tags.length > 1 || tags.some((m) => m.pos === 'NNP' || m.pos === 'UNK');
}

/**
 * A word beside a foreign name that can be another part of it, whatever the tagger made of its syllables
 * (크리스 → NNG, 테드 → NNB+VCP): two or more syllables, no known word (title, place, organization, the
 * descriptive nouns of NAME_NEIGHBOUR_STOP), and on the left no verb-modifier ending (된, 한: 발견된 모택동).
 */
function foreignNeighbour(w: Word, onLeft: boolean): boolean {
  const c = w.core;
  if (!isHangul(c) || c.length < 2 || c.length > 6 || (onLeft && w.particle)) return false;
  if (!nameLike(w) || NAME_NEIGHBOUR_STOP.has(c) || ORG_KIND_WORDS.has(c) || TITLE_MODIFIERS.has(c) || orgRule(w) || placeRule(w)) return false;
  const own = w.morphs.filter((m) => m.start < w.coreEnd);
  // A dictionary noun (건물, 콘서트) or a compound title (국방장관) after a name describes it; a verb form or
  // an adverb before a name (따르면, 앞서) leads into it.
  if (!onLeft) return !(own.length === 1 && own[0].pos === 'NNG') && !endsInTitle(c);
  return !/[된한는던할될인은운적의]$/.test(c) && !own.some((m) => /^(E|MA)|\+E/.test(m.pos));
}

/** `(習近平)`, `( 北京,`: a Hanja run of one to six characters opening a bracket right after a name. */
const HANJA_GLOSS = /^\((\s?)([\u4e00-\u9fff]{1,6})(?=[\s,.·\-)])/;
/** A Hanja run of two or three characters standing alone: 金德天, 林漢洙 (checked against HANJA_SURNAMES). */
const HANJA_NAME = /(?<![\u4e00-\u9fff])[\u4e00-\u9fff]{2,3}(?![\u4e00-\u9fff])/g;

const ANON_AGE = /^\(\d{1,3}(?:[·,][^)]{1,6})?\)\s?(?:씨|군|양)/;
/**
 * `예정화 씨는`, `심만순 씨(45·여)가`, `윤길자(69·여)씨의`, `김모 씨(23)`: a name, then 씨 with the age (and sex)
 * in brackets on either side. 씨 is followed by a particle or a non-letter, not by more of a word (씨름, 씨앗).
 */
const NAME_SSI = /(?<![\uac00-\ud7a3])([\uac00-\ud7a3]{2,6})(?:\s?\(\d{1,3}(?:[·,]\s?[^)]{1,6})?\))?\s?씨(?=[^\uac00-\ud7a3]|[는의를가와도에께만]|$)/g;

/** The name before a 씨 found by NAME_SSI, or null when the word is not a name (a verb form, a dictionary noun). */
function nameBeforeSsi(name: string, morphs: Morph[], start: number): { length: number } | null {
  if (NOT_NAMES.has(name) || PERSON_TITLES.has(name) || PLACES.has(name)) return null;
  if (name.length === 2 && name[1] === '모' && isSurname(name[0])) return { length: 1 }; // 김모 씨: KLUE marks the surname
  if (looksLikeKoreanName(name)) return { length: name.length };
  if (name.length < 3 || /[된던는적인한을를의에서고며]$/.test(name)) return null;
  const own = morphs.filter((m) => m.start >= start && m.end <= start + name.length);
  // One dictionary noun (회사원 씨?) is a description, not a name; a foreign name splits into odd pieces.
  if (own.length === 1 && own[0].pos === 'NNG') return null;
  return own.some((m) => /^(V|E|XSV|XSA)/.test(m.pos)) ? null : { length: name.length };
}
/** `신모(20) 이병`, `이모(16)군`: a surname or initial, 모, an age in brackets, then the word after (a title?). */
const MO_AGE_TITLE = /(?<![\uac00-\ud7a3A-Za-z])([\uac00-\ud7a3]|[A-Z])모\s?\(\d{1,3}(?:[·,]\s?[^)]{1,6})?\)\s?([\uac00-\ud7a3]+)/g;
const TRAILING_PARTICLE = /(?:은|는|이|가|을|를|의|에게|와|과|도|에|로|으로)$/;
const ZONE_TIME = /^(한국|미국|일본|중국|영국)(?:시각|시간)$/;

/** A word that continues a place: 삼성동, 팔달구, 부평역, after a place already seen. */
function placeContinues(w: Word): boolean {
  if (PLACE_PARTS.has(w.core)) return true; // 미국 북동부, 강원 북부
  // 방면, 전역, 열도: a dictionary noun that merely ends like a place suffix says where, it names nothing.
  // ko-dic also lists many districts as common nouns (수지구, 원산), so only the short generic ones are refused.
  const own = w.morphs.filter((m) => m.start < w.coreEnd);
  if (own.length === 1 && own[0].pos === 'NNG' && own[0].start === w.start && own[0].end === w.coreEnd &&
    (w.core.length <= 2 || PLACE_GENERIC_NOUNS.has(w.core))) return false;
  return /^[\uac00-\ud7a3\d-]{1,8}(특별시|광역시|시|도|군|구|동|읍|면|리|로|길|역|공원|광장|타워|청사|공항|호텔|빌딩|사거리|오거리|구역|주|번지)$/.test(w.core)
    && !NOT_NAMES.has(w.core) && !PERSON_TITLES.has(w.core);
}

/** `남북`, `한미중`, `북측`: the country initials a word starts with, when they stand for states (see COUNTRY_INITIALS). */
function countryChain(w: Word): number {
  const c = w.core;
  let n = 0;
  while (n < c.length && COUNTRY_INITIALS.includes(c[n]) && !c.slice(0, n).includes(c[n])) n++;
  const rest = c.slice(n) + w.particle;
  if (n === 1 && c[0] === '북' && /^(측|핵)/.test(rest)) return 1; // 북측, 북핵
  // 북한, 남한 are whole country names (places or agents by the rules below), not two initials.
  if (n < 2 || PLACES.has(c.slice(0, 2))) return 0;
  return rest === '' || COUNTRY_CHAIN_HEADS.some((h) => rest.startsWith(h)) ? n : 0;
}

/** `미국인`, `중국산`, `서울시민`: the place a compound word starts with, or ''. */
function placePrefix(w: Word): string {
  for (const h of PLACE_COMPOUND_HEAD_LIST(w.core)) {
    if (!w.core.endsWith(h)) continue;
    const stem = w.core.slice(0, w.core.length - h.length);
    if (stem.length >= 2 && PLACES.has(stem) && !AMBIGUOUS_PLACES.has(stem)) return stem;
  }
  return '';
}

/** A place that acts (북한이, 서울시는, 미국 측): an organization by the agents convention (AGENT_PARTICLES). */
function actsAsAgent(w: Word, next: Word | undefined, sport: boolean): boolean {
  if (!w.particle) return !!next && next.before === '' && AGENT_SIDE_WORDS.has(next.core);
  // In a match report a country is its team, whatever its case (이탈리아를 꺾고), except where it is the venue.
  if (sport && PLACES.has(w.core) && !/^(에서|에서는|으로|로)$/.test(w.particle)) return true;
  // Elsewhere a country as subject is still a place (미국이 위치한, 중국은 넓다); a city or province as subject
  // is its government (서울시는 밝혔다).
  return AGENT_PARTICLES.has(w.particle) && (sport || isLocalGovernment(w.core));
}

/** 서울시, 경기도, 경남도: a city or a province, which has a government; an island ending in 도 (독도, 울릉도) has none. */
const isLocalGovernment = (c: string): boolean => c.endsWith('시') || PROVINCES.has(c);

/**
 * After a region, a name ko-dic knows as a place or a named venue is the place within it: 경남 진해,
 * 강원도 원산, 인천 계양체육관 (KLUE keeps the whole as one place). Other proper nouns there are teams and
 * companies (뉴욕 메츠, 일본 버거킹) and stay out.
 */
function localName(w: Word): boolean {
  const own = w.morphs.filter((m) => m.start < w.coreEnd);
  if (!isHangul(w.core) || NOT_NAMES.has(w.core) || PERSON_TITLES.has(w.core) || orgRule(w)) return false;
  if (VENUE_SUFFIXES.some((s) => w.core.length > s.length && w.core.endsWith(s))) return true;
  return own.length === 1 && own[0].pos === 'NNP' && own[0].meaning === '지명' && own[0].end === w.coreEnd;
}

/** A name of KNOWN_NAMES at word i, written as one word or as two (레알 마드리드, 두산 베어스). */
function knownName(words: Word[], i: number): { last: number; kind: 'organization' | 'person' } | null {
  const w = words[i];
  if (joined(words, i)) {
    // 한국 경제 is the Korean economy, not the paper 한국경제.
    const two = PLACES.has(w.core) ? undefined : KNOWN_NAMES.get(w.core + words[i + 1].core);
    if (two) return { last: i + 1, kind: two };
    // 두산 베어스, 뉴욕 자이언츠, KIA 타이거즈: the sponsor or city and the nickname are one club.
    const sponsor = KNOWN_NAMES.get(w.core) === 'organization' || PLACES.has(w.core) || /^[A-Z]{2,4}$/.test(w.core);
    if (sponsor && TEAM_NICKNAMES.includes(words[i + 1].core)) return { last: i + 1, kind: 'organization' };
  }
  const one = KNOWN_NAMES.get(w.core);
  if (one) return { last: i, kind: one };
  // 롯데자이언츠, SK와이번스: written as one word.
  const nick = TEAM_NICKNAME_LIST(w.core).find((n) => w.core.length > n.length + 1 && w.core.endsWith(n));
  return nick ? { last: i, kind: 'organization' } : null;
}

/**
 * After a place ending at word n, the last word of an organization it names (중국 신화통신, 미국 연방 하원,
 * 대한민국 축구 대표팀): up to two describing nouns, then an organization word or head. n when there is none.
 */
function orgAfterPlace(words: Word[], n: number): number {
  for (let m = n + 1; m <= n + 3 && joined(words, m - 1); m++) {
    const w = words[m];
    if (!w) break;
    if (orgRule(w) || ORG_HEADS.has(w.core)) return m;
    const own = w.morphs.filter((x) => x.start < w.coreEnd);
    // 영국 일간지 데일리메일: a cue word says what the next name is; the place stays apart from it.
    if (ORG_CUE_BEFORE.has(w.core) || ORG_KIND_WORDS.has(w.core)) break;
    if (w.particle || !isHangul(w.core) || own.some((x) => /^(V|E|XS|J|M|NR|SN|NNB)|\+E/.test(x.pos)) || PERSON_TITLES.has(w.core) || looksLikeKoreanName(w.core) && w.core.length === 3) break;
  }
  return n;
}

/** Words i and i+1 sit side by side with only spaces between (an apposition can run across them). */
const joined = (words: Word[], i: number): boolean => !words[i].particle && words[i + 1] && words[i + 1].before === '';

/**
 * Names in one sentence or line. `knownOrgs` are organization names seen elsewhere in the cluster
 * (노르빅윈드 after `풍력 기업 노르빅윈드`): between a name and a title they are the person's organization.
 * `morphs` lets a caller that already tokenized `text` share its tokens.
 */
export function recognize(text: string, knownOrgs?: ReadonlySet<string>, morphs: Morph[] = tokenize(text)): NerSpan[] {
  const words = splitWords(text, morphs);
  const sport = SPORT_CUES.test(text);
  const restored: Word[] = [];
  // 김정은 국방위원회 제1위원장, 김영이 대표: the last syllable of a three-syllable name was read as a particle.
  for (let i = 0; i + 1 < words.length; i++) {
    const w = words[i], next = words[i + 1], after = words[i + 2];
    if (!/^[은이]$/.test(w.particle) || w.core.length !== 2 || !SURNAMES.has(w.core[0]) || next.before !== '') continue;
    const titled = (x?: Word) => !!x && x.before === '' && (!!titleOf(x) || endsInTitle(x.core));
    if (titled(next) || (orgRule(next) && !next.particle && titled(after))) restored.push(words[i] = { ...w, core: w.text, coreEnd: w.end, particle: '' });
  }
  const spans: NerSpan[] = [];
  const taken = new Set<number>();
  const add = (from: Word, to: Word, type: NerType, rule: string, extra: Partial<NerSpan> = {}) => {
    const start = from.start, end = to.coreEnd;
    for (let k = start; k < end; k++) if (taken.has(k)) return;
    for (let k = start; k < end; k++) taken.add(k);
    spans.push({ start, end, type, text: text.slice(start, end), rule, ...extra });
  };

  for (const w of restored) add(w, w, 'PS', 'name-particle');
  // 0. Names with 씨 and an age in brackets, which the word rules below split apart.
  for (const m of text.matchAll(NAME_SSI)) {
    const found = nameBeforeSsi(m[1], morphs, m.index!);
    if (!found) continue;
    const at = { start: m.index!, coreEnd: m.index! + found.length } as Word;
    add(at, at, 'PS', 'name-ssi');
  }

  // 신모(20) 이병, 이모(16)군: a surname with 모 and the age in brackets, before a title.
  for (const m of text.matchAll(MO_AGE_TITLE)) {
    const title = m[2].replace(TRAILING_PARTICLE, '');
    if (!isSurname(m[1]) && !/^[A-Z]$/.test(m[1])) continue;
    if (!(PERSON_TITLES.has(title) && !WEAK_TITLES.has(title)) && !/^(군|양)$/.test(title)) continue;
    const at = { start: m.index!, coreEnd: m.index! + 1 } as Word;
    add(at, at, 'PS', 'surname-mo');
  }

  // 1. People before a title: [given] NAME [ORG|PLACE] [modifier] TITLE, and ORG NAME TITLE.
  for (let i = 1; i < words.length; i++) {
    const title = titleOf(words[i]);
    if (!title || (words[i].before.includes('(') && !/^[A-Z]/.test(title))) continue;
    let j = i - 1;
    if (!joined(words, j)) continue;
    while (j > 0 && TITLE_MODIFIERS.has(words[j].core) && joined(words, j - 1)) j--;
    const titleFrom = words[j + 1];
    let orgFrom: Word | null = null, orgTo: Word | null = null, place: Word | null = null;
    // The organization (or country) of the role: one or two words (소프트뱅크 그룹), maybe after a country.
    const w = words[j], prev = words[j - 1];
    // NAME X TITLE with a full Korean name, or a ko-dic person name before a proper noun or Latin word:
    // X is the organization (정신아 카카오 대표, 래리 엘리슨 오라클 회장), not a second name part (도널드 트럼프).
    const prevIsName = !!prev && joined(words, j - 1) && nameOk(prev) &&
      ((looksLikeKoreanName(prev.core) && prev.core.length >= 3) ||
        (kodicPerson(prev) && (isLatinName(w.core) || w.morphs.some((m) => m.pos === 'NNP' && m.meaning !== '인명'))) ||
        (isLatinName(w.core) && w.core.length > 1 && isHangul(prev.core))); // 노인 A 씨: one capital is a person
    const isOrgWord = !!orgRule(w, knownOrgs) || (ORG_SUFFIX_SET.has(w.core) && j > 1);
    if (j > 0 && joined(words, j - 1) && (isOrgWord || placeRule(w) || (prevIsName && !looksLikeKoreanName(w.core) && !isSurname(w.core)))) {
      orgFrom = orgTo = w;
      if (ORG_SUFFIX_SET.has(w.core) && j > 1 && joined(words, j - 1)) orgFrom = words[--j];
      j--;
      if (j > 0 && placeRule(words[j]) && joined(words, j - 1)) place = words[j--];
    }
    const name = words[j];
    // 박모 경위, K모 기자: a surname or an initial with 모 (a certain) is an anonymised person; KLUE marks the surname.
    const mo = /^([\uac00-\ud7a3]|[A-Z])모$/.exec(name.core);
    if (mo && (isSurname(mo[1]) || /^[A-Z]$/.test(mo[1]))) {
      const at = { ...name, coreEnd: name.start + 1 };
      add(at, at, 'PS', 'surname-mo', { title });
      continue;
    }
    if (!nameOk(name) && !isSurname(name.core)) continue;
    if (gluedToClosingMark(text, name)) continue; // 채림(35)과 중국 배우, '피플'은 기자가: the particle of what stands before
    if (NATIVE_UNITS[name.core] && !name.particle) continue; // 두 후보, 한 학생: a native numeral, not a surname
    if (orgRule(name) || placeRule(name)) continue;
    if (WEAK_TITLES.has(title) && !looksLikeKoreanName(name.core) && !isSurname(name.core) && !/^[A-Z]$/.test(name.core)) continue;
    let from = name;
    // 이 모 씨: the surname stands alone before 모.
    if (name.core === '모' && j > 0 && joined(words, j - 1) && isSurname(words[j - 1].core)) {
      add(words[j - 1], words[j - 1], 'PS', 'surname-mo', { title });
      continue;
    }
    const single = name.morphs.length === 1 && name.morphs[0].pos === 'NNG' && name.morphs[0].end === name.coreEnd;
    // A one-syllable family name (라르스 빅) counts when a ko-dic given name stands before it.
    const foreign = !(looksLikeKoreanName(name.core) && name.core.length === 3) &&
      (name.core.length > 1 || (j > 0 && joined(words, j - 1) && kodicPerson(words[j - 1])));
    // Before a foreign surname the tagger knows as a name, a common-noun reading (마리아) is still a given name.
    const knownSurname = name.morphs.some((m) => m.pos === 'NNP') && !looksLikeKoreanName(name.core);
    if (foreign && j > 0 && joined(words, j - 1) && givenNameLike(words[j - 1], knownSurname)) from = words[j - 1];
    if (single && from === name && !isSurname(name.core)) continue; // a dictionary noun (사건 대표) is no name
    // 이종격투기 선수, 가계통신비 경감: a compound of dictionary nouns describes; a transliterated name the tagger
    // cut into nouns (치프라스 총리) stays a name.
    const own = name.morphs.filter((m) => m.start < name.coreEnd);
    if (from === name && own.length > 1 && own.every((m) => m.pos === 'NNG') && !looksLikeKoreanName(name.core) && !TRANSLITERATION.test(name.core)) continue;
    // ORG NAME TITLE: 삼성전자 이재용 회장.
    const k = words.indexOf(from) - 1;
    let before: Word | null = null;
    if (!orgFrom && k >= 0 && joined(words, k) && orgRule(words[k])) before = words[k];
    const org = before ? text.slice(before.start, before.coreEnd) : orgFrom ? text.slice(orgFrom.start, orgTo!.coreEnd) : '';
    const roleTitle = text.slice(titleFrom.start, words[i].coreEnd);
    const role = (place ? text.slice(place.start, place.coreEnd) + ' ' : '') + (org ? `${org} ${roleTitle}` : roleTitle);
    add(from, name, 'PS', 'name-title', { role: role.replace(/\s+/g, ' '), title, titleEnd: words[i].coreEnd });
    if (place) add(place, place, 'LC', 'role-place');
    if (orgFrom && orgTo) add(orgFrom, orgTo, placeRule(orgTo) && !orgRule(orgTo) ? 'LC' : 'OG', 'role-org');
    if (before) add(before, before, 'OG', 'role-org');
  }

  // 경기도, 제주도: the tagger reads the province's 도 as the particle 도 (also); 오키나와: a place's last syllable
  // read as the particle 와. Restored for every word before any is read, so that a place continues into it (일본 오키나와).
  for (let i = 0; i < words.length; i++) {
    if (words[i].particle.length === 1 && PLACES.has(words[i].text)) words[i] = { ...words[i], core: words[i].text, coreEnd: words[i].end, particle: '' };
  }
  for (let i = 0; i < words.length; i++) {
    const w = words[i];
    const c = w.core;
    if (!c) continue;
    // 2. Attached honorifics and anonymised names: 박씨, 김모씨, 김모(33)씨.
    // Lazy, so that 김모씨 gives the surname 김 (KLUE's cut) and 도종환씨 the whole name.
    const ssi = c.match(/^([\uac00-\ud7a3]{1,3}?|[A-Z])(?:모씨|씨)$/) ?? c.match(/^([A-Z])(?:군|양)$/);
    if (ssi && (isSurname(ssi[1]) || /^[A-Z]$/.test(ssi[1]) || (ssi[1].length >= 2 && looksLikeKoreanName(ssi[1])))) {
      const end = w.start + ssi[1].length;
      add({ ...w, coreEnd: end }, { ...w, coreEnd: end }, 'PS', 'name-ssi');
      continue;
    }
    // K기자, A교수: an initial written together with the title.
    const initialTitle = /^([A-Z])([\uac00-\ud7a3]{2,})$/.exec(c);
    if (initialTitle && PERSON_TITLES.has(initialTitle[2]) && !WEAK_TITLES.has(initialTitle[2])) {
      const at = { ...w, coreEnd: w.start + 1 };
      add(at, at, 'PS', 'name-ssi');
      continue;
    }
    // A(57)씨, B(14)군: an anonymised person with the age in brackets.
    if (/^[A-Z]$/.test(c) && ANON_AGE.test(text.slice(w.coreEnd))) {
      add(w, w, 'PS', 'name-ssi');
      continue;
    }
    // 29일(한국시각): the country of a time zone is a place.
    const zone = c.match(ZONE_TIME);
    if (zone) {
      add({ ...w, coreEnd: w.start + zone[1].length }, { ...w, coreEnd: w.start + zone[1].length }, 'LC', 'time-zone');
      continue;
    }
    // A cue word before (일간 X, 업체 X) or a source phrase after (X에 따르면) marks an organization.
    const cued = i > 0 && ORG_CUE_BEFORE.has(words[i - 1].core) && !words[i - 1].particle && (w.before === '' || /^['‘]$/.test(w.before));
    const source = w.particle === '에' && words[i + 1]?.core === '따르면';
    // 회사 자산, 매체에 따르면: one dictionary noun (the particle aside) is a kind of thing or source, not a body; before
    // 따르면 so are several (감사보고서에). A cue and 따르면 together name a body (영국 매체 미러에 따르면), and after a
    // cue a name the tagger cuts into nouns stays one (스타트업 딥시크가 → 딥/시크).
    const own = w.morphs.filter((m) => m.start < w.coreEnd);
    const plainNoun = !(cued && source) && own.every((m) => m.pos === 'NNG') && (own.length === 1 || !cued);
    if ((cued || source) && c.length >= 2 && (nameLike(w) || /^[A-Z][A-Za-z0-9&]+$/.test(c)) && !plainNoun && !looksLikeKoreanName(w.core) && !kodicPerson(w)) {
      add(w, w, 'OG', cued ? 'org-cue' : 'org-source');
      continue;
    }
    const known = knownName(words, i);
    if (known) {
      add(w, words[known.last], known.kind === 'person' ? 'PS' : 'OG', 'known-name');
      i = known.last;
      continue;
    }
    const chain = countryChain(w);
    if (chain) {
      for (let k = 0; k < chain; k++) {
        const at = { start: w.start + k, coreEnd: w.start + k + 1 } as Word;
        add(at, at, 'OG', 'country-initials');
      }
      continue;
    }
    const org = orgRule(w, knownOrgs);
    if (org && org !== 'known-org' && !(org === 'org-suffix' && isDescriptor(words, i))) {
      // 서울아산병원에 차려졌다, 보린교회로 옮겨: a facility one goes to or is in is a place.
      const venue = FACILITY_SUFFIXES.some((f) => c.endsWith(f)) && PLACE_PARTICLES.has(w.particle);
      add(w, w, venue ? 'LC' : 'OG', venue ? 'facility-place' : org);
      continue;
    }
    const place = placeRule(w, joined(words, i) ? words[i + 1] : undefined);
    if (place) {
      // KLUE keeps multi-word places as one span: 서울 삼성동, 경기 수원시 팔달구.
      let n = i;
      while (joined(words, n) && !words[n].particle && (placeRule(words[n + 1]) || placeContinues(words[n + 1]) || localName(words[n + 1]))) n++;
      // A place before an organization names the organization: 부산 동래경찰서, 미국 경찰, 미국 연방 하원.
      const head = orgAfterPlace(words, n);
      if (head > n) {
        // 서울 서초동 대검찰청에서 열린, 제주시 한라병원으로: a body written with its address, where something happens
        // or where one goes, is a place.
        const venue = ADDRESS_VENUE_PARTICLES.has(words[head].particle);
        add(w, words[head], venue ? 'LC' : 'OG', venue ? 'place-venue' : 'place-org', { orgStart: words[n + 1].start });
        i = head;
        continue;
      }
      const agent = n === i && (PLACES.has(c) || isLocalGovernment(c)) && actsAsAgent(w, words[i + 1], sport);
      add(w, words[n], agent ? 'OG' : 'LC', agent ? 'agent-place' : place);
      i = n;
      continue;
    }
    const prefix = placePrefix(w);
    if (prefix) {
      const at = { start: w.start, coreEnd: w.start + prefix.length } as Word;
      add(at, at, 'LC', 'place-compound');
      continue;
    }
    // 3. ko-dic's person names, when the tag covers the whole word; foreign names run over several words.
    // 장하나를, 홍경민이, 유오성,: a full name the tagger cut, ending its phrase: a particle after it, or punctuation
    // after one cut into nouns only. A verb form (이용해, 사라진, 이상인, 구상하는) with no title after it is the verb.
    const nounsOnly = w.morphs.every((m) => m.start >= w.coreEnd || m.pos === 'NNG' || m.pos === 'NNP');
    const verbStem = w.morphs.some((m) => m.end === w.coreEnd && /^(XSV|XSA|VV|VA)$/.test(m.pos)); // 구상하는: 하 + ending
    const cutName = !kodicPerson(w) && ((!!w.particle && !verbStem) || (nounsOnly && !!words[i + 1] && words[i + 1].before !== '')) &&
      fullNameKnownAlone(w);
    if (cutName) {
      add(w, w, 'PS', 'kodic-person');
      continue;
    }
    if (kodicPerson(w)) {
      let a = i, b = i;
      // A full three-syllable Korean name is complete: the words before it (무소속, 에 박보검) and after it
      // (an organization, a title) are not part of it. A foreign name runs over its neighbours (크리스 와이드먼).
      // 이비차 올리치, 마이아: a foreign name can look Korean; a foreign name part beside it tells.
      const foreignBeside = (x?: Word) => !!x && kodicPerson(x) && (!looksLikeKoreanName(x.core) || TRANSLITERATION.test(x.core));
      const complete = looksLikeKoreanName(w.core) && w.core.length === 3 && !TRANSLITERATION.test(w.core) &&
        !(joined(words, i) && foreignBeside(words[i + 1])) && !(i > 0 && joined(words, i - 1) && foreignBeside(words[i - 1]));
      while (!complete && a > 0 && joined(words, a - 1) && !looksLikeKoreanName(words[a - 1].core) &&
        (kodicPerson(words[a - 1]) || givenNameLike(words[a - 1]) || foreignNeighbour(words[a - 1], true))) a--;
      while (!complete && !w.particle && joined(words, b) && (kodicPerson(words[b + 1]) || foreignPart(words[b + 1]) || (a === i && b === i && foreignNeighbour(words[b + 1], false)) ||
        (b === i && foreignSurname(words, b + 1)))) { b++; if (words[b].particle) break; }
      // '보이스 키즈', '진짜사나이': a guess that fills a pair of quotes is the title of a show, a book or a product;
      // the press does not quote a person's name.
      if (!quotedWhole(text, words[a].start, words[b].coreEnd)) add(words[a], words[b], 'PS', 'kodic-person');
      i = b;
      continue;
    }
  }
  // 5. Names in Hanja: a gloss in brackets after a name has the name's type (시진핑(習近平), 베이징(北京));
  // a lone Hanja run of two or three characters from a common surname is a person (金德天).
  for (const sp of [...spans]) {
    const gloss = HANJA_GLOSS.exec(text.slice(sp.end, sp.end + 12));
    if (gloss) {
      const at = { start: sp.end + 1 + gloss[1].length, coreEnd: sp.end + 1 + gloss[1].length + gloss[2].length } as Word;
      add(at, at, sp.type, 'hanja-gloss');
    }
  }
  for (const m of text.matchAll(HANJA_NAME)) {
    if (!HANJA_SURNAMES.includes(m[0][0]) || /^[韓美中日北南英獨佛露]+$/.test(m[0])) continue; // 韓美: country initials
    const at = { start: m.index!, coreEnd: m.index! + m[0].length } as Word;
    add(at, at, 'PS', 'hanja-name');
  }
  return mergeSubunits(text, spans.sort((a, b) => a.start - b.start));
}

const SUBUNIT_RULES = new Set(['org-suffix', 'org-suffix-weak', 'institution']);
/** What may follow an organization's unit: a particle, then no more of the word. */
const PARTICLE_THEN_END = '(?=(?:은|는|이|가|의|을|를|에|에서|와|과|도|로|으로)?(?![\\uac00-\\ud7a3]))';
const ORG_UNIT_AFTER = new RegExp(`^ (?:(?:형사|민사|행정|가사)(?:합의)?\\s?\\d+(?:부|단독)|${ORG_SUFFIXES.filter((x) => x.length >= 2 && isHangul(x)).join('|')})${PARTICLE_THEN_END}`);
/** After a university, its department or student body (서울대 수의학과, 부산대 총학생회); after a court or a prosecutors'
 * office, its branch (수원지법 평택지원, 대구지검 서부지청). */
const UNIT_OF: [RegExp, RegExp][] = [
  [/(?:대|대학|대학교)$/, new RegExp(`^ [\\uac00-\\ud7a3]{1,8}?(?:${UNIVERSITY_UNITS.join('|')})${PARTICLE_THEN_END}`)],
  [/(?:지법|지방법원)$/, new RegExp(`^ [\\uac00-\\ud7a3]{2,4}?지원${PARTICLE_THEN_END}`)],
  [/(?:지검|지방검찰청)$/, new RegExp(`^ [\\uac00-\\ud7a3]{2,4}?지청${PARTICLE_THEN_END}`)],
];

/**
 * An organization and its unit written after it are one name (국회 정보위원회, 서울대 융합과학대학원,
 * 기아차 미국법인): two organization spans one space apart, the second found by its ending.
 */
function mergeSubunits(text: string, spans: NerSpan[]): NerSpan[] {
  const out: NerSpan[] = [];
  for (let sp of spans) {
    // 서울북부지법 형사1부, BBC 방송, GS 그룹: a court's division or a bare organization ending after the name.
    const rest = text.slice(sp.end);
    const unit = sp.type !== 'OG' ? null : ORG_UNIT_AFTER.exec(rest) ?? UNIT_OF.find(([org]) => org.test(sp.text))?.[1].exec(rest) ?? null;
    if (unit && !spans.some((x) => x.start >= sp.end && x.start < sp.end + unit[0].length)) {
      sp = { ...sp, end: sp.end + unit[0].length, text: text.slice(sp.start, sp.end + unit[0].length), rule: 'org-unit' };
    }
    const prev = out[out.length - 1];
    if (prev && prev.type === 'OG' && sp.type === 'OG' && SUBUNIT_RULES.has(sp.rule) && text.slice(prev.end, sp.start) === ' ' &&
      !prev.role && !sp.role) {
      out[out.length - 1] = { ...prev, end: sp.end, text: text.slice(prev.start, sp.end), rule: 'org-unit', orgStart: prev.orgStart };
      continue;
    }
    out.push(sp);
  }
  return out;
}
