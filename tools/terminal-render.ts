import type { Activity } from 'botbuilder';
import { replyChoices, replyText } from './bot-client';

/** The bot's replies as terminal text, with buttons numbered so the user can type a number. */
export function renderForTerminal(activities: ReadonlyArray<Partial<Activity>>): string {
  const lines: string[] = [];
  for (const activity of activities) {
    if (activity.type !== 'message') continue;
    const withoutButtons = { ...activity, suggestedActions: undefined };
    const text = replyText([withoutButtons]);
    if (text) lines.push(`bot> ${text.replace(/\r\n?|\n/g, '\n     ')}`);
  }
  replyChoices(activities).forEach((choice, index) => lines.push(`     [${index + 1}] ${choice.title}`));
  return lines.join('\n');
}
