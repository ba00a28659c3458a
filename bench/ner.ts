// Tagger throughput (tokens per second on one core, i.e. this single-threaded process) and model
// load time, for `npm run bench` or on its own: `node --import tsx bench/ner.ts`.
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { resolve } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { NerModel } from '../src/model/model.js';
import { tagSentences } from '../src/model/tagger.js';
import type { ModelLang } from '../src/model/features.js';

export interface NerBench {
  lang: ModelLang;
  loadMs: number;
  tokens: number;
  tokensPerSecond: number;
  /**
   * the same text tagged once by a freshly loaded model (empty word cache, warm JIT): what a new
   * process or a stream of unseen words costs, as in the full-analysis bench
   */
  coldTokensPerSecond: number;
  /** what was tagged: real news from ../shared when present, else the built-in sample repeated */
  input: string;
}

// written for this benchmark (not taken from any corpus), used when ../shared is absent
const SAMPLE: Record<ModelLang, string> = {
  ar: 'قال المتحدث باسم وزارة الداخلية العراقية اللواء سامر الحديثي إن قوات الأمن اعتقلت ثلاثة مشتبه بهم في مدينة الموصل بعد هجوم على نقطة تفتيش أسفر عن مقتل جنديين . وأضاف أن التحقيقات جارية بالتنسيق مع الأمم المتحدة .',
  en: 'Police in Manchester said on Tuesday that two men were arrested after an attack near the Arena , and the Home Office confirmed that the investigation is led by Counter Terrorism Policing North West .',
};

function sentencesFor(lang: ModelLang): { sentences: string[][]; input: string } {
  const root = resolve(fileURLToPath(import.meta.url), '../..');
  const corpus = resolve(root, '../shared/data/corpus/ar-saudinewsnet/2015-07-21.json.gz');
  const split = (text: string) => text.match(/[\p{L}\p{M}\p{N}]+|[^\s\p{L}\p{M}\p{N}]/gu) ?? [];
  const toSentences = (tokens: string[]) => {
    const out: string[][] = [];
    for (let i = 0; i < tokens.length; i += 30) out.push(tokens.slice(i, i + 30));
    return out;
  };
  if (lang === 'ar' && existsSync(corpus)) {
    const articles = JSON.parse(gunzipSync(readFileSync(corpus)).toString('utf8')) as Array<{ content: string }>;
    const tokens = articles.slice(0, 600).flatMap((a) => split(a.content));
    return { sentences: toSentences(tokens), input: 'SaudiNewsNet 2015-07-21, first 600 articles' };
  }
  const tokens = split(SAMPLE[lang]);
  return { sentences: toSentences(Array.from({ length: 4000 }, () => tokens).flat()), input: 'built-in sample ×4000' };
}

export function benchNer(lang: ModelLang = 'ar'): NerBench {
  const t0 = performance.now();
  const model = NerModel.fromGzip(NerModel.defaultPath(lang));
  const loadMs = performance.now() - t0;
  const { sentences, input } = sentencesFor(lang);
  const cpu = (f: () => void) => {
    const c0 = process.cpuUsage();
    f();
    const c = process.cpuUsage(c0);
    return (c.user + c.system) / 1e6;
  };
  // cold: warm the JIT on a throw-away model, then a fresh model tags everything once
  tagSentences(NerModel.fromGzip(NerModel.defaultPath(lang)), sentences.slice(0, 500));
  const fresh = NerModel.fromGzip(NerModel.defaultPath(lang));
  const coldSeconds = cpu(() => tagSentences(fresh, sentences));
  // one warm-up pass so the figure is the steady state, not the JIT
  tagSentences(model, sentences.slice(0, 500));
  const tokens = sentences.reduce((n, s) => n + s.length, 0);
  // CPU time of this (single-threaded) process, best of 3: the machine may be shared, and wall
  // time would then measure the neighbours
  let seconds = Infinity;
  for (let run = 0; run < 3; run++) {
    const c0 = process.cpuUsage();
    // the full path of `marsad ner`: tagging plus the document-consistency pass
    tagSentences(model, sentences);
    const c = process.cpuUsage(c0);
    seconds = Math.min(seconds, (c.user + c.system) / 1e6);
  }
  return { lang, loadMs: Math.round(loadMs), tokens, tokensPerSecond: Math.round(tokens / seconds), coldTokensPerSecond: Math.round(tokens / coldSeconds), input };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === resolve(process.argv[1])) {
  for (const lang of ['ar', 'en'] as const) {
    const r = benchNer(lang);
    process.stdout.write(`ner ${lang}: ${r.tokensPerSecond.toLocaleString('en')} tokens/s, first pass with an empty word cache ${r.coldTokensPerSecond.toLocaleString('en')} tokens/s (${r.tokens} tokens, ${r.input}); model load ${r.loadMs} ms\n`);
  }
}
