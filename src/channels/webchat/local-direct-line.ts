import { randomBytes } from 'node:crypto';
import { jsonDepth, MAX_JSON_DEPTH } from '../../http/activity-shape';
import { ConversationStore, type ActivitySet } from './conversation-store';
import { shapeBotActivity, shapeClientActivity } from './direct-line-activity';
import { failure, success, type DirectLineResult } from './direct-line-result';
import { issueToken, verifyToken, type TokenClaims } from './direct-line-token';
import type { RateLimiter } from '../../http/rate-limiter';

/** Largest user activity the local Direct Line keeps (JSON characters). */
export const MAX_CLIENT_ACTIVITY_CHARS = 16_384;

/** What Direct Line answers when a conversation starts or a token is issued or refreshed. */
export interface ConversationGrant {
  readonly conversationId: string;
  readonly token: string;
  /** Seconds until the token expires. */
  readonly expires_in: number;
}

/** Hands a user's activity to the bot and resolves when the bot's turn is over. */
export type DeliverToBot = (activity: Readonly<Record<string, unknown>>) => Promise<void>;

/** The local Direct Line's clock, token settings, memory bounds and way to the bot. */
export interface LocalDirectLineOptions {
  /** Milliseconds since the epoch. */
  readonly clock: () => number;
  /** The HMAC key tokens are signed with. */
  readonly tokenSecret: string | Buffer;
  readonly tokenTtlSeconds: number;
  readonly idleMinutes: number;
  readonly maxConversations: number;
  readonly maxActivities: number;
  /** See ConversationStoreOptions.protectMs. */
  readonly protectMinutes: number;
  /** New conversations across all clients (one shared key), so no crowd of addresses can flood it. */
  readonly newConversations: RateLimiter;
  readonly deliver: DeliverToBot;
}

/**
 * A Direct Line 3.0 service for one process: the operations behind the REST routes that Web
 * Chat's client calls, with HTTP left to the routes. Each conversation's tokens are bound to it
 * and to its user; a token never opens another conversation.
 */
export class LocalDirectLine {
  private readonly store: ConversationStore;

  constructor(private readonly options: LocalDirectLineOptions) {
    this.store = new ConversationStore({
      clock: options.clock,
      idleMs: options.idleMinutes * 60_000,
      maxConversations: options.maxConversations,
      maxActivities: options.maxActivities,
      protectMs: options.protectMinutes * 60_000,
    });
  }

  /** How many conversations are kept. */
  get conversationCount(): number {
    return this.store.size;
  }

  /**
   * POST /tokens/generate: a token for a new conversation, which starts when the client connects.
   * Refused (503, with when to retry) while new conversations come faster than the global cap,
   * or when making room would end a conversation someone used in the last minutes.
   */
  generate(): DirectLineResult<ConversationGrant> {
    const allowed = this.options.newConversations.take('all');
    if (!allowed.allowed) return busy(allowed.retryAfterSeconds);
    const conversation = this.store.create({ id: newId(18), userId: `dl_${newId(12)}` });
    if (!conversation) return busy(60);
    return success(this.grant(conversation.id, conversation.userId));
  }

  /**
   * POST /conversations: with a token, starts (or rejoins) that token's conversation; without
   * one, starts a new conversation, as a secret-holder could with Azure's service.
   */
  start(authorization: string | undefined): DirectLineResult<ConversationGrant> {
    if (!authorization) return this.generate();
    return this.withConversation(authorization, undefined, this.regrant);
  }

  /** GET /conversations/:id: rejoins a conversation (Web Chat does this when resuming). */
  reconnect(authorization: string | undefined, conversationId: string): DirectLineResult<ConversationGrant> {
    return this.withConversation(authorization, conversationId, this.regrant);
  }

  /** POST /tokens/refresh: a new token for the same conversation, before the old one expires. */
  refresh(authorization: string | undefined): DirectLineResult<ConversationGrant> {
    return this.withConversation(authorization, undefined, this.regrant);
  }

  /** GET /conversations/:id/activities: what was said after the watermark. */
  activities(
    authorization: string | undefined,
    conversationId: string,
    watermark: string | undefined,
  ): DirectLineResult<ActivitySet> {
    return this.withConversation(authorization, conversationId, (claims) => {
      const set = this.store.since(claims.conversationId, watermark);
      return set ? success(set) : gone();
    });
  }

  /**
   * POST /conversations/:id/activities: keeps the user's activity, then hands it to the bot and
   * waits for the turn, as Azure's service does before it answers.
   */
  async post(
    authorization: string | undefined,
    conversationId: string,
    body: unknown,
  ): Promise<DirectLineResult<{ id: string }>> {
    type Kept = { readonly id: string; readonly activity: Readonly<Record<string, unknown>> };
    const kept = this.withConversation<Kept>(authorization, conversationId, (claims) => {
      // Depth first, counted without recursion: serializing a very deep body would overflow the stack.
      if (jsonDepth(body, MAX_JSON_DEPTH + 3) > MAX_JSON_DEPTH + 2) {
        return failure(400, 'BadArgument', `body: nests deeper than ${MAX_JSON_DEPTH} levels`);
      }
      // Kept activities are capped in number per conversation; cap their size too, so a
      // conversation's memory stays small (Web Chat's own messages are a few hundred bytes).
      if (JSON.stringify(body ?? null).length > MAX_CLIENT_ACTIVITY_CHARS) {
        return failure(
          413,
          'MessageSizeExceeded',
          `An activity may be at most ${MAX_CLIENT_ACTIVITY_CHARS} characters of JSON.`,
        );
      }
      const shaped = shapeClientActivity(body, {
        conversationId: claims.conversationId,
        userId: claims.userId,
        timestamp: this.timestamp(),
      });
      if (!shaped.ok) return failure(400, 'BadArgument', shaped.problem);
      const id = this.store.append(claims.conversationId, shaped.activity);
      return id ? success({ id, activity: { ...shaped.activity, id } }) : gone();
    });
    if (!kept.ok) return kept;
    await this.options.deliver(kept.value.activity);
    return success({ id: kept.value.id });
  }

  /** The Bot Connector's POST activities: the bot's reply (or proactive message) for the page. */
  botReply(conversationId: string, body: unknown): DirectLineResult<{ id: string }> {
    if (!this.store.get(conversationId)) return gone();
    const shaped = shapeBotActivity(body, { conversationId, timestamp: this.timestamp() });
    if (!shaped.ok) return failure(400, 'BadArgument', shaped.problem);
    const id = this.store.append(conversationId, shaped.activity);
    return id ? success({ id }) : gone();
  }

  /**
   * Runs `then` with the token's claims when the token is valid, names this conversation (when
   * one is named) and the conversation is still kept.
   */
  private withConversation<T>(
    authorization: string | undefined,
    conversationId: string | undefined,
    then: (claims: TokenClaims) => DirectLineResult<T>,
  ): DirectLineResult<T> {
    const token = bearerToken(authorization);
    if (!token) return failure(401, 'MissingToken', 'An Authorization: Bearer <token> header is required.');
    const check = verifyToken(token, this.options.tokenSecret, Math.floor(this.options.clock() / 1000));
    if (!check.ok) {
      return check.problem === 'expired'
        ? failure(403, 'TokenExpired', 'The token has expired.')
        : failure(403, 'TokenInvalid', 'The token is not valid.');
    }
    if (conversationId !== undefined && check.claims.conversationId !== conversationId) {
      return failure(403, 'Forbidden', 'The token is not valid for this conversation.');
    }
    if (!this.store.get(check.claims.conversationId)) return gone();
    return then(check.claims);
  }

  /** A fresh token for the conversation and user a valid token already names. */
  private readonly regrant = (claims: TokenClaims): DirectLineResult<ConversationGrant> =>
    success(this.grant(claims.conversationId, claims.userId));

  private grant(conversationId: string, userId: string): ConversationGrant {
    const issuedAt = Math.floor(this.options.clock() / 1000);
    const expiresAt = issuedAt + this.options.tokenTtlSeconds;
    const token = issueToken({ conversationId, userId, issuedAt, expiresAt }, this.options.tokenSecret);
    return { conversationId, token, expires_in: this.options.tokenTtlSeconds };
  }

  private timestamp(): string {
    return new Date(this.options.clock()).toISOString();
  }
}

function busy<T>(retryAfterSeconds: number): DirectLineResult<T> {
  return failure(503, 'ServiceBusy', 'The chat is busy; please try again shortly.', retryAfterSeconds);
}

function gone<T>(): DirectLineResult<T> {
  return failure(404, 'ConversationNotFound', 'The conversation has ended or was dropped after being idle.');
}

/** The token in an `Authorization: Bearer <token>` header, if there is one. */
function bearerToken(authorization: string | undefined): string | undefined {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization ?? '');
  return match ? match[1] : undefined;
}

function newId(bytes: number): string {
  return randomBytes(bytes).toString('base64url');
}
