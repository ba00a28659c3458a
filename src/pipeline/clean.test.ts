import { describe, expect, it } from 'vitest';
import { cleanText } from './clean.js';

// Fixtures written for Marsad in the style of Arabic news sites.
const ARTICLE = [
  'انفجار يهز سوقا شعبيا في مدينة ساحلية',
  '',
  'سامر الحداد',
  '',
  'كتب – سامر الحداد',
  '',
  'هز انفجار عنيف صباح اليوم سوقا شعبيا وسط المدينة، ما أسفر عن سقوط عدد من الجرحى.',
  '',
  'وقالت مصادر أمنية إن فرق الإسعاف نقلت المصابين إلى المستشفيات القريبة.',
  '',
  'اقرأ أيضاً: الحكومة تعلن خطة جديدة للنقل',
  '',
  'وأضافت المصادر أن التحقيقات ما زالت جارية لمعرفة ملابسات الحادث.',
  '',
  'شارك على فيسبوك',
  '',
  '[poll-widget id=”12″ title=”ما رأيك؟” show-results=”true″]',
  '',
  'ربما يعجبك أيضا',
  'عنوان خبر آخر لا علاقة له',
  'عنوان خبر ثالث',
].join('\n');

describe('cleanText', () => {
  const r = cleanText(ARTICLE, null, null);

  it('turns Arabic presentation forms into the letters they draw', () => {
    // the way some PDFs and old sites store "وصل الوفد إلى التواهي"
    const { text } = cleanText('\uFEED\uFEBB\uFEDE \uFE8D\uFEDF\uFEED\uFED3\uFEA9 \uFE87\uFEDF\uFEF0 \uFE8D\uFEDF\uFE98\uFEEE\uFE8D\uFEEB\uFEF2', 'T', null);
    expect(text).toBe('وصل الوفد إلى التواهي');
  });
  it('takes the title from the first line', () => {
    expect(r.title).toBe('انفجار يهز سوقا شعبيا في مدينة ساحلية');
  });
  it('moves the byline to author and drops the repeated author line', () => {
    expect(r.author).toBe('سامر الحداد');
    expect(r.text).not.toContain('سامر الحداد');
    expect(r.removed.filter((x) => x.kind === 'byline')).toHaveLength(2);
  });
  it('strips shortcodes with curly quotes and primes', () => {
    expect(r.text).not.toContain('[');
    expect(r.removed.find((x) => x.kind === 'shortcode')?.text).toContain('poll-widget');
  });
  it('cuts the trailer block at the end and an inline "read also" line', () => {
    expect(r.text).not.toContain('ربما يعجبك');
    expect(r.text).not.toContain('عنوان خبر');
    expect(r.text).not.toContain('اقرأ أيضاً');
    expect(r.removed.filter((x) => x.kind === 'trailer')).toHaveLength(2);
  });
  it('drops share furniture', () => {
    expect(r.text).not.toContain('فيسبوك');
    expect(r.removed.some((x) => x.kind === 'boilerplate')).toBe(true);
  });
  it('keeps the body intact', () => {
    expect(r.text.startsWith('هز انفجار عنيف')).toBe(true);
    expect(r.text.endsWith('ملابسات الحادث.')).toBe(true);
  });

  it.each([
    ['By Jane Porter\n\nThe blast hit the market on Monday.', 'Jane Porter'],
    ['بقلم: ليلى منصور\n\nوقع الحادث في ساعة متأخرة من الليل.', 'ليلى منصور'],
    ['The blast hit the market on Monday.\n\nPolice said the bomber acted alone.', null],
  ])('byline in %j', (body, author) => {
    expect(cleanText(body, 'T', null).author).toBe(author);
  });

  it.each([
    ['[sic]', true],
    ['[1]', true],
    ['[gallery ids="1,2,3"]', false],
    ['[/caption]', false],
    ['[related-posts]', false],
  ])('bracket text %s kept=%s', (snippet, kept) => {
    const r = cleanText(`Officials said the toll ${snippet} was rising.\n\nMore details later.`, 'T', null);
    expect(r.text.includes(snippet)).toBe(kept);
  });

  it('strips a social line that starts like furniture, and keeps a sentence that merely mentions following', () => {
    const r = cleanText('عنوان الخبر\n\nقتل ثلاثة جنود في كمين قرب الحدود.\n\nتابعونا على تويتر @akhbar_alyawm وعلى تيليجرام\n\nودعا الأهالي إلى تابعوا الأخبار الرسمية فقط.', null, null);
    expect(r.text).toBe('قتل ثلاثة جنود في كمين قرب الحدود.\n\nودعا الأهالي إلى تابعوا الأخبار الرسمية فقط.');
  });

  it('strips English trailers and share lines', () => {
    const r = cleanText('Gunmen attack convoy\n\nBy Tom Reyes\n\nGunmen opened fire on a convoy.\n\nShare this article\n\nFollow us on X @DailyWire_Desk and on Instagram at dailywiredesk\n\nRelated\nOther story one\nOther story two', null, null);
    expect(r.author).toBe('Tom Reyes');
    expect(r.text).toBe('Gunmen opened fire on a convoy.');
  });
});

describe('bylines with a dateline', () => {
  it.each([
    ['الموصل – كتب – حسن الجبوري', 'حسن الجبوري'],
    ['القاهرة: كتبت منى سعيد', 'منى سعيد'],
    ['كتب: خالد يوسف', 'خالد يوسف'],
  ])('%s', (line, name) => {
    const r = cleanText(`عنوان\n\n${line}\n\nوقع الانفجار قرب مبنى حكومي في ساعة مبكرة من صباح اليوم.`, null, null);
    expect(r.author).toBe(name);
    expect(r.text).toBe('وقع الانفجار قرب مبنى حكومي في ساعة مبكرة من صباح اليوم.');
  });
});
