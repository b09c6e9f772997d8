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

const csv = z
  .string()
  .default('')
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

export const configSchema = z
  .object({
    PORT: z.coerce.number().int().min(0).max(65535).default(3978),
    HOST: z.string().default('0.0.0.0'),
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),

    // Bot Framework registration: empty means anonymous (Emulator, local tools).
    MicrosoftAppId: optionalText,
    MicrosoftAppPassword: optionalText,
    MicrosoftAppType: z.enum(['MultiTenant', 'SingleTenant', 'UserAssignedMSI']).default('MultiTenant'),
    MicrosoftAppTenantId: optionalText,

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
    ALLOWED_TENANTS: csv,
    BOT_DOMAIN: optionalText,

    // Help-desk handoff to a contact-centre product.
    HANDOFF_EVENTS: bool(false),

    // Rate limits on the public web routes (local Direct Line, Azure token route).
    RATE_LIMIT_CLIENT_PER_MINUTE: positiveInt(60),
    RATE_LIMIT_MESSAGES_PER_MINUTE: positiveInt(30),

    // Limits.
    MAX_MESSAGE_LENGTH: positiveInt(1_000),
    MAX_BODY_BYTES: positiveInt(256 * 1024),
  })
  .superRefine((config, ctx) => {
    if (config.MicrosoftAppId && config.MicrosoftAppType !== 'UserAssignedMSI' && !config.MicrosoftAppPassword) {
      ctx.addIssue({ code: 'custom', path: ['MicrosoftAppPassword'], message: 'is required when MicrosoftAppId is set' });
    }
    if (config.MicrosoftAppId && config.MicrosoftAppType !== 'MultiTenant' && !config.MicrosoftAppTenantId) {
      ctx.addIssue({
        code: 'custom',
        path: ['MicrosoftAppTenantId'],
        message: `is required when MicrosoftAppType is ${config.MicrosoftAppType}`,
      });
    }
    if (config.STORAGE === 'blob' && !config.BLOB_CONNECTION_STRING) {
      ctx.addIssue({ code: 'custom', path: ['BLOB_CONNECTION_STRING'], message: 'is required when STORAGE is blob' });
    }
  });

export type Config = z.infer<typeof configSchema>;

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
