// Scoring exactly as docs/event-gold-format.md says: a predicted reported attack matches a gold
// attack when the country is equal and the dates are within one day (or either is null); each
// gold attack matches at most one prediction. Field accuracy is measured on matched pairs.
import { dayDiff } from '../core/dates.js';
import type { Analysis, MarsadEvent } from '../core/types.js';
import { normalizeWord } from '../lang/ar/normalize.js';
import type { GoldArticle, GoldAttack } from './events-gold.js';

export interface FieldTally {
  right: number;
  total: number;
}

export interface ArticleResult {
  id: string;
  category: string;
  gold: number;
  predicted: number;
  matched: number;
  fields: Record<Field, boolean | null>[];
  statementsFound: string[];
  statementsMissed: string[];
  falseAttack: boolean;
  ms: number;
}

export type Field = 'date' | 'killed' | 'injured' | 'type' | 'group' | 'place';
export const FIELDS: Field[] = ['date', 'killed', 'injured', 'type', 'group', 'place'];

function dateGap(p: MarsadEvent, g: GoldAttack): number {
  if (!p.date || !g.date) return 0;
  if (g.date >= p.date.start && g.date <= p.date.end) return 0;
  return Math.min(Math.abs(dayDiff(g.date, p.date.start)), Math.abs(dayDiff(g.date, p.date.end)));
}

const slug = (s: string) => s.toLowerCase().replace(/[^a-z0-9]+/g, '');

function groupRight(p: MarsadEvent, g: GoldAttack, a: Analysis): boolean {
  if (!g.perpetrator_org) return p.organization === null;
  if (!p.organization) return false;
  const e = a.entities.find((x) => x.id === p.organization);
  const names = [p.organization.replace(/^org:/, ''), e?.name ?? '', ...(e?.aliases ?? [])].map(slug);
  const want = slug(g.perpetrator_org);
  return names.some((n) => n === want || (n.length > 2 && (n.includes(want) || want.includes(n))));
}

const placeKey = (s: string) => normalizeWord(s).toLowerCase().replace(/^(ال|al-|the )/, '').trim();

function placeRight(p: MarsadEvent, g: GoldAttack): boolean | null {
  if (!g.place) return null;
  if (!p.location) return false;
  const want = placeKey(g.place);
  return [p.location.name, p.location.nameAr ?? ''].filter(Boolean).map(placeKey).some((n) => n === want || want.includes(n) || n.includes(want));
}

export function scoreArticle(g: GoldArticle, a: Analysis, ms: number): ArticleResult {
  const preds = a.events.filter((e) => e.type === 'attack' && e.reported);
  const used = new Set<MarsadEvent>();
  const fields: ArticleResult['fields'] = [];
  for (const ga of g.attacks) {
    let best: MarsadEvent | null = null;
    for (const p of preds) {
      if (used.has(p) || p.location?.country !== ga.country || dateGap(p, ga) > 1) continue;
      if (!best || dateGap(p, ga) < dateGap(best, ga)) best = p;
    }
    if (!best) continue;
    used.add(best);
    fields.push({
      date: ga.date ? best.date?.start === ga.date && best.date?.end === ga.date : best.date === null,
      killed: best.killed === ga.killed,
      injured: best.injured === ga.injured,
      type: ga.types.length === 0 || (best.attackTypes ?? []).some((t) => ga.types.includes(t)),
      group: groupRight(best, ga, a),
      place: placeRight(best, ga),
    });
  }
  const kinds = new Set(a.events.map((e) => e.type as string));
  const wanted = g.statements.map((s) => s.kind);
  return {
    id: g.id,
    category: g.category,
    gold: g.attacks.length,
    predicted: preds.length,
    matched: used.size,
    fields,
    statementsFound: wanted.filter((k) => kinds.has(k)),
    statementsMissed: wanted.filter((k) => !kinds.has(k)),
    falseAttack: g.category === 'negative' && preds.length > 0,
    ms,
  };
}

export interface Summary {
  articles: number;
  attacks: { gold: number; predicted: number; matched: number; precision: number; recall: number; f1: number };
  fields: Record<Field, FieldTally & { share: number }>;
  statements: { gold: number; found: number; share: number };
  negatives: { total: number; withFalseAttack: number; clean: number; share: number };
}

const ratio = (a: number, b: number) => (b === 0 ? 0 : a / b);

export function summarize(results: ArticleResult[]): Summary {
  const gold = results.reduce((s, r) => s + r.gold, 0);
  const predicted = results.reduce((s, r) => s + r.predicted, 0);
  const matched = results.reduce((s, r) => s + r.matched, 0);
  const precision = ratio(matched, predicted);
  const recall = ratio(matched, gold);
  const fields = {} as Summary['fields'];
  for (const f of FIELDS) {
    const vals = results.flatMap((r) => r.fields.map((x) => x[f])).filter((v): v is boolean => v !== null);
    const right = vals.filter(Boolean).length;
    fields[f] = { right, total: vals.length, share: ratio(right, vals.length) };
  }
  const sGold = results.reduce((s, r) => s + r.statementsFound.length + r.statementsMissed.length, 0);
  const sFound = results.reduce((s, r) => s + r.statementsFound.length, 0);
  const negs = results.filter((r) => r.category === 'negative');
  const bad = negs.filter((r) => r.falseAttack).length;
  return {
    articles: results.length,
    attacks: { gold, predicted, matched, precision, recall, f1: ratio(2 * precision * recall, precision + recall) },
    fields,
    statements: { gold: sGold, found: sFound, share: ratio(sFound, sGold) },
    negatives: { total: negs.length, withFalseAttack: bad, clean: negs.length - bad, share: ratio(negs.length - bad, negs.length) },
  };
}
