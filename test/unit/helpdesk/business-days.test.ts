import { addBusinessDays, isBusinessDay } from '../../../src/helpdesk/business-days';

// OPM observed holidays for 2026-2027 (typed by hand), for the brute-force cross-check below.
const HOLIDAYS = new Set([
  '2026-01-01',
  '2026-01-19',
  '2026-02-16',
  '2026-05-25',
  '2026-06-19',
  '2026-07-03',
  '2026-09-07',
  '2026-10-12',
  '2026-11-11',
  '2026-11-26',
  '2026-12-25',
  '2027-01-01',
  '2027-01-18',
  '2027-02-15',
  '2027-05-31',
  '2027-06-18',
  '2027-07-05',
  '2027-09-06',
  '2027-10-11',
  '2027-11-11',
  '2027-11-25',
  '2027-12-24',
  '2027-12-31',
]);

const iso = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const DAY = 86_400_000;

/** A slow, obvious business-day test on plain Dates, independent of the code under test. */
function referenceIsBusinessDay(date: string): boolean {
  const weekday = new Date(`${date}T00:00:00Z`).getUTCDay();
  return weekday !== 0 && weekday !== 6 && !HOLIDAYS.has(date);
}

describe('isBusinessDay', () => {
  it.each([
    ['2026-11-24', true], // Tuesday
    ['2026-11-26', false], // Thanksgiving
    ['2026-11-27', true], // the Friday after is a business day for federal offices
    ['2026-11-28', false], // Saturday
    ['2026-11-29', false], // Sunday
    ['2026-07-03', false], // Independence Day observed
    ['2026-07-04', false], // Saturday
    ['2027-12-24', false], // Christmas observed
    ['2027-12-31', false], // New Year's Day 2028 observed
    ['2027-12-30', true],
  ])('%s -> %s', (date, expected) => {
    expect(isBusinessDay(date)).toBe(expected);
  });

  it('rejects a malformed date', () => {
    expect(() => isBusinessDay('2026-13-01')).toThrow(RangeError);
  });
});

describe('addBusinessDays', () => {
  it.each([
    // Thanksgiving week 2026: Thursday Nov 26 is skipped.
    ['2026-11-20', 10, '2026-12-07'],
    ['2026-11-25', 1, '2026-11-27'],
    ['2026-11-24', 3, '2026-11-30'],
    ['2026-11-21', 1, '2026-11-23'], // from a Saturday: the start is not counted
    // Christmas week 2026 into 2027: Dec 25 and Jan 1 are Fridays.
    ['2026-12-18', 10, '2027-01-05'],
    ['2026-12-24', 1, '2026-12-28'],
    ['2026-12-31', 1, '2027-01-04'],
    ['2026-12-23', 5, '2026-12-31'],
    // Christmas and New Year 2027/28 observed on Fridays Dec 24 and Dec 31.
    ['2027-12-23', 1, '2027-12-27'],
    ['2027-12-30', 1, '2028-01-03'],
    // Zero and negative.
    ['2026-11-26', 0, '2026-11-26'],
    ['2027-01-04', -1, '2026-12-31'],
    ['2026-11-30', -2, '2026-11-25'],
  ])('%s + %i -> %s', (start, n, expected) => {
    expect(addBusinessDays(start, n)).toBe(expected);
  });

  it('rejects a fractional count', () => {
    expect(() => addBusinessDays('2026-11-20', 1.5)).toThrow(RangeError);
  });

  it('matches a day-by-day count for every start date in 2026 and 0-15 days', () => {
    for (let ms = Date.UTC(2026, 0, 1); ms <= Date.UTC(2026, 11, 31); ms += DAY) {
      const start = iso(ms);
      let date = ms;
      for (let n = 0; n <= 15; n += 1) {
        if (n > 0) {
          do date += DAY;
          while (!referenceIsBusinessDay(iso(date)));
        }
        expect([start, n, addBusinessDays(start, n)]).toEqual([start, n, iso(date)]);
      }
    }
  });
});
