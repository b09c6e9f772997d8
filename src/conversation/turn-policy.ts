import { DateTime } from 'luxon';
import type { EventBody } from '../analytics/analytics-event';
import { fillTemplate } from '../content/fill-template';
import { resolveUserZone, zoneFromText } from '../helpdesk/user-zone';
import { defaultRoutePolicy } from '../matching/router';
import { findSensitiveNumbers, redactSensitiveNumbers, withoutSensitiveNumbers } from '../privacy/sensitive-numbers';
import { claimsFeedback, parseChoiceValue } from '../reply/choice-value';
import type { Reply } from '../reply/reply';
import { emptyConversation } from './conversation-data';
import { buttonReaction, offerFeedback, offerRating, teamsReaction, unusableReaction } from './feedback-turn';
import { beginFlow, continueFlow } from './flow-turn';
import { welcomeReply } from './replies';
import { withReplyNotes } from './reply-notes';
import { mailReminder, requestDateTold } from './mailed-code-answer';
import type { Outcome } from './outcome';
import { respond } from './responder';
import { addToTranscript } from './transcript';
import { turnDeps } from './turn-deps';
import type { TurnFacts } from './turn-facts';
import type { PolicyDeps, TurnInput, TurnPlan, TurnState } from './turn-plan';
import { fromFlow, withEventsOf, withoutFlow } from './flow-plan';

/** A pause this long makes the next message a later visit (Teams one-to-one chats never end). */
const LATER_VISIT_HOURS = 8;

/**
 * Decides what to do with one turn: pure over the message, the turn's facts (the moment, the
 * channel's zone) and the saved state. Greets once, runs a troubleshooting flow when one is
 * under way, and otherwise answers through the responder.
 */
export function decideTurn(input: TurnInput, facts: TurnFacts, state: TurnState, deps: PolicyDeps): TurnPlan {
  const plan =
    input.kind === 'join'
      ? welcome(facts, state, deps)
      : input.kind === 'reaction'
        ? reaction(input, state)
        : message(input, facts, state, deps);
  return { ...plan, replies: withReplyNotes(plan.replies, deps.content) };
}

/** Teams' own feedback buttons: the rating of an answer, and nothing said (Teams thanks the user itself). */
function reaction(input: Extract<TurnInput, { kind: 'reaction' }>, state: TurnState): TurnPlan {
  const { replies, conversation, decision, events } = teamsReaction(input, state.conversation);
  return withEventsOf({ replies, conversation, user: state.user, decision, events });
}

function welcome(facts: TurnFacts, state: TurnState, deps: PolicyDeps): TurnPlan {
  if (state.conversation.welcomed) return { replies: [], ...state, decision: 'welcome:again' };
  const replies = [...mailReminder(state.user, facts, deps.content), ...welcomeReply(deps.content)];
  return {
    replies,
    conversation: addToTranscript({ ...state.conversation, welcomed: true }, 'bot', replies, deps.keepTranscript),
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
  // Feedback or a rating the bot never sent: not kept, and its label is no question either.
  if (!value && claimsFeedback(input.value)) return { ...unusableReaction(deps.content), ...unchanged };
  if (value?.action === 'feedback' || value?.action === 'rating') {
    const { responder, zone } = turnDeps(state.user, facts, deps);
    const turn = buttonReaction(value, state.conversation, responder);
    const rated = turn.handoff
      ? offerRating(turn.replies, turn.conversation, 'handoff', facts, deps.content)
      : { reply: turn.replies, conversation: turn.conversation };
    return withEventsOf({
      replies: rated.reply,
      conversation: rated.conversation,
      user: state.user,
      decision: turn.decision,
      events: turn.events,
      ...(turn.handoff
        ? { handoff: { summary: texts.helpdeskButton, userZone: zone ?? deps.content.helpdesk.zone } }
        : {}),
    });
  }
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
    const { flow, rating, answerCount } = state.conversation;
    return {
      replies,
      // The rating stays asked (once a conversation), and answer tokens are not used twice.
      conversation: {
        ...emptyConversation,
        welcomed: true,
        ...(rating ? { rating } : {}),
        ...(answerCount ? { answerCount } : {}),
      },
      user: state.user,
      reset: true,
      decision: 'reset',
      ...(flow
        ? { events: [{ type: 'flow-abandoned', flowId: flow.flowId, nodeId: flow.nodeId, outcome: 'reset' } as const] }
        : {}),
    };
  }

  const sensitive = findSensitiveNumbers(rawText).length > 0;
  // Matching never needs the numbers, and nothing downstream should ever see them: what is kept
  // says where one was; what is read leaves it out (a marker's words are not the user's).
  const kept = sensitive ? redactSensitiveNumbers(rawText) : rawText;
  const text = sensitive ? withoutSensitiveNumbers(rawText) : rawText;
  const replies: Array<Reply[number]> = sensitive ? [{ text: texts.privacyWarning }] : [];
  let conversation = addToTranscript(state.conversation, 'user', [{ text: kept }], deps.keepTranscript);
  let user = state.user;

  const lastTurn = conversation.lastTurnAt ? DateTime.fromISO(conversation.lastTurnAt) : undefined;
  const laterVisit =
    !conversation.welcomed || (lastTurn !== undefined && facts.now.diff(lastTurn, 'hours').hours >= LATER_VISIT_HOURS);
  conversation = { ...conversation, welcomed: true, lastTurnAt: facts.now.toISO() ?? undefined };
  // A reminder is the user's own business: never posted unprompted where others read along.
  const reminder = laterVisit && !facts.shared ? mailReminder(user, facts, deps.content) : [];
  replies.push(...reminder);

  // "I'm in Phoenix": remembered for this user, and used from this turn on.
  const zoneNamed =
    !value && deps.language.isZoneStatement(text)
      ? resolveUserZone(zoneFromText(text, deps.content.timeZones))
      : undefined;
  if (zoneNamed) user = { ...user, timeZone: zoneNamed };
  // Named as people say it today too ("Mountain Standard Time"): an id alone says little.
  const zoneName = zoneNamed ? (facts.now.setZone(zoneNamed).setLocale('en-US').offsetNameLong ?? zoneNamed) : '';
  const zoneReply: Reply = zoneNamed
    ? [{ text: fillTemplate(texts.zoneRemembered, { zone: zoneNamed, zoneName }) }]
    : [];

  const { responder, flowDeps, zone } = turnDeps(user, facts, deps, conversation.codeRequestedOn);
  // "Asked for one by mail on 11/22": kept for this conversation's later "what day can I expect it".
  const toldOn = value ? undefined : requestDateTold(text, conversation.session, responder);
  if (toldOn) conversation = { ...conversation, codeRequestedOn: toldOn };
  const events: EventBody[] = [];

  const running = conversation.flow;
  const runningFlow = running ? deps.content.flows.get(running.flowId) : undefined;
  if (running && runningFlow) {
    const step = continueFlow(runningFlow, running, { text, value }, flowDeps);
    return fromFlow(step, [...replies, ...step.reply], { conversation, user, zone, facts, events }, deps);
  }
  // A flow whose content is gone is forgotten; the message is answered as if none ran.
  if (running) {
    conversation = withoutFlow(conversation);
    events.push({ type: 'flow-abandoned', flowId: running.flowId, nodeId: running.nodeId, outcome: 'expired' });
  }

  const outcome = respond({ text, value }, conversation.session, responder);
  // "I'm in Phoenix" is acknowledged; a question with it is answered too. Told on its own ("fyi I
  // work out of Boise"), a faint reading of its other words ("work") is no answer and no new topic.
  const faintAnswer = zoneNamed !== undefined && saysOnlyTheZone(text, outcome, deps);
  const zoneOnly = zoneNamed !== undefined && (outcome.decision.kind === 'decline' || faintAnswer);
  if (!faintAnswer) conversation = { ...conversation, session: outcome.session };
  if (outcome.startFlow) {
    const flow = deps.content.flows.get(outcome.startFlow);
    if (flow) {
      // Typed, the message that starts the flow answers its questions as far as it says.
      const step = beginFlow(flow, flowDeps, outcome.startFlowOn, value ? undefined : (outcome.startFlowWith ?? text));
      // What the message's other part was read as ("…, also whats my client's refund status": declined).
      const turn = { conversation, user, zone, facts, events: [...events, ...(outcome.events ?? [])] };
      return fromFlow(step, [...replies, ...outcome.reply, ...step.reply], turn, deps);
    }
  }
  let answer = outcome.reply;
  if (!zoneOnly) {
    events.push(...(outcome.events ?? []));
    const answered = outcome.events?.filter((event) => event.type === 'answered').at(-1);
    if (answered) {
      const question = { articleId: answered.articleId, question: kept, keepQuestion: deps.keepFeedbackText ?? false };
      ({ reply: answer, conversation } = offerFeedback(answer, conversation, question, deps.content));
    }
  }
  // "So is it late?" on a later visit: the answer gives the dates, which the reminder would say again.
  const before = outcome.decision.kind === 'mailed-code' ? replies.filter((part) => !reminder.includes(part)) : replies;
  const reply = [...before, ...zoneReply, ...(zoneOnly ? [] : answer)];
  const shown = outcome.handoff
    ? offerRating(reply, conversation, 'handoff', facts, deps.content)
    : { reply, conversation };
  return withEventsOf({
    replies: shown.reply,
    conversation: addToTranscript(shown.conversation, 'bot', shown.reply, deps.keepTranscript),
    user,
    decision: outcome.decision.kind,
    events,
    ...(outcome.handoff
      ? { handoff: { summary: texts.helpdeskButton, userZone: zone ?? deps.content.helpdesk.zone } }
      : {}),
  });
}

/** A zone told, not asked with a question or a problem, whose other words find no answer clearly. */
function saysOnlyTheZone(text: string, outcome: Outcome, deps: PolicyDeps): boolean {
  const { decision } = outcome;
  if (deps.language.isQuestion(text) || deps.language.describesProblem(text)) return false;
  const suggestAbove = (deps.routePolicy ?? defaultRoutePolicy).suggestAbove;
  return decision.kind === 'answer' && decision.score < suggestAbove;
}
