// Tunables for reading amounts (src/text/amount.ts), dates (dates.ts) and cross-source findings
// (findings.ts). Each table or threshold is named here with a one-line reason.

/** Big Korean number units; each multiplies what stands before it. */
export const BIG_UNITS: Record<string, number> = { 조: 1e12, 억: 1e8, 만: 1e4 };

/** Small multipliers written after digits (`3천억`, `5백만`); they sit under a big unit. */
export const SMALL_UNITS: Record<string, number> = { 천: 1e3, 백: 1e2 };

/** Currencies written after the amount, and their ISO codes. Longer names first matter for matching. */
export const CURRENCY_WORDS: Record<string, string> = {
  달러: 'USD', 원: 'KRW', 엔: 'JPY', 유로: 'EUR', 위안: 'CNY', 파운드: 'GBP',
};

/** Currency symbols written before the amount. */
export const CURRENCY_SYMBOLS: Record<string, string> = { $: 'USD', '₩': 'KRW', '€': 'EUR', '¥': 'JPY', '£': 'GBP' };

/** Storage, process and other technical units; the value stays in the unit as written (512GB → 512 GB). */
export const TECH_UNITS: Record<string, string> = {
  GB: 'GB', TB: 'TB', MB: 'MB', KB: 'KB', PB: 'PB',
  기가바이트: 'GB', 테라바이트: 'TB', 메가바이트: 'MB',
  nm: 'nm', 나노미터: 'nm', 나노: 'nm',
  GW: 'GW', MW: 'MW', kW: 'kW', kWh: 'kWh', GHz: 'GHz', mAh: 'mAh', km: 'km',
};

/**
 * Durations. Units are kept exact instead of converting everything to seconds:
 * years and months → `months` (4년5개월 = 53), weeks and days → `days`, hours to seconds → `seconds`.
 */
export const DURATION_UNITS: Record<string, { unit: 'months' | 'days' | 'seconds'; factor: number; rank: number }> = {
  년: { unit: 'months', factor: 12, rank: 7 },
  개월: { unit: 'months', factor: 1, rank: 6 },
  달: { unit: 'months', factor: 1, rank: 6 },
  주: { unit: 'days', factor: 7, rank: 5 },
  일: { unit: 'days', factor: 1, rank: 4 },
  시간: { unit: 'seconds', factor: 3600, rank: 3 },
  분: { unit: 'seconds', factor: 60, rank: 2 },
  초: { unit: 'seconds', factor: 1, rank: 1 },
};

/** 년 and 일 are dates (2025년, 4일) unless one of these follows: then they are a span of time. */
export const DURATION_MARKERS = ['간', '동안', '만에', '만이', '만의', '만', '째', '가량', '여', '이상', '넘게', '남짓', '정도', '쯤'];

/**
 * Counters: the unit of a count is the counter as written (3명 → unit `명`). Longer first so that
 * `개사` wins over `개`. Only these make a bare number worth reporting.
 */
export const COUNTERS = ['개국', '개사', '개월', '가구', '곳', '명', '건', '개', '대', '차례', '번', '회', '척', '마리', '가지', '사람', '종', '채', '주'];

/** Multiples (2배) read as a ratio, unit `times`. */
export const TIMES_WORDS = ['배'];

/** Native Korean numerals, read only when a counter or time word follows (두 시간, 세 명). */
export const NATIVE_UNITS: Record<string, number> = {
  한: 1, 두: 2, 세: 3, 네: 4, 다섯: 5, 여섯: 6, 일곱: 7, 여덟: 8, 아홉: 9,
};
export const NATIVE_TENS: Record<string, number> = { 열: 10, 스무: 20, 스물: 20, 서른: 30, 마흔: 40, 쉰: 50 };

/** Counters and time words native numerals combine with (`세 기업` is not a count; `세 명` is). */
export const NATIVE_COUNTERS = ['시간', '달', '해', '명', '사람', '곳', '개', '번', '차례', '가지', '대', '주', '마리', '살'];

/** Words before an amount that qualify it. */
export const PREFIX_QUALIFIERS: Record<string, string> = {
  약: 'about', 대략: 'about', 최대: 'at most', 최소: 'at least', 적어도: 'at least',
};

/** Words after an amount that qualify it. `최대` is "up to", i.e. at most. */
export const SUFFIX_QUALIFIERS: Record<string, string> = {
  이상: 'at least', 이하: 'at most', 미만: 'less than', 초과: 'more than', 넘게: 'more than', 넘는: 'more than',
  가량: 'about', 쯤: 'about', 정도: 'about', 안팎: 'about', 내외: 'about', 남짓: 'about', 여: 'about',
};

/** Characters that join the two ends of a range (150억~250억). */
export const RANGE_SEPARATORS = '~∼～〜–';

/** How far back (UTF-16 units) a `N토큰당` / `1인당` phrase may stand from the price it qualifies. */
export const PER_LOOKBACK = 60;

/** Prefixes of a won amount inside a conversion's parentheses: `(약 718조원)`, `(한화 약 718조원)`. */
export const CONVERSION_PREFIXES = ['한화', '원화', '약', '대략'];

// ------------------------------------------------------------------------------------------------
// dates and timeline

/** A bare `N일` later in the month than the anchor by more than this is read as last month (news looks back). */
export const DAY_FUTURE_SLACK = 3;

/** Words that mark a sentence about the future; a year mentioned there is not a date the article was written in. */
export const FUTURE_MARKERS = /전망|예정|계획|목표|까지|할 것|될 것|오는/;


/** Two timeline items on the same `when` merge when their phrases share this much (character-bigram Dice). */
export const MERGE_SIMILARITY = 0.25;

// ------------------------------------------------------------------------------------------------
// findings

/** Two readings of one amount agree when they differ by at most this fraction. */
export const SAME_VALUE_TOLERANCE = 0.005;

/** A stated ratio is "consistent" with the computed one within this fraction; beyond, "approximate". */
export const RATIO_TOLERANCE = 0.1;

/** Won amounts within this fraction outside the range of conversions count as another conversion. */
export const CONVERSION_SLACK = 0.03;

/** Characters either side of a figure read as its topic words. */
export const TOPIC_WINDOW = 30;

/** A topic word ties two figures together only if it occurs in at most this many sentences of the cluster. */
export const RARE_TOPIC_MAX_SENTENCES = 3;

/** Two different figures are "the same quantity" only if they share this many rare topic words (사법 + 리스크). */
export const MIN_SHARED_RARE_TOPICS = 2;

/** A single shared topic word this long that only the two figures' sentences use ties them (기업가치). */
export const UNIQUE_TOPIC_MIN_CHARS = 3;

/** Particles and copulas left standing alone after a figure (7500억원 안팎으로 → 으로); never a topic. */
export const BARE_ENDINGS = new Set(['으로', '이다', '이며', '이고', '에서', '에게', '까지', '부터', '으로는', '이라', '이었다', '였다', '에는', '보다', '으로써', '이라는', '라는']);

/** Words too generic to tie two figures together. */
export const TOPIC_STOPWORDS = new Set([
  '지난', '향후', '최근', '이날', '전날', '올해', '지난해', '이번', '규모', '수준', '정도', '가량', '이상', '이하',
  '회장', '사장', '대표', 'CEO', '기자', '관계자', '것으로', '위해', '통해', '대한', '관련', '함께', '따르면', '있다', '했다',
  '약', '총', '최대', '최소', '무려', '불과', '그는', '이는', '이들', '등', '및', '또', '더', '수',
]);

/** Most coverage-gap findings listed per cluster, biggest first (the rest is noise for a reader). */
export const MAX_COVERAGE_GAPS = 6;
