import { helpdeskSchema, placeholdersIn, TEMPLATE_PLACEHOLDERS } from '../../../src/content/helpdesk-schema';
import { timeZonesSchema } from '../../../src/content/time-zones-schema';
import { FEDERAL_HOLIDAY_IDS } from '../../../src/helpdesk/federal-holidays';
import { loadHelpdesk, rawHelpdesk, rawTimeZones } from '../../support/helpdesk-content';

/** The fields of the raw helpdesk file the tests below break, typed loosely as YAML gives them. */
interface RawHelpdesk {
  [field: string]: unknown;
  templates: Record<string, string>;
  hours: Record<string, string>;
  holidays: Record<string, string>;
  days: string[];
}

interface RawTimeZones {
  zones: Array<{ zone: string; names: string[] }>;
}

/** The raw file with one change, to see the schema refuse it. */
function withChange(change: (data: RawHelpdesk) => void): unknown {
  const data = structuredClone(rawHelpdesk()) as RawHelpdesk;
  change(data);
  return data;
}

describe('knowledge/helpdesk.yaml', () => {
  const helpdesk = loadHelpdesk();

  it('parses and carries the notice facts', () => {
    expect(helpdesk.number).toBe('1-888-841-4648');
    expect(helpdesk.telLink).toBe('tel:+18888414648');
    expect(helpdesk.menuSteps).toHaveLength(3);
    expect(helpdesk.haveReady).toHaveLength(2);
    // The notice first (its facts); Thomson Reuters for what the card's note credits to them.
    expect(helpdesk.sources).toEqual(['notice', 'thomson-reuters-reset']);
  });

  it('names every federal holiday', () => {
    expect(Object.keys(helpdesk.holidays).sort()).toEqual([...FEDERAL_HOLIDAY_IDS].sort());
  });

  it('uses every required placeholder in each template', () => {
    for (const [key, { required }] of Object.entries(TEMPLATE_PLACEHOLDERS)) {
      const template = helpdesk.templates[key as keyof typeof TEMPLATE_PLACEHOLDERS];
      expect([key, [...required].filter((name) => !placeholdersIn(template).includes(name))]).toEqual([key, []]);
    }
  });

  it.each<[string, (data: RawHelpdesk) => void]>([
    ['an unknown placeholder', (d) => (d.templates.openNow = 'Open until {closesET} ET ({closesLocal}).')],
    ['a missing placeholder', (d) => (d.templates.closedNow = 'Closed now; opens {opensDayEt} at {opensEt} ET.')],
    ['a missing template', (d) => delete d.templates.closedHoliday],
    ['an extra template', (d) => (d.templates.openLate = 'Open late.')],
    ['a bad time', (d) => (d.hours.opens = '7:30')],
    ['closing before opening', (d) => (d.hours.closes = '07:00')],
    ['an invalid zone', (d) => (d.zone = 'America/Eastern')],
    ['a tel link for another number', (d) => (d.telLink = 'tel:+18888414649')],
    ['a tel link that is not E.164', (d) => (d.telLink = 'tel:1-888-841-4648')],
    ['an unknown weekday', (d) => (d.days = ['Monday', 'Funday'])],
    ['a repeated weekday', (d) => (d.days = ['Monday', 'Monday'])],
    ['a missing holiday name', (d) => delete d.holidays.juneteenth],
    ['an unknown holiday', (d) => (d.holidays['groundhog-day'] = 'Groundhog Day')],
    ['an unknown field', (d) => (d.fax = '555-0100')],
    ['a closing-soon window longer than the day', (d) => (d.closingSoonMinutes = 700)],
  ])('rejects %s', (_label, change) => {
    expect(helpdeskSchema.safeParse(withChange(change)).success).toBe(false);
  });
});

describe('knowledge/time-zones.yaml', () => {
  it('parses', () => {
    expect(timeZonesSchema.safeParse(rawTimeZones()).success).toBe(true);
  });

  it.each<[string, (data: RawTimeZones) => void]>([
    ['a phrase under two zones', (d) => d.zones[0]?.names.push('phoenix')],
    ['a phrase with capitals or punctuation', (d) => d.zones[0]?.names.push("St. John's")],
    ['an invalid zone', (d) => Object.assign(d.zones[0] ?? {}, { zone: 'US/Nowhere' })],
  ])('rejects %s', (_label, change) => {
    const data = structuredClone(rawTimeZones()) as unknown as RawTimeZones;
    change(data);
    expect(timeZonesSchema.safeParse(data).success).toBe(false);
  });
});
