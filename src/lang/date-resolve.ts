// Calendar arithmetic for date mentions: month and year shifts, early/mid/late parts, weekdays
// with past bias, and Hijri month instances chosen around the publication date.
import { addDays, dayDiff, monthRange, toDay, weekday, yearRange } from '../core/dates.js';
import type { DayRange } from '../core/types.js';
import { hijriMonthRange, toHijri } from './hijri.js';

export type Part = 'early' | 'mid' | 'late';
export type Unit = 'day' | 'week' | 'month' | 'year' | 'hour';

export function ymd(day: string): [number, number, number] {
  return [+day.slice(0, 4), +day.slice(5, 7), +day.slice(8, 10)];
}

export function isValidDay(y: number, m: number, d: number): boolean {
  if (m < 1 || m > 12 || d < 1 || d > 31 || y < 1000 || y > 2999) return false;
  const dt = new Date(Date.UTC(y, m - 1, d));
  return dt.getUTCMonth() === m - 1;
}

export function isoDay(y: number, m: number, d: number): string {
  return toDay(new Date(Date.UTC(y, m - 1, d)));
}

/** The latest day on or before `pub` that falls on weekday `wd` (0 = Sunday). */
export function lastWeekday(pub: string, wd: number): string {
  return addDays(pub, -((weekday(pub) - wd + 7) % 7));
}

/** Shift a month by n (−1 = previous calendar month). */
export function shiftMonth(y: number, m: number, n: number): [number, number] {
  const k = y * 12 + (m - 1) + n;
  return [Math.floor(k / 12), (k % 12) + 1];
}

/** The year of month `m` (and day `d`) seen from `pub`: past bias unless a shift says otherwise. */
export function yearFor(pub: string, m: number, d: number | null, shift: number | null): number {
  const [py, pm, pd] = ymd(pub);
  if (shift === 0) return py;
  if (shift === 1) return m > pm || (m === pm && d !== null && d > pd) ? py : py + 1;
  if (shift === -1) return m < pm ? py : py - 1;
  return m < pm || (m === pm && (d === null || d <= pd)) ? py : py - 1;
}

/** A part (early/mid/late) of a month or year range. */
export function partOf(range: DayRange, precision: 'month' | 'year', part: Part): DayRange {
  const [y, m] = ymd(range.start);
  if (precision === 'year') {
    if (part === 'early') return { start: range.start, end: monthRange(y, 4).end };
    if (part === 'mid') return { start: monthRange(y, 5).start, end: monthRange(y, 8).end };
    return { start: monthRange(y, 9).start, end: range.end };
  }
  if (part === 'early') return { start: range.start, end: isoDay(y, m, 10) };
  if (part === 'mid') return { start: isoDay(y, m, 11), end: isoDay(y, m, 20) };
  return { start: isoDay(y, m, 21), end: range.end };
}

/** Move a day by n units; the result's precision follows the unit. */
export function shiftBy(day: string, n: number, unit: Unit): { value: DayRange; precision: 'day' | 'month' | 'year' | 'range' } {
  if (unit === 'day' || unit === 'hour') {
    const d = addDays(day, unit === 'hour' ? Math.round(n / 24) : n);
    return { value: { start: d, end: d }, precision: 'day' };
  }
  if (unit === 'week') {
    const d = addDays(day, 7 * n);
    return { value: { start: d, end: d }, precision: 'day' };
  }
  const [y, m] = ymd(day);
  if (unit === 'month') {
    const [y2, m2] = shiftMonth(y, m, n);
    return { value: monthRange(y2, m2), precision: 'month' };
  }
  return { value: yearRange(y + n), precision: 'year' };
}

/** The calendar period (week/month/year) containing `pub`, shifted by n periods; weeks run Sunday–Saturday. */
export function period(pub: string, unit: 'week' | 'month' | 'year', n: number): { value: DayRange; precision: 'month' | 'year' | 'range' } {
  const [y, m] = ymd(pub);
  if (unit === 'year') return { value: yearRange(y + n), precision: 'year' };
  if (unit === 'month') {
    const [y2, m2] = shiftMonth(y, m, n);
    return { value: monthRange(y2, m2), precision: 'month' };
  }
  const sunday = addDays(pub, -weekday(pub) + 7 * n);
  return { value: { start: sunday, end: addDays(sunday, 6) }, precision: 'range' };
}

/**
 * Which instance of Hijri month `m` a text means when it gives no year: the one containing the
 * publication day; else, with no shift, the next one if it starts within 30 days (articles
 * announcing Ramadan), otherwise the latest one that has started (past bias).
 */
export function hijriMonthFor(pub: string, m: number, shift: number | null): DayRange {
  const hy = toHijri(pub).year;
  const cands = [hy - 1, hy, hy + 1].map((y) => hijriMonthRange(y, m));
  const containing = cands.find((r) => r.start <= pub && pub <= r.end);
  if (shift === -1) return [...cands].reverse().find((r) => r.end < pub) ?? cands[0];
  if (shift === 1) return cands.find((r) => r.start > pub) ?? cands[2];
  if (containing) return containing;
  if (shift === 0) return cands[1];
  const next = cands.find((r) => r.start > pub);
  if (next && dayDiff(pub, next.start) <= 30) return next;
  return [...cands].reverse().find((r) => r.start <= pub) ?? cands[0];
}

/** The Hijri year of a Hijri month/day seen from `pub`, past bias. */
export function hijriYearFor(pub: string, m: number, d: number): number {
  const h = toHijri(pub);
  return m < h.month || (m === h.month && d <= h.day) ? h.year : h.year - 1;
}

/** The publication day when it has the YYYY-MM-DD shape, else null. */
export function validPublished(p: string | null): string | null {
  return p && /^\d{4}-\d{2}-\d{2}$/.test(p) ? p : null;
}
