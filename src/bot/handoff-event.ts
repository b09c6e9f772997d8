import { EventFactory, type Activity, type TurnContext } from 'botbuilder';
import { redactForRecords } from '../privacy/sensitive-numbers';

/**
 * The `handoff.initiate` event a contact-centre product listens for: a summary, the user's zone,
 * the desk's number and the recent (redacted) transcript. The user sees the same reply either way.
 */
export function handoffEvent(
  context: TurnContext,
  handoff: { readonly summary: string; readonly userZone: string },
  transcript: ReadonlyArray<{ readonly from: 'user' | 'bot'; readonly text: string }>,
  helpdeskNumber: string,
): Partial<Activity> {
  return EventFactory.createHandoffInitiation(
    context,
    { summary: redactForRecords(handoff.summary), userZone: handoff.userZone, helpdesk: helpdeskNumber },
    {
      activities: transcript.map(
        (entry) => ({ type: 'message', text: entry.text, from: { id: entry.from, name: entry.from } }) as Activity,
      ),
    },
  );
}
