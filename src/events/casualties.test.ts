// Casualty counts: which number is a death toll, which an injury count, and when it is approximate.
import { describe, expect, it } from 'vitest';
import { E, eventsOf, reportedAttacks, type NumberSpec } from './test-fixtures.js';

const cases: [string, string, NumberSpec[], number | null, boolean, number | null, boolean][] = [
  ['مقتل 12 وإصابة 30', 'أسفر تفجير انتحاري في بغداد أمس عن مقتل 12 وإصابة 30.', [], 12, false, 30, false],
  ['عشرات القتلى', 'أسفر تفجير سيارة مفخخة في بغداد أمس عن سقوط عشرات القتلى.', [{ surface: 'عشرات', value: 20, approx: true }], 20, true, null, false],
  ['قتل أربعة أشخاص', 'قتل أربعة أشخاص في هجوم انتحاري استهدف مسجدا في بغداد أمس.', [{ surface: 'أربعة', value: 4 }], 4, false, null, false],
  ['قتيلا … جريحا', 'هجوم انتحاري في بغداد أمس يوقع 7 قتلى و25 جريحا.', [], 7, false, 25, false],
  ['نحو … على الأقل', 'قتل 9 أشخاص على الأقل وأصيب نحو 40 في تفجير انتحاري في بغداد أمس.', [{ surface: 'نحو 40', value: 40, approx: true }], 9, false, 40, true],
  ['وقتلوا 5 وجرحوا 16: the verb glued to و opens the next clause', 'هاجم مسلحون حاجزا للشرطة في بغداد أمس بالأسلحة الرشاشة وقتلوا 5 وجرحوا 16 من أفراده.', [], 5, false, 16, false],
  ['وقتلت 5 وجرحت 16: the feminine verbs', 'فجرت الخلية عبوة ناسفة في سوق ببغداد أمس وقتلت 5 وجرحت 16 من المتسوقين.', [], 5, false, 16, false],
  ['attackers are not victims', 'قتل 3 من المسلحين و5 مدنيين في هجوم انتحاري في بغداد أمس.', [], 5, false, null, false],
  ['combined count is neither', 'أوقع هجوم انتحاري في بغداد أمس 15 بين قتيل وجريح.', [], null, false, null, false],
  ['toll revised upwards', 'قتل 5 أشخاص في تفجير انتحاري في بغداد أمس.\nوارتفع عدد القتلى لاحقا إلى 11 قتيلا.', [], 11, false, null, false],
  ['killing … injuring', 'A suicide bomber struck a market in Baghdad yesterday, killing 14 people and injuring 31.', [], 14, false, 31, false],
  ['at least … dead', 'At least 8 people are dead after a suicide bombing in Baghdad yesterday.', [{ surface: 'At least 8', value: 8, approx: true }], 8, true, null, false],
  ['four other people have been wounded', 'A man has been killed and four other people have been wounded in a stabbing attack in Baghdad yesterday.', [{ surface: 'four', value: 4 }], 1, false, 4, false],
  ['wounded counted two sentences on', 'Six people were killed in a suicide bombing at a seminary in Baghdad yesterday. The head of the school is among the dead. Police said 12 other people had been injured.', [{ surface: 'Six', value: 6 }], 6, false, 12, false],
  ['wounded counted since some time are not the attack\'s', 'Six people were killed in a suicide bombing at a seminary in Baghdad yesterday. Since 2014, 300 people have been injured in the city.', [{ surface: 'Six', value: 6 }], 6, false, null, false],
];

describe('casualties', () => {
  it.each(cases)('%s', (_name, text, numbers, killed, killedApprox, injured, injuredApprox) => {
    const en = /^[A-Z]/.test(text);
    const evs = eventsOf({
      text,
      numbers,
      lang: en ? 'en' : 'ar',
      published: '2020-05-02',
      entities: [{ ...E.baghdad, surfaces: ['بغداد', 'Baghdad'] }],
      dates: [{ surface: en ? 'yesterday' : 'أمس', start: '2020-05-01' }],
    });
    const attacks = reportedAttacks(evs);
    expect(attacks).toHaveLength(1);
    expect([attacks[0].killed, attacks[0].killedApprox, attacks[0].injured, attacks[0].injuredApprox]).toEqual([killed, killedApprox, injured, injuredApprox]);
  });
});
