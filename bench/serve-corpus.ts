// The corpus of `npm run bench:serve`: one fictional event reported by 50 outlets, generated at run time
// (no dataset text). Every copy carries the core sentences a wire story gives everybody, some differ in a
// figure or in how they quote the speaker, and each adds sentences of its own, with the noise real pages
// have (section line, dateline, byline, photo caption, copyright, "most read" lists). Deterministic: the
// same 50 files every run, so figures from different runs compare.
import type { RawFile } from '../src/types.js';

/** A small deterministic generator (mulberry32), so the corpus is the same in every run. */
export function random(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const FAMILY = ['김', '이', '박', '최', '정', '강', '조', '윤', '장', '임', '한', '오', '서', '신', '권', '황'];
const GIVEN = ['서연', '민준', '지우', '하은', '도윤', '수아', '예준', '지호', '유나', '시우', '다은', '현우', '채원', '건우'];
const PLACE = ['세종', '청주', '오창', '진천', '음성', '충주', '제천', '보은'];
const SECTION = ['산업', '경제일반', '지역', '전국', '기업', '산업·재계'];

// What every copy carries, as the company's release worded it.
const CORE = [
  '한결모빌리티가 충북 청주시 오창읍에 전기차용 전고체 배터리 시험 생산라인을 짓는다고 14일 밝혔다.',
  '시험 라인은 2028년 상반기 가동을 목표로 하며 연간 2기가와트시 규모의 셀을 만들 수 있다.',
  '회사는 이번 라인에서 나온 셀을 2029년부터 완성차 업체 두 곳에 공급할 계획이다.',
];
// A figure the outlets report differently (one rounds, one counts the land, one writes the full number).
const INVESTMENT = [
  '회사는 이번 사업에 모두 1조2000억원을 투자한다.',
  '총투자비는 1조2000억원이다.',
  '회사는 설비와 부지 조성에 1조3000억원을 들일 예정이다.',
  '투자 규모는 1조2천억원으로 알려졌다.',
];
const JOBS = ['회사는 라인이 완공되면 400명을 새로 채용할 계획이다.', '신규 채용 인원은 450명 안팎으로 예상된다.'];
const QUOTE = [
  '윤채원 한결모빌리티 대표는 "전고체 셀의 수율을 양산 수준까지 끌어올리는 것이 이번 라인의 목표"라고 말했다.',
  '윤 대표는 기자간담회에서 "전고체 셀의 수율을 양산 수준까지 끌어올리는 것이 이번 라인의 목표"라고 설명했다.',
  '윤채원 대표는 "충북에 배터리 소재부터 셀까지 잇는 생태계를 만들겠다"고 강조했다.',
];
// Sentences an outlet adds from its own reporting; the place and figures vary per copy.
const OWN = [
  (r: () => number, p: string) => `${p} 지역 부품업체 ${2 + Math.floor(r() * 20)}곳이 협력사 등록을 신청한 것으로 전해졌다.`,
  (r: () => number) => `업계에서는 국내 전고체 배터리 시장이 2030년 ${3 + Math.floor(r() * 5)}조원 규모로 커질 것으로 본다.`,
  (_r: () => number, p: string) => `충북도는 ${p} 일대 도로와 용수 공급 시설을 먼저 정비하기로 했다.`,
  (r: () => number) => `경쟁사들도 ${2027 + Math.floor(r() * 3)}년을 전후해 전고체 시제품을 내놓겠다는 계획을 밝힌 바 있다.`,
  (r: () => number) => `증권가는 이번 투자로 회사의 연간 감가상각비가 ${300 + Math.floor(r() * 400)}억원가량 늘어날 것으로 추산했다.`,
  (_r: () => number, p: string) => `${p} 주민들은 공장 건설에 따른 교통 혼잡을 줄일 대책을 요구하고 있다.`,
  (r: () => number) => `한결모빌리티 주가는 이날 전 거래일보다 ${(1 + r() * 6).toFixed(1)}% 오른 채 거래를 마쳤다.`,
  (r: () => number) => `회사는 지난해 배터리 부문에서 ${1000 + Math.floor(r() * 3000)}억원의 영업손실을 냈다.`,
  () => '전고체 배터리는 액체 전해질 대신 고체 전해질을 써 화재 위험이 낮은 것이 장점이다.',
  (_r: () => number, p: string) => `시험 라인 부지는 ${p} 제2산업단지 안에 있다.`,
];
const MOST_READ = ['장마 앞두고 수도권 배수시설 점검', '중고차 거래 플랫폼 수수료 인하', '프로야구 올스타 투표 시작', '주말 전국 대체로 맑아'];

const pick = <T>(r: () => number, xs: readonly T[]) => xs[Math.floor(r() * xs.length)];

/** One outlet's article: noise, headline, dateline, the core, its variants and its own sentences. */
function article(i: number): string {
  const r = random(1000 + i);
  const outlet = `가람${i + 1}일보`;
  const reporter = `${pick(r, FAMILY)}${pick(r, GIVEN)}`;
  const place = pick(r, PLACE);
  const hour = String(8 + (i % 10)).padStart(2, '0');
  const own = [...OWN].sort(() => r() - 0.5).slice(0, 4 + Math.floor(r() * 4)).map((f) => f(r, place));
  const body = [
    ...(i % 3 === 0 ? [`(청주=${outlet}) ${reporter} 기자 = ${CORE[0]}`] : [CORE[0]]),
    CORE[1],
    pick(r, INVESTMENT),
    own[0],
    pick(r, QUOTE),
    CORE[2],
    ...own.slice(1, 3),
    pick(r, JOBS),
    ...own.slice(3),
    `${outlet}는 현장에서 ${i + 3}명의 관계자를 만났다고 전했다.`,
  ];
  const lines = [
    i % 4 === 0 ? '메뉴 건너뛰기' : pick(r, SECTION),
    `한결모빌리티, ${place === '청주' ? '청주' : '오창'}에 전고체 배터리 시험 라인…${pick(r, ['1조2000억원 투입', '2029년 공급', '"수율 끌어올린다"'])}`,
    `입력 2026.07.14 ${hour}:${String((i * 7) % 60).padStart(2, '0')}`,
    ...(i % 2 === 0 ? [`▲윤채원 한결모빌리티 대표가 14일 기자간담회에서 시험 라인 계획을 설명하고 있다. /사진=${outlet} DB`] : []),
    ...body,
    `${reporter} 기자 reporter${i + 1}@garam${i + 1}.example`,
    `<ⓒ ${outlet}, 무단전재 및 재배포 금지>`,
    ...(i % 2 === 1 ? ['이 시각 많이 본 뉴스', ...MOST_READ.slice(0, 2 + (i % 3)).map((t, k) => `${k + 1} ${t}`)] : ['관련 뉴스', pick(r, MOST_READ)]),
  ];
  return lines.join('\n') + '\n';
}

/** The 50 source files of the event, as a run reads them. */
export function eventSources(count = 50): RawFile[] {
  return Array.from({ length: count }, (_, i) => {
    const source = `bench/serve/garam-${String(i + 1).padStart(2, '0')}.txt`;
    return { source, key: `/${source}`, bytes: new TextEncoder().encode(article(i)) };
  });
}
