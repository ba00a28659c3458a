// Date mentions resolved to Gregorian day ranges: explicit dates in both Arabic month systems and
// English, Hijri dates and months, years, parts of periods (أواخر عام 2014), and expressions
// relative to the publication day (أمس، الأربعاء، الشهر الماضي) or to the previous date
// (بعدها بأربعة أشهر). Past bias throughout: news reports what has happened.
import { addDays, monthRange, weekday, yearRange } from '../core/dates.js';
import type { DateMention, DayRange, Token } from '../core/types.js';
import { type DateLexicon, dateLexicon, isTrigger, matchPhrase } from './date-lexicon.js';
import { type Part, hijriMonthFor, hijriYearFor, isValidDay, isoDay, lastWeekday, partOf, period, shiftBy, validPublished, yearFor, ymd } from './date-resolve.js';
import { fromHijri, hijriMonthRange, hijriYearRange } from './hijri.js';
import { core, lexWord, phraseAt } from './number-lexicon.js';
import { parseNumberAt } from './numbers.js';
import { afterProclitics } from './tokenize.js';

type Precision = DateMention['precision'];
interface Found {
  first: number;
  end: number;
  value: DayRange;
  precision: Precision;
  relative: boolean;
  calendar: 'gregorian' | 'hijri';
}

interface Scan {
  text: string;
  tokens: Token[];
  pub: string | null;
  lang: string;
  lex: DateLexicon;
  found: Found[];
}

const isSlash = (t: Token | undefined) => t !== undefined && (t.text === '/' || t.text === '(' || t.text === '-' || t.text === '،');

function digits(t: Token | undefined, min: number, max: number): number | null {
  if (!t || t.kind !== 'number' || !/^\d+$/.test(t.base)) return null;
  const v = +t.base;
  return v >= min && v <= max ? v : null;
}

/** Find the date mentions in `tokens` of `text`, resolved against `published` (YYYY-MM-DD or null). */
export function findDates(text: string, tokens: Token[], published: string | null, lang: string): DateMention[] {
  const s: Scan = { text, tokens, pub: validPublished(published), lang, lex: dateLexicon(lang), found: [] };
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    if (t.kind === 'punct' || t.kind === 'other') continue;
    // most words cannot begin a date: one Set look-up spares them the matchers
    if (t.kind === 'word' && !isTrigger(s.lex, t.base) && !isTrigger(s.lex, t.norm) && (t.prefixes.length < 2 || !isTrigger(s.lex, core(t)))) continue;
    const f = numericDate(s, i) ?? explicitDate(s, i) ?? yearMention(s, i) ?? relativeDay(s, i) ?? weekdayMention(s, i) ??
      periodMention(s, i) ?? agoMention(s, i) ?? chainMention(s, i);
    if (!f) continue;
    s.found.push(withPart(s, f));
    i = f.end - 1;
  }
  return s.found.map((f) => {
    const start = lang === 'ar' ? afterProclitics(text, tokens[f.first]) : tokens[f.first].start;
    const end = tokens[f.end - 1].end;
    return { start, end, text: text.slice(start, end), value: f.value, precision: f.precision, relative: f.relative, calendar: f.calendar };
  });
}

/** أواخر عام 2014، late 2014, mid-2015: a part word just before a month or year narrows it. */
function withPart(s: Scan, f: Found): Found {
  if (f.precision !== 'month' && f.precision !== 'year') return f;
  let k = f.first - 1;
  if (s.lang === 'en' && s.tokens[k]?.text === '-') k--;
  if (s.lang === 'en' && s.tokens[k]?.norm === 'of' && s.tokens[k - 1]?.norm === 'the') k -= 2; // the end of 2014
  const pt = s.tokens[k];
  const part: Part | undefined = pt ? s.lex.parts.get(lexWord(pt, s.lang)) : undefined;
  if (!part) return f;
  return { ...f, first: k, value: partOf(f.value, f.precision, part), precision: 'range' };
}

/** 22/3/2017, 2017-03-22, 22-03-2017 (day first, as Arabic and British news write it). */
function numericDate(s: Scan, i: number): Found | null {
  const { tokens } = s;
  const a = digits(tokens[i], 1, 9999);
  if (a === null) return null;
  const sep = tokens[i + 1];
  if (!sep || (sep.text !== '/' && sep.text !== '-' && sep.text !== '.') || sep.start !== tokens[i].end) return null;
  const b = digits(tokens[i + 2], 1, 12);
  const sep2 = tokens[i + 3];
  const c = digits(tokens[i + 4], 1, 9999);
  if (b === null || c === null || !sep2 || sep2.text !== sep.text || sep2.start !== tokens[i + 2].end || tokens[i + 4].start !== sep2.end) return null;
  let y = c, m = b, d = a;
  if (a > 999) { y = a; d = c; }
  if (s.lang === 'en' && a <= 12 && a < 1000 && sep.text === '/') { m = a; d = b; } // US style 3/22/2017
  if (!isValidDay(y, m, d)) return null;
  const day = isoDay(y, m, d);
  return { first: i, end: i + 5, value: { start: day, end: day }, precision: 'day', relative: false, calendar: 'gregorian' };
}

/** [day] month [/ other-system month] [year | الماضي | من العام الماضي], Gregorian or Hijri. */
function explicitDate(s: Scan, i: number): Found | null {
  const { tokens, lex } = s;
  if (!tokens[i]) return null;
  let first = i;
  let k = i;
  let day: number | null = null;
  const d = digits(tokens[i], 1, 31);
  if (d !== null) {
    day = d;
    k = i + 1;
    if (tokens[k] && lex.dayPreposition.has(tokens[k].norm)) k++; // 22 من مارس، 22nd of March
  } else if (s.lang === 'ar' && lex.monthWord.has(core(tokens[i])) && tokens[i].prefixes.every((p) => p !== 'ال')) {
    k = i + 1; // شهر رمضان
  }
  let hijri = false;
  let mm = matchPhrase(tokens, k, lex.months);
  if (!mm) { mm = matchPhrase(tokens, k, lex.hijriMonths); hijri = mm !== null; }
  if (!mm) return null;
  if (s.lang === 'en' && !isCapitalised(tokens[k])) return null;
  const month = mm.value;
  let end = mm.end;
  // نوفمبر/ تشرين الثاني، November (Teshrin al-Thani): the same month in the other system
  if (isSlash(tokens[end])) {
    const pair = matchPhrase(tokens, end + 1, lex.months);
    if (pair && pair.value === month) end = pair.end + (tokens[pair.end]?.text === ')' ? 1 : 0);
  }
  // English "March 22", "March 22, 2017"
  if (day === null && s.lang === 'en') {
    const d2 = digits(tokens[end], 1, 31);
    if (d2 !== null && tokens[end + 1]?.norm !== ':') { day = d2; end++; }
  }
  if (tokens[end]?.text === ',' && digits(tokens[end + 1], 1000, 2999) !== null) end++;
  let year: number | null = null;
  let shift: number | null = null;
  let e = end;
  if (tokens[e] && s.lex.yearWords.has(core(tokens[e])) && digits(tokens[e + 1], 1000, 2999) !== null) e++;
  const y = digits(tokens[e], hijri ? 1300 : 1000, hijri ? 1600 : 2999);
  if (y !== null) {
    year = y; end = e + 1;
    if (tokens[end] && (lex.hijriMarkers.has(tokens[end].norm) || lex.gregorianMarkers.has(tokens[end].norm))) end++;
  } else {
    const sh = tokens[end] ? lex.shifts.get(tokens[end].norm) : undefined;
    if (sh !== undefined && (s.lang === 'ar' || tokens[end].norm !== 'this')) { shift = sh; end++; }
    else {
      // من العام الماضي / of last year
      const p = tokens[end] && lex.dayPreposition.has(tokens[end].norm) ? end + 1 : end;
      const per = tokens[p] ? lex.periods.get(tokens[p].norm) : undefined;
      const sh2 = tokens[p + 1] ? lex.shifts.get(tokens[p + 1].norm) : undefined;
      if (per === 'year' && sh2 !== undefined && s.pub && !hijri) { year = ymd(s.pub)[0] + sh2; end = p + 2; }
    }
  }
  // words that are also ordinary words need a date-like neighbour
  if (day === null && year === null && shift === null && first === k && lex.needsContext.has(mm.first)) {
    const prev = tokens[k - 1];
    if (!prev || !(lex.contextBefore.has(core(prev)) || lex.monthWord.has(core(prev)))) return null;
  }
  if (first === k && k > i) first = i;
  if (hijri) return hijriDate(s, first, end, month, day, year, shift);
  const inferred = year === null;
  if (year === null) {
    if (!s.pub) return null;
    year = yearFor(s.pub, month, day, shift);
  }
  if (day !== null) {
    if (!isValidDay(year, month, day)) return null;
    const iso = isoDay(year, month, day);
    return { first, end, value: { start: iso, end: iso }, precision: 'day', relative: inferred, calendar: 'gregorian' };
  }
  return { first, end, value: monthRange(year, month), precision: 'month', relative: inferred, calendar: 'gregorian' };
}

function hijriDate(s: Scan, first: number, end: number, month: number, day: number | null, year: number | null, shift: number | null): Found | null {
  if (year === null && !s.pub) return null;
  if (day !== null) {
    const y = year ?? hijriYearFor(s.pub as string, month, day);
    const iso = fromHijri(y, month, day);
    return { first, end, value: { start: iso, end: iso }, precision: 'day', relative: year === null, calendar: 'hijri' };
  }
  const value = year !== null ? hijriMonthRange(year, month) : hijriMonthFor(s.pub as string, month, shift);
  return { first, end, value, precision: 'month', relative: year === null, calendar: 'hijri' };
}

/** عام 2015، في 2015، 1441هـ، in 2015 */
function yearMention(s: Scan, i: number): Found | null {
  const { tokens, lex } = s;
  const t = tokens[i];
  let k = i;
  const isYearWord = lex.yearWords.has(core(t));
  if (isYearWord) k = i + 1;
  const y = digits(tokens[k], 1000, 2999);
  if (y === null) return null;
  const marker = tokens[k + 1];
  const hijriMark = marker !== undefined && lex.hijriMarkers.has(marker.norm) && (marker.start - tokens[k].end <= 1);
  const gregMark = marker !== undefined && lex.gregorianMarkers.has(marker.norm) && marker.start === tokens[k].end;
  if (hijriMark && y >= 1300 && y <= 1600) return { first: i, end: k + 2, value: hijriYearRange(y), precision: 'year', relative: false, calendar: 'hijri' };
  if (y < 1900 || y > 2100) return null;
  const prev = tokens[i - 1];
  const prevOk = prev !== undefined && (lex.yearPrepositions.has(core(prev)) || lex.parts.has(prev.base) || (s.lang === 'en' && prev.text === '-' && lex.parts.has(tokens[i - 2]?.norm ?? '')));
  if (!isYearWord && !gregMark && !prevOk) return null;
  if (tokens[k + 1] && (tokens[k + 1].text === '/' || tokens[k + 1].text === '-') && tokens[k + 1].start === tokens[k].end) return null;
  return { first: i, end: gregMark ? k + 2 : k + 1, value: yearRange(y), precision: 'year', relative: false, calendar: 'gregorian' };
}

/** أمس، أمس الأول، اليوم، غدا (optionally followed by the weekday: أمس الثلاثاء، اليوم الجمعة). */
function relativeDay(s: Scan, i: number): Found | null {
  const { tokens, lex } = s;
  const m = matchPhrase(tokens, i, lex.relativeDays);
  if (!m || !s.pub) return null;
  if (s.lang === 'en' && m.first === 'today' && tokens[i + 1]?.text === "'s") return null;
  let end = m.end;
  const next = tokens[end];
  const wd = next ? weekdayOf(s, next) : null;
  if (wd === null && next && lex.todayBlockers.has(next.norm)) return null; // اليوم التالي = the next day
  let day = addDays(s.pub, m.value);
  if (wd !== null) {
    // أمس الثلاثاء: trust the pair when it agrees, else the weekday (the newsroom's "yesterday" may lag)
    end++;
    if (weekday(day) !== wd) day = lastWeekday(s.pub, wd);
  }
  return { first: i, end, value: { start: day, end: day }, precision: 'day', relative: true, calendar: 'gregorian' };
}

function weekdayOf(s: Scan, t: Token): number | null {
  if (s.lang === 'ar') {
    if (!t.prefixes.includes('ال')) return null;
    return s.lex.weekdays.get('ال' + t.base) ?? null;
  }
  if (!isCapitalised(t)) return null;
  return s.lex.weekdays.get(t.norm) ?? null;
}

/** الأربعاء / on Wednesday: the latest such day on or before publication, unless a date follows. */
function weekdayMention(s: Scan, i: number): Found | null {
  const wd = weekdayOf(s, s.tokens[i]);
  if (wd === null) return null;
  // صلاة الجمعة, خطبة الجمعة: a prayer, not a day
  const prev = s.tokens[i - 1];
  if (prev && s.lex.weekdayBlockers.has(s.lang === 'ar' ? core(prev) : prev.norm)) return null;
  let j = i + 1;
  if (s.tokens[j]?.text === ',' || s.tokens[j]?.text === '،') j++;
  const explicit = explicitDate(s, j);
  if (explicit && explicit.precision === 'day') return { ...explicit, first: i };
  if (!s.pub) return null;
  const day = lastWeekday(s.pub, wd);
  return { first: i, end: i + 1, value: { start: day, end: day }, precision: 'day', relative: true, calendar: 'gregorian' };
}

/** الشهر الماضي، العام الجاري، هذا الأسبوع، last month, this year, next week. */
function periodMention(s: Scan, i: number): Found | null {
  const { tokens, lex } = s;
  if (!s.pub) return null;
  let unit: 'week' | 'month' | 'year' | undefined;
  let shift: number | undefined;
  let end = i + 1;
  const t = tokens[i];
  if (s.lang === 'ar') {
    if (lex.this.has(t.base) && tokens[i + 1]) { unit = lex.periods.get(core(tokens[i + 1])); shift = 0; end = i + 2; }
    else { unit = lex.periods.get(core(t)); shift = tokens[i + 1] ? lex.shifts.get(tokens[i + 1].norm) : undefined; end = i + 2; }
  } else {
    shift = lex.shifts.get(t.norm);
    unit = tokens[i + 1] ? lex.periods.get(tokens[i + 1].norm) : undefined;
    end = i + 2;
  }
  if (unit === undefined || shift === undefined) return null;
  const p = period(s.pub, unit, shift);
  return { first: i, end, value: p.value, precision: p.precision, relative: true, calendar: 'gregorian' };
}

/** A count of units: أربعة أشهر، شهرين، عام، four months, a week. Returns [n, unit, end]. */
function countUnit(s: Scan, i: number): [number, string, number] | null {
  const { tokens, lex } = s;
  const t = tokens[i];
  if (!t) return null;
  const w = lexWord(t, s.lang);
  const dual = lex.dualUnits.get(w);
  if (dual) return [2, dual, i + 1];
  // قبل عام = one year ago; منذ العام (الماضي) and قبل أيام are not counts
  if (lex.singleUnits.has(w) && t.prefixes.length === 0) return [1, lex.units.get(w) as string, i + 1];
  if (s.lang === 'en' && (t.norm === 'a' || t.norm === 'an') && tokens[i + 1] && lex.units.has(tokens[i + 1].norm)) return [1, lex.units.get(tokens[i + 1].norm) as string, i + 2];
  const n = parseNumberAt(tokens, i, s.lang);
  if (!n || !tokens[n.end]) return null;
  const u = lex.units.get(lexWord(tokens[n.end], s.lang));
  if (!u) return null;
  return [n.value, u, n.end + 1];
}

/** قبل ثلاثة أيام، منذ عامين، three days ago. */
function agoMention(s: Scan, i: number): Found | null {
  const { tokens, lex } = s;
  if (!s.pub) return null;
  if (s.lang === 'ar') {
    if (!lex.ago.has(core(tokens[i]))) return null;
    const c = countUnit(s, i + 1);
    if (!c || digits(tokens[c[2]], 1000, 2999) !== null) return null; // منذ عام 2014 is a year
    const r = shiftBy(s.pub, -c[0], c[1] as never);
    return { first: i, end: c[2], value: r.value, precision: r.precision, relative: true, calendar: 'gregorian' };
  }
  const c = countUnit(s, i);
  if (!c || !tokens[c[2]] || !lex.ago.has(tokens[c[2]].norm)) return null;
  const r = shiftBy(s.pub, -c[0], c[1] as never);
  return { first: i, end: c[2] + 1, value: r.value, precision: r.precision, relative: true, calendar: 'gregorian' };
}

/** بعدها بأربعة أشهر، four months later: counted from the previous date mention. */
function chainMention(s: Scan, i: number): Found | null {
  const { tokens, lex } = s;
  const prev = s.found[s.found.length - 1];
  if (!prev) return null;
  let sign = 0, end = -1, c: [number, string, number] | null = null;
  if (s.lang === 'ar') {
    for (const [phrases, sg] of [[lex.chainAfter, 1], [lex.chainBefore, -1]] as const) {
      for (const p of phrases) {
        const e = phraseAt(tokens, i, p);
        if (e < 0) continue;
        c = countUnit(s, e);
        if (c && tokens[e].prefixes[0] === 'ب') { sign = sg; end = c[2]; break; }
        c = null;
      }
      if (c) break;
    }
  } else {
    c = countUnit(s, i);
    if (c && tokens[c[2]]) {
      const w = tokens[c[2]].norm;
      if (lex.chainAfter.some((p) => p[0] === w) && w !== 'after') sign = 1;
      else if (lex.chainBefore.some((p) => p[0] === w) && w !== 'before') sign = -1;
      end = c[2] + 1;
    }
  }
  if (!c || sign === 0) return null;
  const r = shiftBy(prev.value.start, sign * c[0], c[1] as never);
  return { first: i, end, value: r.value, precision: r.precision, relative: true, calendar: 'gregorian' };
}

function isCapitalised(t: Token): boolean {
  const c = t.text.charCodeAt(0);
  return c >= 65 && c <= 90;
}
