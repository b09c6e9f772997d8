import { DateTime } from 'luxon';
import { callAtAnswer } from '../../../src/helpdesk/call-at';
import { formatDay } from '../../../src/helpdesk/describe-status';
import { realContent } from '../../support/content';

/**
 * "Are they open Fridays?" asked from any zone: the answer is about the desk's Friday, named as
 * Friday, with its hours in Eastern and the user's time. The day asked is a date on the calendar:
 * Friday in Tokyo starts on Thursday in New York, and that must not make the answer Thursday's.
 */
const content = realContent();
const { helpdesk, texts } = content;
const dayIn = (isoDate: string, zone: string) =>
  ({ kind: 'day', day: DateTime.fromISO(isoDate, { zone }).startOf('day') }) as const;

describe('a day asked about, from any zone', () => {
  const friday = formatDay(DateTime.fromISO('2026-12-04', { zone: helpdesk.zone }));
  const thursday = formatDay(DateTime.fromISO('2026-12-03', { zone: helpdesk.zone }));

  it.each([
    'Asia/Tokyo',
    'Europe/London',
    'America/Halifax',
    'America/Puerto_Rico',
    'America/New_York',
    'America/Los_Angeles',
  ])('Friday asked from %s is the desk Friday', (zone) => {
    const answer = callAtAnswer(dayIn('2026-12-04', zone), zone, helpdesk, texts);
    expect(answer).toContain(friday);
    expect(answer).not.toContain(thursday);
  });

  it('a Saturday asked from London is a Saturday the desk is closed, with Monday next', () => {
    const answer = callAtAnswer(dayIn('2026-12-05', 'Europe/London'), 'Europe/London', helpdesk, texts);
    expect(answer).toContain(formatDay(DateTime.fromISO('2026-12-05', { zone: helpdesk.zone })));
    expect(answer).toContain(formatDay(DateTime.fromISO('2026-12-07', { zone: helpdesk.zone })));
  });

  it("a Saturday in Tokyo, whose morning is still the desk's Friday afternoon, gets Friday's hours", () => {
    // "Can I call today?" at 7 a.m. on a Tokyo Saturday: the desk is open until 9 a.m. there.
    const answer = callAtAnswer(dayIn('2026-12-05', 'Asia/Tokyo'), 'Asia/Tokyo', helpdesk, texts);
    expect(answer).toContain(friday);
    expect(answer).toContain('9:00 a.m.');
  });

  it('a federal holiday asked from London is that holiday', () => {
    const answer = callAtAnswer(dayIn('2026-12-25', 'Europe/London'), 'Europe/London', helpdesk, texts);
    expect(answer).toContain(helpdesk.holidays['christmas-day']);
  });
});
