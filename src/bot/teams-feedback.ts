import type { Activity, InvokeResponse } from 'botbuilder';
import { z } from 'zod';

/**
 * Teams' own feedback buttons (the thumbs up and down under a message sent with
 * `channelData.feedbackLoopEnabled: true`). When the user submits the form, Teams sends an
 * invoke `message/submitAction` with `value.actionName: "feedback"` and
 * `value.actionValue: { reaction: "like" | "dislike", feedback: "{\"feedbackText\":\"…\"}" }`,
 * and the bot must answer it with status 200 and an empty body (a body that isn't empty is an
 * error there). Microsoft Learn, "Enhance AI-generated bot messages", Feedback buttons:
 * https://learn.microsoft.com/en-us/microsoftteams/platform/bots/how-to/bot-messages-ai-generated-content#feedback-buttons
 * Microsoft 365 Agents Playground sends the same invoke with the comment as plain text and no
 * replyToId.
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

/**
 * What a Teams invoke is: not a feedback invoke at all (undefined: the protocol's 501), a like or
 * a dislike, or a feedback invoke whose value is not one (answered 200 and otherwise ignored).
 */
export function teamsFeedbackOf(activity: Partial<Activity>): { helpful: boolean } | 'malformed' | undefined {
  if (activity.channelId !== 'msteams' || activity.name !== FEEDBACK_INVOKE) return undefined;
  const value: unknown = activity.value;
  const named = typeof value === 'object' && value !== null && (value as { actionName?: unknown }).actionName;
  if (named !== 'feedback') return undefined;
  const parsed = feedbackValue.safeParse(value);
  return parsed.success ? { helpful: parsed.data.actionValue.reaction === 'like' } : 'malformed';
}
