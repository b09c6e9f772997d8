import type { DateTime } from 'luxon';
import type { Content } from '../content/load-content';
import { buildHelpdeskCard } from '../helpdesk/helpdesk-card';
import { resolveUserZone } from '../helpdesk/user-zone';
import type { HelpdeskCard } from '../reply/reply';
import type { UserProfile } from './conversation-data';

/** What the channel and the clock tell about one turn. */
export interface TurnFacts {
  /** The moment of the turn: the one clock, read once at the edge. */
  readonly now: DateTime;
  /** The user's zone as the channel reports it (Web Chat's localTimezone, Teams' clientInfo). */
  readonly channelZone?: string;
  /** A conversation others read too (a Teams channel or group chat): nothing personal is said unprompted. */
  readonly shared?: boolean;
}

/** The user's zone for this turn: one they told us wins over the channel's guess. */
export function userZoneOf(user: UserProfile, facts: TurnFacts): string | undefined {
  return resolveUserZone(user.timeZone) ?? resolveUserZone(facts.channelZone);
}

/** Today (YYYY-MM-DD) where the user is, or at the desk when we don't know. */
export function todayFor(zone: string | undefined, facts: TurnFacts, content: Content): string {
  return facts.now.setZone(zone ?? content.helpdesk.zone).toFormat('yyyy-MM-dd');
}

/** The live help-desk card for this turn, in Eastern time and the user's. */
export function helpdeskCardFor(
  zone: string | undefined,
  facts: TurnFacts,
  content: Content,
  triedOnline = false,
): HelpdeskCard {
  return buildHelpdeskCard(facts.now, zone, content, { triedOnline });
}
