// Publication dates as day numbers, for the "far apart in time is a different event" gate.

const DATE = /^(\d{4})-(\d{2})-(\d{2})/;

/** Days since 1970-01-01 of the calendar date the document states (its own local date), or null. */
export function dayNumber(publishedAt: string | null | undefined): number | null {
  const m = publishedAt ? DATE.exec(publishedAt) : null;
  if (!m) return null;
  const ms = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  return Number.isFinite(ms) ? Math.round(ms / 86_400_000) : null;
}

/** Days between a day and a range [first, last]; 0 inside it, 0 when either is unknown. */
export function dayGap(day: number | null, first: number | null, last: number | null): number {
  if (day === null || first === null || last === null) return 0;
  return day < first ? first - day : day > last ? day - last : 0;
}
