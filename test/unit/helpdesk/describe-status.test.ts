import { describeStatus, formatDay, formatTimeOfDay } from '../../../src/helpdesk/describe-status';
import { deskStatus } from '../../../src/helpdesk/desk-hours';
import { EASTERN, at, eastern, expectedSentence, loadHelpdesk } from '../../support/helpdesk-content';

const helpdesk = loadHelpdesk();
const { templates } = helpdesk;

const say = (isoWithOffset: string, userZone: string | undefined) =>
  describeStatus(deskStatus(eastern(isoWithOffset), userZone, helpdesk), helpdesk);

describe('formatTimeOfDay / formatDay', () => {
  it.each([
    ['2026-11-24T00:00', '12:00 a.m.'],
    ['2026-11-24T07:30', '7:30 a.m.'],
    ['2026-11-24T11:59', '11:59 a.m.'],
    ['2026-11-24T12:00', '12:00 p.m.'],
    ['2026-11-24T19:00', '7:00 p.m.'],
    ['2026-11-24T23:59', '11:59 p.m.'],
  ])('%s -> %s', (wallClock, expected) => {
    expect(formatTimeOfDay(eastern(wallClock))).toBe(expected);
  });

  it('formats in the instant’s own zone', () => {
    const closing = eastern('2026-11-24T19:00');
    expect(formatTimeOfDay(closing.setZone('America/Los_Angeles'))).toBe('4:00 p.m.');
    expect(formatDay(closing.setZone('Pacific/Chatham'))).toBe('Wednesday, Nov 25');
  });

  it.each([
    ['2025-12-01', 'Monday, Dec 1'],
    ['2026-09-08', 'Tuesday, Sep 8'],
    ['2027-12-31', 'Friday, Dec 31'],
  ])('%s -> %s', (date, expected) => {
    expect(formatDay(eastern(`${date}T12:00`))).toBe(expected);
  });
});

describe('describeStatus', () => {
  it('closed on a Sunday: next opening in Eastern and the user’s time (Sun 2025-11-30)', () => {
    expect(say('2025-11-30T12:00', 'America/Los_Angeles')).toBe(
      expectedSentence(templates.closedNow, {
        opensDayEt: 'Monday, Dec 1',
        opensEt: '7:30 a.m.',
        opensLocal: '4:30 a.m.',
      }),
    );
  });

  it('open: closing time in Eastern and the user’s time', () => {
    expect(say('2025-12-02T10:00', 'America/Los_Angeles')).toBe(
      expectedSentence(templates.openNow, { closesEt: '7:00 p.m.', closesLocal: '4:00 p.m.' }),
    );
  });

  it.each([
    ['2026-11-24T18:30', true],
    ['2026-11-24T18:59', true],
    ['2026-11-24T18:29', false],
  ])('at %s Eastern the closing-soon warning is shown: %s', (wallClock, warned) => {
    const open = expectedSentence(templates.openNow, { closesEt: '7:00 p.m.', closesLocal: '4:00 p.m.' });
    const warning = expectedSentence(templates.closingSoon, { closesEt: '7:00 p.m.', closesLocal: '4:00 p.m.' });
    expect(say(wallClock, 'America/Los_Angeles')).toBe(warned ? `${open} ${warning}` : open);
  });

  it.each([undefined, 'Nowhere/Special', '', EASTERN, 'America/Toronto'])(
    'shows Eastern only for the user zone %p',
    (zone) => {
      expect(say('2026-11-24T10:00', zone)).toBe(
        expectedSentence(templates.openNowSameZone, { closesEt: '7:00 p.m.' }),
      );
      expect(say('2026-11-28T10:00', zone)).toBe(
        expectedSentence(templates.closedNowSameZone, { opensDayEt: 'Monday, Nov 30', opensEt: '7:30 a.m.' }),
      );
    },
  );

  it('names the holiday when that is why the desk is closed', () => {
    const holiday = helpdesk.holidays['thanksgiving-day'];
    expect(say('2026-11-26T10:00', 'America/Los_Angeles')).toBe(
      expectedSentence(templates.closedHoliday, {
        holiday,
        opensDayEt: 'Friday, Nov 27',
        opensEt: '7:30 a.m.',
        opensLocal: '4:30 a.m.',
      }),
    );
    expect(say('2027-12-31T10:00', undefined)).toBe(
      expectedSentence(templates.closedHolidaySameZone, {
        holiday: helpdesk.holidays['new-years-day'],
        opensDayEt: 'Monday, Jan 3',
        opensEt: '7:30 a.m.',
      }),
    );
  });

  it('names the user’s own day when it differs from Eastern’s', () => {
    // Tue 2026-11-24 7:00 p.m. EST = 00:00 UTC Wed = 1:45 p.m. Wed in Chatham (+13:45).
    expect(say('2026-11-24T10:00', 'Pacific/Chatham')).toBe(
      expectedSentence(templates.openNow, {
        closesEt: '7:00 p.m.',
        closesLocal: expectedSentence(templates.localDayAndTime, { day: 'Wednesday, Nov 25', time: '1:45 p.m.' }),
      }),
    );
  });
});

/*
 * DST switch days: both are Sundays, so the desk is closed and the bot gives Monday's opening.
 * Expected local times worked out by hand from UTC offsets:
 *   Mon 2026-03-09 7:30 a.m. EDT = 11:30 UTC; Mon 2026-11-02 7:30 a.m. EST = 12:30 UTC.
 *   Los Angeles PDT -7 / PST -8; Phoenix MST -7 all year; Honolulu -10 all year;
 *   St John's NDT -2:30 / NST -3:30 (Canada switches with the U.S.);
 *   Chatham +13:45 (southern summer: NZ daylight time runs from September to April).
 * The Friday before and Monday after are open; their 7:00 p.m. closing is checked the same way:
 *   Fri 03-06 19:00 EST = Sat 00:00 UTC; Mon 03-09 19:00 EDT = 23:00 UTC;
 *   Fri 10-30 19:00 EDT = 23:00 UTC;     Mon 11-02 19:00 EST = Tue 00:00 UTC.
 */
const ZONES = [
  'America/Los_Angeles',
  'America/Phoenix',
  'Pacific/Honolulu',
  'America/St_Johns',
  'Pacific/Chatham',
] as const;
type Zone = (typeof ZONES)[number];
type Local = string | { day: string; time: string };

const local = (value: Local) =>
  typeof value === 'string' ? value : expectedSentence(templates.localDayAndTime, value);

const closedCase = (
  label: string,
  instants: string[],
  opensDayEt: string,
  byZone: Record<Zone, Local>,
): Array<[string, string, Zone, string, Local]> =>
  instants.flatMap((instant) =>
    ZONES.map((zone): [string, string, Zone, string, Local] => [label, instant, zone, opensDayEt, byZone[zone]]),
  );

describe('DST switch days, closed: Monday’s opening in the user’s time', () => {
  const cases = [
    ...closedCase(
      'spring forward',
      // Before the switch (1:30 EST), after it (3:30 EDT), and later that day.
      ['2026-03-08T01:30:00-05:00', '2026-03-08T03:30:00-04:00', '2026-03-08T20:00:00-04:00'],
      'Monday, Mar 9',
      {
        'America/Los_Angeles': '4:30 a.m.',
        'America/Phoenix': '4:30 a.m.',
        'Pacific/Honolulu': '1:30 a.m.',
        'America/St_Johns': '9:00 a.m.',
        'Pacific/Chatham': { day: 'Tuesday, Mar 10', time: '1:15 a.m.' },
      },
    ),
    ...closedCase(
      'fall back',
      // 1:30 happens twice: first in EDT, then in EST.
      ['2026-11-01T01:30:00-04:00', '2026-11-01T01:30:00-05:00', '2026-11-01T20:00:00-05:00'],
      'Monday, Nov 2',
      {
        'America/Los_Angeles': '4:30 a.m.',
        'America/Phoenix': '5:30 a.m.',
        'Pacific/Honolulu': '2:30 a.m.',
        'America/St_Johns': '9:00 a.m.',
        'Pacific/Chatham': { day: 'Tuesday, Nov 3', time: '2:15 a.m.' },
      },
    ),
  ];

  it.each(cases)('%s: at %s for %s', (_label, instant, zone, opensDayEt, opensLocal) => {
    const status = deskStatus(at(instant, EASTERN), zone, helpdesk);
    expect(status.open).toBe(false);
    expect(describeStatus(status, helpdesk)).toBe(
      expectedSentence(templates.closedNow, { opensDayEt, opensEt: '7:30 a.m.', opensLocal: local(opensLocal) }),
    );
  });
});

describe('DST switch weeks, open: 7:00 p.m. ET in the user’s time', () => {
  const cases: Array<[string, Record<Zone, Local>]> = [
    [
      '2026-03-06T10:00', // Friday before spring forward (EST)
      {
        'America/Los_Angeles': '4:00 p.m.',
        'America/Phoenix': '5:00 p.m.',
        'Pacific/Honolulu': '2:00 p.m.',
        'America/St_Johns': '8:30 p.m.',
        'Pacific/Chatham': { day: 'Saturday, Mar 7', time: '1:45 p.m.' },
      },
    ],
    [
      '2026-03-09T10:00', // Monday after spring forward (EDT)
      {
        'America/Los_Angeles': '4:00 p.m.',
        'America/Phoenix': '4:00 p.m.',
        'Pacific/Honolulu': '1:00 p.m.',
        'America/St_Johns': '8:30 p.m.',
        'Pacific/Chatham': { day: 'Tuesday, Mar 10', time: '12:45 p.m.' },
      },
    ],
    [
      '2026-10-30T10:00', // Friday before fall back (EDT)
      {
        'America/Los_Angeles': '4:00 p.m.',
        'America/Phoenix': '4:00 p.m.',
        'Pacific/Honolulu': '1:00 p.m.',
        'America/St_Johns': '8:30 p.m.',
        'Pacific/Chatham': { day: 'Saturday, Oct 31', time: '12:45 p.m.' },
      },
    ],
    [
      '2026-11-02T10:00', // Monday after fall back (EST)
      {
        'America/Los_Angeles': '4:00 p.m.',
        'America/Phoenix': '5:00 p.m.',
        'Pacific/Honolulu': '2:00 p.m.',
        'America/St_Johns': '8:30 p.m.',
        'Pacific/Chatham': { day: 'Tuesday, Nov 3', time: '1:45 p.m.' },
      },
    ],
  ];
  const rows = cases.flatMap(([instant, byZone]) => ZONES.map((zone) => [instant, zone, byZone[zone]] as const));

  it.each(rows)('%s Eastern for %s', (instant, zone, closesLocal) => {
    expect(say(instant, zone)).toBe(
      expectedSentence(templates.openNow, { closesEt: '7:00 p.m.', closesLocal: local(closesLocal) }),
    );
  });
});
