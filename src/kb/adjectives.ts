// Nationality adjectives and demonyms → countries (البريطاني, المصرية, French, Britons). They are
// context for place disambiguation and for events (targetCountry), not entities of their own.
import { readFileSync } from 'node:fs';
import { fold, isArabic } from './text.js';

interface NationalityRow { ar: string[]; arExtra: string[]; en: string[] }

let memo: Map<string, string> | undefined;

/** folded form (Arabic without article/clitics; English lower-case) → ISO2 */
export function adjectiveTable(): Map<string, string> {
  if (memo) return memo;
  const data = JSON.parse(readFileSync(new URL('./data/nationalities.json', import.meta.url), 'utf8')) as Record<string, NationalityRow | string>;
  const table = new Map<string, string>();
  for (const [iso, row] of Object.entries(data)) {
    if (typeof row === 'string') continue; // _comment
    for (const m of row.ar) {
      const base = fold(m); // …ي
      // feminine (ة folds to ه), plural masculine, dual, feminine plural
      for (const f of [base, base + 'ه', base + 'ون', base + 'ين', base + 'ان', base + 'تان', base + 'تين', base + 'ات']) table.set(f, iso);
    }
    for (const x of row.arExtra) table.set(fold(x), iso);
    for (const e of row.en) table.set(e.toLowerCase(), iso);
  }
  memo = table;
  return table;
}

/** ISO2 country of a nationality adjective, or null: البريطانيين → GB, المصرية → EG, French → FR. */
export function countryOfAdjective(word: string): string | null {
  const table = adjectiveTable();
  const f = fold(word.trim());
  if (!isArabic(f)) return table.get(f.toLowerCase()) ?? null;
  // strip conjunction/preposition and article: والبريطانية, للمصريين
  for (const cand of [f, f.replace(/^(و|ف)?(ب|ك|ل)?(ال)?/, ''), f.replace(/^(و|ف)?لل/, '')]) {
    const iso = table.get(cand);
    if (iso) return iso;
  }
  return null;
}
