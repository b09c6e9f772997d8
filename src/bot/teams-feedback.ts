import type { Activity, InvokeResponse, TurnContext } from 'botbuilder';
import { z } from 'zod';

/**
 * Teams' own feedback buttons (the thumbs up and down under a message sent with
 * `channelData.feedbackLoopEnabled: true`). When the user submits the form, Teams sends an
 * invoke `message/submitAction` with `value.actionName: "feedback"` and
 * `value.actionValue: { reaction: "like" | "dislike", feedback: "{\"feedbackText\":\"…\"}" }`,
 * and the bot must answer it with status 200 and an empty body (a body that isn't empty is an
 * error there). Microsoft Learn, "Enhance AI-generated bot messages", Feedback buttons:
 * https://learn.microsoft.com/en-us/microsoftteams/platform/bots/how-to/bot-messages-ai-generated-content#feedback-buttons
 * The invoke's replyToId is the id of the bot's message being rated, as the connector gave it when
 * the message was sent. Microsoft 365 Agents Playground sends the same invoke with the comment as
 * plain text and no replyToId.
 */
export const FEEDBACK_INVOKE = 'message/submitAction';

/** The answer Teams expects to a feedback invoke, whatever the bot made of it. */
export const FEEDBACK_RECEIVED: InvokeResponse = { status: 200, body: {} };

const feedbackValue = z.object({
  actionName: z.literal('feedback'),
  actionValue: z.object({
    reaction: z.enum(['like', 'dislike']),
    // Teams sends JSON text, the Playground plain text. The comment itself is not read: analytics
    // keep no free text but the question the answer was for.
    feedback: z.union([z.string(), z.record(z.string(), z.unknown())]).optional(),
  }),
});

/** A like or a dislike, and the id of the message it rates when the invoke names one. */
export interface TeamsFeedback {
  readonly helpful: boolean;
  readonly messageId?: string;
}

/**
 * What a Teams invoke is: not a feedback invoke at all (undefined: the protocol's 501), a like or
 * a dislike, or a feedback invoke whose value is not one (answered 200 and otherwise ignored).
 */
export function teamsFeedbackOf(activity: Partial<Activity>): TeamsFeedback | 'malformed' | undefined {
  if (activity.channelId !== 'msteams' || activity.name !== FEEDBACK_INVOKE) return undefined;
  const value: unknown = activity.value;
  const named = typeof value === 'object' && value !== null && (value as { actionName?: unknown }).actionName;
  if (named !== 'feedback') return undefined;
  const parsed = feedbackValue.safeParse(value);
  if (!parsed.success) return 'malformed';
  const helpful = parsed.data.actionValue.reaction === 'like';
  // Any id Teams names is checked against the answers this conversation sent, even an odd one.
  const messageId: unknown = activity.replyToId;
  return typeof messageId === 'string' && messageId.length > 0 ? { helpful, messageId } : { helpful };
}

/** The answer a turn is sending with Teams' feedback buttons (its token), until its message is sent. */
const ANSWER_ON_BUTTONS = Symbol('answerOnFeedbackButtons');

/** Notes which answer (by token) the turn's replies carry Teams' feedback buttons for, when there is one. */
export function answerSentWithButtons(context: TurnContext, token: string | undefined): void {
  context.turnState.set(ANSWER_ON_BUTTONS, token);
}

/**
 * Watches what the turn sends: when the message carrying Teams' feedback buttons has gone out
 * and the connector answered with its id, `remember` keeps that id with the answer, so the
 * feedback invoke can name it. Replies held back (until the turn's state is saved) have no id
 * yet and are skipped; in expectReplies there is no connector and no id at all.
 */
export function watchSentAnswers(
  context: TurnContext,
  remember: (token: string, messageId: string) => Promise<void>,
): void {
  context.onSendActivities(async (_context, activities, next) => {
    const responses = await next();
    const token = context.turnState.get<string | undefined>(ANSWER_ON_BUTTONS);
    const index = activities.findIndex(hasFeedbackButtons);
    const messageId = index >= 0 ? responses?.[index]?.id : undefined;
    if (token && messageId) {
      context.turnState.set(ANSWER_ON_BUTTONS, undefined);
      await remember(token, messageId);
    }
    return responses;
  });
}

function hasFeedbackButtons(activity: Partial<Activity>): boolean {
  const channelData: unknown = activity.channelData;
  return (
    typeof channelData === 'object' &&
    channelData !== null &&
    (channelData as { feedbackLoopEnabled?: unknown }).feedbackLoopEnabled === true
  );
}
