import { clockZoneIn, resolveUserZone, zoneFromText } from '../../../src/helpdesk/user-zone';
import { loadTimeZones } from '../../support/helpdesk-content';

const table = loadTimeZones();

describe('resolveUserZone', () => {
  it.each([
    ['America/Los_Angeles', 'America/Los_Angeles'],
    ['  Pacific/Chatham ', 'Pacific/Chatham'],
    ['America/St_Johns', 'America/St_Johns'],
    ['UTC', 'UTC'],
    [undefined, undefined],
    ['', undefined],
    ['   ', undefined],
    ['Mars/Olympus_Mons', undefined],
    ['Pacific Time', undefined],
    ['GMT-5:00', undefined],
    ['-05:00', undefined],
    ['x'.repeat(10_000), undefined],
  ])('%p -> %p', (candidate, expected) => {
    expect(resolveUserZone(candidate)).toBe(expected);
  });

  it.each([42, null, {}, ['America/Chicago']])('never throws, even for %p from untyped channel data', (value) => {
    expect(resolveUserZone(value as unknown as string)).toBeUndefined();
  });
});

describe('zoneFromText', () => {
  it.each([
    ["I'm in Phoenix", 'America/Phoenix'],
    ['my time zone is Pacific', 'America/Los_Angeles'],
    ['I am on Central time', 'America/Chicago'],
    ["I'm in Honolulu", 'Pacific/Honolulu'],
    ['EST', 'America/New_York'],
    ['est', 'America/New_York'],
    ['PST', 'America/Los_Angeles'],
    ['Mountain time', 'America/Denver'],
    ['Alaska', 'America/Anchorage'],
    ['Hawaii', 'Pacific/Honolulu'],
    ['Arizona', 'America/Phoenix'],
    ['and in AZ terms?', 'America/Phoenix'],
    ['Pacific', 'America/Los_Angeles'], // a bare region word as the whole answer
    ['in mountain?', 'America/Denver'], // after a lead-in, still the whole answer
    ['and what about pacific', 'America/Los_Angeles'],
    ['Eastern.', 'America/New_York'],
    ['what time is it there? I’m in New York', 'America/New_York'],
    ["I'm in St. John's, Newfoundland", 'America/St_Johns'],
    ['Chatham Islands', 'Pacific/Chatham'],
    ['Mountain time, in Arizona', 'America/Phoenix'], // a place beats a region word
    ['I live in Dallas but work on Eastern time', 'America/Chicago'],
    ['I moved from Denver to Seattle', 'America/Denver'], // first mention wins
    ['my zone is America/Chicago', 'America/Chicago'],
    ['St. Louis', 'America/Chicago'],
    ["fyi I'm over on Maui", 'Pacific/Honolulu'],
    ['Doing expat returns from Sydney', 'Australia/Sydney'],
    ['working from our Manila office', 'Asia/Manila'],
    ['Hours in Madrid time, please', 'Europe/Madrid'],
  ])('%p -> %s', (text, zone) => {
    expect(zoneFromText(text, table)).toBe(zone);
  });

  it.each([
    'How do I register for e-Services?',
    'Is the Central Authorization File involved?', // a region word without a time cue
    'the Pacific ocean',
    'in central file?', // a lead-in, but the region word is not all that follows
    // A zone after a clock names the clock's zone, not where the user is (clockZoneIn below).
    'I am going to call at 6 central, will someone pick up?',
    'they close at 6pm CT, what is that in my time?',
    'estimated payments',
    'Europe/Atlantis',
    '',
    '   ',
  ])('%p -> undefined', (text) => {
    expect(zoneFromText(text, table)).toBeUndefined();
  });

  it('names only zones the content lists as valid IANA zones', () => {
    for (const entry of table.zones) expect(resolveUserZone(entry.zone)).toBe(entry.zone);
  });
});

describe('clockZoneIn', () => {
  it.each([
    ['can I call at 6pm central', 'America/Chicago'],
    ['do they pick up at 6:30 pacific?', 'America/Los_Angeles'],
    ['is 5 p.m. mountain too late', 'America/Denver'],
    ['can I call at 6pm CT', 'America/Chicago'],
    ['ring them at noon PT?', 'America/Los_Angeles'],
    ['we are calling at 9 et tomorrow, will they be open', 'America/New_York'],
    ['our CT office wants to call at 6 ct', 'America/Chicago'], // the one after the clock
  ])('%p -> %s', (text, zone) => {
    expect(clockZoneIn(text, table)).toBe(zone);
  });

  it.each([
    'we are a small office with 3 PT preparers, when can they call the help desk', // a count
    'we have 2 CT offices and 1 in NY',
    'our 3 pacific clients keep asking',
    'our CT office registered at 6',
    'call at 6 my time',
    '',
  ])('%p -> undefined', (text) => {
    expect(clockZoneIn(text, table)).toBeUndefined();
  });
});
