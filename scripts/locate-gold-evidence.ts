// One-off and re-runnable: gold labels that point at corpus articles by `ref` must not quote
// them (the texts' licences keep them in ../shared). This replaces each `evidence` quote with a
// locator {at, words}: the character offset of the quoted words in the article text the
// evaluator builds (title, blank line, body) and how many words they span.
// Run: node --import tsx scripts/locate-gold-evidence.ts eval/events-dev [--corpus DIR]
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { CorpusReader } from '../src/eval/events-gold.js';

const dir = process.argv[2] ?? 'eval/events-dev';
const ci = process.argv.indexOf('--corpus');
const corpus = new CorpusReader(ci > 0 ? process.argv[ci + 1] : new URL('../../shared/data/corpus', import.meta.url).pathname);
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

let located = 0;
let missing = 0;
for (const f of readdirSync(dir).filter((x) => /^\d+\.json$/.test(x)).sort()) {
  const path = join(dir, f);
  const gold = JSON.parse(readFileSync(path, 'utf8'));
  if (!gold.ref) continue;
  const text = corpus.text(gold.ref);
  for (const item of [...(gold.attacks ?? []), ...(gold.statements ?? [])]) {
    if (typeof item.evidence !== 'string') continue;
    const words = item.evidence.trim().split(/\s+/);
    const m = new RegExp(words.map(escape).join('\\s+')).exec(text);
    if (m) {
      item.evidence = { at: m.index, words: words.length };
      located++;
    } else {
      console.error(`${f}: evidence not found in the article: ${words.slice(0, 3).join(' ')}…`);
      item.evidence = null;
      missing++;
    }
  }
  writeFileSync(path, JSON.stringify(gold, null, 1) + '\n');
}
console.log(`${located} evidence quotes replaced by locators, ${missing} not found`);
