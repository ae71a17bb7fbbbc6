// Entities of a cluster: people, organizations, projects/products and places, each with every alias
// seen, a role, and mentions (document + span). `body` and the photo captions are read, never `removed`;
// a caption mention carries `field` and its span indexes that caption.
//
// 1. recognize() finds names sentence by sentence (titles, suffixes, ko-dic tags), in captions too once
//    their photo credits are blanked (the agency that took the picture is no actor of the event).
// 2. Cluster patterns add what a sentence alone cannot tell: X(Latin), X(일본명 Y), `X 프로젝트`.
// 3. Every known surface is searched in every body (spacing-insensitive), so 올트 먼 and 엔비디아의 count.
// 4. Alias rules join surfaces (aliases.ts) and choose a canonical name and role.
import type { Entity, EntityType, Mention, Message, NewsDoc, Place, TextField } from '../types.js';
import { message } from '../messages.js';
import { isGradeOrRound, recognize, type NerSpan, type NerType } from './ner.js';
import { linePieces, tokenize, tokenizeLine } from './morph.js';
import { isSpaceCode } from '../text/runs.js';
import type { LineTokens } from './token-cache.js';
import { abbreviations, isShortForm, transliterates } from './aliases.js';
import { fold } from '../text/fold.js';
import { PARTICLES } from '../text/particles.js';
import { hasHangul, isHangul } from '../text/hangul.js';
import {
  CAPTION_CREDITS, CAPTION_ROLE_WEIGHT, CAPTION_TAIL_MAX_CHARS, MIN_WEAK_MENTIONS, NAME_CACHE_MAX, QUOTED_PRODUCT_WEIGHT, PHOTO_AGENCIES, GAZETTEER, GENERIC_ACTORS, MAX_QUOTED_PRODUCT_CHARS, NOT_NAMES, ORG_SUFFIXES, PERSON_TITLES, PRESS_TITLES, PRODUCT_CUES,
  PRODUCT_WORDS, PROJECT_WORDS, MAX_TOKENIZED_CHARS,
} from './tunables-entities.js';

interface Found {
  doc: string;
  /** Set when the find stands in a caption: start/end then index that caption, not the body. */
  field?: TextField;
  start: number;
  end: number;
  surface: string;
  type: EntityType;
  strong: boolean;
  role?: string;
  /** Surname-only mention (손 회장): the surname and the title, resolved to a full name later. */
  surname?: string;
  title?: string;
  /** `하스 CEO`: the name inside a name+title surface, which joins the entity of that name. */
  titled?: string;
  /** How much this find weighs when the entity's type is voted (default: 2 strong, 1 weak). */
  weight?: number;
}

const TYPE: Record<NerType, EntityType> = { PS: 'person', OG: 'organization', LC: 'place' };
// Rules whose hits need a second mention before they count (ko-dic guesses, bare acronyms).
const WEAK_RULES = new Set(['kodic-person', 'kodic-place', 'acronym', 'org-suffix-weak', 'place-suffix-weak', 'org-source']);
const BOUNDARY_BEFORE = /[^\uac00-\ud7a3A-Za-z0-9]/;
const PARTICLE_SET = new Set(PARTICLES);

/** `tokens`: lines already tokenized (analyze/token-cache.ts); the lines tokenized here are added to it. */
export function findEntities(docs: NewsDoc[], messages: Message[] = [], tokens: LineTokens = new Map()): Entity[] {
  const found: Found[] = [];
  const pairs: [string, string][] = [];
  const bodies: Text[] = docs.map((doc) => ({ doc: doc.id, text: doc.body }));
  const captions = docs.flatMap(captionTexts);
  // A line read twice (second pass below, or the same line in two reports) is tokenized once, and
  // read once per set of known organizations: a big event repeats its sentences in hundreds of reports.
  const tokensOf = (line: string) => tokens.get(line) ?? tokens.set(line, tokenizeLine(line)).get(line)!;
  const read = new Map<ReadonlySet<string> | undefined, Map<string, NerSpan[]>>();
  const spansOf: SpansOf = (line, knownOrgs) => {
    let seen = read.get(knownOrgs);
    if (!seen) read.set(knownOrgs, (seen = new Map()));
    return seen.get(line) ?? seen.set(line, recognize(line, knownOrgs, tokensOf(line))).get(line)!;
  };
  for (const t of [...bodies, ...captions]) {
    const m = piecesMessage(t);
    if (m) messages.push(m);
  }
  const first = bodies.map((t) => recognizeText(t, spansOf));
  // Organizations any document names for sure (풍력 기업 노르빅윈드) help read the others' lines again.
  const knownOrgs = new Set(first.flat().filter((f) => f.type === 'organization' && f.strong && !f.surface.includes(' ')).map((f) => f.surface));
  // Caption finds go first: where a surface is typed differently, the body's reading (pushed later) wins.
  // Appended one by one: push(...xs) passes every item as an argument, and a hostile page's finds overflow the stack.
  const append = <T>(to: T[], xs: T[]) => { for (const x of xs) to.push(x); };
  for (const t of captions) append(found, recognizeText(t, spansOf, knownOrgs));
  docs.forEach((doc, i) => {
    append(found, recognizeText(bodies[i], spansOf, knownOrgs, first[i]));
    const cluster = clusterPatterns(doc);
    append(found, cluster.found);
    append(pairs, cluster.pairs);
  });
  propagate([...bodies, ...captions], found);
  return dropNonEventEntities(buildEntities(found, pairs, messages), docs, messages);
}

/** recognize() of one line (memoised by findEntities; the spans are shared, never changed). */
type SpansOf = (line: string, knownOrgs?: ReadonlySet<string>) => NerSpan[];

/** A text names are read from: a document's body, or one of its captions (then `field` is set). */
interface Text {
  doc: string;
  field?: TextField;
  text: string;
}

const textKey = (doc: string, field?: TextField): string => (field ? `${doc}:${field.name}:${field.index}` : doc);
/** `field` only when there is one, so body finds and mentions stay as they were. */
const fieldOf = (field?: TextField): { field?: TextField } => (field ? { field } : {});
/** Where a message points: a span only when the find is in the body (Place spans index the body). */
const placeOf = (doc: string, at?: { start: number; end: number; field?: TextField }): Place =>
  ({ source: doc, ...(at && !at.field ? { span: { start: at.start, end: at.end } } : {}) });

/** Each caption of a document with its photo credit blanked (same length, so spans index the caption). */
function captionTexts(doc: NewsDoc): Text[] {
  return doc.captions.map((caption, index) => ({ doc: doc.id, field: { name: 'captions', index }, text: blankCredits(caption) }));
}

const AGENCY_TAIL = new RegExp(`(?:^|[\\s/])(?:${PHOTO_AGENCIES.join('|')})\\s*$`);

// Double-quoted text with a space in it: a remark (a one-word “하람” may be a name and stays).
const CAPTION_SPEECH = /[“"][^”"\n]*\s[^”"\n]*[”"]/g;

/** A caption with its credit (`/사진=…`, `AFP=연합뉴스`, `… 있다. 뉴스1`) replaced by spaces. */
export function blankCredits(caption: string): string {
  const blank = (s: string, start: number, end: number) => s.slice(0, start) + ' '.repeat(end - start) + s.slice(end);
  let text = caption;
  for (const re of CAPTION_CREDITS) for (const m of [...text.matchAll(re)]) text = blank(text, m.index!, m.index! + m[0].length);
  // A short tail after the last sentence is a signature (… 있다. 김철수 기자, … 있다. 2025.3.4/뉴스1).
  let last = -1;
  for (const m of text.matchAll(/[.!?](?=\s)/g)) last = m.index! + 1; // (a spread into Math.max overflows on a long caption)
  if (last > 0 && text.slice(last).trim().length <= CAPTION_TAIL_MAX_CHARS) text = blank(text, last, text.length);
  const agency = text.trimEnd().match(AGENCY_TAIL);
  if (agency) text = blank(text, agency.index!, agency.index! + agency[0].length);
  // A remark in a caption (“함께 가자”며) is speech, not where the caption names its people.
  for (const m of [...text.matchAll(CAPTION_SPEECH)]) text = blank(text, m.index!, m.index! + m[0].length);
  return text;
}

/**
 * recognize() over each line of a text, offsets shifted into the text. With `knownOrgs`, only the
 * lines where a person's name runs into a known organization are read again (the rest keep `before`).
 */
function recognizeText(t: Text, spansOf: SpansOf, knownOrgs?: ReadonlySet<string>, before?: Found[]): Found[] {
  const out: Found[] = [];
  const doc = { id: t.doc, body: t.text };
  const at = fieldOf(t.field);
  let next = 0; // `before` comes line by line, in order: each line's finds are read once (filtering it per line was quadratic)
  for (const { text: line, start: offset } of readingUnits(t.text)) {
    const end = offset + line.length;
    let previous: Found[] | undefined;
    if (before) {
      previous = [];
      for (; next < before.length && before[next].start <= end; next++) {
        if (before[next].start >= offset && before[next].end <= end) previous.push(before[next]);
      }
    }
    const rerun = !previous || previous.some((f) => f.type === 'person' && f.surface.split(/\s+/).some((w, k) => k > 0 && knownOrgs!.has(w)));
    if (previous && !rerun) for (const f of previous) out.push(f);
    else if (line.trim()) {
      for (const s of spansOf(line, knownOrgs)) {
        const start = offset + s.start;
        const strong = !WEAK_RULES.has(s.rule);
        if (s.type === 'PS' && s.title && s.text.length === 1 && s.titleEnd) {
          // 손 회장: keep the title in the surface so it reads as written.
          const end = offset + s.titleEnd;
          out.push({ doc: doc.id, ...at, start, end, surface: doc.body.slice(start, end), type: 'person', strong, surname: s.text, title: s.title });
          continue;
        }
        // 서울 삼성전자: the place is where, the organization is who.
        const from = s.orgStart !== undefined ? offset + s.orgStart : start;
        out.push({ doc: doc.id, ...at, start: from, end: offset + s.end, surface: doc.body.slice(from, offset + s.end), type: TYPE[s.type], strong, role: s.role, title: s.title });
        // 하스 CEO, 올트먼 CEO: a one-word name with its title is how later sentences refer back.
        if (s.type === 'PS' && s.title && s.titleEnd && !s.text.includes(' ') && /^\s+\S+$/.test(line.slice(s.end, s.titleEnd))) {
          const end = offset + s.titleEnd;
          out.push({ doc: doc.id, ...at, start, end, surface: doc.body.slice(start, end), type: 'person', strong: false, titled: s.text });
        }
      }
    }
  }
  return out;
}

/** The lines of a text, a long one in its pieces (linePieces), each with where it starts in the text. */
function readingUnits(text: string): { text: string; start: number }[] {
  const units: { text: string; start: number }[] = [];
  let offset = 0;
  for (const line of text.split('\n')) {
    for (const piece of linePieces(line)) units.push({ text: piece.text, start: offset + piece.start });
    offset += line.length + 1;
  }
  return units;
}

/**
 * An info message for a text with a line analysis reads in pieces (linePieces): a name written across a
 * cut is not recognized there, though it is still found by its surface elsewhere (propagate).
 */
function piecesMessage(t: Text): Message | null {
  let offset = 0;
  for (const line of t.text.split('\n')) {
    if (line.length > MAX_TOKENIZED_CHARS) {
      return message('analyze', 'long-line-read-in-pieces',
        `a line of ${line.length} characters is read for names in pieces of at most ${MAX_TOKENIZED_CHARS} (MAX_TOKENIZED_CHARS)${t.field ? ` in caption ${t.field.index + 1}` : ''}; a name across a cut may be missed`,
        placeOf(t.doc, { start: offset, end: offset + line.length, ...fieldOf(t.field) }), 'info');
    }
    offset += line.length + 1;
  }
  return null;
}

// X(Latin name) and X(일본명 Y): an alias written in brackets right after a name. The names start at a
// word start (the lookbehind): tried from inside a long word, the run would be re-read from every letter.
const GLOSS = '일본명|중국명|영문명|영문|본명|한국명|원어명|약칭';
const BRACKET = new RegExp(`(?<![\\uac00-\\ud7a3A-Za-z0-9])([\\uac00-\\ud7a3A-Za-z0-9]+(?: [\\uac00-\\ud7a3A-Za-z0-9]+){0,3})\\((?:(?:${GLOSS})\\s*)?([^()]{2,40})\\)`, 'g');
const GLOSS_HEAD = new RegExp(`^(${GLOSS})`);
// `스타게이트 프로젝트`, `갤럭시 S25 시리즈`: a name followed by a kind-of-thing noun.
const KIND_AFTER = /(?:^|[\s‘'“"(])([\uac00-\ud7a3A-Za-z0-9]{2,20})[’'”"]?\s?(프로젝트|이니셔티브|시리즈|서비스|플랫폼)/g;

function clusterPatterns(doc: NewsDoc): { found: Found[]; pairs: [string, string][] } {
  const found: Found[] = [];
  const pairs: [string, string][] = [];
  const body = doc.body;
  for (const m of body.matchAll(BRACKET)) {
    const inner = m[2].trim();
    const named = GLOSS_HEAD.test(m[0].slice(m[1].length + 1));
    const words = m[1].split(' ');
    // As many words before the bracket as the gloss has (크리스털 인텔리전스(Crystal Intelligence)).
    const n = named ? 1 : Math.min(words.length, Math.max(1, inner.split(/\s+/).length));
    const outer = words.slice(words.length - n).join(' ');
    if (!named && !transliterates(outer, inner)) continue;
    const start = m.index! + m[1].length - outer.length;
    const innerStart = m.index! + m[0].indexOf(inner, m[1].length);
    pairs.push([outer, inner]);
    // 일본명/본명 glosses are given for people; a Latin spelling is usually a company or product.
    const type: EntityType = named ? 'person' : 'organization';
    found.push({ doc: doc.id, start, end: start + outer.length, surface: outer, type, strong: named });
    found.push({ doc: doc.id, start: innerStart, end: innerStart + inner.length, surface: inner, type, strong: false });
  }
  for (const m of body.matchAll(KIND_AFTER)) {
    const name = m[1];
    if (NOT_NAMES.has(name) || PERSON_TITLES.has(name) || /^\d/.test(name) || isCommonNoun(name)) continue;
    // 규모의 시리즈C: a word ending in a case particle modifies the noun, it does not name it; and a kind
    // word glued to a letter or digit (시리즈C) is a stage, not `X 시리즈`.
    if (ADNOMINAL_END.test(name) || /^[A-Za-z0-9]/.test(body.slice(m.index! + m[0].length, m.index! + m[0].length + 1))) continue;
    const start = m.index! + m[0].indexOf(name);
    const type: EntityType = PROJECT_WORDS.has(m[2]) ? 'project' : PRODUCT_WORDS.has(m[2]) ? 'product' : 'other';
    found.push({ doc: doc.id, start, end: start + name.length, surface: name, type, strong: true });
  }
  for (const m of body.matchAll(QUOTED_PRODUCT)) {
    const name = (m[2] ?? m[3]).trim();
    if (name.length < 2 || name.length > MAX_QUOTED_PRODUCT_CHARS || /[다요]$/.test(name) || name.split(/\s+/).length > 3) continue;
    const start = m.index! + m[0].indexOf(name, m[1].length);
    found.push({ doc: doc.id, start, end: start + name.length, surface: name, type: 'product', strong: true, weight: QUOTED_PRODUCT_WEIGHT });
  }
  return { found, pairs };
}

// Endings that make a word modify the next noun (규모의, 시장으로, 분야에서): such a word is no name.
const ADNOMINAL_END = /(의|으로|에서|에게|에는|에|을|를|은|는|적인)$/;
// 로봇 '하람', 추론 칩 “웨이브원”: a quoted name right after the kind of product it is.
const QUOTED_PRODUCT = new RegExp(
  `(?:^|[\\s(])(${PRODUCT_CUES.map((w) => w.replace(/[.*+?^\${}()|[\]\\]/g, '\\$&')).join('|')})\\s?(?:[‘']([^‘’'\\n]{1,40})[’']|[“"]([^“”"\\n]{1,40})[”"])`, 'g');

/** A word ko-dic knows as one ordinary noun (사업, 인프라) rather than a name. */
function isCommonNoun(word: string): boolean {
  const morphs = tokenize(word);
  if (morphs.some((m) => /(^|\+)(E|V|J)/.test(m.pos))) return true;
  return morphs.length === 0 || morphs.every((m) => m.pos === 'NNG' || m.pos.startsWith('J') || m.pos.startsWith('X'))
    && morphs.filter((m) => m.pos === 'NNG').length <= 1 && !/[A-Za-z]/.test(word);
}

/** Every known surface (and gazetteer name, and abbreviation) searched in every body. */
function propagate(texts: Text[], found: Found[]): void {
  // One byte per character, off the heap: an array of booleans per text was allocated and filled at 8 bytes
  // a character (a 100k-character text: 800 kB of fresh memory per cluster).
  const taken = new Map<string, Uint8Array>();
  for (const t of texts) taken.set(textKey(t.doc, t.field), new Uint8Array(t.text.length));
  // Only strong finds block the search: a longer known name may replace a ko-dic guess (클라 in 클라 크).
  for (const f of found) if (f.strong) taken.get(textKey(f.doc, f.field))!.fill(1, f.start, f.end);
  const before = found.length;
  const surfaces = new Map<string, EntityType>();
  // On disagreement the heaviest find names the type (a quoted product over a ko-dic person guess).
  const weightOf = new Map<string, number>();
  for (const f of found) {
    if (f.surname || f.surface.length < 2 || (weightOf.get(f.surface) ?? 0) > (f.weight ?? 0)) continue;
    surfaces.set(f.surface, f.type);
    weightOf.set(f.surface, f.weight ?? 0);
  }
  for (const [name, type] of Object.entries(GAZETTEER)) if (!surfaces.has(name)) surfaces.set(name, type);
  // Short forms are searched too: 미래뱅크 for 미래뱅크그룹, 한결 for 한결전자 (joined later by isShortForm).
  for (const f of [...found]) {
    if (f.type !== 'organization') continue;
    const suffix = ORG_SUFFIXES.find((x) => x.length >= 2 && f.surface.endsWith(x) && f.surface.length - x.length >= 2);
    const stem = suffix ? f.surface.slice(0, f.surface.length - suffix.length).trim() : '';
    if (stem && !surfaces.has(stem) && !NOT_NAMES.has(stem) && !isCommonNoun(stem)) surfaces.set(stem, 'organization');
  }
  // An abbreviation is Hangul syllables (aliases.ts): texts with none can hold no abbreviation, and making
  // them tokenizes (for the gazetteer's names too: a Vietnamese run would build ko-dic for them alone).
  if (texts.some((t) => hasHangul(t.text))) {
    for (const [surface, type] of [...surfaces]) {
      if (type !== 'organization') continue;
      for (const a of abbreviationsOf(surface)) if (!surfaces.has(a)) surfaces.set(a, 'organization');
    }
  }
  // A foreign person is later named by the family name alone (트럼프 for 도널드 트럼프).
  for (const f of [...found]) {
    const last = f.surface.split(/\s+/);
    if (f.type === 'person' && !f.surname && !f.titled && last.length === 2 && last[1].length >= 2 && !surfaces.has(last[1])) surfaces.set(last[1], 'person');
  }
  const ordered = [...surfaces].sort((a, b) => b[0].length - a[0].length);
  const textsWith = textsByPair(texts);
  for (const [surface, type] of ordered) {
    const bare = surface.replace(/\s+/g, '');
    const chars = [...bare].map((c) => c.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
    const re = new RegExp(chars.join('\\s?'), 'g');
    for (const t of textsWith(bare)) {
      const d = { id: t.doc, body: t.text };
      const at = fieldOf(t.field);
      const mask = taken.get(textKey(t.doc, t.field))!;
      for (const m of d.body.matchAll(re)) {
        const start = m.index!, end = start + m[0].length;
        if (start > 0 && !BOUNDARY_BEFORE.test(d.body[start - 1])) continue;
        const rest = d.body.slice(end).match(/^[\uac00-\ud7a3A-Za-z0-9]*/)![0];
        if (rest && !PARTICLE_SET.has(rest)) continue;
        if (mask.subarray(start, end).some(Boolean)) continue;
        mask.fill(1, start, end);
        found.push({ doc: d.id, ...at, start, end, surface: m[0], type, strong: false });
        // 하스 CEO: a person's name with the title written after it is a surface of its own.
        const title = type === 'person' ? d.body.slice(end).match(/^ ([A-Za-z\uac00-\ud7a3]+?)(?=[\s,.은는이가도의]|$)/) : null;
        if (title && PERSON_TITLES.has(title[1])) {
          found.push({ doc: d.id, ...at, start, end: end + title[0].length, surface: d.body.slice(start, end + title[0].length), type, strong: false, titled: m[0] });
        }
      }
    }
  }
  // Drop the weak guesses a longer propagated name now covers.
  const added = found.slice(before);
  for (let i = before - 1; i >= 0; i--) {
    const f = found[i];
    if (!f.strong && added.some((a) => textKey(a.doc, a.field) === textKey(f.doc, f.field) && a.start < f.end && f.start < a.end && a.end - a.start > f.end - f.start)) found.splice(i, 1);
  }
}

/**
 * The texts (in order) that may hold a surface: a match, spaces aside, holds every pair of adjacent
 * characters of the surface, so only the texts holding its rarest pair are searched. Hundreds of
 * surfaces over hundreds of reports would otherwise search every text for every surface.
 */
function textsByPair(texts: Text[]): (bare: string) => Text[] {
  // A pair is its two UTF-16 code units as one number, read past white space in place, not a copy of each
  // text without its spaces and a two-character string per position (with the boolean mask in propagate,
  // findEntities on a 100k-character line of spaces, `·` or `a` took 17-18x its time at 10k; 5-12x now).
  const postings = new Map<number, number[]>();
  texts.forEach((t, i) => {
    const seen = new Set<number>();
    let prev = -1;
    let last = -1; // the pair added just before: a run of one character (`····`) adds its pair once
    for (let k = 0; k < t.text.length; k++) {
      const c = t.text.charCodeAt(k);
      if (isSpaceCode(c)) continue;
      const pair = prev * 0x10000 + c;
      if (prev >= 0 && pair !== last) seen.add((last = pair));
      prev = c;
    }
    for (const pair of seen) {
      const list = postings.get(pair);
      if (list) list.push(i);
      else postings.set(pair, [i]);
    }
  });
  return (bare) => {
    if (bare.length < 2) return texts;
    let best: number[] | undefined;
    for (let k = 0; k + 2 <= bare.length; k++) {
      const list = postings.get(bare.charCodeAt(k) * 0x10000 + bare.charCodeAt(k + 1));
      if (!list) return [];
      if (!best || list.length < best.length) best = list;
    }
    return best!.map((i) => texts[i]);
  };
}

class UnionFind {
  private parent = new Map<string, string>();
  find(x: string): string {
    if (!this.parent.has(x)) this.parent.set(x, x);
    const p = this.parent.get(x)!;
    if (p === x) return x;
    const r = this.find(p);
    this.parent.set(x, r);
    return r;
  }
  union(a: string, b: string): void {
    const ra = this.find(a), rb = this.find(b);
    if (ra !== rb) this.parent.set(rb, ra);
  }
}

function buildEntities(found: Found[], pairs: [string, string][], messages: Message[]): Entity[] {
  // Group by folded surface: spacing and case variants are one key from the start.
  const byKey = new Map<string, Found[]>();
  for (const f of found) {
    const key = f.surname ? `${f.surname} ${f.title}` : fold(f.surface);
    const same = byKey.get(key);
    if (same) same.push(f);
    else byKey.set(key, [f]);
  }
  const typeOf = (fs: Found[]): EntityType => {
    const count = new Map<EntityType, number>();
    for (const f of fs) count.set(f.type, (count.get(f.type) ?? 0) + (f.weight ?? (f.strong ? 2 : 1)));
    return [...count].sort((a, b) => b[1] - a[1])[0][0];
  };
  const uf = new UnionFind();
  const keys = [...byKey.keys()];
  // byKey no longer changes: each key's written form is read once, not in every pairwise test below.
  const surfaces = new Map(keys.map((k) => [k, mostFrequentSurface(byKey.get(k)!)]));
  const surfaceOf = (k: string) => surfaces.get(k)!;
  for (const k of keys) uf.find(k);
  const people = keys.filter((k) => typeOf(byKey.get(k)!) === 'person' && !byKey.get(k)!.every((f) => f.surname || f.titled));
  for (const k of keys) for (const f of byKey.get(k)!) if (f.titled && byKey.has(fold(f.titled))) uf.union(fold(f.titled), k);
  const orgs = keys.filter((k) => ['organization', 'product', 'project', 'other'].includes(typeOf(byKey.get(k)!)));

  // X(Latin), X(일본명 Y).
  for (const [a, b] of pairs) if (byKey.has(fold(a)) && byKey.has(fold(b))) uf.union(fold(a), fold(b));
  // Korean/Latin spellings of one name anywhere in the cluster (오픈AI ~ OpenAI).
  for (const a of orgs) for (const b of orgs) if (a !== b && transliterates(surfaceOf(a), surfaceOf(b))) uf.union(a, b);
  const mentions = (k: string) => byKey.get(k)!.length;
  // Family name alone (올트먼, 하스) joins the one full name ending with it (샘 올트먼, 르네 하스).
  for (const short of people) {
    const s = surfaceOf(short);
    if (s.includes(' ')) continue;
    const full = people.filter((p) => p !== short && surfaceOf(p).split(/\s+/).length > 1 && surfaceOf(p).endsWith(' ' + s));
    const ranked = full.sort((x, y) => mentions(y) - mentions(x));
    if (ranked.length === 1 || (ranked.length > 1 && mentions(ranked[0]) >= 2 * mentions(ranked[1]))) uf.union(ranked[0], short);
  }
  // Short forms: X그룹 ~ X, 삼성 ~ 삼성전자, 소뱅 ~ 소프트뱅크 (each name tokenized once, not once per pair).
  const abbreviated = new Map(orgs.map((b) => [b, abbreviationsOf(surfaceOf(b))]));
  for (const a of orgs) {
    const s = surfaceOf(a);
    const longer = orgs.filter((b) => b !== a && isShortForm(s, surfaceOf(b), ORG_SUFFIXES));
    const group = longer.filter((b) => surfaceOf(b) === s + '그룹');
    if (group.length) uf.union(a, group[0]);
    const rest = longer.filter((b) => !group.includes(b)).sort((x, y) => mentions(y) - mentions(x));
    const dominant = rest.length === 1 || (rest.length > 1 && mentions(rest[0]) >= 2 * mentions(rest[1]));
    if (dominant && mentions(rest[0]) >= mentions(a)) uf.union(rest[0], a);
    for (const b of orgs) if (b !== a && abbreviated.get(b)!.includes(s)) uf.union(b, a);
  }
  // Surname + title (손 회장, 박 대표): the person in the cluster with that surname and that title.
  for (const k of keys) {
    const f = byKey.get(k)![0];
    if (!f.surname) continue;
    const titled = people.filter((p) => surfaceOf(p).startsWith(f.surname!) && byKey.get(p)!.some((x) => x.title === f.title || x.role?.endsWith(f.title!)));
    const named = titled.length ? titled : people.filter((p) => surfaceOf(p).startsWith(f.surname!) && surfaceOf(p).length <= 4 && !surfaceOf(p).includes(' '));
    const best = [...named].sort((x, y) => mentions(y) - mentions(x));
    if (best.length === 1 || (best.length > 1 && mentions(best[0]) > mentions(best[1]))) uf.union(best[0], k);
    else if (best.length > 1) {
      messages.push(message('analyze', 'ambiguous-title-alias', `"${f.surface}" could be ${best.map((b) => surfaceOf(b)).join(' or ')}; left apart`, placeOf(f.doc, f), 'info'));
    }
  }

  const personSurfaces = new Set(people.filter((k) => byKey.get(k)!.length > 2));
  const groups = new Map<string, string[]>();
  for (const k of keys) groups.set(uf.find(k), [...(groups.get(uf.find(k)) ?? []), k]);
  const entities: Entity[] = [];
  for (const members of groups.values()) {
    const fs = members.flatMap((k) => byKey.get(k)!);
    const strong = fs.some((f) => f.strong);
    // A caption restating a weak guess (바이오 in 바이오 클러스터 and 바이오 전시회) does not confirm it.
    if (!strong && fs.filter((f) => !f.field).length < MIN_WEAK_MENTIONS) continue;
    if (fs.every((f) => f.surname || f.titled)) continue; // a title alias with no full name in the cluster
    const type = typeOf(fs.filter((f) => !f.surname && !f.titled));
    // A person holding a role *at another person* (이동한 올트먼 CEO) is a misread verb form.
    if (type === 'person' && fs.some((f) => f.role) && fs.every((f) => !f.role || personSurfaces.has(fold(f.role.split(' ')[0])))) continue;
    const aliases = [...new Set(fs.map((f) => f.surface))];
    const seen = new Set<string>();
    const mentionsOut = fs
      .filter((f) => (seen.has(`${textKey(f.doc, f.field)}@${f.start}`) ? false : (seen.add(`${textKey(f.doc, f.field)}@${f.start}`), true)))
      .sort((a, b) => a.doc.localeCompare(b.doc) || (a.field?.index ?? -1) - (b.field?.index ?? -1) || a.start - b.start)
      .map((f): Mention => ({ document: f.doc, start: f.start, end: f.end, ...fieldOf(f.field) }));
    entities.push({
      name: canonical(fs, type), type, aliases, role: roleOf(fs),
      // Documents in the order the body finds name them; caption-only documents after.
      documents: [...new Set([...fs.filter((f) => !f.field), ...fs.filter((f) => f.field)].map((f) => f.doc))], mentions: mentionsOut,
    });
  }
  return entities.sort((a, b) => b.mentions.length - a.mentions.length || a.name.localeCompare(b.name));
}

/**
 * The entity list is about the event: generic actors (당국, 정부), stages (시리즈C) and the reporters
 * who wrote the articles (송민재 기자) are dropped, each with a message saying why.
 */
function dropNonEventEntities(entities: Entity[], docs: NewsDoc[], messages: Message[]): Entity[] {
  const reporters = new Set(docs.map((d) => d.reporter?.replace(/\s*(기자|특파원)$/, '').replace(/\s+/g, '')).filter((r): r is string => !!r));
  return entities.filter((e) => {
    // aliases is never empty (an entity has at least one find), so every() alone means "all generic".
    const why = e.aliases.every((a) => GENERIC_ACTORS.has(a.replace(/\s+/g, '')))
      ? 'generic-actor'
      : e.aliases.every(isGradeOrRound) ? 'stage-not-name'
      : e.type === 'person' && (reporters.has(e.name.replace(/\s+/g, '')) || (!!e.role && PRESS_TITLES.has(e.role))) ? 'reporter-not-entity'
      : null;
    if (why) {
      const m = e.mentions.find((x) => !x.field) ?? e.mentions[0];
      messages.push(message('analyze', why, `"${e.name}" is not an entity of the event (${WHY[why]})`, placeOf(m?.document ?? '', m), 'info'));
    }
    return !why;
  });
}
const WHY: Record<string, string> = {
  'generic-actor': 'a kind of actor, not a named one',
  'stage-not-name': 'a funding round or grade',
  'reporter-not-entity': "the article's reporter",
};

/** The form a group of finds is most often written in (longest on ties). */
function mostFrequentSurface(fs: Found[]): string {
  const count = new Map<string, number>();
  for (const f of fs) count.set(f.surface, (count.get(f.surface) ?? 0) + 1);
  return [...count].sort((a, b) => b[1] - a[1] || b[0].length - a[0].length)[0][0];
}

/** Abbreviations of an all-Hangul name from its ko-dic parts (소프트뱅크 → 소뱅); none for other names. */
function abbreviationsOf(name: string): string[] {
  if (!isHangul(name)) return [];
  // Every cluster asks again for the gazetteer's names: tokenized once per process.
  let made = abbreviationCache.get(name);
  if (!made) {
    made = abbreviations(tokenize(name).map((m) => m.surface));
    if (abbreviationCache.size < NAME_CACHE_MAX) abbreviationCache.set(name, made);
  }
  return made;
}
const abbreviationCache = new Map<string, string[]>();

/** People: the fullest written name; others: the most frequent form, Hangul before Latin on ties. */
function canonical(fs: Found[], type: EntityType): string {
  const count = new Map<string, number>();
  for (const f of fs) if (!f.surname && !f.titled) {
    const s = f.surface.replace(/\s+/g, ' ');
    count.set(s, (count.get(s) ?? 0) + (f.strong ? 2 : 1));
  }
  const forms = [...count];
  if (type === 'person') {
    // The most frequent form, or a fuller name ending with it (올트먼 → 샘 올트먼); spaced before run together.
    const rank = (a: [string, number], b: [string, number]) => b[1] - a[1] || Number(b[0].includes(' ')) - Number(a[0].includes(' '));
    const best = forms.sort(rank)[0][0];
    const fuller = forms.filter(([f]) => f !== best && f.endsWith(' ' + best) && !/^\S+$/.test(f)).sort(rank);
    return (fuller[0] ?? forms[0])[0];
  }
  // A grouping suffix (소프트뱅크그룹) is a longer way of writing the same name.
  const score = (s: string) => (/그룹$/.test(s) ? -1 : 0);
  return forms.sort((a, b) => score(b[0]) - score(a[0]) || b[1] - a[1] || Number(/[\uac00-\ud7a3]/.test(b[0])) - Number(/[\uac00-\ud7a3]/.test(a[0])) || b[0].length - a[0].length)[0][0];
}

/**
 * The most frequent role, preferring roles that name an organization (삼성전자 회장 over 회장). A caption
 * counts half: it restates the article in short, so on a tie the body's wording wins.
 */
function roleOf(fs: Found[]): string | null {
  const count = new Map<string, number>();
  for (const f of fs) if (f.role) count.set(f.role, (count.get(f.role) ?? 0) + (f.field ? CAPTION_ROLE_WEIGHT : 1));
  const roles = [...count].sort((a, b) => Number(b[0].includes(' ')) - Number(a[0].includes(' ')) || b[1] - a[1]);
  return roles[0]?.[0] ?? null;
}
