import { DateTime } from 'luxon';
import { timeReferenceIn } from '../../../src/helpdesk/time-reference';

/**
 * The moment a message asks about, as people write it. The clock: Thursday 2026-11-26, 2:00
 * p.m. Eastern; the user is in Chicago.
 */
const now = DateTime.fromISO('2026-11-26T14:00:00', { zone: 'America/New_York' });
const zones = { user: 'America/Chicago', desk: 'America/New_York' };

/** The instant read, as an ISO time with its offset, or the kind when it is a whole day. */
function read(text: string): string | undefined {
  const found = timeReferenceIn(text, now, zones);
  if (!found) return undefined;
  return found.kind === 'instant' ? (found.at.toISO({ suppressMilliseconds: true }) ?? undefined) : 'day';
}

describe('timeReferenceIn', () => {
  it.each([
    ['can I call right now', '2026-11-26T14:00:00-05:00'],
    ['are they taking calls at this moment?', '2026-11-26T14:00:00-05:00'],
    ['phones open over there at this exact moment?', '2026-11-26T14:00:00-05:00'],
    ['can I get through rn', '2026-11-26T14:00:00-05:00'],
    ['would they pick up if I dialled right away?', '2026-11-26T14:00:00-05:00'],
    ['can i ring them straight away', '2026-11-26T14:00:00-05:00'],
    ['can I call the e-help desk right away?', '2026-11-26T14:00:00-05:00'],
    ['can I call at 8pm eastern', '2026-11-26T20:00:00-05:00'],
    // A bare hour from 1 to 6 is the afternoon, as people calling an office mean…
    ['can I call at 5', '2026-11-26T17:00:00-06:00'],
    // …and so is 7 after "after": past the working day.
    ['can i call after 7', '2026-11-26T19:00:00-06:00'],
    ['can i call at 7', '2026-11-27T07:00:00-06:00'],
    // …unless the morning is said.
    ['thinking of ringing them at 5 tomorrow morning local', '2026-11-27T05:00:00-06:00'],
    // "I am" is no a.m.
    ['I am going to call at 5, will someone pick up?', '2026-11-26T17:00:00-06:00'],
    // An hour said with the part of the day after it needs no "at".
    ['is 7 in the morning eastern too early to phone', '2026-11-27T07:00:00-05:00'],
    ['could I call 8 tonight', '2026-11-26T20:00:00-06:00'],
    ['if I phone at a quarter to 8 eastern tonight', '2026-11-26T19:45:00-05:00'],
    ['half past 9 tomorrow morning my time', '2026-11-27T09:30:00-06:00'],
    // Hours said in words.
    ['so would half past five this afternoon here work', '2026-11-26T17:30:00-06:00'],
    ['is five thirty too late', '2026-11-26T17:30:00-06:00'],
    ['can I ring at eight tomorrow', '2026-11-27T08:00:00-06:00'],
    ['six pm eastern ok?', '2026-11-26T18:00:00-05:00'],
    ['in 20 minutes', '2026-11-26T14:20:00-05:00'],
    ['say I phone in the next minute, does someone answer?', '2026-11-26T14:00:00-05:00'],
    ['are they open Saturday', 'day'],
    ['do they work MLK day', 'day'],
    ['open on the 4th of July?', 'day'],
    ['are they open on Christmas', 'day'],
  ])('"%s" is %s', (text, expected) => {
    expect(read(text)).toBe(expected);
  });

  it.each([
    ['do they work Christmas Eve', '2026-12-24'],
    ["open on new year's eve?", '2026-12-31'],
  ])('"%s" is the coming eve, not the holiday', (text, expected) => {
    const found = timeReferenceIn(text, now, zones);
    expect(found?.kind === 'day' ? found.day.toISODate() : undefined).toBe(expected);
  });

  it('a named holiday is the next day it is observed', () => {
    const found = timeReferenceIn('are they open on MLK day?', now, zones);
    expect(found?.kind === 'day' ? found.day.toISODate() : undefined).toBe('2027-01-18');
  });

  it.each([
    ['are they open the day after thanksgiving', '2026-11-27'],
    ['can I call the day before christmas', '2026-12-24'],
    ['what about the day after MLK day', '2027-01-19'],
  ])('"%s" is the day beside the holiday: %s', (text, expected) => {
    const found = timeReferenceIn(text, now, zones);
    expect(found?.kind === 'day' ? found.day.toISODate() : undefined).toBe(expected);
  });

  it.each([
    'it takes 10 business days',
    'I tried 3 times',
    'my 2 phones',
    'I have two questions',
    'at ten to six?',
    'should I call right away or try online first?',
    'can I call right away to get the code mailed?',
    'do I need to call immediately?',
    'can the desk reset it right away if I call?',
  ])('"%s" names no time', (text) => {
    expect(read(text)).toBeUndefined();
  });
});
