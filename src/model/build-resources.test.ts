import { describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { buildCorpusLists, buildPlaceLists } from './build-resources.js';

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
