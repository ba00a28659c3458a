// The analysis contract as a zod schema: validates output in tests and is published as JSON
// Schema by `marsad schema analysis`.
import { z } from 'zod';

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const span = z.object({ start: z.number().int().nonnegative(), end: z.number().int().nonnegative(), text: z.string() });

export const entitySchema = z.looseObject({
  id: z.string().regex(/^(per|org|loc|misc):/),
  type: z.enum(['person', 'organization', 'location']),
  name: z.string(),
  nameAr: z.string().nullable().optional(),
  aliases: z.array(z.string()).optional(),
  country: z.string().length(2).nullable().optional(),
  lat: z.number().optional(),
  lon: z.number().optional(),
  sanctions: z.array(z.looseObject({ list: z.string(), ref: z.string() })).optional(),
  mentions: z.array(span),
});

export const eventSchema = z.looseObject({
  id: z.string(),
  type: z.enum(['attack', 'claim', 'incitement', 'threat', 'warning', 'arrest', 'foiled-plot']),
  reported: z.boolean(),
  attackTypes: z
    .array(z.enum(['bombing', 'suicide-bombing', 'shooting', 'stabbing', 'vehicle-ramming', 'hostage-taking', 'kidnapping', 'arson', 'assassination', 'rocket-mortar', 'other']))
    .optional(),
  date: z.object({ start: day, end: day }).nullable(),
  location: z
    .looseObject({ name: z.string(), nameAr: z.string().nullable().optional(), country: z.string().length(2).nullable(), lat: z.number().optional(), lon: z.number().optional() })
    .nullable(),
  killed: z.number().int().nonnegative().nullable(),
  killedApprox: z.boolean(),
  injured: z.number().int().nonnegative().nullable(),
  injuredApprox: z.boolean(),
  perpetrators: z.array(z.string()),
  organization: z.string().nullable(),
  actor: z.string().nullable(),
  targetCountry: z.string().length(2).nullable(),
  about: z.string().nullable(),
  claim: z
    .looseObject({ status: z.enum(['claimed', 'unclaimed', 'denied']), delayHours: z.number().nonnegative().nullable() })
    .nullable(),
  lone: z.boolean().nullable(),
  evidence: z.array(span),
  confidence: z.number().min(0).max(1),
});

export const analysisSchema = z.looseObject({
  schema: z.literal('marsad.analysis/v1'),
  id: z.string().optional(),
  language: z.string().min(2),
  published: day.nullable(),
  title: z.string().nullable(),
  author: z.string().nullable(),
  text: z.string(),
  removed: z.array(z.object({ kind: z.enum(['shortcode', 'trailer', 'byline', 'boilerplate']), text: z.string() })),
  entities: z.array(entitySchema),
  events: z.array(eventSchema),
});

/** `--jsonl` input record. */
export const inputRecordSchema = z.object({
  id: z.union([z.string(), z.number()]).transform(String),
  text: z.string(),
  published: day.nullable().optional(),
  title: z.string().nullable().optional(),
  url: z.string().nullable().optional(),
  lang: z.string().optional(),
});

export function analysisJsonSchema(): unknown {
  return z.toJSONSchema(analysisSchema, { target: 'draft-2020-12' });
}

/** Every span must index `text` exactly: the invariant the dashboard's highlights rely on. */
export function spanErrors(a: { text: string; entities: { mentions: z.infer<typeof span>[] }[]; events: { evidence: z.infer<typeof span>[] }[] }): string[] {
  const errs: string[] = [];
  const check = (s: z.infer<typeof span>, where: string) => {
    if (a.text.slice(s.start, s.end) !== s.text) errs.push(`${where}: [${s.start},${s.end}) is "${a.text.slice(s.start, s.end)}", not "${s.text}"`);
  };
  a.entities.forEach((e, i) => e.mentions.forEach((m) => check(m, `entities[${i}]`)));
  a.events.forEach((e, i) => e.evidence.forEach((m) => check(m, `events[${i}]`)));
  return errs;
}
