// Corpora for bench:digest, built at run time from real sentences of ../shared/data (never copied into
// the repository) and written as plain-text article files with the noise Korean pages carry: a wire
// dateline lead, a "입력" line, a reporter line with an e-mail address and a copyright line.
//   eventCorpus: ONE event of n related articles: shared people, organisation, figures and quotes,
//     each article a different selection and order of the event's sentences (so they cluster together).
//   mixedCorpus: many small events (2–10 articles) from Korean and Vietnamese sentences.
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const SHARED = new URL('../../shared/data/', import.meta.url).pathname;

/** Deterministic PRNG (mulberry32) so every run builds the same corpus. */
export function rng(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Rand = () => number;
const pick = <T>(r: Rand, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)];

/** Korean news sentences: sci-news-sum-kr-50 bodies and KLUE-NER wikitree sentences (tags stripped). */
function koreanSentences(): string[] {
  const out: string[] = [];
  const sum = join(SHARED, 'sci-news-sum-kr-50', 'data');
  for (const f of readdirSync(sum).filter((f) => f.endsWith('.json'))) {
    for (const s of JSON.parse(readFileSync(join(sum, f), 'utf8')).sentences as string[]) if (s.length > 30) out.push(s.trim() + '.');
  }
  const klue = readFileSync(join(SHARED, 'klue-ner', 'klue-ner-v1.1_dev.tsv'), 'utf8');
  for (const m of klue.matchAll(/^## klue-ner-v1_dev_\d+-wikitree\t(.+)$/gm)) {
    const s = m[1].replace(/<([^:>]+):[A-Z]{2}>/g, '$1').trim();
    if (s.length > 30 && /[.다]$/.test(s)) out.push(s.endsWith('.') ? s : s + '.');
  }
  return out;
}

/** Vietnamese news sentences from vims-dev (the title line skipped), over 40 characters. */
export function vietnameseSentences(): string[] {
  const out: string[] = [];
  const vims = join(SHARED, 'vims-dev');
  for (const c of readdirSync(vims)) {
    for (const f of readdirSync(join(vims, c))) {
      for (const l of readFileSync(join(vims, c, f), 'utf8').split('\n').slice(1)) {
        for (const s of l.split(/(?<=\.)\s+/)) if (s.trim().length > 40) out.push(s.trim());
      }
    }
  }
  return out;
}

const SURNAMES = '김 이 박 최 정 강 조 윤 장 임 한 오 서 신 권 황 안 송 류 홍'.split(' ');
const GIVEN = '민 서 준 하 지 도 윤 우 현 수 영 재 진 태 은 혜 성 호 경 주'.split(' ');
// Titles end in a consonant and organisation names in a vowel, so the particles below (은/이, 가) agree.
const TITLES = ['장관', '회장', '사장', '위원장', '대변인', '원장', '청장', '시장'];
const ORG_HEADS = '한빛 누리 새솔 다온 가람 미르 온새 라온 해솔 별하'.split(' ');
const ORG_TAILS = ['전자', '바이오', '에너지', '테크', '로보틱스', '위원회', '모빌리티', '소프트'];
const PLACES = ['세종', '부산', '인천', '광주', '대전', '울산', '창원', '수원'];
const OUTLETS: [string, string][] = [
  ['연합뉴스', 'yna.co.kr'], ['뉴시스', 'newsis.com'], ['뉴스1', 'news1.kr'], ['한겨레', 'hani.co.kr'],
  ['경향신문', 'khan.co.kr'], ['매일경제', 'mk.co.kr'], ['한국경제', 'hankyung.com'], ['이데일리', 'edaily.co.kr'],
  ['머니투데이', 'mt.co.kr'], ['전자신문', 'etnews.com'], ['서울경제', 'sedaily.com'], ['아시아경제', 'asiae.co.kr'],
];

const personName = (r: Rand) => pick(r, SURNAMES) + pick(r, GIVEN) + pick(r, GIVEN);

interface Event {
  people: { name: string; title: string }[];
  org: string;
  place: string;
  amount: number; // 억 원
  share: number; // %
  sentences: string[];
  quotes: { speaker: number; text: string }[];
  /** The share of the event's sentences each article tells. */
  told: number;
  day: number;
}

function makeEvent(r: Rand, pool: string[], sentences: number, told: number): Event {
  const people = Array.from({ length: 3 }, () => ({ name: personName(r), title: pick(r, TITLES) }));
  const own = Array.from({ length: sentences }, () => pick(r, pool));
  const quotes = Array.from({ length: 6 }, (_, i) => ({ speaker: i % 3, text: pick(r, pool).replace(/\.$/, '').replace(/[“”"]/g, "'") }));
  return {
    people, org: pick(r, ORG_HEADS) + pick(r, ORG_TAILS), place: pick(r, PLACES),
    amount: 100 * (5 + Math.floor(r() * 90)), share: 5 + Math.floor(r() * 40), sentences: own, quotes, told,
    day: Math.floor(r() * 300),
  };
}

/** One article of an event: its own selection of the event's sentences, figures, quotes and noise. */
function article(r: Rand, e: Event, k: number, offTopic: string[]): { name: string; text: string } {
  const [outlet, domain] = pick(r, OUTLETS);
  const reporter = personName(r);
  const boss = e.people[0];
  // Outlets mostly agree on the figures; some round or report a different one (the findings' material).
  const amount = r() < 0.85 ? e.amount : e.amount + 100 * (1 + Math.floor(r() * 3));
  const date = new Date(Date.UTC(2025, 0, 1 + e.day + Math.floor(r() * 2), 1 + Math.floor(r() * 12), Math.floor(r() * 60)));
  const kst = date.toISOString().slice(0, 16).replace('T', ' ').replace(/-/g, '.');
  const lead = `(${e.place}=${outlet}) ${reporter} 기자 = ${e.org}가 ${e.place}에 ${amount.toLocaleString('en-US')}억 원을 투자하고 ` +
    `지분 ${e.share}%를 확보하기로 했다고 ${boss.name} ${boss.title}이 ${date.getUTCMonth() + 1}월 ${date.getUTCDate()}일 밝혔다.`;
  const body = e.sentences.filter(() => r() < e.told).map((s) => {
    const p = pick(r, e.people);
    return r() < 0.3 ? `${p.name} ${p.title}은 ${s}` : s;
  });
  for (const q of e.quotes) {
    if (r() > 0.4) continue;
    const p = e.people[q.speaker];
    const words = q.text.split(' ');
    const text = r() < 0.7 ? q.text : words.slice(0, Math.max(4, Math.ceil(words.length * 0.7))).join(' ');
    body.splice(Math.floor(r() * (body.length + 1)), 0, `${p.name} ${p.title}은 “${text}”라고 말했다.`);
  }
  for (const s of offTopic) body.push(s);
  const title = `${e.org}, ${e.place}에 ${amount.toLocaleString('en-US')}억 원 투자…${boss.name} ${boss.title} "${pick(r, ['속도 낼 것', '협력 강화', '지역과 함께'])}"`;
  const text = [
    title, `입력 ${kst}`, lead, ...body, `${reporter} 기자 ${'r' + k}@${domain}`, `ⓒ ${outlet}, 무단전재 및 재배포 금지`,
  ].join('\n\n');
  return { name: `${String(k).padStart(6, '0')}.txt`, text };
}

function writeAll(dir: string, files: { name: string; text: string }[]) {
  mkdirSync(dir, { recursive: true });
  for (const f of files) writeFileSync(join(dir, f.name), f.text + '\n');
}

let korean: string[] | null = null;
let vietnamese: string[] | null = null;

/** One event of n articles into `dir`. */
export function eventCorpus(dir: string, n: number): void {
  korean ??= koreanSentences();
  const r = rng(14_000 + n);
  // A big pool, each article telling a sixth of it: event words stay under the clusterer's 20% probe
  // cutoff (as a real event's prose does), while any two articles still share a few sentences and all the names.
  const e = makeEvent(r, korean, 80, 0.18);
  writeAll(dir, Array.from({ length: n }, (_, k) => article(r, e, k, [])));
}

/** n articles of many small events (three in four Korean) into `dir`, numbered from `from`. */
export function mixedCorpus(dir: string, n: number, seed: number, from = 0): void {
  korean ??= koreanSentences();
  vietnamese ??= vietnameseSentences();
  const r = rng(seed);
  const files: { name: string; text: string }[] = [];
  while (files.length < n) {
    const vi = r() < 0.25;
    const pool = vi ? vietnamese : korean;
    const e = makeEvent(r, pool, 12, 0.5);
    const size = Math.min(n - files.length, 2 + Math.floor(r() * 9));
    for (let k = 0; k < size; k++) {
      const no = from + files.length;
      // Vietnamese events keep only their own sentences (no Korean lead or noise lines).
      files.push(vi ? { name: `${String(no).padStart(6, '0')}.txt`, text: [e.sentences[0], ...e.sentences.filter(() => r() < 0.6)].join('\n\n') }
        : article(r, e, no, [pick(r, pool), pick(r, pool)]));
    }
  }
  writeAll(dir, files);
}
