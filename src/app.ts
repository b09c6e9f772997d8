import {
  CallerIdConstants,
  ConversationState,
  UserState,
  type Storage,
  type TurnContext,
} from 'botbuilder';
import { AuthenticationConstants } from 'botframework-connector';
import type { DateTime } from 'luxon';
import type { Config } from './config';
import type { Content } from './content/load-content';
import { createCommandDetector } from './matching/commands';
import { knowledgeDocuments } from './matching/knowledge-documents';
import { Matcher } from './matching/matcher';
import { createNormalizer } from './matching/normalizer';
import { createProblemDetector } from './matching/problem-cues';
import { buildHelpdeskCard, deskHours } from './conversation/helpdesk-card';
import { fillTemplate } from './content/fill-template';
import { SupportBot } from './conversation/support-bot';
import { renderReply, channelTraits } from './conversation/render';
import type { Logger } from './logger';
import { teamsMiddleware } from './channels/teams/teams-middleware';
import { StrictBotFrameworkAuthentication } from './channels/strict-authentication';
import { BotAdapter } from './channels/bot-adapter';
import { OptimisticStorage } from './state/optimistic-storage';
import { ResilientStorage } from './state/resilient-storage';
import { createServer, errorSummary, type BotServer } from './server';

/** Characters of `<at>…</at>` markup a Teams message may add to the longest message the bot reads. */
const MENTION_MARKUP_ALLOWANCE = 500;

export interface AppDeps {
  readonly config: Config;
  readonly content: Content;
  readonly logger: Logger;
  /** The only clock the bot reads. */
  readonly clock: () => DateTime;
  readonly storage: Storage;
  readonly storageKind: string;
  readonly version: string;
}

export interface App {
  readonly adapter: BotAdapter;
  readonly bot: SupportBot;
  readonly matcher: Matcher;
  readonly http: BotServer;
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

/** Builds the matcher over all content (articles, flows, out-of-scope topics). */
export function createMatcher(content: Content): Matcher {
  return new Matcher(
    knowledgeDocuments(content.articles.values(), content.outOfScope, content.flows.values()),
    createNormalizer(content.synonyms),
  );
}

/**
 * Wires the bot: adapter (with Bot Framework auth from the configuration), state, matcher,
 * bot and HTTP routes. No side effects beyond building objects: index.ts listens.
 */
export function createApp(deps: AppDeps): App {
  const { config, content, logger } = deps;
  const auth = new StrictBotFrameworkAuthentication({
    MicrosoftAppId: config.MicrosoftAppId ?? '',
    MicrosoftAppPassword: config.MicrosoftAppPassword ?? '',
    MicrosoftAppType: config.MicrosoftAppType,
    MicrosoftAppTenantId: config.MicrosoftAppTenantId ?? '',
    ...(config.ToBotFromChannelOpenIdMetadataUrl ? publicCloudWithKeysFrom(config.ToBotFromChannelOpenIdMetadataUrl) : {}),
  });
  const adapter = new BotAdapter(auth);
  const matcher = createMatcher(content);
  const resilient = new ResilientStorage(deps.storage, { logger, clock: () => deps.clock().toMillis() });
  const storage = new OptimisticStorage(resilient);

  const bot = new SupportBot({
    content,
    matcher,
    conversationState: new ConversationState(storage),
    userState: new UserState(storage),
    logger,
    describesProblem: createProblemDetector(content.routing.problemCues),
    detectCommand: createCommandDetector(content.routing.commands),
    hasFlow: (flowId) => content.flows.has(flowId),
    helpdeskCard: (userZone, triedOnline) =>
      buildHelpdeskCard(deps.clock(), userZone, content.helpdesk, content.texts, { triedOnline }),
    clock: deps.clock,
    maxMessageLength: config.MAX_MESSAGE_LENGTH,
    handoffEvents: config.HANDOFF_EVENTS,
  });

  adapter.use(
    teamsMiddleware({
      allowedTenants: config.ALLOWED_TENANTS,
      refusal: content.texts.tenantRefused,
      logger,
      // Room for the mention markup around a message of the longest length the bot reads.
      maxTextLength: config.MAX_MESSAGE_LENGTH + MENTION_MARKUP_ALLOWANCE,
    }),
  );
  adapter.onTurnError = async (context: TurnContext, error: Error) => {
    logger.error({ err: errorSummary(error), conversationId: context.activity.conversation?.id }, 'turn error');
    try {
      const text = fillTemplate(content.texts.error, { number: content.helpdesk.number, ...deskHours(content.helpdesk) });
      await context.sendActivities(renderReply([{ text }], channelTraits(context.activity.channelId)));
    } catch (sendError) {
      logger.warn({ err: errorSummary(sendError) }, 'could not tell the user about the error');
    }
  };

  const http = createServer({
    adapter,
    bot,
    logger,
    clock: () => deps.clock().toMillis(),
    limits: {
      maxBodyBytes: config.MAX_BODY_BYTES,
      apiPerMinute: config.RATE_LIMIT_API_PER_MINUTE,
      trustedProxyHops: config.TRUST_PROXY_HOPS,
      requestTimeoutMs: config.REQUEST_TIMEOUT_SECONDS * 1000,
      headersTimeoutMs: config.HEADERS_TIMEOUT_SECONDS * 1000,
      maxConnections: config.MAX_CONNECTIONS,
    },
    serviceUrls: {
      authenticated: config.MicrosoftAppId !== undefined,
      allowedHosts: config.SERVICE_URL_HOSTS,
      allowLoopback: config.DEV_LOCAL_TOOLS,
    },
    health: () => {
      const storageHealth = resilient.health();
      // A short outage is ridden out (users get the help desk); a long one asks for a restart.
      const downTooLong =
        storageHealth.since !== undefined && deps.clock().toMillis() - storageHealth.since > config.STORAGE_UNHEALTHY_AFTER_SECONDS * 1000;
      return {
        ok: !downTooLong,
        status: storageHealth.degraded ? 'degraded' : 'ok',
        version: deps.version,
        content: { version: content.version, articles: content.articles.size, flows: content.flows.size },
        storage: { kind: deps.storageKind, degraded: storageHealth.degraded },
      };
    },
  });
  return { adapter, bot, matcher, http };
}
