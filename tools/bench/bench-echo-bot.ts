import restify, { type Request, type Response, type Server } from 'restify';
import {
  ActivityHandler,
  CloudAdapter,
  ConfigurationBotFrameworkAuthentication,
  ConversationState,
  MemoryStorage,
} from 'botbuilder';

/**
 * The baseline for the throughput ratio: the same stack as the real bot (restify 11 with the same
 * body parsing, CloudAdapter, anonymous auth, ConversationState over memory storage) doing the
 * least a stateful bot can do: read one property, write it back, echo the text.
 */
export function createEchoServer(): Server {
  const adapter = new CloudAdapter(new ConfigurationBotFrameworkAuthentication({}));
  const conversationState = new ConversationState(new MemoryStorage());
  const turns = conversationState.createProperty<number>('turns');

  const bot = new ActivityHandler();
  bot.onMessage(async (context, next) => {
    const count = (await turns.get(context, 0)) + 1;
    await turns.set(context, count);
    await context.sendActivity(`echo ${count}: ${context.activity.text ?? ''}`);
    await next();
  });
  bot.onTurn(async (context, next) => {
    await next();
    await conversationState.saveChanges(context);
  });

  const server = restify.createServer({ name: 'echo-bot', handleUncaughtExceptions: false });
  server.use(restify.plugins.queryParser({ mapParams: false }));
  server.use(
    restify.plugins.bodyParser({ maxBodySize: 256 * 1024, mapParams: false, mapFiles: false, rejectUnknown: true }),
  );
  server.post('/api/messages', async (req: Request, res: Response) => {
    await adapter.process(req, res, (context) => bot.run(context));
  });
  return server;
}
