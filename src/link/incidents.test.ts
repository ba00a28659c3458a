import { describe, expect, it } from 'vitest';
import { attackReports, clusterReports, comparePlaces, compareTypes, isCountryLevel, type AttackReport } from './incidents.js';
import { figureOf } from '../store/figures.js';
import { analysis, attack, PLACES, SAME_ATTACK } from './test-support/analyses.js';

const reportsOf = (as: typeof SAME_ATTACK) => as.flatMap((a, i) => attackReports(i + 1, a));
const day = (d: string) => ({ start: d, end: d });

describe('clusterReports', () => {
  it('puts three outlets (one English) reporting the same attack into one incident with three reports', () => {
    const clusters = clusterReports(reportsOf(SAME_ATTACK));
    expect(clusters.length).toBe(1);
    expect(clusters[0].reports.map((r) => r.documentId)).toEqual([1, 2, 3]);
    expect(new Set(clusters[0].reports.map((r) => r.language))).toEqual(new Set(['ar', 'en']));
    // killed: 9 is cited twice (7 once); the range says what else was reported
    expect(clusters[0].killed).toMatchObject({ value: 9, min: 7, max: 9 });
    expect(clusters[0].killed.reports.map((r) => r.documentId)).toEqual([1, 2, 3]);
    // injured: 20 and 25 once each; the tie goes to the most recent report
    expect(clusters[0].injured).toMatchObject({ value: 25, min: 20, max: 25 });
  });

  it('never founds an incident from background mentions', () => {
    const background = analysis('ar', '2024-03-15', [attack({ reported: false, date: day('2016-07-03'), location: PLACES.baghdad, attackTypes: ['bombing'] })]);
    expect(attackReports(9, background)).toEqual([]);
  });

  it.each([
    ['a different city', attack({ date: day('2024-03-14'), location: PLACES.mosul, attackTypes: ['bombing'] })],
    ['another country', attack({ date: day('2024-03-14'), location: PLACES.kabul, attackTypes: ['bombing'] })],
    ['three days later', attack({ date: day('2024-03-17'), location: PLACES.baghdad, attackTypes: ['bombing'] })],
    ['an incompatible type', attack({ date: day('2024-03-14'), location: PLACES.baghdad, attackTypes: ['kidnapping'] })],
    ['another group, nothing else shared', attack({ date: day('2024-03-15'), location: PLACES.iraq, attackTypes: [], organization: 'org:other' })],
  ])('keeps an attack in %s apart', (_name, ev) => {
    const clusters = clusterReports([...reportsOf(SAME_ATTACK), ...attackReports(10, analysis('ar', '2024-03-18', [ev]))]);
    expect(clusters.length).toBe(2);
  });

  it('joins a report that only knows the country, a day off, with a shared group', () => {
    const vague = analysis('ar', '2024-03-16', [attack({ date: day('2024-03-15'), location: PLACES.iraq, organization: 'org:isis' })]);
    const clusters = clusterReports([...reportsOf(SAME_ATTACK), ...attackReports(4, vague)]);
    expect(clusters.length).toBe(1);
    expect(clusters[0].reports.length).toBe(4);
  });

  it('places an undated attack on its publication day', () => {
    const undated = analysis('en', '2024-03-14', [attack({ location: PLACES.baghdad, attackTypes: ['bombing'] })]);
    expect(clusterReports([...reportsOf(SAME_ATTACK), ...attackReports(5, undated)]).length).toBe(1);
  });
});

describe('comparison helpers', () => {
  it.each([
    [PLACES.baghdad, { ...PLACES.baghdad, name: 'بغداد', nameAr: null }, 'same'],
    [PLACES.baghdad, PLACES.sadrCity, 'same'],
    [PLACES.baghdad, PLACES.mosul, 'different'],
    [PLACES.baghdad, PLACES.iraq, 'near'],
    [PLACES.iraq, PLACES.kabul, 'different'],
  ] as const)('%o vs %o → %s', (a, b, want) => {
    expect(comparePlaces(a, b)).toBe(want);
  });

  it('knows country-level locations in English and Arabic', () => {
    expect(isCountryLevel(PLACES.iraq)).toBe(true);
    expect(isCountryLevel({ name: 'العراق', country: 'IQ' })).toBe(true);
    expect(isCountryLevel(PLACES.baghdad)).toBe(false);
  });

  it.each([
    [['bombing'], ['bombing'], 2],
    [['bombing'], ['suicide-bombing'], 1],
    [[], ['shooting'], 1],
    [['stabbing'], ['bombing'], 0],
  ])('%j vs %j → %d', (a, b, want) => {
    expect(compareTypes(a, b)).toBe(want);
  });

  it('gives an empty figure when no report has one', () => {
    const r: AttackReport = { documentId: 1, eventIndex: 0, event: attack({ location: PLACES.baghdad }), published: null, language: 'ar' };
    expect(figureOf([r], 'killed')).toEqual({ value: null, approx: false, min: null, max: null, reports: [] });
  });
});
