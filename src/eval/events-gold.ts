// Reads a gold folder in the format of docs/event-gold-format.md: NN.json with NN.txt beside it,
// or a `ref` to the text in the shared corpora (SaudiNewsNet JSON arrays, the BBC JSON Lines).
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { MarsadError } from '../core/errors.js';

export interface GoldAttack {
  date: string | null;
  country: string;
  place: string | null;
  types: string[];
  killed: number | null;
  killed_approx?: boolean;
  injured: number | null;
  injured_approx?: boolean;
  perpetrator_org: string | null;
  claimed: boolean | null;
  /** a quote, or for referenced articles a locator into the text (no corpus text in the repo) */
  evidence?: Evidence;
}

export interface GoldArticle {
  id: string;
  published: string | null;
  category: 'attack' | 'statement' | 'negative';
  lang?: string;
  attacks: GoldAttack[];
  statements: { kind: string; actor?: string; country?: string | null; evidence?: Evidence }[];
  ref?: { corpus: string; file: string; url?: string; id?: string };
  text: string;
}

export type Evidence = string | { at: number; words: number } | null;

/** Corpus files are large: each is read and parsed once per run. */
export class CorpusReader {
  private cache = new Map<string, Map<string, { title: string; body: string }>>();
  constructor(private root: string) {}

  text(ref: NonNullable<GoldArticle['ref']>): string {
    const path = join(this.root, ref.corpus, ref.file);
    let index = this.cache.get(path);
    if (!index) {
      if (!existsSync(path)) throw new MarsadError('E_NO_SUCH_FILE', `corpus file not found: ${path} (use --corpus DIR)`);
      index = new Map();
      const raw = gunzipSync(readFileSync(path)).toString('utf8');
      if (ref.corpus === 'ar-saudinewsnet') {
        for (const a of JSON.parse(raw) as { url: string; title: string; content: string }[]) index.set(a.url, { title: a.title, body: a.content });
      } else {
        for (const line of raw.split('\n')) {
          if (!line.trim()) continue;
          const a = JSON.parse(line) as { id: string; title: string; text: string };
          index.set(a.id, { title: a.title, body: a.text });
        }
      }
      this.cache.set(path, index);
    }
    const key = ref.url ?? ref.id ?? '';
    const a = index.get(key);
    if (!a) throw new MarsadError('E_NOT_FOUND', `article ${key} not found in ${path}`);
    return `${a.title}\n\n${a.body}`;
  }
}

export function readGold(dir: string, corpusRoot: string): GoldArticle[] {
  if (!existsSync(dir)) throw new MarsadError('E_NO_SUCH_FILE', `gold folder not found: ${dir}`);
  const reader = new CorpusReader(corpusRoot);
  const files = readdirSync(dir).filter((f) => /^[^.].*\.json$/.test(f)).sort();
  if (files.length === 0) throw new MarsadError('E_BAD_RECORD', `no NN.json files in ${dir}`);
  return files.map((f) => {
    let g: Omit<GoldArticle, 'text'>;
    try {
      g = JSON.parse(readFileSync(join(dir, f), 'utf8'));
    } catch (e) {
      throw new MarsadError('E_BAD_JSON', `${f}: ${(e as Error).message}`);
    }
    const txt = join(dir, f.replace(/\.json$/, '.txt'));
    let text: string;
    if (existsSync(txt)) text = readFileSync(txt, 'utf8');
    else if (g.ref) text = reader.text(g.ref);
    else throw new MarsadError('E_BAD_RECORD', `${f} has neither ${f.replace(/\.json$/, '.txt')} nor a ref`);
    return { ...g, attacks: g.attacks ?? [], statements: g.statements ?? [], text };
  });
}
