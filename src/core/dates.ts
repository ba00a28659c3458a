// Calendar-day helpers on ISO YYYY-MM-DD strings (UTC, no time zones: news dates are days).

const ISO = /^(\d{4})-(\d{2})-(\d{2})$/;

export function isIsoDay(s: string): boolean {
  const m = ISO.exec(s);
  if (!m) return false;
  const d = new Date(Date.UTC(+m[1], +m[2] - 1, +m[3]));
  return d.getUTCFullYear() === +m[1] && d.getUTCMonth() === +m[2] - 1 && d.getUTCDate() === +m[3];
}

export function toDay(d: Date): string {
  return d.toISOString().slice(0, 10);
}

export function parseDay(s: string): Date {
  const m = ISO.exec(s);
  if (!m) throw new Error(`not an ISO day: ${s}`);
  return new Date(Date.UTC(+m[1], +m[2] - 1, +m[3]));
}

export function addDays(day: string, n: number): string {
  const d = parseDay(day);
  d.setUTCDate(d.getUTCDate() + n);
  return toDay(d);
}

export function dayDiff(a: string, b: string): number {
  return Math.round((parseDay(b).getTime() - parseDay(a).getTime()) / 86_400_000);
}

/** 0 = Sunday … 6 = Saturday */
export function weekday(day: string): number {
  return parseDay(day).getUTCDay();
}

export function monthRange(year: number, month1: number): { start: string; end: string } {
  const start = toDay(new Date(Date.UTC(year, month1 - 1, 1)));
  const end = toDay(new Date(Date.UTC(year, month1, 0)));
  return { start, end };
}

export function yearRange(year: number): { start: string; end: string } {
  return { start: `${String(year).padStart(4, '0')}-01-01`, end: `${String(year).padStart(4, '0')}-12-31` };
}
