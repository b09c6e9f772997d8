import { randomBytes } from 'node:crypto';
import type { Activity } from 'botbuilder';
import type { Content } from '../../src/content/load-content';
import { toJsonText, type MutableActivity } from './arbitraries';
import type { FuzzApp, RawAnswer } from './fuzz-app';

/** Talking to the bot: well-formed user messages and the answers to them. */

/** The question every health check asks, and a sentence its answer must contain. */
export const NORMAL_QUESTION = 'what do I need to register?';

/** The first line of the what-you-need article's answer. */
export function normalAnswerSentence(content: Content): string {
  const article = content.articles.get('what-you-need');
  if (!article) throw new Error('knowledge/articles/what-you-need.yaml is missing');
  return article.answer.split('\n')[0].trim();
}

/** A well-formed user message with expectReplies. */
export function userActivity(conversationId: string, text: unknown, extra: MutableActivity = {}): MutableActivity {
  return {
    type: 'message',
    id: `${conversationId}-${randomBytes(4).toString('hex')}`,
    channelId: 'webchat',
    deliveryMode: 'expectReplies',
    conversation: { id: conversationId },
    from: { id: `user-${conversationId}`, name: 'User' },
    recipient: { id: 'bot', name: 'Bot' },
    text,
    locale: 'en-US',
    ...extra,
  };
}

export const JSON_HEADERS = { 'content-type': 'application/json' };

/** POSTs an activity to /api/messages; the replies when the answer is a 200 with expectReplies. */
export async function postActivity(
  app: FuzzApp,
  activity: MutableActivity,
): Promise<{ answer: RawAnswer; replies: Array<Partial<Activity>> }> {
  const answer = await app.request({
    method: 'POST',
    path: '/api/messages',
    headers: JSON_HEADERS,
    body: toJsonText(activity),
  });
  let replies: Array<Partial<Activity>> = [];
  if (answer.status === 200 && answer.body) {
    try {
      replies = ((JSON.parse(answer.body) as { activities?: Array<Partial<Activity>> }).activities ?? []).filter(
        Boolean,
      );
    } catch {
      replies = [];
    }
  }
  return { answer, replies };
}
