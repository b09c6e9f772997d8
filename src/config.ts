import { readFileSync, existsSync } from 'node:fs';
import { parseEnv } from 'node:util';
import { z } from 'zod';

/**
 * The bot's configuration: one zod schema over the environment (plus an optional .env file),
 * parsed once at start-up. Nothing else in the project reads process.env.
 */

const bool = (fallback: boolean) =>
  z
    .enum(['true', 'false', '1', '0', 'yes', 'no', ''])
    .default(fallback ? 'true' : 'false')
    .transform((value) => (value === '' ? fallback : ['true', '1', 'yes'].includes(value)));

const positiveInt = (fallback: number) => z.coerce.number().int().positive().default(fallback);

const csv = (fallback = '') =>
  z
    .string()
    .default(fallback)
    .transform((value) =>
      value
        .split(',')
        .map((item) => item.trim())
        .filter((item) => item.length > 0),
    );

const optionalText = z
  .string()
  .optional()
  .transform((value) => (value === undefined || value.trim() === '' ? undefined : value.trim()));

const configSchema = z
  .object({
    PORT: z.coerce.number().int().min(0).max(65535).default(3978),
    HOST: z.string().default('0.0.0.0'),
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),

    // Bot Framework registration: empty means anonymous (Emulator, local tools).
    MicrosoftAppId: optionalText,
    MicrosoftAppPassword: optionalText,
    // New Azure Bot registrations are single-tenant (or a user-assigned managed identity); MultiTenant is
    // kept for registrations made before Azure stopped offering it.
    MicrosoftAppType: z.enum(['SingleTenant', 'UserAssignedMSI', 'MultiTenant']).default('SingleTenant'),
    MicrosoftAppTenantId: optionalText,
    // Where channel tokens' signing keys are published (sovereign clouds; tests use a loopback one).
    ToBotFromChannelOpenIdMetadataUrl: optionalText,

    // Content.
    KNOWLEDGE_DIR: z.string().default('knowledge'),
    DIALOGS_DIR: z.string().default('dialogs'),

    // Conversation state.
    STORAGE: z.enum(['memory', 'blob']).default('memory'),
    BLOB_CONNECTION_STRING: optionalText,
    BLOB_CONTAINER: z.string().default('bot-state'),
    STATE_IDLE_MINUTES: positiveInt(24 * 60),
    STATE_MAX_CONVERSATIONS: positiveInt(50_000),

    // Web Chat page and the local Direct Line.
    FIRM_NAME: z.string().default('Your firm'),
    ACCENT_COLOR: z
      .string()
      .regex(/^#[0-9a-fA-F]{6}$/, 'must be a colour written as #RRGGBB')
      .default('#1f5fa8'),
    LOCAL_DIRECT_LINE: bool(true),
    DIRECT_LINE_TOKEN_SECRET: optionalText,
    DIRECT_LINE_TOKEN_TTL_SECONDS: positiveInt(30 * 60),
    DIRECT_LINE_IDLE_MINUTES: positiveInt(60),
    DIRECT_LINE_MAX_CONVERSATIONS: positiveInt(1_000),
    DIRECT_LINE_MAX_ACTIVITIES: positiveInt(50),
    // Azure Bot Service's Direct Line, for production.
    DIRECT_LINE_SECRET: optionalText,
    DIRECT_LINE_ENDPOINT: z.url().default('https://directline.botframework.com'),

    // Teams.
    ALLOWED_TENANTS: csv(),

    // Where the bot may post replies. With credentials, a serviceUrl must be https on one of these
    // hosts ("*." matches every subdomain). Without credentials the bot posts nowhere (expectReplies
    // and the local Direct Line only), unless DEV_LOCAL_TOOLS allows loopback URLs for the
    // Emulator and Agents Playground.
    SERVICE_URL_HOSTS: csv(
      'botframework.com,*.botframework.com,smba.trafficmanager.net,*.botframework.us,*.botframework.azure.us,' +
        'smba.infra.gov.teams.microsoft.us,smba.infra.dod.teams.microsoft.us',
    ),
    DEV_LOCAL_TOOLS: bool(false),
    BOT_DOMAIN: optionalText,

    // Help-desk handoff to a contact-centre product.
    HANDOFF_EVENTS: bool(false),

    // Rate limits on the public web routes (local Direct Line, Azure token route).
    RATE_LIMIT_CLIENT_PER_MINUTE: positiveInt(60),
    RATE_LIMIT_MESSAGES_PER_MINUTE: positiveInt(30),
    // Web Chat polls twice a second: this allows that with room to spare, and no more.
    RATE_LIMIT_POLLS_PER_MINUTE: positiveInt(240),

    // /api/messages, per client address (loopback callers, such as local tools, are exempt).
    RATE_LIMIT_API_PER_MINUTE: positiveInt(600),
    // Proxies in front of the bot whose X-Forwarded-For entries are trusted (0: none, use the socket).
    TRUST_PROXY_HOPS: z.coerce.number().int().min(0).max(10).default(0),
    // New local Direct Line conversations across all clients, a minute (below DIRECT_LINE_MAX_CONVERSATIONS).
    DIRECT_LINE_NEW_PER_MINUTE: positiveInt(300),
    // A conversation used within this many minutes is never evicted to make room: new chats get 503.
    DIRECT_LINE_PROTECT_MINUTES: positiveInt(15),

    // Storage outages: /healthz answers 503 once storage has been degraded this long.
    STORAGE_UNHEALTHY_AFTER_SECONDS: positiveInt(300),

    // Limits.
    MAX_MESSAGE_LENGTH: positiveInt(1_000),
    MAX_BODY_BYTES: positiveInt(256 * 1024),
    REQUEST_TIMEOUT_SECONDS: positiveInt(30),
    HEADERS_TIMEOUT_SECONDS: positiveInt(15),
    MAX_CONNECTIONS: positiveInt(2_000),

    // Analytics (docs/analytics.md): events, not logs. Off entirely with ANALYTICS_ENABLED=false.
    ANALYTICS_ENABLED: bool(true),
    // The embedded store (NDJSON files, rotated and bounded); unused when Application Insights is on.
    ANALYTICS_DIR: z.string().default('./analytics'),
    // Keep the redacted text of unanswered and "not helpful" turns (off: no free text at all).
    ANALYTICS_KEEP_TEXT: bool(false),
    // The secret conversation and user ids are hashed with (at least 32 characters). Required with
    // Application Insights (every instance must hash alike); without it, a random one per process.
    ANALYTICS_SALT: optionalText,
    // Azure Application Insights (custom events) instead of the local store.
    APPLICATIONINSIGHTS_CONNECTION_STRING: optionalText,
  })
  .superRefine((config, ctx) => {
    if (config.MicrosoftAppId && config.MicrosoftAppType !== 'UserAssignedMSI' && !config.MicrosoftAppPassword) {
      ctx.addIssue({
        code: 'custom',
        path: ['MicrosoftAppPassword'],
        message: 'is required when MicrosoftAppId is set',
      });
    }
    if (config.MicrosoftAppId && config.MicrosoftAppType !== 'MultiTenant' && !config.MicrosoftAppTenantId) {
      ctx.addIssue({
        code: 'custom',
        path: ['MicrosoftAppTenantId'],
        message: `is required when MicrosoftAppType is ${config.MicrosoftAppType}`,
      });
    }
    if (!config.MicrosoftAppId && config.DIRECT_LINE_SECRET) {
      ctx.addIssue({
        code: 'custom',
        path: ['DIRECT_LINE_SECRET'],
        message: 'needs MicrosoftAppId: Azure Direct Line reaches the bot with tokens it must check',
      });
    }
    if (!config.MicrosoftAppId && config.ALLOWED_TENANTS.length > 0) {
      ctx.addIssue({
        code: 'custom',
        path: ['ALLOWED_TENANTS'],
        message: 'needs MicrosoftAppId: without it anyone can claim to be from an allowed tenant',
      });
    }
    if (!isHttpsOrLoopback(config.DIRECT_LINE_ENDPOINT)) {
      ctx.addIssue({
        code: 'custom',
        path: ['DIRECT_LINE_ENDPOINT'],
        message: 'must be an https URL (it carries the Direct Line secret); http only on loopback',
      });
    }
    if (config.STORAGE === 'blob' && !config.BLOB_CONNECTION_STRING) {
      ctx.addIssue({ code: 'custom', path: ['BLOB_CONNECTION_STRING'], message: 'is required when STORAGE is blob' });
    }
    if (config.ANALYTICS_SALT !== undefined && config.ANALYTICS_SALT.length < 32) {
      ctx.addIssue({
        code: 'custom',
        path: ['ANALYTICS_SALT'],
        message: 'must be at least 32 characters (for example the output of `openssl rand -hex 32`)',
      });
    }
    const appInsights = config.APPLICATIONINSIGHTS_CONNECTION_STRING;
    if (appInsights !== undefined && config.ANALYTICS_ENABLED) {
      if (!config.ANALYTICS_SALT) {
        ctx.addIssue({
          code: 'custom',
          path: ['ANALYTICS_SALT'],
          message: 'is required with APPLICATIONINSIGHTS_CONNECTION_STRING (every instance must hash ids alike)',
        });
      }
      const problem = connectionStringProblem(appInsights);
      if (problem) ctx.addIssue({ code: 'custom', path: ['APPLICATIONINSIGHTS_CONNECTION_STRING'], message: problem });
    }
  });

export type Config = z.infer<typeof configSchema>;

function isHttpsOrLoopback(url: string): boolean {
  const { protocol, hostname } = new URL(url);
  return protocol === 'https:' || (protocol === 'http:' && ['127.0.0.1', 'localhost', '[::1]'].includes(hostname));
}

/**
 * What is wrong with an Application Insights connection string ("InstrumentationKey=…;
 * IngestionEndpoint=https://…"), if anything: events carry hashed ids and possibly kept text, so
 * they travel over https (plain http only to a loopback stand-in).
 */
function connectionStringProblem(connectionString: string): string | undefined {
  const fields = new Map(
    connectionString
      .split(';')
      .map((pair) => pair.split('='))
      .filter((pair) => pair.length >= 2)
      .map(([key, ...value]) => [key.trim().toLowerCase(), value.join('=').trim()] as const),
  );
  if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(fields.get('instrumentationkey') ?? '')) {
    return 'must name an InstrumentationKey (a GUID), as the Azure portal shows it';
  }
  const endpoint = fields.get('ingestionendpoint');
  if (endpoint === undefined) return undefined;
  try {
    return isHttpsOrLoopback(endpoint) ? undefined : 'IngestionEndpoint must be https (http only on loopback)';
  } catch {
    return 'IngestionEndpoint must be a URL';
  }
}

/** Raised when the environment does not describe a valid configuration. */
export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((problem) => `  - ${problem}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/**
 * Parses the configuration from a plain map of variables (the environment, a .env file, a test's
 * own values). Throws ConfigError naming every bad variable.
 */
export function parseConfig(variables: Record<string, string | undefined>): Config {
  const result = configSchema.safeParse(variables);
  if (!result.success) {
    throw new ConfigError(
      result.error.issues.map((issue) => `${issue.path.join('.') || '(config)'}: ${issue.message}`),
    );
  }
  return result.data;
}

/**
 * The process environment with values from an optional .env file underneath it (the
 * environment wins, as with dotenv). Scripts with settings of their own (benchmarks, fuzzing)
 * parse these with their own schemas; this is the one place that reads process.env.
 */
export function readEnvironment(envFile = '.env'): Record<string, string | undefined> {
  const fromFile = existsSync(envFile) ? parseEnv(readFileSync(envFile, 'utf8')) : {};
  return { ...fromFile, ...process.env };
}

/** Reads the bot's configuration from the environment (and .env). */
export function loadConfig(envFile = '.env'): Config {
  return parseConfig(readEnvironment(envFile));
}
