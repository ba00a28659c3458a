// Place quality, table-driven: short sentences written for these tests (not corpus text), each with the
// country a careful reader would give the place, or no place at all for everyday words.
import { describe, expect, it } from 'vitest';
import { linkDocument } from './link.js';
import { resolvePlace } from './gazetteer.js';
import { newDocument, type Document, type EntityMention } from '../core/types.js';

const doc = (text: string): Document => newDocument({ raw: text, text, language: /[\u0600-\u06FF]/.test(text) ? 'ar' : 'en' });

/** The country of the place entity whose mentions include `name` in this text. */
function countryIn(text: string, name: string): string | null | undefined {
  const e = linkDocument(doc(text)).find((x) => x.type === 'location' && x.mentions.some((m) => m.text === name || m.text.endsWith(name)));
  return e ? e.country : undefined;
}

describe('names resolve to the right country on their own', () => {
  it.each([
    ['مايدوغوري', 'NG'], ['بورنو', 'NG'], ['يوبي', 'NG'], ['أداماوا', 'NG'], ['داماتورو', 'NG'], ['غامبورو', 'NG'],
    ['غاو', 'ML'], ['تمبكتو', 'ML'], ['ننغرهار', 'AF'], ['هلمند', 'AF'], ['قندوز', 'AF'], ['كابول', 'AF'], ['لوغار', 'AF'],
    ['الأنبار', 'IQ'], ['الرمادي', 'IQ'], ['الفلوجة', 'IQ'], ['تكريت', 'IQ'], ['ديالى', 'IQ'], ['سنجار', 'IQ'],
    ['دير الزور', 'SY'], ['الحسكة', 'SY'], ['إدلب', 'SY'], ['عين العرب', 'SY'], ['كوباني', 'SY'], ['ريف حلب', 'SY'],
    ['أبين', 'YE'], ['حضرموت', 'YE'], ['محافظة البيضاء', 'YE'], ['مقديشو', 'SO'], ['كيسمايو', 'SO'], ['بونتلاند', 'SO'],
    ['سوروتش', 'TR'], ['ديار بكر', 'TR'], ['كيليس', 'TR'], ['شرناق', 'TR'], ['دوغوبيازيد', 'TR'],
    ['أبها', 'SA'], ['عسير', 'SA'], ['القطيف', 'SA'], ['الدمام', 'SA'], ['الأحساء', 'SA'], ['مدينة الخبر', 'SA'],
    ['العريش', 'EG'], ['الشيخ زويد', 'EG'], ['Yobe', 'NG'], ['Borno', 'NG'],
  ])('%s → %s', (name, cc) => {
    expect(resolvePlace(name)?.country).toBe(cc);
  });
});

describe('the English press\'s spellings of small towns in the focus countries', () => {
  // GeoNames knows them as Janīn, ‘Ayn al ‘Arab, Bāmyān, An Nuşayrāt: below 100,000 people only the
  // focus countries' towns keep their Latin alternate names
  it.each([['Jenin', 'PS'], ['Kobane', 'SY'], ['Bamiyan', 'AF'], ['Nuseirat', 'PS'], ['Haditha', 'IQ'], ['Trinidad', 'TT']])('%s → %s', (name, cc) => {
    expect(resolvePlace(name)?.country).toBe(cc);
  });
  it('but not the lower-case transliterations or administrative forms GeoNames also lists', () => {
    expect(resolvePlace('tkryt')).toBeNull();
    expect(resolvePlace("Qada' Talkif")).toBeNull();
  });
});

describe('the Arabic name shown is the usual one, not the first of GeoNames\' list', () => {
  // looked up by the Arabic name itself, so the test reads the display name, not which place wins
  it.each([['حيفا', 'IL'], ['مشهد', 'IR'], ['هانوي', 'VN'], ['طبلبة', 'TN'], ['مدينة حمد', 'BH'], ['عنة', 'IQ']])('%s (%s)', (ar, cc) => {
    const p = resolvePlace(ar);
    expect(p?.country).toBe(cc);
    expect(p?.nameAr).toBe(ar);
  });
});

describe('the regions where the news happens, in both languages', () => {
  it.each([
    ['دارفور', 'loc:darfur'], ['Darfur', 'loc:darfur'], ['الجولان', 'loc:golan'], ['Golan Heights', 'loc:golan'], ['كشمير', 'loc:kashmir'],
    ['بحيرة تشاد', 'loc:lake-chad'], ['Lake Chad', 'loc:lake-chad'], ['وزيرستان', 'loc:waziristan'], ['الشرق الأوسط', 'loc:middle-east'],
    ['North Kivu', 'loc:206938'], ['شمال كيفو', 'loc:206938'], ['North Darfur', 'loc:408666'], ['Sinai', 'loc:349401'],
    ['المسجد الأقصى', 'loc:al-aqsa'], ['باحات الأقصى', 'loc:al-aqsa'], ['Al-Aqsa Mosque', 'loc:al-aqsa'], ['المسجد الحرام', 'loc:masjid-al-haram'],
    ['الحرم النبوي', 'loc:masjid-an-nabawi'], ['الخليج العربي', 'loc:persian-gulf'], ['البحر الأحمر', 'loc:red-sea'], ['باب المندب', 'loc:bab-el-mandeb'],
    ['Gulf of Aden', 'loc:gulf-of-aden'], ['الفرات', 'loc:euphrates'], ['القصيم', 'loc:108933'], ['ميسان', 'loc:93540'], ['الضالع', 'loc:ad-dali'],
    ['جنيف', 'loc:2660646'], ['منطقة الساحل', 'loc:sahel'], ['Red Sea', 'loc:red-sea'],
  ])('%s → %s', (name, id) => {
    expect(resolvePlace(name)?.id).toBe(id);
  });
  it('the newspaper is not the region: «الشرق الأوسط» is quoted as a source far more often than the region is named', () => {
    const text = 'وقال مسؤول لـ«الشرق الأوسط» إن التوتر يسود الشرق الأوسط، كما نقلت صحيفة الشرق الأوسط.';
    const at = (from: number, type: 'ORG' | 'LOC'): EntityMention => {
      const start = text.indexOf('الشرق الأوسط', from);
      return { start, end: start + 12, text: 'الشرق الأوسط', type, source: 'model' };
    };
    const d = doc(text);
    d.mentions = [at(0, 'ORG'), at(30, 'LOC')];
    expect(linkDocument(d).map((e) => [e.id, e.mentions.length])).toEqual([['org:asharq-al-awsat', 2], ['loc:middle-east', 1]]);
    // untagged, the words are not taken for the region
    expect(linkDocument(doc('التوتر يسود الشرق الأوسط.')).map((e) => e.id)).toEqual([]);
  });
});

describe('everyday words, virus and brand names are no places', () => {
  it.each(['الساحل', 'اليورو', 'منطقة اليورو', 'الحد الأقصى', 'الأقصى', 'الشرق', 'شرق', 'بالغرب', 'الشمال', 'جنوب', 'كورونا', 'فيروس كورونا', 'الخبر', 'الميدان', 'الجزيرة', 'المدينة', 'ديلي', 'Western', 'North East', 'Central', 'Christmas', 'Hamid', 'Lucas', 'Corona', 'BLA'])(
    '%s',
    (name) => {
      expect(resolvePlace(name)).toBeNull();
    },
  );
});

describe('the article decides between namesakes', () => {
  it.each([
    // رفح: Egypt's when the article is about North Sinai, Gaza's when about the Strip
    ['انفجرت عبوة ناسفة في رفح شمال سيناء قرب العريش والشيخ زويد في مصر.', 'رفح', 'EG'],
    ['قصفت طائرات مواقع في رفح جنوب قطاع غزة في فلسطين.', 'رفح', 'PS'],
    // طرابلس: Libya by default, Lebanon when the article is about Lebanon
    ['اشتباكات في طرابلس بين فصائل مسلحة في ليبيا.', 'طرابلس', 'LY'],
    ['انفجار في طرابلس شمال لبنان قرب بيروت.', 'طرابلس', 'LB'],
    // الجوف: Saudi or Yemeni by the article's country
    ['أعلنت السلطات السعودية إحباط هجوم في الجوف.', 'الجوف', 'SA'],
    ['قتل مسلحون حوثيون جنودا في الجوف باليمن وصنعاء.', 'الجوف', 'YE'],
    // a country's own name is the country, however Nigerian the article
    ['هاجمت بوكو حرام قرية في ولاية يوبي شمال شرق نيجيريا قرب حدود بنين.', 'بنين', 'BJ'],
    ['هاجمت بوكو حرام قرية في ولاية يوبي شمال شرق نيجيريا.', 'ولاية يوبي', 'NG'],
  ])('%s', (text, name, cc) => {
    expect(countryIn(text, name)).toBe(cc);
  });

  it('فان is Van in a Turkish article and Vannes in a French one, but never the word فإن in running text', () => {
    expect(countryIn('قتل جندي في هجوم بإقليم فان شرقي تركيا.', 'فان')).toBe('TR');
    expect(resolvePlace('فان', ['FR'])?.country).toBe('FR');
    expect(linkDocument(doc('وقال الوزير فإن الحكومة ماضية في خططها، فان الوضع مستقر.')).filter((e) => e.type === 'location')).toEqual([]);
  });

  it('a Japanese town is not read into an Arabic name without Japan in the article', () => {
    expect(resolvePlace('يوبي', ['NG'])?.country).toBe('NG');
    expect(countryIn('قتل عشرة أشخاص في هجوم على سوق في يوبي.', 'يوبي')).toBe('NG');
  });

  it('the dominant country outweighs one named in passing', () => {
    expect(resolvePlace('رفح', ['EG', 'EG', 'PS'])?.country).toBe('EG');
    expect(resolvePlace('رفح', ['PS', 'PS', 'EG'])?.country).toBe('PS');
  });

  it('Kurdistan alone is Iraq\'s Kurdistan Region unless the article is about Iran', () => {
    expect(resolvePlace('Kurdistan')?.id).toBe('loc:iraqi-kurdistan');
    expect(resolvePlace('كردستان')?.id).toBe('loc:iraqi-kurdistan');
    expect(resolvePlace('Kurdistan', ['IR', 'IR'])?.country).toBe('IR');
    expect(resolvePlace('Iranian Kurdistan')?.country).toBe('IR');
    expect(resolvePlace('كردستان إيران')?.country).toBe('IR');
    expect(countryIn('Gunmen attacked a checkpoint near Erbil in Kurdistan, Iraqi officials said.', 'Kurdistan')).toBe('IQ');
    expect(countryIn('وقتل شرطيان في هجوم على دورية في كردستان شمالي العراق.', 'كردستان')).toBe('IQ');
  });

  it('a compass word the tagger marks is no place, even where the article\'s country has a namesake (الشرق: Sharqia)', () => {
    const text = 'وقال متحدث باسم الحكومة التي مقرها في الشرق إن العمال المخطوفين من مصر.';
    const start = text.indexOf('الشرق');
    const d = doc(text);
    d.mentions = [{ start, end: start + 5, text: 'الشرق', type: 'LOC', source: 'model' }];
    expect(linkDocument(d).filter((e) => e.type === 'location').map((e) => e.id)).toEqual(['loc:eg']);
  });

  it('a regional word in English is not a Ghanaian region', () => {
    const ents = linkDocument(doc('Police in the North East and Western forces said the Merrion Centre was closed.'));
    expect(ents.filter((e) => e.type === 'location' && e.country === 'GH')).toEqual([]);
  });
});
