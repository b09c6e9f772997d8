import type { Content } from '../content/load-content';
import type { Language } from '../matching/language';
import type { Matcher } from '../matching/matcher';
import type { RoutePolicy } from '../matching/router';
import type { HelpdeskCardSource } from '../reply/reply';
import type { UserProfile } from './conversation-data';
import type { FlowTurnDeps } from './flow-turn';
import type { ResponderDeps } from './outcome';
import { helpdeskCardFor, todayFor, userZoneOf, type TurnFacts } from './turn-facts';

/** What a turn's helpers are made from (the turn policy's own deps have all of it). */
export interface TurnDepsSource {
  readonly content: Content;
  readonly matcher: Matcher;
  readonly language: Language;
  readonly routePolicy?: RoutePolicy;
}

/** What the responder and a flow need for this turn: the user's zone, today there, the live card. */
export function turnDeps(
  user: UserProfile,
  facts: TurnFacts,
  deps: TurnDepsSource,
  codeRequestedHere?: string,
): { responder: ResponderDeps; flowDeps: FlowTurnDeps; zone: string | undefined } {
  const zone = userZoneOf(user, facts);
  const today = todayFor(zone, facts, deps.content);
  const helpdeskCard: HelpdeskCardSource = (request = {}) =>
    helpdeskCardFor(request.zone ?? zone, facts, deps.content, request.triedOnline ?? false);
  const responder: ResponderDeps = {
    content: deps.content,
    matcher: deps.matcher,
    language: deps.language,
    helpdeskCard,
    ...(deps.routePolicy ? { policy: deps.routePolicy } : {}),
    now: facts.now,
    userZone: zone,
    today,
    ...(user.mailedCodeRequestedOn ? { mailedCodeRequestedOn: user.mailedCodeRequestedOn } : {}),
    ...(codeRequestedHere ? { codeRequestedHere } : {}),
  };
  const flowDeps: FlowTurnDeps = { responder, today, helpdeskCard };
  return { responder, flowDeps, zone };
}
