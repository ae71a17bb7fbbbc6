// Reads date and time expressions out of Korean news text and resolves them against an anchor date
// (the document's own date, in KST): 2025.02.05, 2025년 2월, 지난 2월 4일, 지난달 21일, 21일(현지시간),
// 전날(3일) 밤 11시께, 이날 오후 2시 40분쯤, 이튿날, 지난해 6월. Pure functions.
import { DAY_FUTURE_SLACK } from './tunables-dates.js';

export interface Ymd {
  y: number;
  m: number;
  d: number;
}

/** A date expression as written, before it is resolved. */
export interface RawDate {
  start: number;
  end: number;
  text: string;
  /** abs: year given; md: month+day; day: N일; rel: 이날/전날/…; month-rel: 지난달 N일; time: a time alone. */
  kind: 'abs' | 'md' | 'day' | 'rel' | 'month-rel' | 'year-rel' | 'month' | 'year' | 'time';
  y?: number;
  m?: number;
  d?: number;
  /** Days (rel) or months (month-rel) or years (year-rel) from the anchor. */
  offset?: number;
  /** `지난` looks back, `오는` forward. */
  dir?: 'past' | 'future';
  hour?: number;
  minute?: number;
  /** 이튿날/다음날 count from the date last mentioned, not from the document's date. */
  fromContext?: boolean;
}

export interface ResolvedDate extends RawDate {
  /** ISO: YYYY, YYYY-MM, YYYY-MM-DD or YYYY-MM-DDTHH:MM (KST). */
  when: string;
  precision: 'year' | 'month' | 'day' | 'minute';
}

const TIME = String.raw`(?:\s?\(현지시간\))?(?:\s?(오전|오후|밤|새벽|저녁|아침|낮|정오)\s?)?(?:(\d{1,2})시(?!간)(?:\s?(\d{1,2})분|\s?(반))?(?:께|쯤|경)?)?`;
const REL_DAY: Record<string, number> = {
  이날: 0, 당일: 0, 오늘: 0, 전날: -1, 전일: -1, 어제: -1, 그제: -2, 그저께: -2, 이튿날: 1, 다음날: 1, '다음 날': 1, 내일: 1,
  하루전: -1, '하루 전': -1,
};
const FROM_CONTEXT = new Set(['이튿날', '다음날', '다음 날']);
const REL_MONTH: Record<string, number> = { 지난달: -1, 전달: -1, 이달: 0, '이번 달': 0, 다음달: 1, '다음 달': 1, 내달: 1 };
const REL_YEAR: Record<string, number> = { 지난해: -1, 작년: -1, 올해: 0, 금년: 0, 내년: 1 };

const alt = (words: string[]) => [...words].sort((a, b) => b.length - a.length).map((w) => w.replace(' ', '\\s')).join('|');
const NB = '(?<![\\d가-힣])';

interface Rule {
  re: RegExp;
  make: (m: RegExpExecArray) => Omit<RawDate, 'start' | 'end' | 'text'> | null;
}

const num = (s: string | undefined) => (s === undefined ? undefined : Number(s));
const dirOf = (w: string | undefined): RawDate['dir'] => (w === '지난' ? 'past' : w === '오는' ? 'future' : undefined);
const timeOf = (period?: string, h?: string, min?: string, half?: string) => {
  if (h === undefined) return {};
  let hour = Number(h);
  if ((period === '오후' || period === '저녁' || (period === '밤' && hour >= 6)) && hour < 12) hour += 12;
  else if (period === '낮' && hour < 6) hour += 12;
  else if ((period === '오전' || period === '새벽' || period === '밤') && hour === 12) hour = 0;
  return { hour, minute: half ? 30 : Number(min ?? 0) };
};

// Order matters: at one position the first rule that matches wins; overlapping later matches are dropped.
const RULES: Rule[] = [
  { // 2025.02.05, 2025-02-05, 2025/2/5
    re: new RegExp(String.raw`${NB}(\d{4})[.\-/]\s?(\d{1,2})[.\-/]\s?(\d{1,2})\.?(?!\d)` + TIME, 'g'),
    make: (m) => ({ kind: 'abs', y: +m[1], m: +m[2], d: +m[3], ...timeOf(m[4], m[5], m[6], m[7]) }),
  },
  { // (지난) 2025년 2월 (4일)
    re: new RegExp(String.raw`(?:(지난|오는)\s)?${NB}(\d{4})년\s?(\d{1,2})월(?:\s?(\d{1,2})일)?` + TIME, 'g'),
    make: (m) => ({ kind: 'abs', y: +m[2], m: +m[3], d: num(m[4]), ...timeOf(m[5], m[6], m[7], m[8]) }),
  },
  { // 지난해 6월 (2일)
    re: new RegExp(String.raw`(${alt(Object.keys(REL_YEAR))})\s?(\d{1,2})월(?:\s?(\d{1,2})일)?` + TIME, 'g'),
    make: (m) => ({ kind: 'year-rel', offset: REL_YEAR[m[1].replace(/\s/g, ' ')], m: +m[2], d: num(m[3]), ...timeOf(m[4], m[5], m[6], m[7]) }),
  },
  { // 지난달 21일
    re: new RegExp(String.raw`(${alt(Object.keys(REL_MONTH))})\s?(\d{1,2})일(?!\s?(?:간|동안|만에|째))` + TIME, 'g'),
    make: (m) => ({ kind: 'month-rel', offset: REL_MONTH[m[1].replace(/\s/g, ' ')], d: +m[2], ...timeOf(m[3], m[4], m[5], m[6]) }),
  },
  { // (지난) 2월 4일
    re: new RegExp(String.raw`(?:(지난|오는)\s)?${NB}(\d{1,2})월\s?(\d{1,2})일(?!\s?(?:간|동안|만에|째))` + TIME, 'g'),
    make: (m) => ({ kind: 'md', dir: dirOf(m[1]), m: +m[2], d: +m[3], ...timeOf(m[4], m[5], m[6], m[7]) }),
  },
  { // 전날(3일) 밤 11시께, 이날 오후 2시 40분쯤, 이튿날
    re: new RegExp(String.raw`(?<![가-힣])(${alt(Object.keys(REL_DAY))})(?:\s?\((\d{1,2})일\))?(인\s)?` + TIME, 'g'),
    make: (m) => {
      if (m[3]) return null; // 이튿날인 21일: the explicit day that follows is the date
      const word = m[1].replace(/\s/g, ' ');
      return {
        kind: 'rel', offset: REL_DAY[word], d: num(m[2]), fromContext: FROM_CONTEXT.has(word), ...timeOf(m[4], m[5], m[6], m[7]),
      };
    },
  },
  { // (지난) 4일, 21일(현지시간)
    re: new RegExp(String.raw`(?:(지난|오는)\s)?${NB}(\d{1,2})일(?!\s?(?:간|동안|만에|만이|째|이상|가량))` + TIME, 'g'),
    make: (m) => (+m[2] >= 1 && +m[2] <= 31 ? { kind: 'day', dir: dirOf(m[1]), d: +m[2], ...timeOf(m[3], m[4], m[5], m[6]) } : null),
  },
  { // 지난달, 이달 (month precision)
    re: new RegExp(String.raw`(?<![가-힣])(${alt(Object.keys(REL_MONTH))})(?![가-힣])`, 'g'),
    make: (m) => ({ kind: 'month-rel', offset: REL_MONTH[m[1].replace(/\s/g, ' ')] }),
  },
  { // (지난) 6월
    re: new RegExp(String.raw`(?:(지난|오는)\s)?${NB}(\d{1,2})월(?!\s?\d{1,2}일)`, 'g'),
    make: (m) => (+m[2] >= 1 && +m[2] <= 12 ? { kind: 'month', dir: dirOf(m[1]), m: +m[2] } : null),
  },
  { // 2016년 (year precision; used to anchor, not for the timeline)
    re: new RegExp(String.raw`${NB}(\d{4})년(?!\s?(?:간|동안|만에|째))`, 'g'),
    make: (m) => ({ kind: 'year', y: +m[1] }),
  },
  { // 오후 2시 40분쯤 with no date: the day of the sentence
    re: new RegExp(String.raw`(?<![가-힣])(오전|오후|밤|새벽|저녁|아침|낮)\s?(\d{1,2})시(?!간)(?:\s?(\d{1,2})분|\s?(반))?(?:께|쯤|경)?`, 'g'),
    make: (m) => ({ kind: 'time', ...timeOf(m[1], m[2], m[3], m[4]) }),
  },
];

/** Every date expression in the text, left to right, without overlaps. */
export function scanDates(text: string): RawDate[] {
  const found: RawDate[] = [];
  RULES.forEach((rule, order) => {
    for (const m of text.matchAll(rule.re)) {
      const made = rule.make(m as RegExpExecArray);
      if (!made) continue;
      const start = m.index!;
      const end = start + m[0].replace(/\s+$/, '').length;
      found.push({ start, end, text: text.slice(start, end), ...made, order } as RawDate & { order: number });
    }
  });
  found.sort((a, b) => a.start - b.start || (a as never as { order: number }).order - (b as never as { order: number }).order);
  const out: RawDate[] = [];
  let reach = -1;
  for (const f of found) {
    if (f.start < reach) continue;
    const { order: _o, ...clean } = f as RawDate & { order: number };
    out.push(clean);
    reach = f.end;
  }
  return out;
}

const pad = (n: number, w = 2) => String(n).padStart(w, '0');
const toDate = (x: Ymd) => new Date(Date.UTC(x.y, x.m - 1, x.d));
const fromDate = (t: Date): Ymd => ({ y: t.getUTCFullYear(), m: t.getUTCMonth() + 1, d: t.getUTCDate() });
export const addDays = (x: Ymd, n: number) => fromDate(new Date(toDate(x).getTime() + n * 86_400_000));
const addMonths = (y: number, m: number, n: number) => {
  const t = y * 12 + (m - 1) + n;
  return { y: Math.floor(t / 12), m: (t % 12) + 1 };
};
const cmp = (a: Ymd, b: Ymd) => toDate(a).getTime() - toDate(b).getTime();
/** Whole days from b to a (positive when a is later). */
export const daysBetween = (a: Ymd, b: Ymd) => cmp(a, b) / 86_400_000;
/** "2월 4일": how a post names an ISO day (YYYY-MM-DD…) in its prose. */
export function dayWords(iso: string): string {
  return `${Number(iso.slice(5, 7))}월 ${Number(iso.slice(8, 10))}일`;
}
export const isoDay = (x: Ymd) => `${x.y}-${pad(x.m)}-${pad(x.d)}`;
export function parseIsoDay(s: string | null | undefined): Ymd | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(s ?? '');
  return m ? { y: +m[1], m: +m[2], d: +m[3] } : null;
}

/** A month and day without a year, placed in the year that puts it nearest the anchor (looking back unless `오는`). */
function placeMonthDay(m: number, d: number, anchor: Ymd, dir?: RawDate['dir']): Ymd {
  const candidates = [anchor.y - 1, anchor.y, anchor.y + 1].map((y) => ({ y, m, d }));
  if (dir === 'past') return candidates.filter((c) => cmp(c, anchor) <= 0).at(-1)!;
  if (dir === 'future') return candidates.find((c) => cmp(c, anchor) >= 0)!;
  return candidates.sort((a, b) => Math.abs(daysBetween(a, anchor) - 30) - Math.abs(daysBetween(b, anchor) - 30))
    .find((c) => daysBetween(c, anchor) <= 60) ?? candidates[1];
}

/** A bare day of month: this month, or last month when it lies clearly after the anchor (news looks back). */
function placeDay(d: number, anchor: Ymd, dir?: RawDate['dir']): Ymd {
  const here = { y: anchor.y, m: anchor.m, d };
  const prev = { ...addMonths(anchor.y, anchor.m, -1), d };
  const next = { ...addMonths(anchor.y, anchor.m, 1), d };
  if (dir === 'past') return d <= anchor.d ? here : prev;
  if (dir === 'future') return d >= anchor.d ? here : next;
  return d > anchor.d + DAY_FUTURE_SLACK ? prev : here;
}

/** Resolves one expression; `context` is the last day-precision date in the same sentence (for 이튿날 and times). */
export function resolveDate(r: RawDate, anchor: Ymd | null, context: Ymd | null = null): ResolvedDate | null {
  let day: Ymd | null = null;
  let month: { y: number; m: number } | null = null;
  switch (r.kind) {
    case 'abs':
      if (r.d) day = { y: r.y!, m: r.m!, d: r.d }; else month = { y: r.y!, m: r.m! };
      break;
    case 'year':
      return { ...r, when: String(r.y), precision: 'year' };
    default: {
      if (!anchor) return null;
      if (r.kind === 'md') day = placeMonthDay(r.m!, r.d!, anchor, r.dir);
      else if (r.kind === 'day') day = placeDay(r.d!, anchor, r.dir);
      else if (r.kind === 'rel') {
        const base = r.fromContext ? (context ?? anchor) : anchor;
        day = addDays(base, r.offset!);
        if (r.d) day = placeDay(r.d, { ...day, d: Math.max(day.d, r.d) }); // 전날(3일): the day written wins
      } else if (r.kind === 'month-rel') {
        const ym = addMonths(anchor.y, anchor.m, r.offset!);
        if (r.d) day = { ...ym, d: r.d }; else month = ym;
      } else if (r.kind === 'year-rel') {
        const y = anchor.y + r.offset!;
        if (r.d) day = { y, m: r.m!, d: r.d }; else month = { y, m: r.m! };
      } else if (r.kind === 'month') {
        const placed = placeMonthDay(r.m!, 1, { ...anchor, d: 28 }, r.dir);
        month = { y: placed.y, m: placed.m };
      } else if (r.kind === 'time') day = context ?? anchor;
    }
  }
  if (day) {
    const base = isoDay(day);
    if (r.hour !== undefined) return { ...r, when: `${base}T${pad(r.hour)}:${pad(r.minute ?? 0)}`, precision: 'minute' };
    return { ...r, when: base, precision: 'day' };
  }
  if (month) return { ...r, when: `${month.y}-${pad(month.m)}`, precision: 'month' };
  return null;
}

/**
 * The day a text's 이날 / 전날 count from: the first day it states that lies within a week before the
 * text's date (a piece published on the 5th says "4일 … 이날"), else its date. Read by the timeline
 * and by the writer, which turns 이날 into that day.
 */
export function newsDay(anchor: Ymd, raws: RawDate[]): Ymd {
  for (const r of raws) {
    if (r.kind !== 'day' && r.kind !== 'md' && r.kind !== 'abs') continue;
    const res = resolveDate(r, anchor);
    const day = res && parseIsoDay(res.when);
    if (!day || res!.precision === 'month') continue;
    const gap = daysBetween(anchor, day);
    if (gap >= 0 && gap <= 7) return day;
  }
  return anchor;
}

/** The day (YYYY-MM-DD) a text dated `publishedAt` means by 이날, or null when it has no date. */
export function newsDayOf(publishedAt: string | null | undefined, body: string): string | null {
  const anchor = parseIsoDay(publishedAt);
  return anchor ? isoDay(newsDay(anchor, scanDates(body))) : null;
}
