import type { DateTime } from 'luxon';
import type { FederalHolidayId } from '../content/holiday-ids';
import { COUNT_PATTERN, countOf } from './count-words';
import { holidaysObservedIn } from './federal-holidays';

/** A moment or a day a message asks about, and the zone its wall-clock words were meant in. */
export type TimeReference =
  { readonly kind: 'instant'; readonly at: DateTime } | { readonly kind: 'day'; readonly day: DateTime };

/** The zones a message's clock time can be meant in. */
export interface TimeZonesInPlay {
  /** The user's zone, when known (said, or reported by the channel). */
  readonly user: string | undefined;
  /** The desk's zone (Eastern). */
  readonly desk: string;
  /** The zone named right after the message's clock time ("at 6pm central"), when one is. */
  readonly clock?: string;
}

/** How people name the federal holidays ("MLK day", "the 4th of July", "xmas"). */
const HOLIDAY_NAMES: ReadonlyArray<readonly [FederalHolidayId, RegExp]> = [
  ['new-years-day', /\bnew years?( day)?\b(?! eve)/],
  ['martin-luther-king-jr-day', /\b(mlk|martin luther king)\b/],
  ['washingtons-birthday', /\b(presidents?'? day|washington'?s birthday)\b/],
  ['memorial-day', /\bmemorial day\b/],
  ['juneteenth', /\bjuneteenth\b/],
  ['independence-day', /\b(independence day|(4th|fourth) of july|july (4th|fourth|4))\b/],
  ['labor-day', /\blabou?r day\b/],
  ['columbus-day', /\b(columbus day|indigenous peoples'? day)\b/],
  ['veterans-day', /\bveterans'? day\b/],
  ['thanksgiving-day', /\bthanksgiving\b/],
  ['christmas-day', /\b(christmas|xmas)( day)?\b(?! eve)/],
];

/** Days before a holiday people ask about by name; not holidays themselves. */
const EVES: ReadonlyArray<readonly [RegExp, number, number]> = [
  [/\b(christmas|xmas) eve\b/, 12, 24],
  [/\bnew year'?s? eve\b/, 12, 31],
];

const WEEKDAYS = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'];
/** "In the morning", "a.m." said apart from the clock; a bare "am" is the verb ("I am going to call at 6"). */
const MORNING = /\b(morning|a\.m)\b/;
const EVENING = /\b(tonight|evening|afternoon|at night)\b/;
const EASTERN = /\b(eastern|et|est|edt|new york time|east coast time)\b/;
/** "Right now", "rn", "in the next minute": the moment the message is read. */
const NOW =
  /\b(right now|now|rn|atm|at this hour|at the moment|this (?:exact |very |precise )?moment|this instant|as we speak|as i type|currently|this minute|the next minute|in a minute)\b/;
/**
 * "Would they pick up if I dialled right away?": a call made at once is now; "should I call right
 * away or try online first?", "call immediately after requesting the letter", "call right away to
 * get the code mailed" ask whether or why to call, not when.
 */
const CALLED_AT_ONCE =
  /\b(call|dial|dialed|dialled|ring|phone|reach|get through to|pick up|answer|open)\s+(?:(?:them|the irs|(?:the )?e-?help(?: desk)?|the (?:help )?desk)\s+)?(?:right away|straight away|immediately)\b(?!\s+(?:or|to|after|and|before))/;
const WHETHER_TO_CALL = /\b(should|need to|better|have to)\b/;
/** "In N minutes / hours": a count, or half an hour. */
const ROUGHLY = '(?:about |around |roughly |approximately |like |maybe |another )?';
const RELATIVE = new RegExp(`\\bin ${ROUGHLY}(${COUNT_PATTERN}|half an?) (minutes?|mins?|hours?|hrs?)\\b`);

/**
 * The moment or day a message asks about, read the way people write it: "at 8pm eastern",
 * "7:45 tonight", "tomorrow at 6 my time", "in 20 minutes", "at noon", "on Saturday", "right
 * now". Clock times are in the zone named right after them ("6pm central"), in Eastern when the
 * message says so, else in the user's zone (or Eastern when that is unknown); a bare hour from 1
 * to 6 (to 7 after "after") is read as afternoon, as people calling an office mean. Undefined
 * when the message names no time.
 */
export function timeReferenceIn(text: string, now: DateTime, zones: TimeZonesInPlay): TimeReference | undefined {
  const input = hoursInDigits(` ${text.toLowerCase().replace(/[?!,]/g, ' ').replace(/\s+/g, ' ')} `);
  const zone = zones.clock ?? (EASTERN.test(input) ? zones.desk : (zones.user ?? zones.desk));
  const local = now.setZone(zone);

  const relative = RELATIVE.exec(input);
  if (relative) {
    const amount = relative[1].startsWith('half') ? 0.5 : countOf(relative[1]);
    const minutes = /^h/.test(relative[2]) ? amount * 60 : amount;
    return { kind: 'instant', at: now.plus({ minutes }) };
  }
  const atOnce = CALLED_AT_ONCE.test(input) && !WHETHER_TO_CALL.test(input);
  if ((NOW.test(input) || atOnce) && !clockIn(input)) {
    return { kind: 'instant', at: now };
  }

  const day = dayIn(input, local);
  const clock = clockIn(input);
  if (!clock) return day ? { kind: 'day', day } : undefined;
  let hour = clock.hour;
  if (clock.meridiem === 'pm' && hour < 12) hour += 12;
  else if (clock.meridiem === 'am' && hour === 12) hour = 0;
  else if (
    !clock.meridiem &&
    !MORNING.test(input) &&
    (EVENING.test(input) ? hour < 12 : hour >= 1 && hour <= (clock.after ? 7 : 6))
  )
    hour += 12;
  const at = (day ?? local).set({ hour, minute: clock.minute, second: 0, millisecond: 0 });
  // "At noon" asked in the evening means tomorrow's noon.
  return { kind: 'instant', at: !day && at < now.minus({ minutes: 1 }) ? at.plus({ days: 1 }) : at };
}

/** "7 in the morning", "5 tomorrow morning", "8 tonight": an hour said with the part of the day after it. */
const PART_OF_DAY =
  /^ ?(in the (morning|afternoon|evening)|at night|tonight|(tomorrow|this) (morning|afternoon|evening))\b/;

const HOUR_WORDS = ['one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve'];
const MINUTE_WORDS: Readonly<Record<string, string>> = {
  fifteen: '15',
  thirty: '30',
  'forty five': '45',
  'forty-five': '45',
};
const HOUR_WORD = `(${HOUR_WORDS.join('|')})`;
/** An hour in words where it is a clock time: "half past five", "at seven", "five thirty", "six pm". */
const HOUR_AFTER = `(past|after|to|til|till|before|at|around) ${HOUR_WORD}\\b(?! (?:to|past|after|til|till|before) )`;
const HOUR_BEFORE = `${HOUR_WORD} (fifteen|thirty|forty[- ]five|o'?clock|a\\.?m\\b|p\\.?m\\b|am\\b|pm\\b)`;
const SPOKEN_HOUR = new RegExp(`\\b(?:${HOUR_AFTER}|${HOUR_BEFORE})`, 'g');

/** Hours said in words, as digits: "half past five this afternoon" is "half past 5 this afternoon". */
function hoursInDigits(input: string): string {
  return input.replace(
    SPOKEN_HOUR,
    (whole, before?: string, hourBefore?: string, hourAfter?: string, after?: string) => {
      if (before && hourBefore) return `${before} ${HOUR_WORDS.indexOf(hourBefore) + 1}`;
      const hour = HOUR_WORDS.indexOf(hourAfter ?? '') + 1;
      const minutes = MINUTE_WORDS[after ?? ''];
      return minutes ? `${hour}:${minutes}` : `${hour} ${after}`;
    },
  );
}

const SPOKEN_CLOCK = /\b(quarter|half) (past|after|to|til|till|before) (\d{1,2})\b/;

interface Clock {
  hour: number;
  minute: number;
  meridiem?: 'am' | 'pm';
  /** Said after "after": "after 7" asks about the evening, past the working day. */
  after?: boolean;
}

function clockIn(input: string): Clock | undefined {
  if (/\bnoon\b/.test(input)) return { hour: 12, minute: 0, meridiem: 'pm' };
  if (/\bmidnight\b/.test(input)) return { hour: 12, minute: 0, meridiem: 'am' };
  // "A quarter to 8", "half past 7": the hour said in words around it.
  const spoken = SPOKEN_CLOCK.exec(input);
  if (spoken && Number(spoken[3]) >= 1 && Number(spoken[3]) <= 12) {
    const [, part, direction, hourText] = spoken;
    const minutes = part === 'half' ? 30 : 15;
    const hour = Number(hourText);
    return /^(past|after)$/.test(direction)
      ? { hour, minute: minutes }
      : { hour: hour === 1 ? 12 : hour - 1, minute: 60 - minutes };
  }
  const match =
    /\b(?:at |around |by |after |before )?(\d{1,2})(?::(\d{2}))? ?(a\.?m\.?|p\.?m\.?|o'?clock)?(?=[\s.]|$)/g;
  for (const found of input.matchAll(match)) {
    const [, hourText, minuteText, suffix] = found;
    const hour = Number(hourText);
    const minute = minuteText ? Number(minuteText) : 0;
    const spoken =
      found[0].trimStart().match(/^(at|around|by|after|before) /) !== null ||
      PART_OF_DAY.test(input.slice((found.index ?? 0) + found[0].length));
    // A number is a clock time only with a colon, am/pm, o'clock or "at": "10 business days" is not.
    if (!minuteText && !suffix && !spoken) continue;
    if (hour > 23 || minute > 59 || (suffix && /[ap]/.test(suffix) && (hour === 0 || hour > 12))) continue;
    const meridiem = suffix && /^a/.test(suffix) ? 'am' : suffix && /^p/.test(suffix) ? 'pm' : undefined;
    const after = found[0].trimStart().startsWith('after ');
    return { hour, minute, ...(meridiem ? { meridiem } : {}), ...(after ? { after } : {}) };
  }
  return undefined;
}

function dayIn(input: string, local: DateTime): DateTime | undefined {
  const start = local.startOf('day');
  // Before the holidays: "new year's eve" is not New Year's Day.
  const eve = EVES.find(([pattern]) => pattern.test(input));
  if (eve) {
    // The coming one: this year's, or next year's once it has passed.
    const [, month, day] = eve;
    const thisYear = start.set({ month, day });
    return thisYear < start ? thisYear.plus({ years: 1 }) : thisYear;
  }
  const holiday = holidayIn(input, start);
  if (holiday) return holiday;
  if (/\b(today|tonight|this (morning|afternoon|evening))\b/.test(input)) return start;
  if (/\b(tomorrow|tmrw|tmr)\b/.test(input)) return start.plus({ days: 1 });
  const weekday = WEEKDAYS.findIndex((name) => new RegExp(`\\b${name}s?\\b|\\b${name.slice(0, 3)}\\b`).test(input));
  if (weekday >= 0) {
    // The coming one: today if it is that day, else the next.
    const offset = (weekday + 1 - start.weekday + 7) % 7;
    return start.plus({ days: offset });
  }
  if (/\b(this )?weekend\b/.test(input)) return start.plus({ days: (6 - start.weekday + 7) % 7 });
  return undefined;
}

/** The next day a named federal holiday is observed ("are they open on MLK day?"), today included. */
function holidayIn(input: string, start: DateTime): DateTime | undefined {
  const named = HOLIDAY_NAMES.find(([, pattern]) => pattern.test(input))?.[0];
  if (!named) return undefined;
  const today = start.toISODate() ?? '';
  const next = [...holidaysObservedIn(start.year), ...holidaysObservedIn(start.year + 1)].find(
    (holiday) => holiday.id === named && holiday.observed >= today,
  );
  if (!next) return undefined;
  const [year, month, day] = next.observed.split('-').map(Number);
  // "The day after Thanksgiving", "the day before MLK day": the day beside it.
  const beside = /\bday after\b/.test(input) ? 1 : /\bday before\b/.test(input) ? -1 : 0;
  return start.set({ year, month, day }).plus({ days: beside });
}
