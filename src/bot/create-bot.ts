import {
  CallerIdConstants,
  ConversationState,
  UserState,
  type Activity,
  type Storage,
  type TurnContext,
} from 'botbuilder';
import { AuthenticationConstants } from 'botframework-connector';
import type { DateTime } from 'luxon';
import type { Analytics } from '../analytics/analytics';
import type { Config } from '../config';
import type { Content } from '../content/load-content';
import { fillTemplate } from '../content/fill-template';
import type { PolicyDeps } from '../conversation/turn-plan';
import { deskHours } from '../helpdesk/helpdesk-card';
import type { Matcher } from '../matching/matcher';
import { errorSummary, type Logger } from '../logger';
import { OptimisticStorage } from '../state/optimistic-storage';
import { ResilientStorage, type StorageHealth } from '../state/resilient-storage';
import { BotAdapter } from './bot-adapter';
import { channelTraits, renderReply } from './render';
import { StrictBotFrameworkAuthentication } from './strict-authentication';
import { SupportBot } from './support-bot';
import { teamsMiddleware } from './teams-middleware';

/** What the Bot Framework edge needs from the composition root. */
export interface BotRuntimeDeps {
  readonly config: Config;
  readonly content: Content;
  readonly matcher: Matcher;
  readonly policy: PolicyDeps;
  readonly logger: Logger;
  readonly storage: Storage;
  /** The one clock. */
  readonly clock: () => DateTime;
  /** Where the turns' events go. */
  readonly analytics: Analytics;
}

/** The bot as the rest of the service sees it: a few functions, no SDK types in their signatures. */
export interface BotRuntime {
  /** Authenticates and runs one activity from /api/messages; returns what to answer. */
  handleTurn(authHeader: string, activity: Activity): ReturnType<BotAdapter['handle']>;
  /** Runs an activity from the local Direct Line (anonymous, in this process). */
  deliverToBot(activity: Readonly<Record<string, unknown>>): Promise<void>;
  storageHealth(): StorageHealth;
  readonly bot: SupportBot;
  readonly adapter: BotAdapter;
}

/** Characters of `<at>…</at>` markup a Teams message may add to the longest message the bot reads. */
const MENTION_MARKUP_ALLOWANCE = 500;

/**
 * Wires the Bot Framework side: authentication from the configuration, the adapter, state over
 * the given storage (made resilient and eTag-safe), the bot, the Teams middleware and the turn
 * error handler. Replacing the SDK means rewriting this folder.
 */
export function createBotRuntime(deps: BotRuntimeDeps): BotRuntime {
  const { config, content, logger } = deps;
  // Without an app id the bot is anonymous (the website set-up): the SDK then checks no token,
  // and its app type must not ask for a tenant.
  const auth = new StrictBotFrameworkAuthentication(
    config.MicrosoftAppId
      ? {
          MicrosoftAppId: config.MicrosoftAppId,
          MicrosoftAppPassword: config.MicrosoftAppPassword ?? '',
          MicrosoftAppType: config.MicrosoftAppType,
          MicrosoftAppTenantId: config.MicrosoftAppTenantId ?? '',
          ...(config.ToBotFromChannelOpenIdMetadataUrl
            ? publicCloudWithKeysFrom(config.ToBotFromChannelOpenIdMetadataUrl)
            : {}),
        }
      : { MicrosoftAppId: '', MicrosoftAppPassword: '', MicrosoftAppType: 'MultiTenant' },
  );
  const adapter = new BotAdapter(auth);
  const resilient = new ResilientStorage(deps.storage, { logger, clock: () => deps.clock().toMillis() });
  const storage = new OptimisticStorage(resilient);
  const bot = new SupportBot({
    policy: deps.policy,
    conversationState: new ConversationState(storage),
    userState: new UserState(storage),
    logger,
    clock: deps.clock,
    handoffEvents: config.HANDOFF_EVENTS,
    analytics: deps.analytics,
  });

  adapter.use(
    teamsMiddleware({
      allowedTenants: config.ALLOWED_TENANTS,
      refusal: content.texts.tenantRefused,
      logger,
      maxTextLength: config.MAX_MESSAGE_LENGTH + MENTION_MARKUP_ALLOWANCE,
    }),
  );
  adapter.onTurnError = async (context: TurnContext, error: Error) => {
    logger.error({ err: errorSummary(error), conversationId: context.activity.conversation?.id }, 'turn error');
    try {
      const text = fillTemplate(content.texts.error, {
        number: content.helpdesk.number,
        ...deskHours(content.helpdesk),
      });
      await context.sendActivities(renderReply([{ text }], channelTraits(context.activity.channelId)));
    } catch (sendError) {
      logger.warn({ err: errorSummary(sendError) }, 'could not tell the user about the error');
    }
  };

  return {
    // bot.run is looked up at each turn, so a test can wrap it.
    handleTurn: (authHeader, activity) => adapter.handle(authHeader, activity, (context) => bot.run(context)),
    deliverToBot: (activity) =>
      adapter.processActivityDirect('', activity as unknown as Activity, (context) => bot.run(context)),
    storageHealth: () => resilient.health(),
    bot,
    adapter,
  };
}

/**
 * The public Azure cloud's authentication settings with the channel's signing keys published
 * elsewhere. The SDK takes either none of these settings or all of them.
 */
function publicCloudWithKeysFrom(openIdMetadataUrl: string) {
  return {
    ValidateAuthority: true,
    ToChannelFromBotLoginUrl: AuthenticationConstants.ToChannelFromBotLoginUrl,
    ToChannelFromBotOAuthScope: AuthenticationConstants.ToChannelFromBotOAuthScope,
    ToBotFromChannelTokenIssuer: AuthenticationConstants.ToBotFromChannelTokenIssuer,
    OAuthUrl: AuthenticationConstants.OAuthUrl,
    ToBotFromChannelOpenIdMetadataUrl: openIdMetadataUrl,
    ToBotFromEmulatorOpenIdMetadataUrl: AuthenticationConstants.ToBotFromEmulatorOpenIdMetadataUrl,
    CallerId: CallerIdConstants.PublicAzureChannel,
  };
}
