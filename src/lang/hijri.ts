// Hijri (Umm al-Qura) ↔ Gregorian through Node's ICU calendar: Gregorian→Hijri is a formatter
// call, Hijri→Gregorian is found by searching near an arithmetic estimate. Month starts are cached.
import { addDays, toDay } from '../core/dates.js';
import type { DayRange } from '../core/types.js';

export interface HijriDate {
  year: number;
  month: number;
  day: number;
}

let formatter: Intl.DateTimeFormat | null = null;
const monthStarts = new Map<number, string>();

function fmt(): Intl.DateTimeFormat {
  formatter ??= new Intl.DateTimeFormat('en-u-ca-islamic-umalqura', { year: 'numeric', month: 'numeric', day: 'numeric', timeZone: 'UTC' });
  return formatter;
}

/** The Umm al-Qura date of an ISO Gregorian day. */
export function toHijri(day: string): HijriDate {
  const parts = fmt().formatToParts(new Date(day + 'T00:00:00Z'));
  let year = 0, month = 0, d = 0;
  for (const p of parts) {
    if (p.type === 'year') year = parseInt(p.value, 10);
    else if (p.type === 'month') month = parseInt(p.value, 10);
    else if (p.type === 'day') d = parseInt(p.value, 10);
  }
  return { year, month, day: d };
}

/** The Gregorian day on which Hijri month `month` of `year` begins. */
export function hijriMonthStart(year: number, month: number): string {
  const key = year * 12 + month - 1;
  const cached = monthStarts.get(key);
  if (cached) return cached;
  // mean lunation estimate from the epoch (1 Muharram 1 AH = 622-07-16), then walk to day 1
  const months = (year - 1) * 12 + (month - 1);
  const estimate = toDay(new Date(Date.UTC(622, 6, 16) + Math.round(months * 29.530588853) * 86_400_000));
  let day = estimate;
  for (let guard = 0; guard < 60; guard++) {
    const h = toHijri(day);
    const diff = (h.year * 12 + h.month - 1) - key;
    if (diff === 0) { day = addDays(day, 1 - h.day); break; }
    day = addDays(day, diff > 0 ? -Math.max(1, h.day) : 30 - h.day + 1);
  }
  monthStarts.set(key, day);
  return day;
}

/** Gregorian day of a Hijri date. */
export function fromHijri(year: number, month: number, day: number): string {
  return addDays(hijriMonthStart(year, month), day - 1);
}

/** The Gregorian days covered by a Hijri month. */
export function hijriMonthRange(year: number, month: number): DayRange {
  const next = month === 12 ? hijriMonthStart(year + 1, 1) : hijriMonthStart(year, month + 1);
  return { start: hijriMonthStart(year, month), end: addDays(next, -1) };
}

/** The Gregorian days covered by a Hijri year. */
export function hijriYearRange(year: number): DayRange {
  return { start: hijriMonthStart(year, 1), end: addDays(hijriMonthStart(year + 1, 1), -1) };
}
