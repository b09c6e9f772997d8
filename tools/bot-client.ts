import type { Activity, Attachment } from 'botbuilder';

/**
 * A client of the bot over its channel protocol: POST /api/messages with expectReplies, the
 * replies in the response body. The eval, the terminal chat, the benchmarks and the tests use it.
 */

/** Sends one activity and returns the bot's replies; any status but 200 throws, naming it. */
export async function sendActivity(
  url: string,
  activity: Partial<Activity>,
  headers: Record<string, string> = {},
): Promise<Array<Partial<Activity>>> {
  const response = await fetch(`${url}/api/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ deliveryMode: 'expectReplies', ...activity }),
  });
  if (!response.ok) throw new Error(`POST /api/messages answered ${response.status}: ${await response.text()}`);
  const body = (await response.json()) as { activities?: Array<Partial<Activity>> };
  return body.activities ?? [];
}

/** A message activity from a user, as a channel would send it. */
export function userMessage(conversationId: string, text: string, extra: Partial<Activity> = {}): Partial<Activity> {
  return {
    type: 'message',
    id: `${conversationId}-${Math.random().toString(36).slice(2, 10)}`,
    channelId: 'webchat',
    serviceUrl: 'http://127.0.0.1/',
    conversation: { id: conversationId, isGroup: false, conversationType: 'personal', name: '' },
    from: { id: `user-${conversationId}`, name: 'User' },
    recipient: { id: 'bot', name: 'Bot' },
    text,
    locale: 'en-US',
    ...extra,
  };
}

/**
 * Everything a person would read in a turn's replies: message texts, button titles and the
 * text of cards (hero and Adaptive). Used by the eval and the terminal chat.
 */
export function replyText(activities: ReadonlyArray<Partial<Activity>>): string {
  const parts: string[] = [];
  for (const activity of activities) {
    if (activity.type !== 'message') continue;
    if (activity.text) parts.push(activity.text);
    for (const action of activity.suggestedActions?.actions ?? []) parts.push(action.title ?? '');
    for (const attachment of activity.attachments ?? []) parts.push(...attachmentText(attachment));
  }
  return parts.filter((part) => part.length > 0).join('\n');
}

/** Buttons the user could click in these replies: suggested actions and card actions. */
export function replyChoices(activities: ReadonlyArray<Partial<Activity>>): Array<{ title: string; value: unknown }> {
  const choices: Array<{ title: string; value: unknown }> = [];
  for (const activity of activities) {
    for (const action of activity.suggestedActions?.actions ?? []) {
      choices.push({ title: action.title ?? '', value: action.value });
    }
    for (const attachment of activity.attachments ?? []) {
      const content = attachment.content as
        { actions?: CardActionJson[]; buttons?: Array<{ title?: string; value?: unknown }> } | undefined;
      // A Teams card holds six actions; the rest of a longer list sit in an Action.ShowCard.
      const flat = (actions: CardActionJson[]): CardActionJson[] =>
        actions.flatMap((action) => (action.type === 'Action.ShowCard' ? flat(action.card?.actions ?? []) : [action]));
      for (const action of flat(content?.actions ?? [])) {
        if (action.type !== 'Action.Submit') continue;
        const { msteams: _teams, ...value } = action.data ?? {};
        choices.push({ title: action.title ?? '', value });
      }
      for (const button of content?.buttons ?? []) choices.push({ title: button.title ?? '', value: button.value });
    }
  }
  return choices;
}

interface CardActionJson {
  type?: string;
  title?: string;
  data?: Record<string, unknown>;
  card?: { actions?: CardActionJson[] };
}

function attachmentText(attachment: Attachment): string[] {
  const texts: string[] = [];
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) {
      node.forEach(visit);
      return;
    }
    if (!node || typeof node !== 'object') return;
    const record = node as Record<string, unknown>;
    for (const key of ['title', 'subtitle', 'text']) {
      if (typeof record[key] === 'string') texts.push(record[key] as string);
    }
    for (const [key, value] of Object.entries(record)) {
      if (key !== 'data' && typeof value === 'object') visit(value);
    }
  };
  visit(attachment.content);
  return texts;
}
