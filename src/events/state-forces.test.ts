// Attacks that are no terrorist attack: the state's forces own the gunfire or the operation, the
// attack is fought against militants, shells at a front, a personal crime or its punishment, and
// words that only look like an attack (dawn, a ceasefire). Every sentence was written for these tests.
import { describe, expect, it } from 'vitest';
import { E, eventsOf, reportedAttacks, type DocSpec } from './test-fixtures.js';

const pub = '2019-04-07';
const amsi = [{ surface: 'أمس', start: '2019-04-06' }];

const cases: [string, DocSpec, number][] = [
  ['gunfire owned by the occupation forces is no attack', { text: 'قتل شاب برصاص قوات الاحتلال قرب المدينة أمس.', published: pub, dates: amsi }, 0],
  ['gunfire owned by militants stays an attack', { text: 'قتل شرطي برصاص مسلحين مجهولين قرب المدينة أمس.', published: pub, dates: amsi }, 1],
  ['"shot dead by police" is no attack', { text: 'A man was shot dead by police in the town centre on Saturday after a car chase.', published: pub, dates: [{ surface: 'Saturday', start: '2019-04-06' }] }, 0],
  [
    'forces as the subject of the operation verb, several words before the attack word',
    { text: 'شنت أمس القوات الموالية للرئيس تساندها مروحيات هجمات متتالية في الريف وقتل 9 أشخاص.', published: pub, dates: amsi, numbers: [{ surface: '9', value: 9 }] },
    0,
  ],
  [
    'an attack aimed at militants is fighting, not terrorism',
    { text: 'نفذ مقاتلو العشائر أمس هجوما واسعا على مواقع داعش وقتلوا 12 منهم.', published: pub, entities: [E.isis], dates: amsi, numbers: [{ surface: '12', value: 12 }] },
    0,
  ],
  [
    'militants attacking soldiers stay an attack',
    { text: 'شن مسلحون من داعش أمس هجوما على مواقع الجيش وقتلوا 12 جنديا.', published: pub, entities: [E.isis], dates: amsi, numbers: [{ surface: '12', value: 12 }] },
    1,
  ],
  ['"an attack for the resistance" is the forces\' own attack', { text: 'قتل سبعة مسلحين أمس في هجوم للمقاومة الشعبية على الأطراف.', published: pub, dates: amsi, numbers: [{ surface: 'سبعة', value: 7 }] }, 0],
  ['shells at a border front with no word of terror are war', { text: 'سقطت قذائف هاون أطلقت من الجانب الآخر على الشريط الحدودي أمس وأصيب جنديان.', published: pub, dates: amsi }, 0],
  ['a shooting over an old quarrel is a crime', { text: 'قتل رجل ابن عمه بإطلاق النار عليه أمس لخلاف سابق بينهما.', published: pub, dates: amsi }, 0],
  ['a man firing at his own family is a crime', { text: 'أقدم رجل مساء أمس على إطلاق النار على زوجته وابنه في بيت العائلة، فتوفي الصبي وأصيبت الأم بجروح.', published: pub, dates: amsi }, 0],
  ['a stray bullet inside an attack by militants does not undo the attack', { text: 'قتل طفل برصاصة طائشة أمس في هجوم نفذه مسلحون ضد حاجز للشرطة قرب المدينة.', published: pub, dates: amsi }, 1],
  ['a stray bullet is no attack', { text: 'أصيب طفل أمس برصاصة طائشة في رأسه أثناء حفل زفاف قرب المدينة.', published: pub, dates: amsi }, 0],
  ['"shot his wife" is a crime', { text: 'A man shot his wife and two neighbours dead in a shooting at their home in the town on Saturday, police said.', published: pub, dates: [{ surface: 'Saturday', start: '2019-04-06' }] }, 0],
  ['a sentence of retribution carried out for a shooting is no attack', { text: 'نفذت الوزارة أمس حكم القصاص في جان أقدم على قتل مواطن بإطلاق النار عليه.', published: pub, dates: amsi }, 0],
  ['"فجر أمس" is dawn, not a detonation', { text: 'غرق صياد فجر أمس قرب الساحل ولقي حتفه.', published: pub, dates: amsi }, 0],
  ['a ceasefire is no shooting', { text: 'قتل أربعة جنود في قتال مع المتمردين أمس قبل محادثات لوقف إطلاق النار.', published: pub, dates: amsi, numbers: [{ surface: 'أربعة', value: 4 }] }, 0],
];

describe('state forces, fighting militants, crime', () => {
  it.each(cases)('%s', (_name, spec, want) => {
    expect(reportedAttacks(eventsOf(spec))).toHaveLength(want);
  });
});
