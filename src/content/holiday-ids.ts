/**
 * The federal holidays, by the ids knowledge/helpdesk.yaml names them with; the dates are worked
 * out in helpdesk/federal-holidays.ts. Kept here because the content schema checks the names.
 */
export const FEDERAL_HOLIDAY_IDS = [
  'new-years-day',
  'martin-luther-king-jr-day',
  'washingtons-birthday',
  'memorial-day',
  'juneteenth',
  'independence-day',
  'labor-day',
  'columbus-day',
  'veterans-day',
  'thanksgiving-day',
  'christmas-day',
] as const;

export type FederalHolidayId = (typeof FEDERAL_HOLIDAY_IDS)[number];
