import { createInterface } from 'node:readline/promises';
import type { Activity } from 'botbuilder';
import { replyChoices, userMessage } from './bot-client';
import { remoteBot, startInProcessBot } from './in-process-bot';
import { renderForTerminal } from './terminal-render';

/**
 * `npm run chat`: a terminal chat with the bot, for content authors. In-process by default;
 * `npm run chat -- --url http://localhost:3978` talks to a running bot instead. Type a number to
 * click a button, "/quit" to leave.
 */
async function main(): Promise<void> {
  const urlFlag = process.argv.indexOf('--url');
  const remote = urlFlag >= 0 ? process.argv[urlFlag + 1] : undefined;
  const bot = remote ? remoteBot(remote) : await startInProcessBot();
  const conversationId = `chat-${Date.now()}`;
  const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  const terminal = createInterface({ input: process.stdin, output: process.stdout });
  // Iterate from the start: lines piped in before the first await would otherwise be lost.
  const lines = terminal[Symbol.asyncIterator]();
  let choices: Array<{ title: string; value: unknown }> = [];

  const show = (activities: Array<Partial<Activity>>) => {
    console.log(renderForTerminal(activities));
    choices = replyChoices(activities);
  };
  show(await bot.send({ ...userMessage(conversationId, ''), type: 'event', name: 'webchat/join', text: undefined }));
  try {
    // Reading lines as a stream works for a person typing and for a script piped in alike.
    const interactive = process.stdin.isTTY === true;
    terminal.setPrompt('you> ');
    if (interactive) terminal.prompt();
    for (let next = await lines.next(); !next.done; next = await lines.next()) {
      const line = next.value.trim();
      if (line === '/quit' || line === '/exit') break;
      if (!interactive) console.log(`you> ${line}`);
      const picked = /^\d+$/.test(line) ? choices[Number(line) - 1] : undefined;
      const activity = picked
        ? userMessage(conversationId, picked.title, { value: picked.value, localTimezone: zone })
        : userMessage(conversationId, line, { localTimezone: zone });
      show(await bot.send(activity));
      if (interactive) terminal.prompt();
    }
  } finally {
    terminal.close();
    await bot.stop();
  }
}

void main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
