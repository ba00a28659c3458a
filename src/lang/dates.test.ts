import { describe, expect, it } from 'vitest';
import { findDates } from './dates.js';
import { tokenize } from './tokenize.js';

// [text, published, mention text, start, end, precision, relative]
type Row = [string, string, string, string, string, string, boolean];

const ar: Row[] = [
  ['وفي بيان صدر أمس الثلاثاء قالت الوزارة', '2020-04-29', 'أمس الثلاثاء', '2020-04-28', '2020-04-28', 'day', true],
  ['وقع الهجوم أمس قرب السوق', '2019-06-10', 'أمس', '2019-06-09', '2019-06-09', 'day', true],
  ['وقع الانفجار أمس الأول', '2019-06-10', 'أمس الأول', '2019-06-08', '2019-06-08', 'day', true],
  ['وأعلنت الشرطة اليوم اعتقال مشتبه به', '2019-06-10', 'اليوم', '2019-06-10', '2019-06-10', 'day', true],
  ['وتعقد المحكمة جلستها غدا', '2019-06-10', 'غدا', '2019-06-11', '2019-06-11', 'day', true],
  ['وفي هجوم الأربعاء قتل ثلاثة', '2017-03-24', 'الأربعاء', '2017-03-22', '2017-03-22', 'day', true],
  ['نشرة اليوم الجمعة لم تذكر الهجوم', '2017-03-24', 'اليوم الجمعة', '2017-03-24', '2017-03-24', 'day', true],
  ['وقال مصدر أمني الشهر الماضي إن', '2017-03-24', 'الشهر الماضي', '2017-02-01', '2017-02-28', 'month', true],
  ['وارتفع عدد الهجمات العام الماضي', '2017-03-24', 'العام الماضي', '2016-01-01', '2016-12-31', 'year', true],
  ['وتراجعت الهجمات هذا العام', '2017-03-24', 'هذا العام', '2017-01-01', '2017-12-31', 'year', true],
  ['واعتقل خمسة الأسبوع الماضي', '2017-03-24', 'الأسبوع الماضي', '2017-03-12', '2017-03-18', 'range', true],
  ['توسعت الجماعة بسرعة في أواخر عام 2014 قبل أن تتراجع.', '2017-03-24', 'أواخر عام 2014', '2014-09-01', '2014-12-31', 'range', false],
  ['وتأسست الجماعة عام 2015 في الشمال', '2017-03-24', 'عام 2015', '2015-01-01', '2015-12-31', 'year', false],
  ['هجمات نوفمبر/ تشرين الثاني 2015 في العاصمة', '2017-03-24', 'نوفمبر/ تشرين الثاني 2015', '2015-11-01', '2015-11-30', 'month', false],
  ['وقع الهجوم في 22 مارس 2017 قرب الجسر', '2017-03-24', '22 مارس 2017', '2017-03-22', '2017-03-22', 'day', false],
  ['في الثالث من الشهر، أي 3 حزيران 2016', '2016-07-01', '3 حزيران 2016', '2016-06-03', '2016-06-03', 'day', false],
  ['ووقع هجوم في 12 ديسمبر الماضي', '2017-03-24', '12 ديسمبر الماضي', '2016-12-12', '2016-12-12', 'day', true],
  ['تحريض على هجمات خلال شهر رمضان الجاري.', '2020-04-29', 'شهر رمضان الجاري', '2020-04-24', '2020-05-23', 'month', true],
  ['مخاوف من ضربات جديدة في رمضان', '2020-04-29', 'رمضان', '2020-04-24', '2020-05-23', 'month', true],
  ['ووقع التفجير في 5 رمضان 1441 وسط المدينة', '2020-06-01', '5 رمضان 1441', '2020-04-28', '2020-04-28', 'day', false],
  ['وصدر القرار عام 1441هـ بعد التحقيق', '2020-06-01', 'عام 1441هـ', '2019-08-31', '2020-08-19', 'year', false],
  ['وأفرج عنه قبل ثلاثة أيام', '2020-06-10', 'قبل ثلاثة أيام', '2020-06-07', '2020-06-07', 'day', true],
  ['وقعت الحادثة قبل عام في المدينة', '2020-06-10', 'قبل عام', '2019-01-01', '2019-12-31', 'year', true],
  ['وتكررت الهجمات منذ العام الماضي', '2020-06-10', 'العام الماضي', '2019-01-01', '2019-12-31', 'year', true],
  ['وصدر الحكم في 22/3/2017 بالسجن', '2017-05-01', '22/3/2017', '2017-03-22', '2017-03-22', 'day', false],
  ['انفجرت العبوة الليلة الماضية قرب الجسر', '2019-06-10', 'الليلة الماضية', '2019-06-09', '2019-06-09', 'day', true],
  ['وسمعت الانفجارات ليلة أمس في المدينة', '2019-06-10', 'ليلة أمس', '2019-06-09', '2019-06-09', 'day', true],
  ['وتعقد اللجنة اجتماعها الليلة في العاصمة', '2019-06-10', 'الليلة', '2019-06-10', '2019-06-10', 'day', true],
  ['اقتحم المسلحون المسجد بعد صلاة الجمعة في 14 يونيو', '2019-06-20', '14 يونيو', '2019-06-14', '2019-06-14', 'day', true],
];

describe('findDates (Arabic)', () => {
  it.each(ar)('%s', (text, pub, mention, start, end, precision, relative) => {
    const dates = findDates(text, tokenize(text, 'ar'), pub, 'ar');
    expect(dates).toHaveLength(1);
    expect(dates[0]).toMatchObject({ text: mention, value: { start, end }, precision, relative });
    expect(text.slice(dates[0].start, dates[0].end)).toBe(dates[0].text);
  });

  it('chains بعدها بأربعة أشهر onto the previous date', () => {
    const text = 'وتختلف عن هجمات نوفمبر/ تشرين الثاني 2015 في المدينة، والهجوم على المطار بعدها بأربعة أشهر.';
    const dates = findDates(text, tokenize(text, 'ar'), '2017-03-24', 'ar');
    expect(dates.map((d) => [d.text, d.value.start, d.value.end, d.precision])).toEqual([
      ['نوفمبر/ تشرين الثاني 2015', '2015-11-01', '2015-11-30', 'month'],
      ['بعدها بأربعة أشهر', '2016-03-01', '2016-03-31', 'month'],
    ]);
  });

  const ignored: Array<[string]> = [
    ['وفي اليوم التالي عاد الهدوء'],
    ['مارس الضغط على الحكومة'],
    ['وقال رمضان عبد الله إن'],
    ['قتل 2015 شخصا في الحرب'],
    ['وقعت حوادث مماثلة قبل أيام'],
    ['وألقى الإمام خطبة الجمعة في المسجد الكبير'],
    ['تجمع المصلون لأداء صلاة الجمعة'],
  ];
  it.each(ignored)('finds no date in: %s', (text) => {
    expect(findDates(text, tokenize(text, 'ar'), '2017-03-24', 'ar')).toEqual([]);
  });

  it('leaves relative dates unresolved without a publication date', () => {
    const text = 'وقع الهجوم أمس وفي 22 مارس 2017';
    expect(findDates(text, tokenize(text, 'ar'), null, 'ar').map((d) => d.text)).toEqual(['22 مارس 2017']);
  });
});

const en: Row[] = [
  ['The bomb went off yesterday near the market.', '2017-03-24', 'yesterday', '2017-03-23', '2017-03-23', 'day', true],
  ['Police said on Wednesday that four died.', '2017-03-24', 'Wednesday', '2017-03-22', '2017-03-22', 'day', true],
  ['A similar plot was foiled last month.', '2017-03-24', 'last month', '2017-02-01', '2017-02-28', 'month', true],
  ['The attack happened on March 22 near the bridge.', '2017-03-24', 'March 22', '2017-03-22', '2017-03-22', 'day', true],
  ['The attack of 22 March 2017 shocked the city.', '2017-04-01', '22 March 2017', '2017-03-22', '2017-03-22', 'day', false],
  ['The attacks in November 2015 killed many.', '2017-03-24', 'November 2015', '2015-11-01', '2015-11-30', 'month', false],
  ['The group peaked in late 2014 before losing ground.', '2017-03-24', 'late 2014', '2014-09-01', '2014-12-31', 'range', false],
  ['Attacks rose during Ramadan this time.', '2020-04-29', 'Ramadan', '2020-04-24', '2020-05-23', 'month', true],
  ['He was released three days ago.', '2020-06-10', 'three days ago', '2020-06-07', '2020-06-07', 'day', true],
  ['Gunmen stormed a checkpoint last night, officials said.', '2020-06-10', 'last night', '2020-06-09', '2020-06-09', 'day', true],
  ['A car bomb exploded overnight near the port.', '2020-06-10', 'overnight', '2020-06-09', '2020-06-09', 'day', true],
  ['The group was founded in 2015 by exiles.', '2017-03-24', '2015', '2015-01-01', '2015-12-31', 'year', false],
];

describe('findDates (English)', () => {
  it.each(en)('%s', (text, pub, mention, start, end, precision, relative) => {
    const dates = findDates(text, tokenize(text, 'en'), pub, 'en');
    expect(dates).toHaveLength(1);
    expect(dates[0]).toMatchObject({ text: mention, value: { start, end }, precision, relative });
  });

  it('chains "four months later" onto the previous date', () => {
    const text = 'After the attacks in November 2015, a second wave came four months later.';
    const dates = findDates(text, tokenize(text, 'en'), '2017-03-24', 'en');
    expect(dates.map((d) => [d.text, d.value.start, d.precision])).toEqual([
      ['November 2015', '2015-11-01', 'month'],
      ['four months later', '2016-03-01', 'month'],
    ]);
  });

  it('ignores the modal verb may and lower-case march', () => {
    const text = 'The protesters may march on the capital.';
    expect(findDates(text, tokenize(text, 'en'), '2017-03-24', 'en')).toEqual([]);
  });
});
