import { z } from 'zod';
import { jsonDepth, MAX_JSON_DEPTH } from '../../http/activity-shape';

/** The channel id the bot sees for conversations of the local Direct Line. */
const WEBCHAT_CHANNEL_ID = 'webchat';

/** The bot's account in local Direct Line conversations. */
const BOT_ACCOUNT = Object.freeze({ id: 'support-bot', name: 'Support bot', role: 'bot' });

/** The activity itself and its fields add two levels to what `value` may nest. */
const MAX_CLIENT_DEPTH = MAX_JSON_DEPTH + 2;

/** What a client may say about an activity it posts; everything else is set by the Direct Line. */
const clientActivity = z
  .object({
    type: z.enum(['message', 'event', 'typing']),
    text: z.string().optional(),
    textFormat: z.enum(['plain', 'markdown', 'xml']).optional(),
    name: z.string().max(200).optional(),
    value: z.unknown().optional(),
    locale: z.string().max(100).optional(),
    localTimezone: z.string().max(100).optional(),
    localTimestamp: z.string().max(100).optional(),
    entities: z.array(z.record(z.string(), z.unknown())).max(50).optional(),
    attachments: z.array(z.record(z.string(), z.unknown())).max(10).optional(),
    channelData: z.record(z.string(), z.unknown()).optional(),
  })
  .refine((activity) => jsonDepth(activity, MAX_CLIENT_DEPTH + 1) <= MAX_CLIENT_DEPTH, {
    // Deep nesting breaks serializing the conversation's activities for every later GET.
    message: `nests deeper than ${MAX_JSON_DEPTH} levels`,
  });

/** A reply the bot posts through the Bot Connector routes. */
const botActivity = z.looseObject({ type: z.string().min(1).max(100) });

/** An activity ready to keep, or why it was refused. */
export type Shaped =
  | { readonly ok: true; readonly activity: Readonly<Record<string, unknown>> }
  | { readonly ok: false; readonly problem: string };

/** Where an activity is said, and when. */
export interface ActivityPlace {
  readonly conversationId: string;
  /** ISO 8601, the Direct Line's own clock. */
  readonly timestamp: string;
}

/**
 * The activity a client posted, as the Direct Line keeps it: what Web Chat sends (locale,
 * localTimezone, entities, value, channelData...) is kept, but who said it, where and when are
 * the Direct Line's to say: `from` is the token's user whatever the client claims.
 */
export function shapeClientActivity(body: unknown, place: ActivityPlace & { readonly userId: string }): Shaped {
  const parsed = clientActivity.safeParse(body);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return { ok: false, problem: `${issue.path.join('.') || 'body'}: ${issue.message}` };
  }
  return {
    ok: true,
    activity: {
      ...withoutUndefined(parsed.data),
      channelId: WEBCHAT_CHANNEL_ID,
      conversation: { id: place.conversationId },
      from: { id: place.userId, role: 'user' },
      recipient: BOT_ACCOUNT,
      timestamp: place.timestamp,
    },
  };
}

/**
 * A bot's reply as clients will see it. The bot is trusted with the content, but not with the
 * envelope: the serviceUrl (which carries the connector key) is dropped, and the conversation,
 * channel and time are the Direct Line's.
 */
export function shapeBotActivity(body: unknown, place: ActivityPlace): Shaped {
  const parsed = botActivity.safeParse(body);
  if (!parsed.success) return { ok: false, problem: 'body: not an activity' };
  const { serviceUrl: _serviceUrl, id: _id, from, ...rest } = parsed.data;
  const sender = typeof from === 'object' && from !== null ? (from as Record<string, unknown>) : {};
  return {
    ok: true,
    activity: {
      ...rest,
      channelId: WEBCHAT_CHANNEL_ID,
      conversation: { id: place.conversationId },
      from: { id: typeof sender.id === 'string' ? sender.id : BOT_ACCOUNT.id, name: BOT_ACCOUNT.name, role: 'bot' },
      timestamp: place.timestamp,
    },
  };
}

/** The activity as the bot receives it: the kept activity plus where to send replies. */
export function activityForBot(
  activity: Readonly<Record<string, unknown>>,
  serviceUrl: string,
): Record<string, unknown> {
  return { ...activity, serviceUrl };
}

function withoutUndefined(record: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(record).filter(([, value]) => value !== undefined));
}
