// The bundled demo corpus through the whole analysis path: every article (text, windows-1256,
// HTML) gives contract-valid output with exact spans, no site junk left in the text, and the
// byline's name as author; reported attacks land in the right country (gold: expected.json).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyzeBytes } from '../src/commands/analyze.js';
import { analysisSchema, spanErrors } from '../src/core/schema.js';
import type { Analysis } from '../src/core/types.js';
import { readManifest } from '../src/cli/commands/demo.js';
import { ROOT } from './cli.js';

const DIR = path.join(ROOT, 'examples/demo');
const gold = JSON.parse(readFileSync(path.join(DIR, 'expected.json'), 'utf8')).articles as Record<
  string,
  { author?: string | null; lang: string; category: string; attacks: { country: string }[] }
>;
const entries = await readManifest(DIR);
const results = new Map<string, Analysis>(
  entries.map((e) => [e.file, analyzeBytes(readFileSync(path.join(DIR, e.file)), { published: e.published ?? null, url: e.url ?? null })]),
);

describe('demo corpus', () => {
  it('has at least 30 articles in both languages', () => {
    expect(entries.length).toBeGreaterThanOrEqual(30);
    const langs = new Set([...results.values()].map((a) => a.language));
    expect(langs).toEqual(new Set(['ar', 'en']));
  });

  it.each(entries.map((e) => [e.file]))('%s: valid contract, exact spans, clean text, author, language', (file) => {
    const a = results.get(file)!;
    const parsed = analysisSchema.safeParse(a);
    expect(parsed.success, parsed.success ? '' : JSON.stringify(parsed.error.issues.slice(0, 3))).toBe(true);
    expect(spanErrors(a)).toEqual([]);
    expect(a.text).not.toMatch(/\[[a-z][\w-]*\s+[\w-]+=|ربما يعجبك|اقرأ أيضا|Read more|You may also like/i);
    const g = gold[file.replace(/\.[^.]*(\.txt|\.html)$|\.(txt|html)$/, '')] ?? Object.values(gold).find((x) => (x as { url?: string }).url === entries.find((e) => e.file === file)?.url);
    expect(g).toBeTruthy();
    expect(a.language).toBe(g!.lang);
    if (g!.author) {
      expect(a.author).toBe(g!.author);
      expect(a.entities.some((e) => e.type === 'person' && e.mentions.some((m) => m.text === g!.author))).toBe(false);
    }
  });

  it('finds most gold attacks in the right country and raises none on most negatives', () => {
    let gAttacks = 0;
    let found = 0;
    let negatives = 0;
    let cleanNegatives = 0;
    for (const e of entries) {
      const a = results.get(e.file)!;
      const g = Object.values(gold).find((x) => (x as { url?: string }).url === e.url)!;
      const predicted = a.events.filter((v) => v.type === 'attack' && v.reported).map((v) => v.location?.country ?? null);
      for (const ga of g.attacks) {
        gAttacks++;
        if (predicted.includes(ga.country)) found++;
      }
      if (g.category === 'negative') {
        negatives++;
        if (predicted.length === 0) cleanNegatives++;
      }
    }
    expect(found / gAttacks).toBeGreaterThanOrEqual(0.75);
    expect(cleanNegatives / negatives).toBeGreaterThanOrEqual(0.75);
  });
});
