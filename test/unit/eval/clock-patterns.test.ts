import { DateTime } from 'luxon';
import { expand } from '../../../tools/eval/clock-patterns';
import { deskDay, deskState, nextBoundary } from '../../../tools/eval/desk-state';

/**
 * Clock placeholders and the desk's state at fixed instants. Every expected value is what
 * ask.py's expand(), desk_state(), next_boundary() and desk_day() answer for the same instant.
 */
const at = (iso: string) => DateTime.fromISO(iso, { setZone: true });

describe('expand: placeholders for a fixed clock', () => {
  it.each([
    // Thanksgiving 2026: the desk's day is the Friday after; 7:30 ET is 4:30 a.m. in Los Angeles
    ['{local:07:30}', 'America/Los_Angeles', '2026-11-26T09:40:00-05:00', '(\\b4:30\\s*a\\.?\\s?m\\.?|\\b04:30\\b)'],
    // Phoenix keeps standard time: 19:00 EDT is 4 p.m. there
    [
      '{local:19:00@America/Phoenix}',
      'America/Chicago',
      '2026-07-03T12:00:00-04:00',
      '(\\b4(:00)?\\s*p\\.?\\s?m\\.?|\\b16:00\\b)',
    ],
    [
      '{et:06:00@America/Phoenix}',
      'America/Chicago',
      '2026-11-30T12:00:00-05:00',
      '(\\b8(:00)?\\s*a\\.?\\s?m\\.?|\\b08:00\\b)',
    ],
    [
      '{et:12:00@America/Denver}',
      'America/Chicago',
      '2026-06-01T12:00:00-04:00',
      '(\\b2(:00)?\\s*p\\.?\\s?m\\.?|\\b14:00\\b)',
    ],
    ['{date:-6:ordinal}', 'America/Chicago', '2026-11-26T09:40:00-05:00', 'November 20th'],
    ['{date:-3:short}', 'America/Chicago', '2026-12-03T09:40:00-05:00', 'Nov 30'],
    // 00:30 ET on New Year's Day is still Dec 31 in Chicago
    ['{date:-1:numeric}', 'America/Chicago', '2027-01-01T00:30:00-05:00', '12/30'],
    ['I asked on {date:-20}', 'Pacific/Honolulu', '2026-11-26T03:00:00-05:00', 'I asked on November 5'],
    [
      '{date:-0:ordinal} {date:-10:ordinal} {date:-19:ordinal}',
      'America/Chicago',
      '2026-11-22T12:00:00-05:00',
      'November 22nd November 12th November 3rd',
    ],
    ['no placeholder {here}', 'America/Chicago', '2026-11-22T12:00:00-05:00', 'no placeholder {here}'],
  ])('%s in %s at %s', (text, zone, now, expected) => {
    expect(expand(text, zone, at(now))).toBe(expected);
  });

  it.each([
    // 20 days before Thanksgiving: 9 or 10 business days on, past Veterans Day
    [
      '{due:-20}',
      'America/Chicago',
      '2026-11-26T09:40:00-05:00',
      '(((November|Nov\\.?)\\s+23(st|nd|rd|th)?\\b|\\b23(st|nd|rd|th)?\\s+(of\\s+)?(November|Nov)\\b|\\b0?11/0?23\\b|2026-11-23)' +
        '|((November|Nov\\.?)\\s+20(st|nd|rd|th)?\\b|\\b20(st|nd|rd|th)?\\s+(of\\s+)?(November|Nov)\\b|\\b0?11/0?20\\b|2026-11-20))',
    ],
    // across Christmas (observed Friday Dec 25) and New Year's Day (Friday Jan 1)
    [
      '{due:-4}',
      'America/Los_Angeles',
      '2026-12-28T01:00:00-05:00',
      '(((January|Jan\\.?)\\s+8(st|nd|rd|th)?\\b|\\b8(st|nd|rd|th)?\\s+(of\\s+)?(January|Jan)\\b|\\b0?1/0?8\\b|2027-01-08)' +
        '|((January|Jan\\.?)\\s+7(st|nd|rd|th)?\\b|\\b7(st|nd|rd|th)?\\s+(of\\s+)?(January|Jan)\\b|\\b0?1/0?7\\b|2027-01-07))',
    ],
  ])('%s in %s at %s', (text, zone, now, expected) => {
    expect(expand(text, zone, at(now))).toBe(expected);
  });

  it('leaves values that are not text alone', () => {
    expect(expand(42)).toBe(42);
  });
});

describe('the desk near its boundaries and on federal holidays', () => {
  it.each([
    ['2026-11-26T12:00:00-05:00', 'closed', '2026-11-27T07:30:00.000-05:00', '2026-11-27'], // Thanksgiving
    ['2026-11-27T07:27:59-05:00', 'closed', '2026-11-27T07:30:00.000-05:00', '2026-11-27'],
    ['2026-11-27T07:28:00-05:00', undefined, '2026-11-27T07:30:00.000-05:00', '2026-11-27'], // too close to say
    ['2026-11-27T07:32:59-05:00', undefined, '2026-11-30T07:30:00.000-05:00', '2026-11-27'],
    ['2026-11-27T07:33:00-05:00', 'open', '2026-11-27T19:00:00.000-05:00', '2026-11-27'],
    ['2026-11-27T18:57:59-05:00', 'open', '2026-11-27T19:00:00.000-05:00', '2026-11-27'],
    ['2026-11-27T18:58:00-05:00', undefined, '2026-11-30T07:30:00.000-05:00', '2026-11-27'],
    ['2026-11-27T19:02:59-05:00', undefined, '2026-11-30T07:30:00.000-05:00', '2026-11-27'],
    ['2026-11-27T19:03:00-05:00', 'closed', '2026-11-30T07:30:00.000-05:00', '2026-11-27'],
    ['2026-11-27T06:00:00-05:00', 'closed', '2026-11-27T07:30:00.000-05:00', '2026-11-27'],
    ['2026-11-27T02:00:00+00:00', 'closed', '2026-11-27T07:30:00.000-05:00', '2026-11-27'], // still Thanksgiving in ET
    ['2026-11-28T12:00:00-05:00', 'closed', '2026-11-30T07:30:00.000-05:00', '2026-11-30'], // Saturday
    ['2026-07-03T12:00:00-04:00', 'closed', '2026-07-06T07:30:00.000-04:00', '2026-07-06'], // July 4th observed on Friday
    ['2026-07-04T12:00:00-04:00', 'closed', '2026-07-06T07:30:00.000-04:00', '2026-07-06'],
    ['2026-05-25T10:00:00-04:00', 'closed', '2026-05-26T07:30:00.000-04:00', '2026-05-26'], // Memorial Day
    ['2026-06-19T10:00:00-04:00', 'closed', '2026-06-22T07:30:00.000-04:00', '2026-06-22'], // Juneteenth
    ['2027-12-31T12:00:00-05:00', 'closed', '2028-01-03T07:30:00.000-05:00', '2028-01-03'], // New Year's Day 2028 observed
    ['2026-11-25T22:00:00-05:00', 'closed', '2026-11-27T07:30:00.000-05:00', '2026-11-25'],
  ])('at %s the desk is %s, the next boundary %s, the desk day %s', (now, state, boundary, day) => {
    expect(deskState(at(now))).toBe(state);
    expect(nextBoundary(at(now)).toISO()).toBe(boundary);
    expect(deskDay(at(now))).toBe(day);
  });
});
