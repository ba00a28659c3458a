import { describe, expect, it } from 'vitest';
import { normalizeWord } from '../lang/ar/normalize.js';
import { hashString, MinHasher, NearDupIndex, similarity, wordHashes } from './minhash.js';

// Fixture text written for these tests.
const BASE = [
  'أعلنت وزارة الداخلية صباح اليوم أن انفجارا وقع في سوق شعبي مزدحم وسط المدينة',
  'وأسفر عن مقتل سبعة أشخاص وإصابة عشرين آخرين بجروح متفاوتة نقلوا إلى المستشفيات القريبة',
  'وقالت مصادر أمنية إن عبوة ناسفة زرعت قرب مدخل السوق وانفجرت عند ساعة الذروة',
  'وفرضت القوات الأمنية طوقا حول المكان وبدأت تحقيقا لمعرفة الجهة المسؤولة عن الهجوم',
  'ولم تعلن أي جهة حتى الآن مسؤوليتها عن التفجير الذي أدانته الحكومة بشدة',
].join(' ');

const EDITED = BASE.replace('سبعة', 'ثمانية').replace('بشدة', 'بأشد العبارات') + ' وقال شهود إن الانفجار سمع من مسافة بعيدة';
const DIACRITICS = BASE.replace('أعلنت', 'أَعْلَنَتْ').replace('انفجارا', 'انفجاراً').replace('الداخلية', 'الداخليـــة');
const OTHER = 'استقبل رئيس الوزراء وفدا اقتصاديا لبحث التعاون التجاري وتوسيع الاستثمارات المشتركة في قطاعي الطاقة والنقل خلال الأعوام المقبلة بحضور عدد من الوزراء ورجال الأعمال';

describe('wordHashes', () => {
  it('hashes the shared normaliser\'s form of each word, diacritics inside words included', () => {
    const words = ['أَعْلَنَتْ', 'الداخليـــة', 'Ministry', '٢٠٢٤'];
    expect([...wordHashes(words.join(' '))]).toEqual(words.map((w) => hashString(normalizeWord(w))));
    expect([...wordHashes('قال: "نعم"، ثم (غادر).')].length).toBe(4);
  });
});

describe('MinHasher', () => {
  const h = new MinHasher();
  it('is deterministic across instances (fixed seeds)', () => {
    expect([...new MinHasher().signature(BASE)!]).toEqual([...h.signature(BASE)!]);
  });
  it('ranks light edits high, diacritics and tatweel as identical, unrelated text low', () => {
    const base = h.signature(BASE)!;
    expect(similarity(base, h.signature(DIACRITICS)!)).toBe(1);
    expect(similarity(base, h.signature(EDITED)!)).toBeGreaterThan(0.6);
    expect(similarity(base, h.signature(OTHER)!)).toBeLessThan(0.1);
  });
  it('has no signature for text without words', () => {
    expect(h.signature(' ... !! ')).toBeNull();
  });
});

describe('NearDupIndex', () => {
  it('links copies to the earliest one', () => {
    const idx = new NearDupIndex();
    expect(idx.add('a', BASE, '2024-03-14')).toEqual([]);
    expect(idx.add('x', OTHER, '2024-03-14')).toEqual([]);
    const [link] = idx.add('b', EDITED, '2024-03-15');
    expect(link).toMatchObject({ id: 'b', of: 'a' });
    expect(idx.query(DIACRITICS)[0]).toEqual({ of: 'a', similarity: 1 });
  });

  it('makes an older copy found later the root and relinks the others to it', () => {
    const idx = new NearDupIndex();
    idx.add('late', BASE, '2024-03-16');
    idx.add('later', DIACRITICS, '2024-03-17');
    const changes = idx.add('early', EDITED, '2024-03-14');
    expect(changes.map((c) => `${c.id}→${c.of}`).sort()).toEqual(['later→early', 'late→early']);
  });

  it('ignores a key it already has', () => {
    const idx = new NearDupIndex();
    idx.add('a', BASE);
    expect(idx.add('a', EDITED)).toEqual([]);
    expect(idx.size).toBe(1);
  });
});
