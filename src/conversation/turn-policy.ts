import { DateTime } from 'luxon';
import type { Content } from '../content/load-content';
import { fillTemplate } from '../content/fill-template';
import type { FlowOutcome } from '../content/flow-schema';
import { mailedCodeDue } from '../flows/computations';
import { resolveUserZone, zoneFromText } from '../helpdesk/user-zone';
import type { Language } from '../matching/language';
import type { Matcher } from '../matching/matcher';
import type { RoutePolicy } from '../matching/router';
import { findSensitiveNumbers, redactForRecords, redactSensitiveNumbers } from '../privacy/sensitive-numbers';
import { parseChoiceValue } from '../reply/choice-value';
import type { Reply } from '../reply/reply';
import { emptyConversation, type ConversationData, type UserProfile } from './conversation-data';
import { beginFlow, continueFlow, type FlowTurn, type FlowTurnDeps } from './flow-turn';
import { welcomeReply } from './replies';
import { respond, type ResponderDeps } from './responder';
import { helpdeskCardFor, todayFor, userZoneOf, type TurnFacts } from './turn-facts';

/** What arrived: a user joining (the welcome), or a message (typed text or a clicked button). */
export type TurnInput =
  { readonly kind: 'join' } | { readonly kind: 'message'; readonly text: string; readonly value?: unknown };

/** What the turn starts from: the conversation's and the user's saved state. */
export interface TurnState {
  readonly conversation: ConversationData;
  readonly user: UserProfile;
}

/** Everything the turn decided; the Bot Framework edge carries it out. */
export interface TurnPlan {
  readonly replies: Reply;
  readonly conversation: ConversationData;
  readonly user: UserProfile;
  /** Forget everything stored for the conversation first ("reset"). */
  readonly reset?: boolean;
  /** Tell a contact-centre product (if connected) that the user is handed to the help desk. */
  readonly handoff?: { readonly summary: string; readonly userZone: string };
  /** For the log: what kind of answer this was. */
  readonly decision: string;
  readonly flowEnded?: { readonly flowId: string; readonly outcome: FlowOutcome };
}

/** What the policy reads besides the turn itself. */
export interface PolicyDeps {
  readonly content: Content;
  readonly matcher: Matcher;
  readonly language: Language;
  readonly maxMessageLength: number;
  /** Keep a redacted transcript in the conversation (for handoff events). */
  readonly keepTranscript: boolean;
  readonly routePolicy?: RoutePolicy;
}

const TRANSCRIPT_LENGTH = 30;
/** A pause this long makes the next message a later visit (Teams one-to-one chats never end). */
const LATER_VISIT_HOURS = 8;

/**
 * Decides what to do with one turn: pure over the message, the turn's facts (the moment, the
 * channel's zone) and the saved state. Greets once, runs a troubleshooting flow when one is
 * under way, and otherwise answers through the responder.
 */
export function decideTurn(input: TurnInput, facts: TurnFacts, state: TurnState, deps: PolicyDeps): TurnPlan {
  const plan = input.kind === 'join' ? welcome(facts, state, deps) : message(input, facts, state, deps);
  return { ...plan, replies: withThenAndNow(plan.replies, deps.content.texts.thenAndNow) };
}

/**
 * A reply that describes the 2016-2018 process says once, plainly, that sign-in has since moved
 * to ID.me: after the last such text, unless a help-desk card (which says it itself) is there.
 */
export function withThenAndNow(replies: Reply, note: string): Reply {
  const last = replies.map((message) => message.historical === true).lastIndexOf(true);
  if (last < 0 || replies.some((message) => message.helpdesk)) return replies;
  return replies.map((message, index) =>
    index === last ? { ...message, text: `${message.text ?? ''}\n\n${note}`.trim() } : message,
  );
}

function welcome(facts: TurnFacts, state: TurnState, deps: PolicyDeps): TurnPlan {
  if (state.conversation.welcomed) return { replies: [], ...state, decision: 'welcome:again' };
  const replies = [...mailReminder(state.user, facts, deps.content), ...welcomeReply(deps.content)];
  return {
    replies,
    conversation: record({ ...state.conversation, welcomed: true }, 'bot', replies, deps),
    user: state.user,
    decision: 'welcome',
  };
}

function message(
  input: Extract<TurnInput, { kind: 'message' }>,
  facts: TurnFacts,
  state: TurnState,
  deps: PolicyDeps,
): TurnPlan {
  const { texts } = deps.content;
  const value = parseChoiceValue(input.value);
  const rawText = input.text.trim();
  const unchanged = { conversation: state.conversation, user: state.user };
  if (!value && rawText.length === 0) return { replies: [{ text: texts.nonText }], ...unchanged, decision: 'non-text' };
  if (!value && rawText.length > deps.maxMessageLength) {
    return {
      replies: [{ text: fillTemplate(texts.tooLong, { max: deps.maxMessageLength }) }],
      ...unchanged,
      decision: 'too-long',
    };
  }
  if (!value && deps.language.detectCommand(rawText) === 'reset') {
    const replies: Reply = [{ text: texts.resetDone }, ...welcomeReply(deps.content)];
    return {
      replies,
      conversation: { ...emptyConversation, welcomed: true },
      user: state.user,
      reset: true,
      decision: 'reset',
    };
  }

  const sensitive = findSensitiveNumbers(rawText).length > 0;
  // Matching never needs the numbers, and nothing downstream should ever see them.
  const text = sensitive ? redactSensitiveNumbers(rawText) : rawText;
  const replies: Array<Reply[number]> = sensitive ? [{ text: texts.privacyWarning }] : [];
  let conversation = record(state.conversation, 'user', [{ text }], deps);
  let user = state.user;

  const lastTurn = conversation.lastTurnAt ? DateTime.fromISO(conversation.lastTurnAt) : undefined;
  const laterVisit =
    !conversation.welcomed || (lastTurn !== undefined && facts.now.diff(lastTurn, 'hours').hours >= LATER_VISIT_HOURS);
  conversation = { ...conversation, welcomed: true, lastTurnAt: facts.now.toISO() ?? undefined };
  // A reminder is the user's own business: never posted unprompted where others read along.
  if (laterVisit && !facts.shared) replies.push(...mailReminder(user, facts, deps.content));

  // "I'm in Phoenix": remembered for this user, and used from this turn on.
  const zoneNamed =
    !value && deps.language.isZoneStatement(text)
      ? resolveUserZone(zoneFromText(text, deps.content.timeZones))
      : undefined;
  if (zoneNamed) user = { ...user, timeZone: zoneNamed };
  const zoneReply: Reply = zoneNamed ? [{ text: fillTemplate(texts.zoneRemembered, { zone: zoneNamed }) }] : [];

  const zone = userZoneOf(user, facts);
  const today = todayFor(zone, facts, deps.content);
  const responder: ResponderDeps = {
    content: deps.content,
    matcher: deps.matcher,
    language: deps.language,
    helpdeskCard: (named) => helpdeskCardFor(named ?? zone, facts, deps.content),
    ...(deps.routePolicy ? { policy: deps.routePolicy } : {}),
    now: facts.now,
    userZone: zone,
    today,
    ...(user.mailedCodeRequestedOn ? { mailedCodeRequestedOn: user.mailedCodeRequestedOn } : {}),
  };
  const flowDeps: FlowTurnDeps = {
    responder,
    today,
    helpdeskCard: (triedOnline) => helpdeskCardFor(zone, facts, deps.content, triedOnline),
  };

  const running = conversation.flow;
  const runningFlow = running ? deps.content.flows.get(running.flowId) : undefined;
  if (running && runningFlow) {
    const step = continueFlow(runningFlow, running, { text, value }, flowDeps);
    return fromFlow(step, [...replies, ...step.reply], conversation, user, zone, deps);
  }
  // A flow whose content is gone is forgotten; the message is answered as if none ran.
  if (running) conversation = withoutFlow(conversation);

  const outcome = respond({ text, value }, conversation.session, responder);
  conversation = { ...conversation, session: outcome.session };
  if (outcome.startFlow) {
    const flow = deps.content.flows.get(outcome.startFlow);
    if (flow) {
      const step = beginFlow(flow, flowDeps);
      return fromFlow(step, [...replies, ...outcome.reply, ...step.reply], conversation, user, zone, deps);
    }
  }
  const declined = outcome.decision.kind === 'decline';
  // "I'm in Phoenix" is acknowledged; a question with it is answered too.
  replies.push(...zoneReply, ...(zoneReply.length > 0 && declined ? [] : outcome.reply));
  return {
    replies,
    conversation: record(conversation, 'bot', replies, deps),
    user,
    decision: outcome.decision.kind,
    ...(outcome.handoff
      ? { handoff: { summary: texts.helpdeskButton, userZone: zone ?? deps.content.helpdesk.zone } }
      : {}),
  };
}

function fromFlow(
  step: FlowTurn,
  replies: Reply,
  conversation: ConversationData,
  user: UserProfile,
  zone: string | undefined,
  deps: PolicyDeps,
): TurnPlan {
  let nextUser = user;
  if (step.mailedCodeRequestedOn !== undefined) {
    const { mailedCodeRequestedOn: _forgotten, ...rest } = user;
    nextUser =
      step.mailedCodeRequestedOn === null ? rest : { ...rest, mailedCodeRequestedOn: step.mailedCodeRequestedOn };
  }
  const next = step.state ? { ...conversation, flow: step.state } : withoutFlow(conversation);
  const handedOff = step.ended?.outcome === 'handed-off';
  return {
    replies,
    conversation: record(next, 'bot', replies, deps),
    user: nextUser,
    decision: step.decision,
    ...(step.ended ? { flowEnded: { flowId: step.ended.flowId, outcome: step.ended.outcome } } : {}),
    ...(step.switchedFrom && !step.ended
      ? { flowEnded: { flowId: step.switchedFrom, outcome: 'cancelled' as const } }
      : {}),
    ...(handedOff
      ? {
          handoff: {
            summary: step.ended?.handoffSummary ?? deps.content.flows.get(step.ended?.flowId ?? '')?.title ?? '',
            userZone: zone ?? deps.content.helpdesk.zone,
          },
        }
      : {}),
  };
}

function withoutFlow(conversation: ConversationData): ConversationData {
  const { flow: _ended, ...rest } = conversation;
  return rest;
}

/** On a later visit: when the mailed activation code is due, unprompted. */
function mailReminder(user: UserProfile, facts: TurnFacts, content: Content): Reply {
  if (!user.mailedCodeRequestedOn) return [];
  const due = mailedCodeDue(user.mailedCodeRequestedOn, todayFor(userZoneOf(user, facts), facts, content));
  const template = due.overdue ? content.texts.mailReminderOverdue : content.texts.mailReminderPending;
  return [{ text: fillTemplate(template, { requestedOnText: due.requestedOnText, dueDateText: due.dueDateText }) }];
}

/** Keeps recent messages for a handoff's transcript; only when handoff events are on. */
function record(
  conversation: ConversationData,
  from: 'user' | 'bot',
  messages: Reply,
  deps: PolicyDeps,
): ConversationData {
  // Kept only for the handoff event: otherwise it would cost state size and time every turn.
  if (!deps.keepTranscript) return conversation;
  const entries = messages
    .map((message) => message.text)
    .filter((text): text is string => typeof text === 'string' && text.length > 0)
    // What the user typed may hold a number in a format nobody foresaw: keep no long digit runs.
    .map((text) => ({
      from,
      text: (from === 'user' ? redactForRecords(text) : redactSensitiveNumbers(text)).slice(0, 500),
    }));
  if (entries.length === 0) return conversation;
  return { ...conversation, transcript: [...conversation.transcript, ...entries].slice(-TRANSCRIPT_LENGTH) };
}

/** When storage is down: say so, and give the help-desk details from content in memory. */
export function storageDownReply(facts: TurnFacts, content: Content): Reply {
  return [
    { text: content.texts.storageDown },
    { helpdesk: helpdeskCardFor(resolveUserZone(facts.channelZone), facts, content) },
  ];
}
