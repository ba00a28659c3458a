import { describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { buildCorpusLists, buildPlaceLists, buildWorldLists, phraseKey } from './build-resources.js';
import { Gazetteer } from './gazetteer.js';

describe('buildCorpusLists', () => {
  it('keeps words that follow a cue often enough, as bases, and drops common words', () => {
    const dir = mkdtempSync(join(tmpdir(), 'marsad-corpus-lists-'));
    try {
      // invented sentences: زهران follows a title 3 times in 3 uses; في follows a title once in many uses
      const articles = [
        { title: 'قال الشيخ زهران في الاجتماع', content: 'وصل الشيخ زهران إلى مدينة نابلس ثم زار نادي الوحدة في الصباح' },
        { title: 'رحب الدكتور زهران بالضيوف في القاعة', content: 'في مدينة نابلس لعب نادي الوحدة في الملعب الكبير في المساء ، وقال الرئيس في كلمته' },
      ];
      writeFileSync(join(dir, '2000-01-01.json.gz'), gzipSync(JSON.stringify(articles)));
      const { lists } = buildCorpusLists(dir, 2, 0.5);
      expect(lists['corpus-per']).toEqual(['زهران']);
      expect(lists['corpus-loc']).toEqual(['نابلس']);
      expect(lists['corpus-org']).toEqual(['وحده']); // normalised base of الوحدة
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('buildPlaceLists', () => {
  it('gives English a demonym list from the countries table', () => {
    const dir = mkdtempSync(join(tmpdir(), 'marsad-gaz-'));
    try {
      mkdirSync(join(dir, 'countries'));
      mkdirSync(join(dir, 'geonames'));
      // an invented country
      const country = { name: { common: 'Kelmoria', official: 'Republic of Kelmoria' }, demonyms: { eng: { f: 'Kelmorian', m: 'Kelmorian' } } };
      writeFileSync(join(dir, 'countries/countries.json'), JSON.stringify([country]));
      writeFileSync(join(dir, 'geonames/cities15000.txt'), '');
      writeFileSync(join(dir, 'geonames/admin1CodesASCII.txt'), '');
      const { lists } = buildPlaceLists(dir, 'en');
      expect(lists.demonym).toEqual(['kelmorian']);
      expect(lists.country).toEqual(['kelmoria', 'republic of kelmoria']);
      expect(buildPlaceLists(dir, 'ar').lists.demonym).toBeUndefined();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('buildWorldLists', () => {
  const file = fileURLToPath(new URL('./data/world-names.json', import.meta.url));

  it('turns the project-written names into world-org / world-per / world-misc gazetteer keys', () => {
    const { lists } = buildWorldLists(file, 'ar');
    expect(Object.keys(lists).sort()).toEqual(['world-misc', 'world-org', 'world-per']);
    expect(lists['world-org']).toContain(phraseKey('الزمالك', 'ar'));
    expect(lists['world-org']).toContain(phraseKey('صندوق النقد الدولي', 'ar'));
    expect(lists['world-per']).toContain(phraseKey('بنيامين نتنياهو', 'ar'));
    expect(lists['world-misc']).toContain(phraseKey('دوري أبطال أوروبا', 'ar'));
    // as the tagger sees them: a clitic-bearing token of a listed name is matched as a phrase
    const gaz = new Gazetteer({ lists });
    const keys = ['قال', 'ونتنياهو', 'إن', 'صندوق', 'النقد', 'الدولي'].map((t) => phraseKey(t, 'ar'));
    const codes = new Uint8Array(gaz.lists.length * keys.length);
    gaz.match(keys, codes);
    const row = (name: string) => Array.from(codes.subarray(gaz.lists.findIndex((l) => l.name === name) * keys.length).slice(0, keys.length));
    expect(row('world-per')).toEqual([0, 1, 0, 0, 0, 0]);
    expect(row('world-org')).toEqual([0, 0, 0, 1, 2, 2]);
    // the file is Arabic: an English model gets empty lists
    expect(buildWorldLists(file, 'en').lists['world-org']).toEqual([]);
  });

  it('reads flat or categorised lists and drops keys shorter than three letters', () => {
    const dir = mkdtempSync(join(tmpdir(), 'marsad-world-'));
    try {
      // invented names
      const path = join(dir, 'w.json');
      writeFileSync(path, JSON.stringify({ _comment: 'x', org: { a: ['شركة زيلارو'], b: ['نادي كومرا', 'زي'] }, per: ['فلان الزيلاروي'], misc: [] }));
      const { lists } = buildWorldLists(path, 'ar');
      expect(lists['world-org']).toEqual(['شركه زيلارو', 'نادي كومرا']);
      expect(lists['world-per']).toEqual(['فلان زيلاروي']);
      expect(lists['world-misc']).toEqual([]);
      writeFileSync(path, JSON.stringify({ org: [], per: [] }));
      expect(() => buildWorldLists(path, 'ar')).toThrow(/misc/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
