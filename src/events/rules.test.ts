// Table-driven tests for the rules that decide what is news, which day it happened and whose toll a
// count is: plans, foiled attempts, arrests, elapsed time, days of saying, separate incidents,
// running totals, duals, namesake towns. Every sentence was written for these tests.
import { describe, expect, it } from 'vitest';
import { E, eventsOf, reportedAttacks, type DocSpec, type EntitySpec } from './test-fixtures.js';

const L = {
  riyadh: { id: 'loc:riyadh', type: 'location', name: 'Riyadh', nameAr: 'الرياض', country: 'SA', kind: 'city', surfaces: ['الرياض'] },
  kuwait: { id: 'loc:kw', type: 'location', name: 'Kuwait', nameAr: 'الكويت', country: 'KW', kind: 'country', surfaces: ['الكويت'] },
  tunis: { id: 'loc:tunis', type: 'location', name: 'Tunis', nameAr: 'تونس', country: 'TN', kind: 'city', surfaces: ['تونس'] },
  agri: { id: 'loc:agri', type: 'location', name: 'Agri', nameAr: 'أغري', country: 'TR', kind: 'city', surfaces: ['أغري'] },
  mardin: { id: 'loc:mardin', type: 'location', name: 'Mardin', nameAr: 'ماردين', country: 'TR', kind: 'region', surfaces: ['ماردين'] },
  kenya: { id: 'loc:ke', type: 'location', name: 'Kenya', nameAr: 'كينيا', country: 'KE', kind: 'country', surfaces: ['كينيا'] },
  nigeria: { id: 'loc:ng', type: 'location', name: 'Nigeria', nameAr: 'نيجيريا', country: 'NG', kind: 'country', surfaces: ['نيجيريا'] },
  // a gazetteer namesake: the town of the story linked to a place of the same name abroad
  arish: { id: 'loc:arish', type: 'location', name: 'Arish', nameAr: 'العريش', country: 'EG', kind: 'city', surfaces: ['العريش'] },
  assiut: { id: 'loc:assiut', type: 'location', name: 'Assiut', nameAr: 'أسيوط', country: 'EG', kind: 'city', surfaces: ['أسيوط'] },
  senator: { id: 'per:dana-holt', type: 'person', name: 'Dana Holt', surfaces: ['Dana Holt', 'Holt'] },
  mayor: { id: 'per:omar-reid', type: 'person', name: 'Omar Reid', surfaces: ['Omar Reid', 'Reid'] },
  namesake: { id: 'loc:namesake', type: 'location', name: 'Kanu', nameAr: 'كانو', country: 'JP', kind: 'city', surfaces: ['كانو'] },
} satisfies Record<string, EntitySpec>;

type Expect = { reported: number; places?: (string | null)[]; orgs?: (string | null)[]; killed?: (number | null)[]; dates?: (string | null)[]; countries?: (string | null)[] };

const cases: [string, DocSpec, Expect][] = [
  [
    'a plan earlier in the sentence governs the attack words after it',
    {
      text: 'الداخلية تفكك خلية لداعش\n\nأعلنت الشرطة القبض على 20 عنصرا من داعش خططوا لإشاعة الفوضى وتفجير مساجد في الرياض.',
      published: '2019-04-02',
      entities: [E.isis, E.police, L.riyadh],
    },
    { reported: 0 },
  ],
  [
    'an attack a time span is counted from is history',
    {
      text: 'القبض على شبكة في الكويت\n\nألقت السلطات القبض على خمسة أشخاص بعد أكثر من شهر من تفجير مسجد في الكويت أودى بحياة 20 شخصا.',
      published: '2019-04-02',
      entities: [L.kuwait, E.isis],
    },
    { reported: 0 },
  ],
  [
    'the day of saying is not the day of the attack when another day is given',
    {
      text:
        'هوية الانتحاري\n\nكشفت الشرطة، أمس، عن هوية منفذ التفجير الانتحاري في الرياض.\n\n' +
        'وكان الانتحاري قد فجر نفسه في مسجد بالرياض الخميس الماضي.',
      published: '2019-04-07',
      entities: [E.police, L.riyadh],
      dates: [
        { surface: 'أمس', start: '2019-04-06' },
        { surface: 'الخميس الماضي', start: '2019-04-04' },
      ],
    },
    { reported: 1, dates: ['2019-04-04'] },
  ],
  [
    'a separate incident opens an attack of its own with its own toll',
    {
      text:
        'مقتل جنديين في هجوم انتحاري\n\nقتل جنديان في هجوم انتحاري لمسلحين على مركز في أغري الأحد.\n\n' +
        'وفي حادثة منفصلة، قتل جندي وجرح 3 آخرون الأحد عندما انفجر لغم أرضي بقافلة في ماردين.',
      published: '2019-04-07',
      entities: [L.agri, L.mardin],
      dates: [{ surface: 'الأحد', start: '2019-04-07' }],
      numbers: [{ surface: 'جنديان', value: 2 }],
    },
    { reported: 2, killed: [2, 1], countries: ['TR', 'TR'] },
  ],
  [
    'a running total over many attacks is not the toll of the news',
    {
      text:
        'هجوم انتحاري في أغري\n\nقتل 3 جنود في هجوم انتحاري على مركز في أغري الأحد.\n\n' +
        'وبحسب حصيلة للوكالة، قتل 17 عنصرا في هجمات للمسلحين منذ بداية الشهر.',
      published: '2019-04-07',
      entities: [L.agri],
      dates: [{ surface: 'الأحد', start: '2019-04-07' }],
    },
    { reported: 1, killed: [3] },
  ],
  [
    'a nationality adjective between the count and the verb is skipped',
    {
      text: 'هجوم في أغري\n\nقالت الوكالة إن جنديين تركيين قتلا في هجوم انتحاري على مركز في أغري الأحد.',
      published: '2019-04-07',
      entities: [L.agri],
      dates: [{ surface: 'الأحد', start: '2019-04-07' }],
      numbers: [{ surface: 'جنديين', value: 2 }],
    },
    { reported: 1, killed: [2] },
  ],
  [
    'attackers named just before a count are not victims',
    {
      text: 'هجوم على قاعدة\n\nهاجم مسلحون قاعدة في بغداد أمس، وقالت الشرطة إن المهاجمين الأربعة قتلوا برصاص الحراس.',
      published: '2019-04-07',
      entities: [E.baghdad, E.police],
      dates: [{ surface: 'أمس', start: '2019-04-06' }],
      numbers: [{ surface: 'الأربعة', value: 4 }],
    },
    { reported: 1, killed: [null] },
  ],
  [
    'a town linked to a namesake abroad takes the country the article is about',
    {
      text: 'تفجير انتحاري في سوق\n\nقتل 10 أشخاص في تفجير انتحاري في سوق بمدينة كانو شمال نيجيريا أمس، وقالت سلطات نيجيريا إن نيجيريا تواجه موجة هجمات.',
      published: '2019-04-07',
      entities: [L.nigeria, L.namesake],
      dates: [{ surface: 'أمس', start: '2019-04-06' }],
    },
    { reported: 1, countries: ['NG'] },
  ],
  [
    'a round-up incident given only by week is context',
    {
      text:
        'تفجير انتحاري في بغداد\n\nقتل 8 أشخاص في تفجير انتحاري في بغداد أمس.\n\n' +
        'وفي وقت سابق، قتل 5 أشخاص في هجوم آخر بسيارة مفخخة في الأسبوع الماضي.',
      published: '2019-04-07',
      entities: [E.baghdad],
      dates: [
        { surface: 'أمس', start: '2019-04-06' },
        { surface: 'الأسبوع الماضي', start: '2019-03-31', end: '2019-04-06', precision: 'range' },
      ],
    },
    { reported: 1, killed: [8] },
  ],
  [
    'last night is the day before publication',
    {
      text: 'انفجار في بغداد\n\nقتل 4 أشخاص في انفجار سيارة مفخخة في بغداد الليلة الماضية.',
      published: '2019-04-07',
      entities: [E.baghdad],
      realDates: true,
    },
    { reported: 1, dates: ['2019-04-06'] },
  ],
  [
    'an attempt the text says was foiled is not an attack',
    {
      text: 'وزير ينجو من اغتيال في تونس\n\nنجا الوزير أمس من محاولة لاغتياله خلال زيارة إلى تونس.\n\nوقالت مصادر إن يقظة الأمن أسهمت في إبطال عملية الاغتيال.',
      published: '2019-04-07',
      entities: [L.tunis],
      dates: [{ surface: 'أمس', start: '2019-04-06' }],
    },
    { reported: 0 },
  ],
  [
    'shots fired while being arrested belong to the arrest',
    {
      text: 'تفكيك خلية إرهابية\n\nتمكنت الشرطة من القبض على 9 إرهابيين في تونس، وعند ملاحقة أحدهم بادر بإطلاق النار على الدورية.',
      published: '2019-04-07',
      entities: [E.police, L.tunis],
    },
    { reported: 0 },
  ],
  [
    'seized explosives are not a bombing',
    {
      text: 'ضبط متفجرات\n\nضبطت الشرطة كمية كبيرة من المتفجرات في مخزن لخلية إرهابية في تونس.',
      published: '2019-04-07',
      entities: [E.police, L.tunis],
    },
    { reported: 0 },
  ],
  [
    'Friday prayer names a prayer, not a day',
    {
      text: 'اعتقالات في الكويت\n\nواعتقلت السلطات 5 أشخاص.\n\nووقع التفجير الانتحاري في مسجد بالكويت أثناء صلاة الجمعة يوم 26 يونيو وأسقط 20 قتيلا.',
      published: '2019-07-26',
      entities: [L.kuwait],
      realDates: true,
    },
    { reported: 0 },
  ],
  [
    'a named victim and a count of others add up',
    {
      text: 'انفجار في بغداد\n\nقتل ضابط و3 جنود في انفجار عبوة ناسفة في بغداد.',
      published: '2019-04-07',
      entities: [E.baghdad],
    },
    { reported: 1, killed: [4] },
  ],
  [
    'counts joined by and add up',
    {
      text: 'هجوم في بغداد\n\nقتل 12 جنديا و8 مدنيين في هجوم انتحاري استهدف سوقا في بغداد.',
      published: '2019-04-07',
      entities: [E.baghdad],
    },
    { reported: 1, killed: [20] },
  ],
  [
    'one victim in the accusative and a count in words add up',
    {
      text: 'هجوم في بغداد\n\nقتل جنديا وثمانية مقاولين في هجوم انتحاري على قاعدة قرب بغداد.',
      published: '2019-04-07',
      entities: [E.baghdad],
      numbers: [{ surface: 'ثمانية', value: 8 }],
    },
    { reported: 1, killed: [9] },
  ],
  [
    'in English a victim killed and others wounded are two clauses',
    {
      text: 'Stabbing in Manchester\n\nA man has been killed and four other people have been wounded in a stabbing attack in Manchester.',
      published: '2019-04-07',
      lang: 'en',
      entities: [E.manchester],
      numbers: [{ surface: 'four', value: 4 }],
    },
    { reported: 1, killed: [1] },
  ],
  [
    'responsibility for a killing states the killing as news',
    {
      text: 'مقتل مسؤول في مقديشو\n\nتبنت حركة الشباب مسؤوليتها عن قتل مسؤول محلي في مقديشو الاثنين، في بيان نشرته على موقع تابع لها.',
      published: '2019-04-09',
      entities: [E.shabaab, E.mogadishu],
      dates: [{ surface: 'الاثنين', start: '2019-04-08' }],
    },
    { reported: 1, dates: ['2019-04-08'], countries: ['SO'] },
  ],
  [
    'in English responsibility for a kidnapping states the kidnapping as news',
    {
      text: 'Aid worker seized\n\nAl-Shabaab has claimed responsibility for the kidnapping of an aid worker in Mogadishu on Monday.',
      published: '2019-04-09',
      lang: 'en',
      entities: [E.shabaab, E.mogadishu],
      dates: [{ surface: 'Monday', start: '2019-04-08' }],
    },
    { reported: 1, dates: ['2019-04-08'], countries: ['SO'] },
  ],
  [
    'a date in a relative clause on another noun does not date the attack',
    {
      text:
        'مقتل مسؤول في مقديشو\n\nتبنت حركة الشباب مسؤوليتها عن قتل مسؤول محلي في مقديشو الاثنين.\n\n' +
        'ووقعت عملية الاغتيال بينما كان الوزير الذي يغادر اليوم إلى كينيا يلقي كلمة.',
      published: '2019-04-09',
      entities: [E.shabaab, E.mogadishu, L.kenya],
      dates: [
        { surface: 'الاثنين', start: '2019-04-08' },
        { surface: 'اليوم', start: '2019-04-09' },
      ],
    },
    { reported: 1, dates: ['2019-04-08'] },
  ],
  [
    'a group named just after another one in a claim is its parent, not the claimant',
    {
      text: 'مقتل مسؤول في مقديشو\n\nأعلنت حركة الشباب الموالية لتنظيم القاعدة مسؤوليتها عن قتل مسؤول محلي في مقديشو الاثنين.',
      published: '2019-04-09',
      entities: [E.shabaab, E.mogadishu, { id: 'org:al-qaeda', type: 'organization', name: 'al-Qaeda', nameAr: 'تنظيم القاعدة', kind: 'militant', surfaces: ['القاعدة'] }],
      dates: [{ surface: 'الاثنين', start: '2019-04-08' }],
    },
    { reported: 1, orgs: ['org:al-shabaab'] },
  ],
  [
    'wiping out (القضاء على) is no court: the attack in the same sentence stays news',
    {
      text: 'هجوم في نيجيريا\n\nقتل 9 أشخاص في هجوم انتحاري على سوق في نيجيريا، فيما تعهد الجيش أمس بالقضاء على المسلحين.',
      published: '2019-04-09',
      entities: [L.nigeria],
    },
    { reported: 1, killed: [9] },
  ],
  [
    'a later rocket with its own toll in a story about a shooting is another event',
    {
      text:
        'اغتيال مسؤول في مقديشو\n\nاغتال مسلحون مسؤولا محليا بإطلاق النار عليه في مقديشو الاثنين.\n\n' +
        'وندد الرئيس بالجريمة.\n\nوتواصل القوات حملتها في الجنوب.\n\nوقال أحد السكان إن صاروخ أصاب منزلا وقتل 5 مدنيين.',
      published: '2019-04-09',
      entities: [E.mogadishu],
      dates: [{ surface: 'الاثنين', start: '2019-04-08' }],
    },
    { reported: 1, killed: [null] },
  ],
  [
    'a reminder (يذكر أن) restating the attack at its place gives the news its day',
    {
      text:
        'هوية منفذ تفجير الرياض\n\nكشفت الشرطة، أمس، عن هوية منفذ التفجير الانتحاري في مسجد بالرياض.\n\n' +
        'وقال مسؤول إن التحقيقات مستمرة.\n\nوأضاف أن الشرطة تلاحق شركاءه.\n\n' +
        'يذكر أن الانتحاري فجر نفسه داخل مسجد في الرياض الخميس الماضي.',
      published: '2019-04-07',
      entities: [E.police, L.riyadh],
      dates: [
        { surface: 'أمس', start: '2019-04-06' },
        { surface: 'الخميس الماضي', start: '2019-04-04' },
      ],
    },
    { reported: 1, dates: ['2019-04-04'] },
  ],
  [
    'a date after the army acting later in the sentence is the army\'s, not the attack\'s',
    {
      text:
        'تفجير في ماردين\n\nقتل جنديان في تفجير سيارة مفخخة في ماردين الخميس.\n\nوقال الوالي إن التحقيق مستمر.\n\nوقالت الشرطة إن القتلى من الجنود.\n\n' +
        'وفي ما بدا ردا على أحدث هجوم، عاودت المدفعية أمس قصف مواقع المسلحين في الجبال.',
      published: '2019-04-09',
      entities: [L.mardin],
      dates: [
        { surface: 'الخميس', start: '2019-04-04' },
        { surface: 'أمس', start: '2019-04-08' },
      ],
    },
    { reported: 1, dates: ['2019-04-04'] },
  ],
  [
    'in English the attack "last July" dates an undated lead: a survivor\'s story is history, not news',
    {
      text:
        'Lyon attack survivor speaks\n\nA teacher who was stabbed in the Lyon attack has spoken about the day she hid her pupils. ' +
        'Two people were killed in the attack last July. She now helps other survivors.',
      published: '2019-04-09',
      lang: 'en',
      entities: [E.lyon],
      dates: [{ surface: 'last July', start: '2018-07-01', end: '2018-07-31', precision: 'month' }],
    },
    { reported: 0 },
  ],
  [
    'a date closing a long saying clause before its "that" is the day of saying',
    {
      text:
        'هجوم في الرياض\n\nأصيب 3 جنود في تفجير عبوة ناسفة في الرياض الجمعة.\n\nوقال الوالي إن التحقيق مستمر.\n\nوقالت الشرطة إن الجنود بحالة جيدة.\n\n' +
        'وقالت مصادر أمنية محلية في تصريحات صحفية مساء أمس إن عبوة ناسفة انفجرت في قرية قرب الكويت وأصابت طفلا.',
      published: '2019-04-09',
      entities: [L.riyadh, L.kuwait],
      dates: [
        { surface: 'الجمعة', start: '2019-04-05' },
        { surface: 'مساء أمس', start: '2019-04-08' },
      ],
    },
    { reported: 1, dates: ['2019-04-05'] },
  ],
  [
    'two attack words side by side share the place named after the second (انفجار قنبلة في …)',
    {
      text:
        'تفجير في الرياض\n\nأصيب 12 شرطيا في انفجار عبوة ناسفة استهدف حافلتهم في الرياض الأحد.\n\nوقال مسؤول إن الحافلة كانت تقل شرطيين.\n\n' +
        'وقال الوالي إن التحقيق مستمر.\n\nوالخميس الماضي، قتل 4 جنود في انفجار قنبلة عند مرور دوريتهم في أبها.',
      published: '2019-04-08',
      entities: [L.riyadh, { id: 'loc:abha', type: 'location', name: 'Abha', nameAr: 'أبها', country: 'SA', kind: 'city', surfaces: ['أبها'] }],
      dates: [
        { surface: 'الأحد', start: '2019-04-07' },
        { surface: 'الخميس الماضي', start: '2019-04-04' },
      ],
    },
    { reported: 1, killed: [null] },
  ],
  [
    'in English a count with a short parenthetical before its verb is still the toll',
    {
      text: 'Bomb in Lyon\n\nAt least 12 people, most of them tourists, have been killed in a bomb attack in Lyon on Monday.',
      published: '2019-04-09',
      lang: 'en',
      entities: [E.lyon],
      dates: [{ surface: 'Monday', start: '2019-04-08' }],
    },
    { reported: 1, killed: [12] },
  ],
  [
    "a round-up toll broken down into single attacks is no single attack's toll: each attack stands alone",
    {
      text:
        'هجمات في بغداد\n\nقتل 14 شخصا على الأقل الاثنين في هجمات استهدفت أحياء في بغداد.\n\n' +
        'وقال مصدر في الشرطة إن 9 أشخاص قتلوا في انفجار سيارة مفخخة قرب سوق شعبي.\n\n' +
        'وبعد ساعة، قتل خمسة أشخاص وجرح 12 بهجوم على حاجز للشرطة في الحي الشرقي.\n\n' +
        'وقال المصدر إن الهجوم نفذه انتحاري يرتدي حزاما ناسفا.',
      published: '2019-04-09',
      entities: [E.baghdad],
      dates: [{ surface: 'الاثنين', start: '2019-04-08' }],
      numbers: [{ surface: 'خمسة', value: 5 }],
    },
    { reported: 2, killed: [9, 5], dates: ['2019-04-08', '2019-04-08'], countries: ['IQ', 'IQ'] },
  ],
  [
    'a toll larger than the round-up total is not a breakdown of it',
    {
      text:
        'هجمات في بغداد\n\nقتل 10 أشخاص الاثنين في هجمات استهدفت أحياء في بغداد.\n\n' +
        'وقال مصدر إن 9 أشخاص قتلوا في انفجار سيارة مفخخة قرب سوق شعبي.\n\n' +
        'إلى ذلك، قتل 4 أشخاص في هجوم استهدف نقطة تفتيش للشرطة.',
      published: '2019-04-09',
      entities: [E.baghdad],
      dates: [{ surface: 'الاثنين', start: '2019-04-08' }],
    },
    { reported: 1, killed: [10] },
  ],
  [
    'a later sentence naming another day does not move a day already told',
    {
      text:
        'تفجير في بغداد\n\nقتل 7 أشخاص الأربعاء في تفجير سيارة مفخخة في بغداد.\n\n' +
        'وكان أعنف التفجيرات الثلاثاء قد استهدف سوقا في بغداد.',
      published: '2019-04-11',
      entities: [E.baghdad],
      dates: [
        { surface: 'الأربعاء', start: '2019-04-10' },
        { surface: 'الثلاثاء', start: '2019-04-09' },
      ],
    },
    { reported: 1, dates: ['2019-04-10'] },
  ],
  [
    '"no casualties" is a toll of zero, in a sentence of its own too',
    {
      text: 'Bus bomb in Lyon\n\nA bomb exploded on an empty bus in Lyon on Monday night.\n\nIt was parked at a depot. There were no casualties.',
      published: '2019-04-09',
      lang: 'en',
      entities: [E.lyon],
      dates: [{ surface: 'Monday night', start: '2019-04-08' }],
    },
    { reported: 1, killed: [0] },
  ],
  [
    'Arabic "without casualties" is a toll of zero, and a count given elsewhere is kept',
    {
      text: 'انفجار في بغداد\n\nانفجرت عبوة ناسفة في بغداد أمس دون وقوع إصابات.\n\nوفي حادثة منفصلة، قتل 3 أشخاص في انفجار عبوة ناسفة في بغداد أمس دون وقوع إصابات أخرى.',
      published: '2019-04-09',
      entities: [E.baghdad],
      dates: [{ surface: 'أمس', start: '2019-04-08' }],
    },
    { reported: 2, killed: [0, 3] },
  ],
  [
    'one victim coordinated after a count and before the verb is counted too',
    {
      text: 'انفجار في بغداد\n\nقالت الشرطة إن 3 جنود عراقيين وسائقا مدنيا قتلوا في انفجار عبوة ناسفة على طريق في بغداد أمس.',
      published: '2019-04-09',
      entities: [E.baghdad],
      dates: [{ surface: 'أمس', start: '2019-04-08' }],
    },
    { reported: 1, killed: [4] },
  ],
  [
    'a street named after another city is not where the attack was; an ordinal in a district name opens nothing',
    {
      text: 'انفجار في العريش\n\nأثناء مرور مدرعة بشارع أسيوط في قسم ثالث العريش، انفجرت عبوة ناسفة ما أسفر عن مقتل شرطيين أمس.',
      published: '2019-04-09',
      entities: [L.arish, L.assiut],
      dates: [{ surface: 'أمس', start: '2019-04-08' }],
      numbers: [{ surface: 'شرطيين', value: 2 }],
    },
    { reported: 1, killed: [2], places: ['Arish'] },
  ],
  [
    'in English a bare attack on a named person with no weapon or toll is words, not violence',
    {
      text: 'Senator Dana Holt launched a fresh attack on Omar Reid in Lyon on Monday over his budget. It came a week after a terror alert in the city.',
      published: '2019-04-09',
      lang: 'en',
      entities: [L.senator, L.mayor, E.lyon],
      dates: [{ surface: 'Monday', start: '2019-04-08' }],
    },
    { reported: 0 },
  ],
  [
    'in English a shooting attack on a named person is an attack',
    {
      text: 'Mayor shot in Lyon\n\nGunmen opened fire in an attack on Omar Reid in Lyon on Monday, wounding him and two guards.',
      published: '2019-04-09',
      lang: 'en',
      entities: [L.mayor, E.lyon],
      dates: [{ surface: 'Monday', start: '2019-04-08' }],
    },
    { reported: 1 },
  ],
  [
    'in English a strike made by mistake is an accident, not an attack',
    {
      text: 'A bomb dropped by mistake from a training jet hit a village near Lyon on Monday, killing 2 people and injuring 15.',
      published: '2019-04-09',
      lang: 'en',
      entities: [E.lyon],
      dates: [{ surface: 'Monday', start: '2019-04-08' }],
    },
    { reported: 0 },
  ],
  [
    'an explosion caused by a gas leak is an accident, not an attack',
    {
      text: 'قتل 3 أشخاص في انفجار هز مطعما في بغداد أمس، وقالت الشرطة إنه ناجم عن تسرب غاز في المطبخ.',
      published: '2019-04-09',
      entities: [E.baghdad],
      dates: [{ surface: 'أمس', start: '2019-04-08' }],
    },
    { reported: 0 },
  ],
  [
    'a round-up of two attacks with one victim each splits, and a repeated headline total counts for neither',
    {
      text:
        'أفاد مسؤول عسكري بمقتل جنديين اليوم الأحد في هجومين شنهما مسلحون من داعش في شرق تركيا.\n\n' +
        'وقتل جندي في هجوم على دورية في أغري.\n\n' +
        'وقتل جندي آخر في هجوم على مركز في ماردين.\n\n' +
        'رابط الخبر: مقتل جنديين في هجومين في شرق تركيا',
      published: '2019-04-07',
      entities: [L.agri, L.mardin, E.isis],
      dates: [{ surface: 'اليوم الأحد', start: '2019-04-07' }],
      numbers: [{ surface: 'جنديين', value: 2 }],
    },
    { reported: 2, killed: [1, 1], dates: ['2019-04-07', '2019-04-07'], orgs: ['org:isis', 'org:isis'] },
  ],
  [
    "another blast told right after the lead, with no day or place of its own, shares the lead's day and place",
    {
      text: 'لقي 12 شخصا حتفهم اليوم الأحد بانفجار سيارة مفخخة قرب سوق للخضار في بغداد. كما قتل 4 آخرون في تفجير آخر شرقي المدينة.',
      published: '2019-04-07',
      entities: [E.baghdad],
      dates: [{ surface: 'اليوم الأحد', start: '2019-04-07' }],
    },
    { reported: 2, killed: [12, 4], dates: ['2019-04-07', '2019-04-07'], countries: ['IQ', 'IQ'] },
  ],
  [
    'forces answering an attack that militants launched do not make it a state operation',
    {
      text: 'لقي جندي حتفه في بغداد اليوم الأحد حين تصدت قوات الجيش لهجوم شنه مسلحون من داعش على حاجز.',
      published: '2019-04-07',
      entities: [E.baghdad, E.isis],
      dates: [{ surface: 'اليوم الأحد', start: '2019-04-07' }],
    },
    { reported: 1 },
  ],
  [
    'with no place named, the nationality adjective gives the country; "the incident happened on" gives the day',
    {
      text: 'قالت وزارة الدفاع الجزائرية إن تسعة جنود قتلوا في هجوم مسلح على دورية في منطقة جبلية. وأضافت أن الحادثة وقعت يوم 5 أبريل مساء.',
      published: '2019-04-09',
      dates: [{ surface: '5 أبريل', start: '2019-04-05' }],
      numbers: [{ surface: 'تسعة', value: 9 }],
    },
    { reported: 1, killed: [9], countries: ['DZ'], dates: ['2019-04-05'] },
  ],
  [
    'the attack an operation answers (ردا على الهجوم) is its cause, told as context',
    {
      text: 'أعلن الجيش مقتل 16 مسلحا في حملة تمشيط قرب بغداد ردا على الهجوم الذي طال نقطة عسكرية مساء الجمعة.',
      published: '2019-04-09',
      entities: [E.baghdad],
      dates: [{ surface: 'مساء الجمعة', start: '2019-04-05' }],
    },
    { reported: 0 },
  ],
  [
    'a warning of the risk of terrorist acts is no attack',
    {
      text: 'نبه محافظ ليون أمس إلى مخاطر وقوع أعمال إرهابية في ليون أثناء المهرجان الصيفي.',
      published: '2019-04-09',
      entities: [E.lyon],
      dates: [{ surface: 'أمس', start: '2019-04-08' }],
    },
    { reported: 0 },
  ],
  [
    'in English "a stab at" is a figure of speech, not a stabbing',
    {
      text: 'The minister said the riot near Lyon on Monday was a stab at civil peace and a terror tactic by extremists.',
      published: '2019-04-09',
      lang: 'en',
      entities: [E.lyon],
      dates: [{ surface: 'Monday', start: '2019-04-08' }],
    },
    { reported: 0 },
  ],
  [
    'a challenge to a result (الطعن في النتائج) is no stabbing',
    {
      text: 'أعلن المرشح الخاسر أمس في بغداد الطعن في نتائج الانتخابات بعد هجمات داعش على مراكز الاقتراع.',
      published: '2019-04-09',
      entities: [E.baghdad, E.isis],
      dates: [{ surface: 'أمس', start: '2019-04-08' }],
    },
    { reported: 0 },
  ],
  [
    'in English firebombs thrown at a building are an arson attack',
    {
      text: 'Worshippers fled a synagogue in Lyon on Friday after firebombs were thrown at the building. One person was injured.',
      published: '2019-04-06',
      lang: 'en',
      entities: [E.lyon],
      dates: [{ surface: 'on Friday', start: '2019-04-05' }],
    },
    { reported: 1, countries: ['FR'] },
  ],
  [
    'attacks in two countries on one recent day: one attack each, the day shared, the total toll neither\'s, and no place from a relative clause',
    {
      text:
        'قتل أكثر من 30 شخصا أمس في هجمات لداعش في العراق ونيجيريا التي انتقد رئيسها كينيا.\n\n' +
        'والهجوم في بغداد أسفر عن مقتل 12 شخصا، فيما لقي 18 مصرعهم في تفجيرين في كانو.',
      published: '2019-04-09',
      entities: [E.baghdad, E.isis, L.nigeria, L.kenya, { id: 'loc:iq', type: 'location', name: 'Iraq', nameAr: 'العراق', country: 'IQ', kind: 'country', surfaces: ['العراق'] }, { ...L.namesake, country: 'NG' }],
      dates: [{ surface: 'أمس', start: '2019-04-08' }],
    },
    { reported: 2, killed: [12, 18], countries: ['IQ', 'NG'], dates: ['2019-04-08', '2019-04-08'] },
  ],
  [
    'weapon words in an article with no terror and no casualties are no attack (a pencil, a food package)',
    {
      text: 'طريقة صنع شاشة عرض في الرياض\n\nتحتاج إلى علبة ورق مقوى وقلم رصاص وعبوة غراء صغيرة، ثم تثبت الهاتف أمام العدسة أمس.',
      published: '2019-04-09',
      entities: [L.riyadh],
      dates: [{ surface: 'أمس', start: '2019-04-08' }],
    },
    { reported: 0 },
  ],
  [
    'a name nothing could place, whose id looks like a country code, gives way to the nationality adjective',
    {
      text: 'قالت وزارة الدفاع الجزائرية إن تسعة جنود قتلوا في هجوم مسلح على دورية قرب عين أمس.',
      published: '2019-04-09',
      entities: [{ id: 'loc:in', type: 'location', name: 'In', country: null, surfaces: ['عين'] }],
      dates: [{ surface: 'أمس', start: '2019-04-08' }],
      numbers: [{ surface: 'تسعة', value: 9 }],
    },
    { reported: 1, countries: ['DZ'] },
  ],
  [
    'in English "the attack" right after a cyber attack is that cyber attack',
    {
      text: 'A ransomware attack on a payroll firm in Lyon has stopped salaries at two hospitals. The attack, first noticed on Monday, locked staff out of their accounts. Counter-terrorism police said they were not involved.',
      published: '2019-04-09',
      lang: 'en',
      entities: [E.lyon],
      dates: [{ surface: 'on Monday', start: '2019-04-08' }],
    },
    { reported: 0 },
  ],
  [
    'an opinion piece naming bombings with no day, no toll and no headline mention reports no attack',
    {
      text: 'الفكر المتطرف وجذوره\n\nيرى الكاتب أن الجماعات الإرهابية التي تلجأ إلى تفجير المساجد بالأحزمة الناسفة تستغل جهل الشباب وحماسهم.',
      published: '2019-04-02',
      entities: [E.isis],
    },
    { reported: 0 },
  ],
  [
    'a headline attack with no day and no toll is still the news',
    {
      text: 'تفجير انتحاري يستهدف مسجدا في الرياض\n\nفجر انتحاري نفسه داخل مسجد في الرياض وسط المصلين.',
      published: '2019-04-02',
      entities: [L.riyadh],
    },
    { reported: 1 },
  ],
  [
    'a kidnapping told only in the body, with no day or toll, is still news (hostages are no toll)',
    {
      text: 'بيان جديد للتنظيم في ليبيا\n\nقال تنظيم داعش إنه خطف ثلاثة عمال أجانب في شرق ليبيا ونشر صورهم.',
      published: '2019-04-02',
      entities: [E.isis, { id: 'loc:ly', type: 'location', name: 'Libya', nameAr: 'ليبيا', country: 'LY', kind: 'country', surfaces: ['ليبيا'] }],
    },
    { reported: 1 },
  ],
  [
    'an attack with a toll told only in the body is news',
    {
      text: 'أخبار متفرقة\n\nقتل خمسة أشخاص في تفجير سيارة مفخخة قرب سوق في العريش.',
      published: '2019-04-02',
      entities: [L.arish],
      numbers: [{ surface: 'خمسة', value: 5 }],
    },
    { reported: 1, killed: [5] },
  ],
];

describe('news, days and tolls', () => {
  it.each(cases)('%s', (_name, spec, want) => {
    const attacks = reportedAttacks(eventsOf(spec));
    expect(attacks).toHaveLength(want.reported);
    if (want.killed) expect(attacks.map((a) => a.killed)).toEqual(want.killed);
    if (want.orgs) expect(attacks.map((a) => a.organization)).toEqual(want.orgs);
    if (want.dates) expect(attacks.map((a) => (a.date && a.date.start === a.date.end ? a.date.start : null))).toEqual(want.dates);
    if (want.countries) expect(attacks.map((a) => a.location?.country ?? null)).toEqual(want.countries);
    if (want.places) expect(attacks.map((a) => a.location?.name ?? null)).toEqual(want.places);
  });

  it('evidence spans index the text exactly', () => {
    const spec = cases[3][1];
    for (const e of eventsOf(spec)) for (const s of e.evidence) expect(spec.text.slice(s.start, s.end)).toBe(s.text);
  });
});
