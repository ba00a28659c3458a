// `marsad entity lookup NAME`: what the knowledge base knows about a name.
import { parseOptions, writeLine, type IO } from '../command.js';
import { MarsadError } from '../../core/errors.js';
import { lookup, type LookupResult } from '../../kb/lookup.js';

export const help = `Usage: marsad entity lookup NAME [--json]

Show what the knowledge base knows about a name, in Arabic or English script: places (country,
coordinates, population, best reading first), the organisation it names (aliases, designations),
the country of a nationality adjective, the canonical person id the name would get, and UN
sanctions-list matches with their score.

Options:
  --json        print the result as one JSON object
  --limit N     at most N places (default 5)

Examples:
  marsad entity lookup طرابلس
  marsad entity lookup داعش
  marsad entity lookup "أبو محمد العدناني" --json
  marsad entity lookup Daesh
`;

export async function run(args: string[], io: IO): Promise<number> {
  const { values, positionals } = parseOptions(args, { json: { type: 'boolean' }, limit: { type: 'string' } });
  const [sub, ...rest] = positionals;
  if (sub !== 'lookup') throw new MarsadError('E_USAGE', `entity needs "lookup NAME" (got ${sub ? `"${sub}"` : 'nothing'})`);
  const name = rest.join(' ').trim();
  if (!name) throw new MarsadError('E_USAGE', 'entity lookup needs a NAME');
  const limit = values.limit === undefined ? 5 : Number(values.limit);
  if (!Number.isInteger(limit) || limit < 1) throw new MarsadError('E_USAGE', `--limit must be a positive integer (got "${values.limit}")`);
  const result = lookup(name, limit);
  if (values.json) writeLine(io.stdout, JSON.stringify(result, null, 2));
  else writeLine(io.stdout, present(result));
  return 0;
}

function present(r: LookupResult): string {
  const out: string[] = [`${r.query}`];
  if (r.organization) {
    const o = r.organization;
    out.push(`  organisation  ${o.id}  ${o.name} / ${o.nameAr}  (${o.kind}${o.parent ? `, part of ${o.parent}` : ''})`);
    out.push(`    aliases     ${o.aliases.join(' · ')}`);
    for (const d of o.designations) out.push(`    designated  ${d.list} ${d.ref}${d.note ? ` (${d.note})` : ''}`);
    out.push(`    sources     ${o.sources.join('; ')}`);
  }
  for (const [i, p] of r.places.entries()) {
    const pos = p.lat !== null && p.lon !== null ? `${p.lat}, ${p.lon}` : 'no position';
    out.push(`  ${i === 0 ? 'place' : '     '}         ${p.id}  ${p.name}${p.nameAr ? ` / ${p.nameAr}` : ''}  ${p.kind}, ${p.country ?? '—'}, ${pos}, population ${p.population.toLocaleString('en')}`);
  }
  if (r.nationality) out.push(`  nationality   ${r.nationality.country} (${r.nationality.name})`);
  // a place or group name is not a person: show the person reading only when nothing else matched
  if (!r.organization && r.places.length === 0 && !r.nationality) out.push(`  as a person   ${r.person.id}  "${r.person.name}"  key ${r.person.key || '—'}`);
  if (r.sanctions.length === 0) out.push('  sanctions     no UN list match');
  for (const s of r.sanctions) out.push(`  sanctions     ${s.list} ${s.ref}  ${s.name}  score ${s.score}`);
  return out.join('\n');
}
