import { FEDERAL_HOLIDAY_IDS, federalHolidayOn, holidaysObservedIn } from '../../../src/helpdesk/federal-holidays';

// Observed dates as published on OPM's federal holiday calendars, typed in by hand.
const OPM_2026: Array<[string, string]> = [
  ['new-years-day', '2026-01-01'],
  ['martin-luther-king-jr-day', '2026-01-19'],
  ['washingtons-birthday', '2026-02-16'],
  ['memorial-day', '2026-05-25'],
  ['juneteenth', '2026-06-19'],
  ['independence-day', '2026-07-03'], // July 4 is a Saturday
  ['labor-day', '2026-09-07'],
  ['columbus-day', '2026-10-12'],
  ['veterans-day', '2026-11-11'],
  ['thanksgiving-day', '2026-11-26'],
  ['christmas-day', '2026-12-25'],
];

const OPM_2027: Array<[string, string]> = [
  ['new-years-day', '2027-01-01'],
  ['martin-luther-king-jr-day', '2027-01-18'],
  ['washingtons-birthday', '2027-02-15'],
  ['memorial-day', '2027-05-31'],
  ['juneteenth', '2027-06-18'], // June 19 is a Saturday
  ['independence-day', '2027-07-05'], // July 4 is a Sunday
  ['labor-day', '2027-09-06'],
  ['columbus-day', '2027-10-11'],
  ['veterans-day', '2027-11-11'],
  ['thanksgiving-day', '2027-11-25'],
  ['christmas-day', '2027-12-24'], // Dec 25 is a Saturday
  ['new-years-day', '2027-12-31'], // Jan 1, 2028 is a Saturday
];

describe('holidaysObservedIn', () => {
  it.each([
    [2026, OPM_2026],
    [2027, OPM_2027],
  ])('matches the OPM calendar for %i', (year, expected) => {
    expect(holidaysObservedIn(year).map((h) => [h.id, h.observed])).toEqual(expected);
  });

  it('puts a Saturday New Year on Dec 31 of the previous year, keeping the legal date', () => {
    const last = holidaysObservedIn(2027).at(-1);
    expect(last).toEqual({ id: 'new-years-day', date: '2028-01-01', observed: '2027-12-31' });
    expect(holidaysObservedIn(2028).map((h) => h.id)).not.toContain('new-years-day');
  });

  it.each([
    ['independence-day', 2026, '2026-07-04', '2026-07-03'],
    ['independence-day', 2027, '2027-07-04', '2027-07-05'],
    ['juneteenth', 2027, '2027-06-19', '2027-06-18'],
    ['christmas-day', 2027, '2027-12-25', '2027-12-24'],
    ['christmas-day', 2022, '2022-12-25', '2022-12-26'],
  ])('%s %i: legal %s, observed %s', (id, year, date, observed) => {
    expect(holidaysObservedIn(year).find((h) => h.id === id)).toEqual({ id, date, observed });
  });

  it('has Juneteenth only from 2021, its first year (observed Friday June 18)', () => {
    expect(holidaysObservedIn(2020).map((h) => h.id)).not.toContain('juneteenth');
    expect(holidaysObservedIn(2021).find((h) => h.id === 'juneteenth')?.observed).toBe('2021-06-18');
  });

  it.each([0, 1.5, Number.NaN, 10000])('rejects year %p', (year) => {
    expect(() => holidaysObservedIn(year)).toThrow(RangeError);
  });

  // An independent statement of the rules, over a long span, using plain Date arithmetic.
  describe('agrees with the statutory rules for 1990-2100', () => {
    const years = Array.from({ length: 111 }, (_, i) => 1990 + i);
    const weekday = (iso: string) => new Date(`${iso}T00:00:00Z`).getUTCDay(); // 0 = Sunday
    const dayOfMonth = (iso: string) => Number(iso.slice(8, 10));

    it.each(years)('%i', (year) => {
      const legal = new Map<string, string>();
      for (const y of [year - 1, year]) {
        for (const h of holidaysObservedIn(y)) if (h.date.startsWith(`${year}-`)) legal.set(h.id, h.date);
      }
      // Every holiday that existed that year, exactly once.
      const expectedIds = FEDERAL_HOLIDAY_IDS.filter((id) => id !== 'juneteenth' || year >= 2021);
      expect([...legal.keys()].sort()).toEqual([...expectedIds].sort());

      const monday = (id: string, month: string, from: number, to: number) => {
        const date = legal.get(id) ?? '';
        expect(date.slice(5, 7)).toBe(month);
        expect(weekday(date)).toBe(1);
        expect(dayOfMonth(date)).toBeGreaterThanOrEqual(from);
        expect(dayOfMonth(date)).toBeLessThanOrEqual(to);
      };
      monday('martin-luther-king-jr-day', '01', 15, 21);
      monday('washingtons-birthday', '02', 15, 21);
      monday('memorial-day', '05', 25, 31);
      monday('labor-day', '09', 1, 7);
      monday('columbus-day', '10', 8, 14);
      const thanksgiving = legal.get('thanksgiving-day') ?? '';
      expect(weekday(thanksgiving)).toBe(4);
      expect(dayOfMonth(thanksgiving)).toBeGreaterThanOrEqual(22);
      expect(dayOfMonth(thanksgiving)).toBeLessThanOrEqual(28);

      for (const h of holidaysObservedIn(year)) {
        expect(h.observed.startsWith(`${year}-`)).toBe(true);
        const shift = (Date.parse(h.observed) - Date.parse(h.date)) / 86_400_000;
        const legalDay = weekday(h.date);
        expect(shift).toBe(legalDay === 6 ? -1 : legalDay === 0 ? 1 : 0);
        expect([0, 6]).not.toContain(weekday(h.observed));
      }
    });
  });
});

describe('federalHolidayOn', () => {
  it.each([
    ['2026-07-03', 'independence-day'],
    ['2026-07-04', undefined], // the legal date is a Saturday; offices close the day before
    ['2026-11-26', 'thanksgiving-day'],
    ['2026-11-27', undefined],
    ['2027-06-18', 'juneteenth'],
    ['2027-06-19', undefined],
    ['2027-12-24', 'christmas-day'],
    ['2027-12-31', 'new-years-day'],
    ['2028-01-01', undefined],
    ['2026-03-17', undefined],
  ])('%s -> %s', (date, id) => {
    expect(federalHolidayOn(date)?.id).toBe(id);
  });

  it('gives the legal date with the observed one', () => {
    expect(federalHolidayOn('2027-12-31')).toEqual({ id: 'new-years-day', date: '2028-01-01', observed: '2027-12-31' });
  });

  it.each(['2026-02-30', '2026-7-3', 'tomorrow', '', '2026-07-03T10:00'])('rejects %p', (text) => {
    expect(() => federalHolidayOn(text)).toThrow(RangeError);
  });
});
