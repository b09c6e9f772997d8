import type { EventBody } from '../analytics/analytics-event';
import { keptText } from '../analytics/kept-text';
import type { Content } from '../content/load-content';
import type { ChoiceValue, Reply } from '../reply/reply';
import type { ConversationData, RateableAnswer } from './conversation-data';
import { feedbackAsk, ratingAsk } from './replies';
import type { ResponderDeps } from './outcome';
import { reactToAnswer } from './buttons-and-commands';
import type { TurnFacts } from './turn-facts';

/** Answers a conversation keeps for "was this helpful": its last few (older buttons are told so). */
export const RATEABLE_ANSWERS = 5;

/** What a reaction (feedback, a rating) does to the turn. */
export interface ReactionTurn {
  readonly replies: Reply;
  readonly conversation: ConversationData;
  readonly decision: string;
  readonly events?: readonly EventBody[];
  /** "Not helpful" a second time: the help desk was shown. */
  readonly handoff?: boolean;
}

/**
 * A knowledge answer given this turn: remembered as rateable (with the question, only when the
 * firm keeps the text of unhelpful answers), and "Was this helpful?" added under it.
 */
export function offerFeedback(
  reply: Reply,
  conversation: ConversationData,
  answer: { readonly articleId: string; readonly question: string; readonly keepQuestion: boolean },
  content: Content,
): { reply: Reply; conversation: ConversationData } {
  if (reply.length === 0) return { reply, conversation };
  const count = (conversation.answerCount ?? 0) + 1;
  const token = count.toString(36);
  const question = answer.keepQuestion ? keptText(answer.question) : undefined;
  const remembered: RateableAnswer = { token, articleId: answer.articleId, ...(question ? { question } : {}) };
  const last = reply.length - 1;
  return {
    reply: reply.map((message, index) =>
      index === last ? { ...message, feedback: feedbackAsk(answer.articleId, token, content) } : message,
    ),
    conversation: {
      ...conversation,
      answerCount: count,
      answers: [...(conversation.answers ?? []), remembered].slice(-RATEABLE_ANSWERS),
    },
  };
}

/**
 * After the help desk or a finished flow: the satisfaction rating as buttons after it, once a
 * conversation, never where others read along (a Teams channel or group chat).
 */
export function offerRating(
  reply: Reply,
  conversation: ConversationData,
  after: 'handoff' | 'flow',
  facts: TurnFacts,
  content: Content,
): { reply: Reply; conversation: ConversationData } {
  if (facts.shared || conversation.rating || reply.length === 0) return { reply, conversation };
  const last = reply.length - 1;
  return {
    reply: reply.map((message, index) => (index === last ? { ...message, rating: ratingAsk(content) } : message)),
    conversation: { ...conversation, rating: { after } },
  };
}

/**
 * A "Helpful" / "Not helpful" button or a rating button clicked. Only an answer this conversation
 * still keeps, not rated yet, and a rating that was asked and not given yet are kept; anything
 * else gets a short word and no event.
 */
export function buttonReaction(
  value: Extract<ChoiceValue, { action: 'feedback' | 'rating' }>,
  conversation: ConversationData,
  responder: ResponderDeps,
): ReactionTurn {
  const { texts } = responder.content;
  const say = (text: string, decision: string): ReactionTurn => ({ replies: [{ text }], conversation, decision });
  if (value.action === 'rating') {
    if (!conversation.rating) return say(texts.feedbackUnusable, 'rating:not-asked');
    if (conversation.rating.given) return say(texts.ratingAlreadyNoted, 'rating:again');
    return {
      replies: [{ text: texts.ratingThanks }],
      conversation: { ...conversation, rating: { ...conversation.rating, given: true } },
      decision: 'rating',
      events: [{ type: 'rating', rating: value.rating, after: conversation.rating.after }],
    };
  }
  const answer = conversation.answers?.find(
    (candidate) => candidate.token === value.answer && candidate.articleId === value.articleId,
  );
  if (!answer) return say(texts.feedbackNotMatched, 'feedback:unknown');
  if (answer.rated) return say(texts.feedbackAlreadyNoted, 'feedback:again');
  const rated = markRated(conversation, answer);
  const events: EventBody[] = [feedbackEvent(answer, value.helpful)];
  // A flow waiting for an answer is not interrupted: its question stays the last thing asked.
  if (conversation.flow)
    return { replies: [{ text: texts.feedbackNotedMidFlow }], conversation: rated, decision: 'feedback', events };
  const outcome = reactToAnswer(value.helpful, answer.articleId, conversation.session, responder);
  return {
    replies: value.helpful ? [{ text: texts.feedbackThanks }] : outcome.reply,
    conversation: { ...rated, session: outcome.session },
    decision: 'feedback',
    events: [...events, ...(outcome.events ?? [])],
    ...(outcome.handoff ? { handoff: true } : {}),
  };
}

/**
 * Teams' own feedback buttons (a like or a dislike, through an invoke). Teams says thank you
 * itself and the invoke carries no message to answer, so nothing is said. Teams names the message
 * rated by its id (the invoke's replyToId): only an answer of this conversation whose message had
 * that id is rated, once. Microsoft 365 Agents Playground sends no id: then the conversation's
 * newest answer is rated, once.
 */
export function teamsReaction(
  reaction: { readonly helpful: boolean; readonly messageId?: string },
  conversation: ConversationData,
): ReactionTurn {
  const { helpful, messageId } = reaction;
  const answers = conversation.answers ?? [];
  const answer =
    messageId === undefined ? answers.at(-1) : answers.find((candidate) => candidate.messageId === messageId);
  if (!answer) return { replies: [], conversation, decision: 'feedback:unknown' };
  if (answer.rated) return { replies: [], conversation, decision: 'feedback:again' };
  const { unhelpful, ...session } = conversation.session;
  return {
    replies: [],
    conversation: {
      ...markRated(conversation, answer),
      // Counted like "that didn't help": said again, the help desk comes.
      session: helpful ? session : { ...session, unhelpful: (unhelpful ?? 0) + 1 },
    },
    decision: 'feedback',
    events: [feedbackEvent(answer, helpful)],
  };
}

/**
 * A feedback or rating value the bot never sent (a rating out of range, a field of the wrong
 * kind, a crafted postBack): a short polite word, and nothing kept.
 */
export function unusableReaction(content: Content): Pick<ReactionTurn, 'replies' | 'decision'> {
  return { replies: [{ text: content.texts.feedbackUnusable }], decision: 'feedback:malformed' };
}

/** The token of the answer whose "Was this helpful?" a reply carries, if it carries one. */
export function answerAskedAbout(reply: Reply): string | undefined {
  for (const message of reply) {
    const value = message.feedback?.choices[0]?.value;
    if (value?.action === 'feedback') return value.answer;
  }
  return undefined;
}

/** Message ids longer than this are not kept (Teams' are a few dozen characters). */
const MAX_MESSAGE_ID = 256;

/**
 * Remembers the id the connector gave the message carrying an answer, for Teams' feedback on it.
 * The same conversation when the answer is no longer kept (a later turn pushed it out) or the id
 * is unusable.
 */
export function withMessageId(conversation: ConversationData, token: string, messageId: string): ConversationData {
  const answer = conversation.answers?.find((candidate) => candidate.token === token);
  if (!answer || answer.messageId === messageId || messageId.length === 0 || messageId.length > MAX_MESSAGE_ID)
    return conversation;
  return {
    ...conversation,
    answers: conversation.answers?.map((candidate) => (candidate === answer ? { ...candidate, messageId } : candidate)),
  };
}

function feedbackEvent(answer: RateableAnswer, helpful: boolean): EventBody {
  return {
    type: 'feedback',
    articleId: answer.articleId,
    helpful,
    ...(!helpful && answer.question ? { text: answer.question } : {}),
  };
}

function markRated(conversation: ConversationData, answer: RateableAnswer): ConversationData {
  return {
    ...conversation,
    answers: conversation.answers?.map((candidate) =>
      candidate === answer ? { ...candidate, rated: true } : candidate,
    ),
  };
}
