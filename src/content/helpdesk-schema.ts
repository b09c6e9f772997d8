import { IANAZone } from 'luxon';
import { z } from 'zod';
import { FEDERAL_HOLIDAY_IDS } from './holiday-ids';
import { contentId } from './schemas';

/**
 * Shape of knowledge/helpdesk.yaml: the e-Help Desk facts (number, hours, days) and the
 * sentences the bot says about them. Wording lives in the file; code only fills placeholders.
 */

/** Weekday names as written in the file, Monday first (index + 1 = luxon's weekday number). */
export const WEEKDAY_NAMES = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'] as const;

/**
 * The placeholders each template may use; `required` ones must appear, since a sentence
 * without them would leave out the fact it exists to give. describe-status fills every name
 * listed here, so the file can use each of them.
 */
export const TEMPLATE_PLACEHOLDERS = {
  openNow: { required: ['closesEt', 'closesLocal'], optional: [] },
  openNowSameZone: { required: ['closesEt'], optional: [] },
  closingSoon: { required: [], optional: ['closesEt', 'closesLocal'] },
  closedNow: { required: ['opensDayEt', 'opensEt', 'opensLocal'], optional: [] },
  closedNowSameZone: { required: ['opensDayEt', 'opensEt'], optional: [] },
  closedHoliday: { required: ['holiday', 'opensDayEt', 'opensEt', 'opensLocal'], optional: [] },
  closedHolidaySameZone: { required: ['holiday', 'opensDayEt', 'opensEt'], optional: [] },
  localDayAndTime: { required: ['day', 'time'], optional: [] },
} as const satisfies Record<string, { required: readonly string[]; optional: readonly string[] }>;

export type TemplateKey = keyof typeof TEMPLATE_PLACEHOLDERS;

/** The {name} placeholders in a template, in order of appearance. */
export function placeholdersIn(template: string): string[] {
  return [...template.matchAll(/\{([^{}]*)\}/g)].map((match) => match[1] ?? '');
}

function templateSchema(key: TemplateKey) {
  const { required, optional } = TEMPLATE_PLACEHOLDERS[key];
  const allowed = new Set<string>([...required, ...optional]);
  return z
    .string()
    .min(3)
    .superRefine((template, ctx) => {
      const used = placeholdersIn(template);
      for (const name of used.filter((n) => !allowed.has(n))) {
        const names = [...allowed].join(', ') || 'none';
        ctx.addIssue({ code: 'custom', message: `unknown placeholder {${name}}; allowed: ${names}` });
      }
      for (const name of required.filter((n) => !used.includes(n))) {
        ctx.addIssue({ code: 'custom', message: `must contain {${name}}` });
      }
    });
}

const templatesSchema = z
  .object(
    Object.fromEntries(
      (Object.keys(TEMPLATE_PLACEHOLDERS) as TemplateKey[]).map((key) => [key, templateSchema(key)]),
    ) as { [K in TemplateKey]: ReturnType<typeof templateSchema> },
  )
  .strict();

/** A 24-hour clock time written as HH:MM. */
const timeOfDay = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be a 24-hour time written as HH:MM');

/** Minutes after midnight of an HH:MM time (the schema has already checked the form). */
export function minutesOfDay(time: string): number {
  const [hours = 0, minutes = 0] = time.split(':').map(Number);
  return hours * 60 + minutes;
}

const ianaZone = z
  .string()
  .refine((zone) => IANAZone.isValidZone(zone), 'must be an IANA time zone such as America/New_York');

const digitsOf = (text: string) => text.replace(/\D/g, '');

export const helpdeskSchema = z
  .object({
    /** The number as people read and dial it. */
    number: z.string().regex(/^1-\d{3}-\d{3}-\d{4}$/, 'must be written like 1-888-841-4648'),
    /** The same number as a link (E.164), for channels that make it tappable. */
    telLink: z.string().regex(/^tel:\+\d{8,15}$/, 'must be a tel: link in E.164 form, e.g. tel:+18888414648'),
    /** The zone the notice states the hours in. */
    zone: ianaZone,
    hours: z
      .object({ opens: timeOfDay, closes: timeOfDay })
      .strict()
      .refine(({ opens, closes }) => minutesOfDay(opens) < minutesOfDay(closes), 'opens must be before closes'),
    days: z
      .array(z.enum(WEEKDAY_NAMES))
      .min(1)
      .refine((days) => new Set(days).size === days.length, 'days must not repeat'),
    closedOnFederalHolidays: z.boolean(),
    /** Says which of the facts above are ours rather than the notice's. */
    assumption: z.string().min(20),
    /** What to do after dialling, in order. */
    menuSteps: z.array(z.string().min(3)).min(1),
    /** What callers must have to hand. */
    haveReady: z.array(z.string().min(3)).min(1),
    tryOnlineFirst: z.string().min(20),
    /** How long before closing the bot warns that hold times may run past closing. */
    closingSoonMinutes: z.number().int().positive(),
    /** Ids from knowledge/sources.yaml for the facts above. */
    sources: z.array(contentId).min(1),
    templates: templatesSchema,
    /** Display names of the federal holidays, by id; every holiday needs one. */
    holidays: z.record(z.enum(FEDERAL_HOLIDAY_IDS), z.string().min(3)),
  })
  .strict()
  .refine(({ number, telLink }) => digitsOf(number) === digitsOf(telLink), {
    message: 'telLink must dial the same digits as number',
    path: ['telLink'],
  })
  .refine(
    ({ hours, closingSoonMinutes }) => closingSoonMinutes < minutesOfDay(hours.closes) - minutesOfDay(hours.opens),
    { message: 'closingSoonMinutes must be shorter than the opening hours', path: ['closingSoonMinutes'] },
  );

export type Helpdesk = z.infer<typeof helpdeskSchema>;
export type HelpdeskTemplates = Helpdesk['templates'];
