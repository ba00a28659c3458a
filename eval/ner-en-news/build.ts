// Turns the annotated sentences of this folder (*.txt: one sentence a line, entities written
// [TYPE words], lines starting with # are comments) into CoNLL BIO files (*.conll), tokenised by
// Marsad's own tokenizer so that the tokens are the ones the pipeline tags. Also builds the Arabic
// set eval/ner-ar-news with --lang ar (Arabic tokenisation: proclitics stay on their word, so an
// entity span must take the whole word, as in `[LOC بالموصل]`).
// Usage: node --import tsx eval/ner-en-news/build.ts [--lang en|ar] FILE.txt... (writes FILE.conll beside each)
import { readFileSync, writeFileSync } from 'node:fs';
import { tokenize } from '../../src/lang/tokenize.js';

const TYPES = new Set(['PER', 'ORG', 'LOC', 'MISC']);

export function annotatedToConll(line: string, lang = 'en'): string {
  let text = '';
  const spans: Array<{ start: number; end: number; type: string }> = [];
  const re = /\[(PER|ORG|LOC|MISC) ([^\]]+)\]|\[|\]/g;
  let last = 0;
  for (let m = re.exec(line); m; m = re.exec(line)) {
    if (!m[1] || !TYPES.has(m[1])) throw new Error(`bad markup at ${m.index}: ${line}`);
    text += line.slice(last, m.index);
    const start = text.length;
    text += m[2];
    spans.push({ start, end: text.length, type: m[1] });
    last = m.index + m[0].length;
  }
  text += line.slice(last);
  const tokens = tokenize(text, lang);
  const out: string[] = [];
  const used = new Set<number>();
  for (const t of tokens) {
    const k = spans.findIndex((s) => t.start >= s.start && t.end <= s.end);
    const crosses = spans.some((s) => t.start < s.end && t.end > s.start && !(t.start >= s.start && t.end <= s.end));
    if (crosses) throw new Error(`token "${t.text}" crosses an entity boundary: ${line}`);
    const tag = k < 0 ? 'O' : `${used.has(k) ? 'I' : 'B'}-${spans[k].type}`;
    if (k >= 0) used.add(k);
    out.push(`${t.text} ${tag}`);
  }
  if (used.size !== spans.length) throw new Error(`an entity got no token: ${line}`);
  return out.join('\n') + '\n';
}

const args = process.argv.slice(2);
let lang = 'en';
const li = args.indexOf('--lang');
if (li >= 0) {
  lang = args[li + 1];
  if (lang !== 'en' && lang !== 'ar') throw new Error(`--lang must be en or ar (got "${lang}")`);
  args.splice(li, 2);
}
for (const file of args) {
  const lines = readFileSync(file, 'utf8').split('\n').map((l) => l.trim()).filter((l) => l && !l.startsWith('#'));
  writeFileSync(file.replace(/\.txt$/, '.conll'), lines.map((l) => annotatedToConll(l, lang)).join('\n'));
  process.stderr.write(`${file}: ${lines.length} sentences\n`);
}
