// Tunables for reading and writing Korean amounts (src/text/amount.ts). Each table is named here with a
// one-line reason; the reader and the writer share them, so 조/억/만/천 live in one place.

/** Big Korean number units; each multiplies what stands before it. */
export const BIG_UNITS: Record<string, number> = { 조: 1e12, 억: 1e8, 만: 1e4 };

/** Small multipliers written after digits (`3천억`, `5백만`) or after 수 (`수십억`); they sit under a big unit. */
export const SMALL_UNITS: Record<string, number> = { 천: 1e3, 백: 1e2, 십: 10 };

/**
 * `수백만 원` is "several million": the range 2×–9× the unit, since 수 (several) means more than one and
 * fewer than ten; the amount carries qualifier `several` so a reader sees it is vague.
 */
export const VAGUE_MULTIPLES: [number, number] = [2, 9];

/** Currencies written after the amount, and their ISO codes. Longer names first matter for matching. */
export const CURRENCY_WORDS: Record<string, string> = {
  달러: 'USD', 원: 'KRW', 엔: 'JPY', 유로: 'EUR', 위안: 'CNY', 파운드: 'GBP',
  // Other dollars are written with their country in one word (1천550캐나다달러); each is its own currency.
  캐나다달러: 'CAD', 호주달러: 'AUD', 홍콩달러: 'HKD', 대만달러: 'TWD', 싱가포르달러: 'SGD', 뉴질랜드달러: 'NZD',
  루피: 'INR', 루블: 'RUB', 리라: 'TRY', 링깃: 'MYR', 헤알: 'BRL',
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
