import { describe, expect, it } from 'vitest';
import { newDocument, type EntityMention } from '../core/types.js';
import { linkDocument } from './link.js';

// The extent of an Arabic person name (titles, nasab, kunya, nisba, clitics). Every sentence and
// name here was written for these tests; the tagger's spans are given, so the rules are tested
// whatever the trained model says.
function people(text: string, tagged: string[] = []): string[][] {
  const mentions: EntityMention[] = tagged.map((t) => {
    const start = text.indexOf(t);
    if (start < 0) throw new Error(`"${t}" is not in the text`);
    return { start, end: start + t.length, text: t, type: 'PER', source: 'model' };
  });
  const d = newDocument({ raw: text, text, language: 'ar', mentions });
  const ents = linkDocument(d).filter((e) => e.type === 'person');
  for (const e of ents) for (const m of e.mentions) expect(text.slice(m.start, m.end)).toBe(m.text);
  return ents.map((e) => e.mentions.map((m) => m.text));
}

describe('the extent of an Arabic person name', () => {
  it('leaves titles and ranks before the name outside, and a bare title names nobody', () => {
    expect(people('وصرّح العميد سالم الكعبي بأن الطريق أُغلق.', ['العميد سالم الكعبي'])).toEqual([['سالم الكعبي']]);
    expect(people('واستقبل الوفدَ وسمو ولي العهد في القصر.', ['وسمو ولي العهد'])).toEqual([]);
  });

  it('ends the name at an office after it (ولي العهد, وزير), not at a family name that looks like a title (آل الشيخ, عبد الملك)', () => {
    expect(people('وافتتح فهد بن سعود ولي العهد المعرض أمس.', ['فهد بن سعود ولي العهد'])).toEqual([['فهد بن سعود']]);
    expect(people('وقال كمال حمدان وزير المالية إن العجز تراجع.', ['كمال حمدان وزير'])).toEqual([['كمال حمدان']]);
    expect(people('وكرّم الأمير منيرة آل الشيخ في الحفل.', ['منيرة آل الشيخ'])).toEqual([['منيرة آل الشيخ']]);
    expect(people('وأعلن عبد الملك الشامي عن خطة جديدة.', ['عبد الملك الشامي'])).toEqual([['عبد الملك الشامي']]);
  });

  it('ends the name before a word with conjunction and article (وللاتحاد), but not before فالـ of a foreign name', () => {
    expect(people('وسجل للنادي ماجد الحربي وللاتحاد سامر عوض.', ['ماجد الحربي وللاتحاد'])).toEqual([['ماجد الحربي']]);
    expect(people('وانضم المهاجم رودولفو فالديس إلى الفريق.', ['رودولفو فالديس'])).toEqual([['رودولفو فالديس']]);
  });

  it('leaves a proclitic on the first name outside the name (ومحمد, لإدريس)', () => {
    expect(people('وحضر الاجتماع هشام القرشي ومحمد الراشد أمس.', ['هشام القرشي', 'ومحمد الراشد'])).toEqual([['هشام القرشي'], ['محمد الراشد']]);
    expect(people('وسلّم الشاهد الرسالة لإدريس الطنجي الورزازي قبل سفره.')).toEqual([['إدريس الطنجي الورزازي']]);
  });

  it('splits two names the tagger joined with و into two people', () => {
    expect(people('وأوقفت الشرطة سامر الخطيب ومحمد الزعبي فجراً.', ['سامر الخطيب ومحمد الزعبي'])).toEqual([['سامر الخطيب'], ['محمد الزعبي']]);
  });

  it('completes a nasab the tagger cut (بن X) and joins it to the name that follows', () => {
    expect(people('وتفقد نايف بن مشعل موقع الحادث.', ['نايف بن'])).toEqual([['نايف بن مشعل']]);
    expect(people('وحضر الحفل المستشار غانم بن حمد الهاجري مساء الأحد.', ['غانم بن'])).toEqual([['غانم بن حمد الهاجري']]);
  });

  it('takes a kunya just before a first name into the name', () => {
    expect(people('وقال أبو حمزة المصراتي إن الهجوم فشل.', ['حمزة المصراتي'])).toEqual([['أبو حمزة المصراتي']]);
  });

  it('takes a further al- family name of a nisba chain in, never a nationality', () => {
    expect(people('وفاز العداء نبيل العمراني الصنهاجي بالسباق.', ['نبيل العمراني'])).toEqual([['نبيل العمراني الصنهاجي']]);
    expect(people('وفاز العداء نبيل العمراني المغربي بالسباق.', ['نبيل العمراني'])).toEqual([['نبيل العمراني']]);
  });

  it('ends a name the tagger ran on at a verb or adverb after it, and never takes an everyday word for the family name', () => {
    expect(people('وأوضح سامر فؤاد أمس أن الفريق جاهز.', ['سامر فؤاد أمس'])).toEqual([['سامر فؤاد']]);
    // كان (was) is no bare mention of a name the tagger had ended with it
    const text = 'وقال ماهر رستم كان الوفد قد وصل، وكان الاجتماع قصيرا كما كان متوقعا.';
    expect(people(text, ['ماهر رستم كان'])).toEqual([['ماهر رستم']]);
    // a short word no name list knows (تود, "wants") is not taken for a later bare family name
    expect(people('قال المؤرخ إيمانويل تود إن أوروبا تود الحوار.', ['إيمانويل تود'])).toEqual([['إيمانويل تود']]);
  });

  it('reads عبد and the word after it as one name', () => {
    expect(people('وعيّن المجلس عبد الودود قرطبي رئيساً للجنة.')).toEqual([['عبد الودود قرطبي']]);
  });

  it('lets a name found by rule replace a lone first name the tagger marked inside it', () => {
    expect(people('وفاز المرشح جوزيف سمعان العكاري بالمقعد.', ['جوزيف'])).toEqual([['جوزيف سمعان العكاري']]);
    // but not with an unknown last word: the tagger's two-word name stands
    expect(people('وكان خالد الفيصل ومتابعة اللجنة في الموقع.', ['خالد الفيصل'])).toEqual([['خالد الفيصل']]);
  });
});
