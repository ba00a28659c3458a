// `marsad eval events --gold DIR [--corpus DIR] [--json] [--verbose] [--half odd|even] [--ids 01,02] [--diff]`: analyse every gold
// article with its publication date and print attack P/R/F1, field accuracy on matched attacks,
// statements found and false attacks on negatives.
import { resolve } from 'node:path';
import { parseOptions, writeLine, type IO } from '../cli/command.js';
import { MarsadError } from '../core/errors.js';
import { analyzeText } from '../commands/analyze.js';
import type { Analysis } from '../core/types.js';
import { readGold, type GoldArticle } from './events-gold.js';
import { FIELDS, scoreArticle, summarize, type ArticleResult, type Summary } from './events-score.js';

const pct = (x: number) => `${(100 * x).toFixed(1)}%`;

function table(results: ArticleResult[], s: Summary, verbose: boolean): string {
  const lines: string[] = [];
  if (verbose) {
    lines.push('id  category   gold pred match  fields (d k i t g p)   statements missed');
    for (const r of results) {
      const f = r.fields.map((x) => FIELDS.map((k) => (x[k] === null ? '·' : x[k] ? '✓' : '✗')).join('')).join(' ');
      lines.push(`${r.id.padEnd(3)} ${r.category.padEnd(10)} ${String(r.gold).padStart(4)} ${String(r.predicted).padStart(4)} ${String(r.matched).padStart(5)}  ${f.padEnd(20)}  ${r.statementsMissed.join(',')}${r.falseAttack ? '  FALSE ATTACK' : ''}`);
    }
    lines.push('');
  }
  const a = s.attacks;
  lines.push(`Articles: ${s.articles}`);
  lines.push('');
  lines.push('Attack detection      gold  pred  matched  precision  recall  F1');
  lines.push(`                      ${String(a.gold).padStart(4)}  ${String(a.predicted).padStart(4)}  ${String(a.matched).padStart(7)}  ${pct(a.precision).padStart(9)}  ${pct(a.recall).padStart(6)}  ${pct(a.f1)}`);
  lines.push('');
  lines.push('On matched attacks    right / total   share');
  for (const f of FIELDS) {
    const t = s.fields[f];
    lines.push(`  ${(f === 'type' ? 'type overlap' : f === 'date' ? 'exact date' : f === 'killed' || f === 'injured' ? `${f} exact` : f).padEnd(20)}${String(t.right).padStart(5)} / ${String(t.total).padEnd(5)}  ${pct(t.share)}`);
  }
  lines.push('');
  lines.push(`Statements found      ${s.statements.found} / ${s.statements.gold}   ${pct(s.statements.share)}`);
  lines.push(`Negatives clean       ${s.negatives.clean} / ${s.negatives.total}   ${pct(s.negatives.share)}  (${s.negatives.withFalseAttack} with a false attack)`);
  return lines.join('\n');
}

const attackLine = (x: { date: string | null; country: string | null; place: string | null; types: string[]; killed: number | null; injured: number | null; org: string | null }) =>
  `${x.date ?? '—'} ${x.country ?? '??'} ${x.place ?? '—'} [${x.types.join(',')}] k=${x.killed ?? '—'} i=${x.injured ?? '—'} org=${x.org ?? '—'}`;

/** Gold attacks and statements beside the predicted events, for reading errors article by article. */
function diffArticle(g: GoldArticle, a: Analysis): string {
  const lines = [`== ${g.id} (${g.category}, published ${g.published ?? '—'})`];
  for (const x of g.attacks) lines.push(`  gold  ${attackLine({ ...x, org: x.perpetrator_org })}`);
  for (const e of a.events) {
    if (e.type !== 'attack') continue;
    const d = e.date ? (e.date.start === e.date.end ? e.date.start : `${e.date.start}..${e.date.end}`) : null;
    const place = e.location ? `${e.location.nameAr ?? e.location.name}` : null;
    lines.push(`  ${e.reported ? 'pred' : 'bg  '}  ${attackLine({ date: d, country: e.location?.country ?? null, place, types: e.attackTypes ?? [], killed: e.killed, injured: e.injured, org: e.organization })}  @${e.evidence[0]?.start ?? '?'}`);
  }
  const kinds = a.events.filter((e) => e.type !== 'attack').map((e) => e.type);
  lines.push(`  statements gold [${g.statements.map((s) => s.kind).join(',')}] pred [${kinds.join(',')}]`);
  return lines.join('\n');
}

export async function runEvalEvents(args: string[], io: IO): Promise<number> {
  const { values, positionals } = parseOptions(args, {
    gold: { type: 'string' },
    corpus: { type: 'string' },
    json: { type: 'boolean', default: false },
    verbose: { type: 'boolean', short: 'v', default: false },
    half: { type: 'string' },
    ids: { type: 'string' },
    diff: { type: 'boolean', default: false },
  });
  if (positionals.length > 0) throw new MarsadError('E_USAGE', `unexpected argument "${positionals[0]}" (use --gold DIR)`);
  if (!values.gold) throw new MarsadError('E_USAGE', 'eval events needs --gold DIR (a folder of NN.json gold files)');
  const corpus = resolve(values.corpus ?? process.env.MARSAD_CORPUS ?? '../shared/data/corpus');
  if (values.half && values.half !== 'odd' && values.half !== 'even') throw new MarsadError('E_USAGE', '--half takes odd or even');
  const wanted = values.ids ? new Set(values.ids.split(',').map((s) => s.trim())) : null;
  const gold = readGold(resolve(values.gold), corpus).filter((g) => {
    if (wanted && !wanted.has(g.id)) return false;
    // a split by id parity, for checking that a change helps both halves of a dev set
    if (values.half) return (Number.parseInt(g.id, 10) % 2 === 1) === (values.half === 'odd');
    return true;
  });
  const results: ArticleResult[] = [];
  for (const g of gold) {
    const t0 = performance.now();
    const a = analyzeText({ text: g.text, published: g.published, id: g.id, lang: g.lang });
    results.push(scoreArticle(g, a, performance.now() - t0));
    if (values.diff) writeLine(io.stdout, diffArticle(g, a));
  }
  const summary = summarize(results);
  if (values.json) writeLine(io.stdout, JSON.stringify({ summary, articles: results }, null, 2));
  else writeLine(io.stdout, table(results, summary, values.verbose));
  return 0;
}
