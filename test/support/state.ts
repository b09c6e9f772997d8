import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Activity, Storage, StoreItem } from 'botbuilder';
import type { DateTime } from 'luxon';
import { parse } from 'yaml';
import { parseConfig } from '../../src/config';
import type { Logger } from '../../src/logger';
import { createStorage } from '../../src/state/create-storage';
import type { ConversationData, UserProfile } from '../../src/conversation/conversation-data';
import type { Azurite } from './azurite';
import { DIALOGS_DIR, KNOWLEDGE_DIR } from './content';
import { replyChoices, replyText, userMessage } from './local-bot';
import { startLocalBot, type LocalBot } from './local-service';

/** One line a {@link CapturingLogger} received. */
export interface CapturedLine {
  readonly level: 'debug' | 'info' | 'warn' | 'error';
  readonly obj: object;
  readonly msg: string | undefined;
}

/** The app's Logger, remembering every line (pino's surface, as src/logger.ts narrows it). */
export class CapturingLogger implements Logger {
  readonly lines: CapturedLine[] = [];
  debug(obj: object, msg?: string): void {
    this.lines.push({ level: 'debug', obj, msg });
  }
  info(obj: object, msg?: string): void {
    this.lines.push({ level: 'info', obj, msg });
  }
  warn(obj: object, msg?: string): void {
    this.lines.push({ level: 'warn', obj, msg });
  }
  error(obj: object, msg?: string): void {
    this.lines.push({ level: 'error', obj, msg });
  }
  withMessage(msg: string): CapturedLine[] {
    return this.lines.filter((line) => line.msg === msg);
  }
}

/**
 * Blob state storage for one bot instance, made the way production makes it (src/index.ts):
 * createStorage from the STORAGE=blob configuration. Every call returns a NEW BlobsStorage
 * object, so two calls are two instances sharing only the container.
 */
export async function blobStorageFor(
  azurite: Azurite,
  container: string,
  logger: Logger = new CapturingLogger(),
): Promise<Storage> {
  const config = parseConfig({
    STORAGE: 'blob',
    BLOB_CONNECTION_STRING: azurite.connectionString,
    BLOB_CONTAINER: container,
  });
  const { storage, kind } = await createStorage(config, { clock: () => Date.now(), logger });
  expect(kind).toBe('blob');
  return storage;
}

/** A bot built like startLocalBot builds it, but with a logger the test can read. */
export interface InstrumentedBot extends LocalBot {
  readonly logger: CapturingLogger;
  health(): Promise<{ status: number; body: Record<string, unknown> }>;
}

export async function startInstrumentedBot(options: {
  storage: Storage;
  storageKind: string;
  clock?: () => DateTime;
  knowledgeDir?: string;
  dialogsDir?: string;
  variables?: Record<string, string>;
}): Promise<InstrumentedBot> {
  const logger = new CapturingLogger();
  const bot = await startLocalBot({
    // Handoff events on: the bot then keeps each conversation's transcript in its state, which
    // is how these tests see that no turn was lost.
    variables: { HANDOFF_EVENTS: 'true', ...options.variables },
    knowledgeDir: options.knowledgeDir ?? KNOWLEDGE_DIR,
    dialogsDir: options.dialogsDir ?? DIALOGS_DIR,
    logger,
    storage: options.storage,
    storageKind: options.storageKind,
    ...(options.clock ? { clock: options.clock } : {}),
  });
  return {
    ...bot,
    logger,
    send: async (activity) => (await post(bot.url, activity)).activities,
    async health() {
      const response = await fetch(`${bot.url}/healthz`);
      return { status: response.status, body: (await response.json()) as Record<string, unknown> };
    },
  };
}

/** POSTs an activity with expectReplies; returns the HTTP status and the replies. */
export async function post(
  url: string,
  activity: Partial<Activity>,
): Promise<{ status: number; activities: Array<Partial<Activity>> }> {
  const response = await fetch(`${url}/api/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ deliveryMode: 'expectReplies', ...activity }),
  });
  const body = await response.text();
  if (!response.ok) throw new Error(`POST /api/messages answered ${response.status}: ${body}`);
  return {
    status: response.status,
    activities: (JSON.parse(body) as { activities?: Array<Partial<Activity>> }).activities ?? [],
  };
}

/** Something that answers activities over HTTP: a LocalBot, or a URL of a bot in another process. */
export type Endpoint = LocalBot | { readonly url: string };

/**
 * One user's conversation that may be served by a different bot instance on every turn, as a
 * load balancer without session affinity would do. Clicking uses the buttons of the last reply,
 * whichever instance sent it.
 */
export class RoamingConversation {
  last: Array<Partial<Activity>> = [];
  constructor(
    readonly id: string,
    private readonly extra: Partial<Activity> = {},
  ) {}

  async say(bot: Endpoint, text: string, extra: Partial<Activity> = {}): Promise<string> {
    this.last = (await post(bot.url, userMessage(this.id, text, { ...this.extra, ...extra }))).activities;
    return replyText(this.last);
  }

  async click(bot: Endpoint, title: string): Promise<string> {
    const choice = this.choices().find((candidate) => candidate.title === title);
    if (!choice)
      throw new Error(
        `No button "${title}" among: ${this.choices()
          .map((c) => c.title)
          .join(' | ')}`,
      );
    return this.say(bot, choice.title, { value: choice.value });
  }

  async join(bot: Endpoint): Promise<string> {
    this.last = (
      await post(bot.url, {
        ...userMessage(this.id, '', this.extra),
        type: 'event',
        name: 'webchat/join',
        text: undefined,
      })
    ).activities;
    return replyText(this.last);
  }

  choices(): Array<{ title: string; value: unknown }> {
    return replyChoices(this.last);
  }

  titles(): string[] {
    return this.choices().map((choice) => choice.title);
  }
}

/** A flow's nodes exactly as written in its YAML file (not through the app's loader). */
export interface FlowFile {
  readonly start: string;
  readonly nodes: Record<
    string,
    { kind: string; text?: string; article?: string; choices?: Array<{ id: string; label: string; next: string }> }
  >;
}

export function readFlowFile(flowId: string, dialogsDir = DIALOGS_DIR): FlowFile {
  return parse(readFileSync(join(dialogsDir, `${flowId}.yaml`), 'utf8')) as FlowFile;
}

/** The text of a node, failing loudly if the flow was edited so it no longer has one. */
export function nodeText(flow: FlowFile, nodeId: string): string {
  const text = flow.nodes[nodeId]?.text;
  if (!text) throw new Error(`node ${nodeId} has no text`);
  return text;
}

/** A choice's button label in the YAML. */
export function choiceLabel(flow: FlowFile, nodeId: string, choiceId: string): string {
  const choice = flow.nodes[nodeId]?.choices?.find((candidate) => candidate.id === choiceId);
  if (!choice) throw new Error(`node ${nodeId} has no choice ${choiceId}`);
  return choice.label;
}

/**
 * botbuilder ConversationState's storage key, `${channelId}/conversations/${conversationId}/${namespace}`
 * with the default empty namespace (BlobsStorage drops the trailing slash from the blob name).
 */
export function conversationKey(conversationId: string, channelId = 'webchat'): string {
  return `${channelId}/conversations/${conversationId}/`;
}

/** botbuilder UserState's storage key, `${channelId}/users/${userId}/${namespace}`. */
export function userKey(userId: string, channelId = 'webchat'): string {
  return `${channelId}/users/${userId}/`;
}

/** What the bot saved for a conversation, read straight from the store. */
export interface SavedConversation extends StoreItem {
  conversationData?: ConversationData;
}

export async function savedConversation(
  storage: Storage,
  conversationId: string,
): Promise<SavedConversation | undefined> {
  const key = conversationKey(conversationId);
  return (await storage.read([key]))[key] as SavedConversation | undefined;
}

/** What the bot saved for a user (userMessage() makes the user id `user-${conversationId}`). */
export async function savedUser(
  storage: Storage,
  userId: string,
): Promise<(StoreItem & { userProfile?: UserProfile }) | undefined> {
  const key = userKey(userId);
  return (await storage.read([key]))[key] as (StoreItem & { userProfile?: UserProfile }) | undefined;
}
