import { randomUUID } from 'node:crypto';
import { DEFAULT_ZONE, pythonUtcIso } from './eval-clock';
import { pyStr } from './py-format';
import { isObject, type ActivityJson, type Json, type JsonObject } from './reply-view';

/**
 * What a channel sends for a user's message or click, as the shared judges build it
 * (ask.py build_activity, converse.py choices_of and click_activity).
 */

export const BOT = { id: 'bot', name: 'SupportBot' };
export const MENTION = '<at>SupportBot</at>';
const SENDS = new Set(['imBack', 'messageBack', 'postBack', 'Action.Submit']);

/** A short random hex id, as uuid.uuid4().hex[:n]. */
export function hexId(length: number): string {
  return randomUUID().replace(/-/g, '').slice(0, length);
}

/** Teams when the channel says so, or (no channel given) when the text starts with an <at> mention. */
export function isTeams(text: unknown, channel?: string | null): boolean {
  return channel === 'msteams' || (!channel && typeof text === 'string' && text.startsWith('<at>'));
}

export interface ActivityOptions {
  readonly channel?: string | null;
  readonly zone?: string;
  /** A clicked button's value. */
  readonly value?: Json;
  /** Teams text gets the bot's <at> mention in front (typed messages; clicks do not). */
  readonly mention?: boolean;
}

/**
 * A user message as Web Chat or Teams (personal chat) sends it. With `mention`, Teams text gets
 * the bot's <at> mention in front (unless it has one) and the matching mention entity.
 */
export function buildActivity(
  text: string | null | undefined,
  conversation: string,
  user: string,
  options: ActivityOptions = {},
): ActivityJson {
  const zone = options.zone ?? DEFAULT_ZONE;
  const teams = isTeams(text, options.channel);
  if (teams && (options.mention ?? true) && typeof text === 'string' && !text.startsWith('<at>')) {
    text = `${MENTION} ${text}`;
  }
  const activity: ActivityJson = {
    type: 'message',
    id: hexId(8),
    channelId: teams ? 'msteams' : 'webchat',
    serviceUrl: 'http://127.0.0.1:9/',
    conversation: { id: conversation },
    from: { id: user, name: 'Eval User' },
    recipient: { ...BOT },
    locale: 'en-US',
    localTimezone: zone,
    timestamp: pythonUtcIso(),
    deliveryMode: 'expectReplies',
  };
  if (text !== null && text !== undefined) activity.text = text;
  if (options.value !== null && options.value !== undefined) activity.value = options.value;
  if (teams) {
    const entities: JsonObject[] = [{ type: 'clientInfo', locale: 'en-US', timezone: zone }];
    if (text && text.includes(MENTION)) entities.unshift({ type: 'mention', text: MENTION, mentioned: { ...BOT } });
    activity.entities = entities;
    (activity.conversation as JsonObject).conversationType = 'personal';
  }
  return activity;
}

/** A button the user can click: its title and the action the channel acts on. */
export interface ChoiceAction {
  readonly title: string;
  readonly action: JsonObject;
}

/**
 * Every button that sends a message: suggested actions, hero-card buttons and Adaptive Card
 * submit actions (links and Action.OpenUrl are not clicks), in the order they appear.
 */
export function choicesOf(activities: readonly ActivityJson[]): ChoiceAction[] {
  const out: ChoiceAction[] = [];
  const cardActions = (node: Json | undefined): void => {
    if (isObject(node)) {
      if (typeof node.type === 'string' && SENDS.has(node.type) && 'title' in node) {
        out.push({ title: pyStr(node.title || ''), action: node });
      }
      for (const [key, value] of Object.entries(node)) if (key !== 'data' && key !== 'value') cardActions(value);
    } else if (Array.isArray(node)) node.forEach(cardActions);
  };
  for (const activity of activities) {
    if (activity.type !== 'message') continue;
    const suggested = isObject(activity.suggestedActions) ? activity.suggestedActions.actions : undefined;
    for (const action of Array.isArray(suggested) ? suggested : []) {
      if (!isObject(action)) continue;
      const type = 'type' in action ? action.type : 'imBack';
      if (typeof type === 'string' && SENDS.has(type))
        out.push({ title: pyStr(action.title || action.value || ''), action });
    }
    const attachments = Array.isArray(activity.attachments) ? activity.attachments : [];
    for (const attachment of attachments) cardActions((isObject(attachment) && attachment.content) || {});
  }
  return out;
}

/** What the channel sends when the user clicks this action: the text and the value. */
export function clickActivity(action: JsonObject): { text: string | null | undefined; value: Json | undefined } {
  const kind = action.type;
  if (kind === 'Action.Submit') {
    const data = action.data;
    const teams = isObject(data) ? data.msteams || {} : undefined;
    const text = isObject(teams) ? teams.text : undefined;
    return { text: text === undefined ? undefined : (text as string | null), value: data };
  }
  if (kind === 'messageBack') return { text: action.text as string | null | undefined, value: action.value };
  return { text: pyStr(action.value || action.text || action.title || ''), value: undefined };
}
