// Dates as pages and feeds write them → ISO 8601 in KST (`2025-02-04T14:40:00+09:00`). The one
// converter for HTML metadata, datelines in the text, front matter, feed/sitemap dates and feed hints.
// Korean outlets mostly write local time without a zone ("2025.02.04 14:40", "2025년 2월 4일 오후 2시 40분"),
// so a time without a zone is taken as KST; a time with a zone or Z is converted to KST.

const KST_MS = 9 * 3600 * 1000;
const pad = (n: number, w = 2) => String(n).padStart(w, '0');

/** Formats an instant as KST wall time with the +09:00 offset. */
function formatKst(ms: number): string {
  const d = new Date(ms + KST_MS);
  return (
    `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}` +
    `T${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}+09:00`
  );
}

/** The KST calendar day of an instant: `2025-02-04`. */
export const kstDay = (at: Date): string => formatKst(at.getTime()).slice(0, 10);

/** ISO-like, the whole text: 2025-02-04T05:40:00Z, 2025-02-04 14:40:00+0900, 2025-02-04T14:40. */
const ISO = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ](\d{1,2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?\s*(Z|[+-]\d{2}:?\d{2})?)?$/i;
/** Korean and dotted forms, also after a label: 2025.02.04 14:40, 2025. 2. 4. 오후 2:40,
 *  2025년 2월 4일 14시 40분, 2025/02/04, 입력 2025-02-04T14:40:00+09:00. */
const DOTTED_OR_KOREAN =
  /(\d{4})\s*[.\/년-]\s*(\d{1,2})\s*[.\/월-]\s*(\d{1,2})\s*[.일]?\s*(?:\([^)]*\)\s*)?T?\s*(?:(오전|오후|AM|PM)\s*)?(?:(\d{1,2})\s*[:시]\s*(\d{1,2})?\s*분?(?:\s*:?\s*(\d{1,2})\s*초?)?\s*(AM|PM)?)?/i;

/** Days in a month of a year (month 1-12); Date.UTC's day 0 of the next month is this month's last day. */
const daysIn = (y: number, mo: number) => new Date(Date.UTC(y, mo, 0)).getUTCDate();

/** News dates are from 1990 to 2100; a day must exist in its month (no 2026-02-30, which Date would roll over). */
const valid = (y: number, mo: number, d: number, h = 0, mi = 0, s = 0) =>
  y >= 1990 && y <= 2100 && mo >= 1 && mo <= 12 && d >= 1 && d <= daysIn(y, mo) && h <= 23 && mi <= 59 && s <= 60;

/**
 * Reads a date or date-time and returns it in KST, or null when it is not a date.
 * Date-only input stays a date (`2025-02-04`): inventing midnight would be a false precision.
 */
export function toKst(raw: string | null | undefined): string | null {
  if (!raw) return null;
  const s = raw.trim().replace(/\s+/g, ' ');
  if (!s) return null;

  let m = ISO.exec(s);
  if (m) {
    const [y, mo, d, h, mi, sec] = [m[1], m[2], m[3], m[4], m[5], m[6]].map((x) => (x === undefined ? undefined : Number(x)));
    if (!valid(y!, mo!, d!, h ?? 0, mi ?? 0, sec ?? 0)) return null;
    if (h === undefined) return `${m[1]}-${pad(mo!)}-${pad(d!)}`;
    return fromParts(y!, mo!, d!, h, mi!, sec ?? 0, m[7]);
  }

  m = DOTTED_OR_KOREAN.exec(s);
  if (m) {
    const y = Number(m[1]), mo = Number(m[2]), d = Number(m[3]);
    if (m[5] === undefined) return valid(y, mo, d) ? `${m[1]}-${pad(mo)}-${pad(d)}` : null;
    let h = Number(m[5]);
    const mi = Number(m[6] ?? 0), sec = Number(m[7] ?? 0);
    const half = (m[4] ?? m[8] ?? '').toUpperCase();
    if ((half === '오후' || half === 'PM') && h < 12) h += 12;
    if ((half === '오전' || half === 'AM') && h === 12) h = 0;
    if (!valid(y, mo, d, h, mi, sec)) return null;
    const zone = /(?:\b(?:UTC|GMT)\b|Z$)/i.test(s) ? 'Z' : /([+-]\d{2}:?\d{2})$/.exec(s)?.[1];
    return fromParts(y, mo, d, h, mi, sec, zone);
  }

  // Anything else Date can read (RFC 2822 "Tue, 04 Feb 2025 05:40:00 GMT", "February 4, 2025 9:40 AM EST").
  if (/[a-z]{3}/i.test(s) && /\d{4}/.test(s)) {
    const ms = Date.parse(s.replace(/\b(EST|EDT|CST|CDT|PST|PDT|KST)\b/, (z) => ZONES[z] ?? z));
    if (!Number.isNaN(ms)) return /\d{1,2}:\d{2}/.test(s) ? formatKst(ms) : formatKst(ms).slice(0, 10);
  }
  return null;
}

/** Why a text written as a date is not one (2026-02-30, 1850-01-01, 2025.13.01 25:00), or null when it is a
 *  real date or not written as a date at all: the caller says so in a message instead of dropping it. */
export function dateProblem(raw: string | null | undefined): string | null {
  if (!raw || toKst(raw)) return null;
  const s = raw.trim().replace(/\s+/g, ' ');
  if (!ISO.test(s) && !DOTTED_OR_KOREAN.test(s)) return null;
  if (/^000[01]\D/.test(s)) return null; // 0001-01-01, 0000-00-00: a CMS's "no date", not a claim about one
  return `"${s.slice(0, 40)}" is written as a date but is not one (year 1990-2100, a day its month has, a real time of day); left out`;
}

/** toKst, adding to `rejected` why a value written as a date is not one (for a message). */
export function toKstNoting(raw: string | null | undefined, rejected: string[]): string | null {
  const v = toKst(raw);
  const problem = v ? null : dateProblem(raw);
  if (problem) rejected.push(problem);
  return v;
}

const ZONES: Record<string, string> = {
  EST: '-0500', EDT: '-0400', CST: '-0600', CDT: '-0500', PST: '-0800', PDT: '-0700', KST: '+0900',
};

function fromParts(y: number, mo: number, d: number, h: number, mi: number, sec: number, zone?: string): string {
  const wall = Date.UTC(y, mo - 1, d, h, mi, sec);
  if (!zone) return formatKst(wall - KST_MS); // no zone: the page's local time, which for these outlets is KST
  if (/^z$/i.test(zone)) return formatKst(wall);
  const zm = /^([+-])(\d{2}):?(\d{2})$/.exec(zone)!;
  const offset = (zm[1] === '-' ? -1 : 1) * (Number(zm[2]) * 60 + Number(zm[3])) * 60000;
  return formatKst(wall - offset);
}
