import { DateTime } from 'luxon';
import { closesAt, deskStatus, nextOpeningAfter, type DeskSchedule } from '../../../src/helpdesk/desk-hours';
import { EASTERN, at, eastern, loadHelpdesk } from '../../support/helpdesk-content';

const helpdesk = loadHelpdesk();

describe('the content this logic runs on', () => {
  it('is the notice hours in Eastern time, weekdays, closed on federal holidays', () => {
    expect(helpdesk.zone).toBe(EASTERN);
    expect(helpdesk.hours).toEqual({ opens: '07:30', closes: '19:00' });
    expect(helpdesk.days).toEqual(['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday']);
    expect(helpdesk.closedOnFederalHolidays).toBe(true);
    expect(helpdesk.closingSoonMinutes).toBe(30);
  });
});

describe('closesAt: open when it gives a closing time', () => {
  it.each([
    // Tuesday 2026-11-24, an ordinary weekday.
    ['2026-11-24T07:29:59', false],
    ['2026-11-24T07:30:00', true], // the opening minute counts as open
    ['2026-11-24T12:00:00', true],
    ['2026-11-24T18:59:00', true],
    ['2026-11-24T18:59:59.999', true],
    ['2026-11-24T19:00:00', false], // the closing minute counts as closed
    ['2026-11-24T23:30:00', false],
    ['2026-11-24T03:00:00', false],
    // Weekends.
    ['2026-11-28T10:00:00', false],
    ['2026-11-29T10:00:00', false],
    // Observed federal holidays, and the ordinary days beside them.
    ['2026-07-03T10:00:00', false], // Independence Day (Sat Jul 4) observed
    ['2026-07-02T10:00:00', true],
    ['2026-11-26T10:00:00', false], // Thanksgiving
    ['2026-11-27T10:00:00', true],
    ['2026-12-25T10:00:00', false],
    ['2027-01-01T10:00:00', false],
    ['2027-06-18T10:00:00', false], // Juneteenth (Sat Jun 19) observed
    ['2027-07-05T10:00:00', false], // Independence Day (Sun Jul 4) observed
    ['2027-12-24T10:00:00', false], // Christmas (Sat Dec 25) observed
    ['2027-12-31T10:00:00', false], // New Year's Day 2028 (Sat) observed
    ['2027-12-30T10:00:00', true],
    // DST switch weeks (the switches are on Sundays at 2 a.m.; hours are wall-clock Eastern).
    ['2026-03-09T07:30:00', true],
    ['2026-03-09T07:29:00', false],
    ['2026-11-02T07:30:00', true],
    ['2026-11-02T19:00:00', false],
  ])('%s Eastern -> open %s', (wallClock, open) => {
    const instant = eastern(wallClock);
    expect(closesAt(instant, helpdesk) !== null).toBe(open);
    const closes = closesAt(instant, helpdesk);
    if (open) expect(closes?.toISO()).toBe(eastern(`${wallClock.slice(0, 10)}T19:00:00`).toISO());
    else expect(closes).toBeNull();
  });

  it.each([
    // The same instants written in other zones: the desk's zone decides.
    ['2026-11-24T04:30:00', 'America/Los_Angeles', true], // 7:30 a.m. Eastern
    ['2026-11-24T04:29:00', 'America/Los_Angeles', false],
    ['2026-11-24T16:00:00', 'America/Los_Angeles', false], // 7:00 p.m. Eastern
    ['2026-11-24T15:59:00', 'America/Los_Angeles', true],
    ['2026-11-25T13:44:00', 'Pacific/Chatham', true], // Tue 6:59 p.m. Eastern, Wed in Chatham
    ['2026-11-25T13:45:00', 'Pacific/Chatham', false], // Tue 7:00 p.m. Eastern
    ['2026-11-24T12:30:00', 'UTC', true], // 7:30 a.m. EST
    ['2026-07-24T11:30:00', 'UTC', true], // 7:30 a.m. EDT
    ['2026-07-24T11:29:00', 'UTC', false],
  ])('%s in %s -> open %s', (wallClock, zone, open) => {
    expect(closesAt(at(wallClock, zone), helpdesk) !== null).toBe(open);
  });

  it('follows the schedule it is given', () => {
    const noHolidays: DeskSchedule = { ...helpdesk, closedOnFederalHolidays: false };
    expect(closesAt(eastern('2026-07-03T10:00:00'), noHolidays) !== null).toBe(true);
    const saturdays: DeskSchedule = { ...helpdesk, days: ['Saturday'] };
    expect(closesAt(eastern('2026-11-28T10:00:00'), saturdays) !== null).toBe(true);
    expect(closesAt(eastern('2026-11-24T10:00:00'), saturdays) !== null).toBe(false);
  });

  it('rejects an invalid instant', () => {
    expect(() => closesAt(DateTime.invalid('unparsable'), helpdesk)).toThrow(RangeError);
  });
});

describe('nextOpeningAfter', () => {
  it.each([
    ['2026-11-24T06:00:00', '2026-11-24T07:30:00'], // before opening: today
    ['2026-11-24T07:29:59', '2026-11-24T07:30:00'],
    ['2026-11-24T07:30:00', '2026-11-25T07:30:00'], // strictly after: while open, tomorrow
    ['2026-11-24T19:00:00', '2026-11-25T07:30:00'],
    ['2026-11-25T19:00:00', '2026-11-27T07:30:00'], // skips Thanksgiving
    ['2026-11-26T10:00:00', '2026-11-27T07:30:00'],
    ['2026-11-27T19:00:00', '2026-11-30T07:30:00'], // skips the weekend
    ['2026-11-28T10:00:00', '2026-11-30T07:30:00'],
    ['2026-07-02T19:30:00', '2026-07-06T07:30:00'], // holiday Friday then weekend
    ['2027-12-23T19:00:00', '2027-12-27T07:30:00'], // Christmas observed Fri Dec 24
    ['2027-12-30T19:00:00', '2028-01-03T07:30:00'], // New Year observed Fri Dec 31
    ['2026-12-31T19:00:00', '2027-01-04T07:30:00'],
    ['2026-03-07T12:00:00', '2026-03-09T07:30:00'], // across spring-forward Sunday
    ['2026-10-31T12:00:00', '2026-11-02T07:30:00'], // across fall-back Sunday
  ])('after %s Eastern -> %s Eastern', (from, expected) => {
    const opening = nextOpeningAfter(eastern(from), helpdesk);
    expect(opening.toISO()).toBe(eastern(expected).toISO());
    expect(opening.zoneName).toBe(EASTERN);
  });
});

describe('deskStatus', () => {
  it.each([
    // [Eastern wall clock, open, closingSoon]
    ['2026-11-24T18:29:59', true, false],
    ['2026-11-24T18:30:00', true, true], // exactly 30 minutes left: the last 30 minutes
    ['2026-11-24T18:45:00', true, true],
    ['2026-11-24T18:59:00', true, true],
    ['2026-11-24T19:00:00', false, false],
    ['2026-11-24T07:30:00', true, false],
  ])('%s -> open %s, closing soon %s', (wallClock, open, closingSoon) => {
    const status = deskStatus(eastern(wallClock), 'America/Los_Angeles', helpdesk);
    expect(status.open).toBe(open);
    expect(status.closingSoon).toBe(closingSoon);
  });

  it('gives the closing time while open and the next opening while closed', () => {
    const open = deskStatus(eastern('2026-11-24T10:00:00'), undefined, helpdesk);
    expect(open).toEqual({
      open: true,
      closingSoon: false,
      closesAt: eastern('2026-11-24T19:00:00'),
      userZone: EASTERN,
      userZoneIsDeskZone: true,
    });
    const closed = deskStatus(eastern('2026-11-28T10:00:00'), 'America/Phoenix', helpdesk);
    expect(closed).toEqual({
      open: false,
      closingSoon: false,
      opensAt: eastern('2026-11-30T07:30:00'),
      userZone: 'America/Phoenix',
      userZoneIsDeskZone: false,
    });
  });

  it.each([
    ['2026-11-26T10:00:00', 'thanksgiving-day'],
    ['2026-11-26T21:00:00', 'thanksgiving-day'], // still the holiday after hours
    ['2026-07-03T10:00:00', 'independence-day'],
    ['2027-06-18T10:00:00', 'juneteenth'],
    ['2027-12-24T10:00:00', 'christmas-day'],
    ['2027-12-31T10:00:00', 'new-years-day'],
  ] as const)('%s is closed for %s, named from the content', (wallClock, id) => {
    const status = deskStatus(eastern(wallClock), 'America/Chicago', helpdesk);
    expect(status.open).toBe(false);
    expect(!status.open && status.closedForHoliday).toEqual({ id, name: helpdesk.holidays[id] });
  });

  it.each([
    '2026-07-04T10:00:00', // the legal date, a Saturday: closed for the weekend, not the holiday
    '2026-11-25T20:00:00', // the evening before Thanksgiving: closed for the night
    '2026-11-28T10:00:00',
  ])('%s is closed without naming a holiday', (wallClock) => {
    const status = deskStatus(eastern(wallClock), undefined, helpdesk);
    expect(status.open).toBe(false);
    expect(status).not.toHaveProperty('closedForHoliday');
  });

  it.each([undefined, '', '   ', 'Mars/Olympus_Mons', 'Pacific Time', 'GMT-5:00', 'not a zone', 'x'.repeat(500)])(
    'falls back to Eastern only for the zone %p, without an error',
    (zone) => {
      const status = deskStatus(eastern('2026-11-24T10:00:00'), zone, helpdesk);
      expect(status.userZone).toBe(EASTERN);
      expect(status.userZoneIsDeskZone).toBe(true);
    },
  );

  it.each([
    ['America/New_York', true],
    ['America/Toronto', true], // another name for the same clock
    ['America/Detroit', true],
    ['America/Chicago', false],
    ['America/Los_Angeles', false],
    ['Pacific/Chatham', false],
  ])('treats %s as the desk clock: %s', (zone, same) => {
    expect(deskStatus(eastern('2026-11-28T10:00:00'), zone, helpdesk).userZoneIsDeskZone).toBe(same);
  });
});
