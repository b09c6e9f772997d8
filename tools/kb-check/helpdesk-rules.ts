import type { ContentProblem } from '../../src/content/content-error';
import type { Content } from '../../src/content/load-content';
import { minutesOfDay } from '../../src/content/helpdesk-schema';
import type { ContentText } from './content-texts';
import { BUSINESS_DAYS, OTHER_PHONE_NUMBERS, type SourcedNumber } from './sourced-numbers';

/**
 * The e-Help Desk's facts said the same way everywhere: its number and hours as in
 * knowledge/helpdesk.yaml, other numbers only with the source that gives them, and the days and
 * holidays (our assumption) never stated without saying so (review A1).
 */

const PHONE = /(?<![\d-])(?:\+?1[-. ])?(?:\(\d{3}\) ?|\d{3}[-. ])\d{3}[-. ]\d{4}(?![\d-])/g;
const TIME = /\b(1[0-2]|0?[1-9])(?::([0-5]\d))? ?([ap])\.m\./gi;
const BUSINESS_DAY_COUNT = /\b(\d+) business days/gi;
const DAY_WORDS = /\b(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|weekdays?|weekends?|holidays?)\b/i;
const HEDGE = /assum|probabl|doesn.t (say|mention)|gives no days|no days|not confirmed|can.t tell|isn.t sure/i;
const ABOUT_THE_DESK = /e-Help Desk|help desk|\bdesk\b/i;
/** Placeholders the bot fills with the assumed days: the desk's days, a holiday, the next opening day. */
const DAY_PLACEHOLDERS = /\{(days|holiday|opensDayEt)\}/;

const digitsOf = (text: string) => text.replace(/\D/g, '').replace(/^1(?=\d{10}$)/, '');

/** The texts to read once each: the card as a whole is read through its parts. */
const spoken = (texts: readonly ContentText[]) => texts.filter((text) => text.kind !== 'helpdesk-card');

export function phoneNumbersAreKnown(texts: readonly ContentText[], content: Content): ContentProblem[] {
  const desk = content.helpdesk.number;
  const problems: ContentProblem[] = [];
  for (const text of spoken(texts)) {
    for (const [written] of text.text.matchAll(PHONE)) {
      const digits = digitsOf(written);
      if (digits === digitsOf(desk)) {
        if (written !== desk)
          problems.push({ ...at(text), message: `writes the desk's number as "${written}": write it as ${desk}` });
        continue;
      }
      const known = OTHER_PHONE_NUMBERS.find((number) => digitsOf(number.value) === digits);
      if (!known) {
        problems.push({
          ...at(text),
          message:
            `gives the phone number "${written}", which is not the desk's (${desk}, knowledge/helpdesk.yaml) ` +
            'and has no source in tools/kb-check/sourced-numbers.ts',
        });
      } else if (written !== known.value) {
        problems.push({ ...at(text), message: `writes "${written}": write it as ${known.value}` });
      } else {
        problems.push(...notBackedBy(text, known, `the number ${written}`));
      }
    }
  }
  return problems;
}

/** Every time of day stated is the desk's opening or closing time, unless it is credited to someone. */
export function hoursMatchTheDesk(texts: readonly ContentText[], content: Content): ContentProblem[] {
  const { opens, closes } = content.helpdesk.hours;
  const allowed = new Set([minutesOfDay(opens), minutesOfDay(closes)]);
  const problems: ContentProblem[] = [];
  for (const text of spoken(texts)) {
    for (const sentence of sentences(text.text)) {
      if (/according to/i.test(sentence)) continue;
      for (const match of sentence.matchAll(TIME)) {
        const hour = (Number(match[1]) % 12) + (match[3].toLowerCase() === 'p' ? 12 : 0);
        const minutes = hour * 60 + Number(match[2] ?? 0);
        if (!allowed.has(minutes))
          problems.push({
            ...at(text),
            message:
              `says "${match[0]}", but the desk's hours are ${opens} to ${closes} Eastern (knowledge/helpdesk.yaml); ` +
              'another line\'s hours must say whose they are ("according to …")',
          });
      }
    }
  }
  return problems;
}

/**
 * A sentence about the desk that names days or holidays says they are our assumption; a
 * template that fills them in ({days}, {holiday}, {opensDayEt}) says so somewhere in it.
 */
export function daysAreHedged(texts: readonly ContentText[]): ContentProblem[] {
  const problems: ContentProblem[] = [];
  for (const text of spoken(texts)) {
    const aboutDesk = text.kind === 'helpdesk' || ABOUT_THE_DESK.test(text.text);
    if (!aboutDesk) continue;
    const filled = DAY_PLACEHOLDERS.exec(text.text);
    if (filled && !HEDGE.test(text.text))
      problems.push({
        ...at(text),
        message: `fills in ${filled[0]} without saying the desk's days are our assumption (e.g. "we assume weekdays")`,
      });
    for (const sentence of sentences(text.text.replace(/\{\w+\}/g, ''))) {
      const day = DAY_WORDS.exec(sentence);
      if (day && !HEDGE.test(sentence))
        problems.push({
          ...at(text),
          message:
            `says "${day[0]}" without saying it is our assumption: the notice gives hours only ` +
            '(e.g. "we assume weekdays")',
        });
    }
  }
  return problems;
}

/** "N business days" only as a source gives it. */
export function businessDaysAreSourced(texts: readonly ContentText[]): ContentProblem[] {
  const problems: ContentProblem[] = [];
  for (const text of spoken(texts)) {
    for (const match of text.text.matchAll(BUSINESS_DAY_COUNT)) {
      const known = BUSINESS_DAYS.find((count) => count.value === match[1]);
      if (!known)
        problems.push({
          ...at(text),
          message: `says "${match[0]}": no source gives that (the notice: 10; the 2018 manual: 15)`,
        });
      else problems.push(...notBackedBy(text, known, `"${match[0]}"`));
    }
  }
  return problems;
}

function notBackedBy(text: ContentText, known: SourcedNumber, what: string): ContentProblem[] {
  if (text.sources?.includes(known.source)) return [];
  if (text.sources === undefined && known.named?.test(text.text)) return [];
  return [
    {
      ...at(text),
      message:
        text.sources === undefined
          ? `states ${what} without naming where it comes from (${known.source})`
          : `states ${what} but does not cite "${known.source}", which gives it`,
    },
  ];
}

function at(text: ContentText): { file: string; path: string } {
  return { file: text.file, path: text.path };
}

/** Sentences, not split at "a.m." / "p.m.". */
function sentences(text: string): string[] {
  return text
    .replace(/([ap])\.m\./g, '$1\u2024m\u2024')
    .split(/(?<=[.!?])\s+(?=[A-Z(])/)
    .map((sentence) => sentence.replace(/\u2024/g, '.'));
}
