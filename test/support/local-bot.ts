import type { Activity } from 'botbuilder';
import { startLocalBot, userMessage, type LocalBot, type LocalBotOptions } from './local-service';
import { replyChoices, replyText } from '../../tools/bot-client';
import { DIALOGS_DIR, KNOWLEDGE_DIR } from './content';

export { replyChoices, replyText, userMessage };

/** The real bot on a loopback port, with the project's content. */
export function startBot(options: LocalBotOptions = {}): Promise<LocalBot> {
  return startLocalBot({ knowledgeDir: KNOWLEDGE_DIR, dialogsDir: DIALOGS_DIR, ...options });
}

/** A conversation with the bot: say things, click buttons, read what came back. */
export class Conversation {
  last: Array<Partial<Activity>> = [];
  private static next = 0;
  readonly id: string;

  constructor(
    private readonly bot: LocalBot,
    private readonly extra: Partial<Activity> = {},
    id?: string,
  ) {
    Conversation.next += 1;
    this.id = id ?? `test-${process.pid}-${Conversation.next}`;
  }

  async say(text: string, extra: Partial<Activity> = {}): Promise<string> {
    this.last = await this.bot.send(userMessage(this.id, text, { ...this.extra, ...extra }));
    return replyText(this.last);
  }

  /** Clicks the button whose title matches, as a channel would send it. */
  async click(title: string | RegExp): Promise<string> {
    const choice = this.choices().find((candidate) =>
      typeof title === 'string' ? candidate.title === title : title.test(candidate.title),
    );
    if (!choice)
      throw new Error(
        `No button ${String(title)} among: ${this.choices()
          .map((c) => c.title)
          .join(' | ')}`,
      );
    return this.say(choice.title, { value: choice.value });
  }

  async join(): Promise<string> {
    this.last = await this.bot.send({
      ...userMessage(this.id, '', this.extra),
      type: 'event',
      name: 'webchat/join',
      text: undefined,
    });
    return replyText(this.last);
  }

  choices(): Array<{ title: string; value: unknown }> {
    return replyChoices(this.last);
  }
}
