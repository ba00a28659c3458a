// Scan the shared corpora for articles that may report attacks or terrorism statements, to help
// pick articles for the event dev set (eval/events-dev). Prints one line per candidate:
//   <corpus>  <file>  <id-or-url>  <score>  <hits>  <title>
//
// Usage:
//   node --import tsx scripts/find-candidates.ts [--corpus ar-saudinewsnet|en-news-bbc2025|all]
//        [--min 2] [--limit 200] [--grep WORD] [--file 2015-08-06.json.gz] [--root ../shared/data/corpus]
//
// --grep restricts to articles whose title or text contains WORD (plain substring).
// Nothing is written; article texts stay in the shared folder.
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { join, resolve } from 'node:path';

interface Cand { corpus: string; file: string; id: string; title: string; score: number; hits: string[] }

const AR_KEYWORDS: Record<string, number> = {
  'تفجير': 2, 'انتحاري': 3, 'انتحارية': 3, 'هجوم': 1, 'هجوما': 1, 'مقتل': 1, 'قتلى': 1, 'داعش': 2,
  'الدولة الإسلامية': 2, 'القاعدة': 1, 'اعتقال': 1, 'القبض على': 1, 'إحباط': 2, 'عبوة ناسفة': 3,
  'سيارة مفخخة': 3, 'حزام ناسف': 3, 'مسلحون': 2, 'مسلحين': 1, 'تبنى': 2, 'أعلن مسؤوليته': 3,
  'مسؤوليته عن': 2, 'اختطاف': 2, 'رهائن': 2, 'اغتيال': 2, 'قذائف': 1, 'هاون': 2, 'إرهابي': 1,
  'خلية': 1, 'بوكو حرام': 3, 'الشباب': 1, 'طالبان': 2, 'حزب العمال الكردستاني': 2, 'الحوثي': 1,
  'ولاية سيناء': 3, 'أنصار بيت المقدس': 3, 'تحذير': 1, 'تحريض': 2,
};
const EN_KEYWORDS: Record<string, number> = {
  'suicide bomb': 3, 'bomb': 1, 'blast': 1, 'explosion': 1, 'gunman': 2, 'gunmen': 2, 'militant': 1,
  'terror': 1, 'jihad': 2, 'islamic state': 2, 'al-qaeda': 2, 'al-shabab': 3, 'boko haram': 3,
  'claimed responsibility': 3, 'stabbing': 2, 'hostage': 2, 'kidnap': 2, 'attack': 1, 'killed': 1,
  'arrested': 1, 'plot': 1, 'car ramming': 3, 'rammed': 2,
};

function args() {
  const a = process.argv.slice(2);
  const get = (k: string, d: string) => { const i = a.indexOf(k); return i >= 0 && a[i + 1] ? a[i + 1] : d; };
  return {
    corpus: get('--corpus', 'all'), min: Number(get('--min', '3')), limit: Number(get('--limit', '200')),
    grep: get('--grep', ''), file: get('--file', ''),
    root: resolve(get('--root', existsSync('../shared/data/corpus') ? '../shared/data/corpus' : '/work/shared/data/corpus')),
  };
}

function score(text: string, kw: Record<string, number>): [number, string[]] {
  let s = 0; const hits: string[] = [];
  const low = text.toLowerCase();
  for (const [k, w] of Object.entries(kw)) {
    let n = 0, i = low.indexOf(k);
    while (i >= 0 && n < 5) { n++; i = low.indexOf(k, i + k.length); }
    if (n) { s += w * Math.min(n, 3); hits.push(n > 1 ? `${k}×${n}` : k); }
  }
  return [s, hits];
}

function* saudi(root: string, only: string) {
  const dir = join(root, 'ar-saudinewsnet');
  for (const f of readdirSync(dir).filter((x) => x.endsWith('.json.gz')).sort()) {
    if (only && f !== only) continue;
    const arr = JSON.parse(gunzipSync(readFileSync(join(dir, f))).toString('utf8')) as Array<Record<string, string>>;
    for (const r of arr) yield { corpus: 'ar-saudinewsnet', file: f, id: r.url, title: r.title ?? '', text: r.content ?? '', kw: AR_KEYWORDS };
  }
}

function* bbc(root: string) {
  const f = 'bbc-news-2025.jsonl.gz';
  const lines = gunzipSync(readFileSync(join(root, 'en-news-bbc2025', f))).toString('utf8').split('\n');
  for (const l of lines) {
    if (!l.trim()) continue;
    const r = JSON.parse(l) as Record<string, string>;
    yield { corpus: 'en-news-bbc2025', file: f, id: r.id, title: r.title ?? '', text: r.text ?? '', kw: EN_KEYWORDS };
  }
}

function main() {
  const o = args();
  const out: Cand[] = [];
  const seen = new Set<string>();
  const sources = [] as Array<Generator<{ corpus: string; file: string; id: string; title: string; text: string; kw: Record<string, number> }>>;
  if (o.corpus === 'all' || o.corpus === 'ar-saudinewsnet') sources.push(saudi(o.root, o.file));
  if (o.corpus === 'all' || o.corpus === 'en-news-bbc2025') sources.push(bbc(o.root));
  for (const src of sources) {
    for (const r of src) {
      if (seen.has(r.id)) continue; seen.add(r.id);
      if (o.grep && !r.title.includes(o.grep) && !r.text.includes(o.grep)) continue;
      // title words count double: headlines say what the article is about
      const [st, ht] = score(r.title, r.kw);
      const [sb, hb] = score(r.text.slice(0, 1500), r.kw);
      const s = 2 * st + sb;
      if (s >= o.min) out.push({ corpus: r.corpus, file: r.file, id: r.id, title: r.title.replace(/\s+/g, ' ').trim(), score: s, hits: [...new Set([...ht, ...hb])] });
    }
  }
  out.sort((a, b) => b.score - a.score);
  for (const c of out.slice(0, o.limit)) console.log([c.corpus, c.file, c.id, c.score, c.hits.join(','), c.title].join('\t'));
  console.error(`${out.length} candidates (showing ${Math.min(out.length, o.limit)})`);
}

main();
