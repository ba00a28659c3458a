import { describe, expect, it } from 'vitest';
import { newDocument, type EntityMention } from '../core/types.js';
import { linkDocument } from './link.js';
import { findPlaceNames } from './place-heads.js';
import { atomize } from './text.js';

// Sentences written for these tests; the villages are made up.
const names = (text: string) => {
  const atoms = atomize({ text, tokens: [] });
  return findPlaceNames(text, atoms, () => false).map((s) => text.slice(s.start, s.end));
};
const places = (text: string, mentions: EntityMention[] = []) =>
  linkDocument(newDocument({ raw: text, text, language: 'ar', mentions })).filter((e) => e.type === 'location');

describe('findPlaceNames', () => {
  it('reads the name after a place head noun, with a direction that continues it', () => {
    expect(names('انفجرت عبوة ناسفة في قرية الحصوية الشرقية قرب الطريق العام')).toEqual(['الحصوية الشرقية']);
    expect(names('وقع الهجوم في بلدة كفرناصح ليلا')).toEqual(['كفرناصح']);
  });

  it('keeps جبل, وادي and تل in the name, without the clitics before them', () => {
    const text = 'اشتبكت القوات مع مسلحين بجبل الكرمة وفي وادي الحنيش';
    expect(names(text)).toEqual(['جبل الكرمة', 'وادي الحنيش']);
  });

  it('leaves prose alone: adjectives, ordinal uses, directions, pronoun suffixes, and "وأدى"', () => {
    for (const text of [
      'أقيمت منطقة عازلة على الحدود',
      'فاز بولاية ثانية في الانتخابات',
      'سقطت قذيفة في منطقة سكنية مكتظة',
      'انتشر المسلحون في منطقة شرق المدينة',
      'أكد أنه حي يرزق',
      'وأدى الحادث إلى مقتل ثلاثة',
      'دخلت القوات مدينة يخترقها نهر',
    ]) expect(names(text), text).toEqual([]);
  });

  it('takes the gazetteer reading of several words first', () => {
    expect(names('تعرضت دورية لإطلاق نار بولاية عين الدفلى غرب العاصمة')).toEqual(['عين الدفلى']);
  });
});

describe('place rule in linkDocument', () => {
  it('adds the place the tagger missed, with its country from the gazetteer when known', () => {
    const ps = places('تعرضت دورية لإطلاق نار بولاية عين الدفلى غرب العاصمة الجزائرية');
    expect(ps.map((p) => p.country)).toContain('DZ');
    expect(ps.some((p) => p.mentions.some((m) => m.text === 'عين الدفلى'))).toBe(true);
  });

  it('replaces a part the tagger could not place, but not a longer name the tagger found', () => {
    const text = 'تعرضت دورية لإطلاق نار بولاية عين الدفلى غرب العاصمة الجزائرية';
    const at = text.indexOf('عين');
    const part: EntityMention = { start: at, end: at + 3, text: 'عين', type: 'LOC', source: 'model' };
    const ps = places(text, [part]);
    expect(ps.flatMap((p) => p.mentions.map((m) => m.text))).toContain('عين الدفلى');
    expect(ps.flatMap((p) => p.mentions.map((m) => m.text))).not.toContain('عين');

    const las = 'وصل الوفد إلى مدينة لاس فيجاس الأمريكية';
    const s = las.indexOf('لاس');
    const long: EntityMention = { start: s, end: s + 'لاس فيجاس'.length, text: 'لاس فيجاس', type: 'LOC', source: 'model' };
    expect(places(las, [long]).flatMap((p) => p.mentions.map((m) => m.text))).toContain('لاس فيجاس');
  });
});
