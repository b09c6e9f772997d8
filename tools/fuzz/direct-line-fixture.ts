import { randomBytes } from 'node:crypto';
import { issueToken } from '../../src/channels/webchat/direct-line-token';
import { toJsonText } from './arbitraries';
import { JSON_HEADERS } from './bot-turns';
import type { FuzzApp, RawAnswer } from './fuzz-app';

/** The local Direct Line: the conversations the property works with, and the tokens it sends. */

/** Conversations the Direct Line property works with, set up once. */
export interface DirectLineFixture {
  /** Used only for the "still works" check after every request. */
  readonly normal: Grant;
  /** Holds a secret marker; nothing the fuzzer does may ever show it. */
  readonly victim: Grant;
  readonly victimMarker: string;
  /** The fuzzer's own conversation. */
  readonly own: Grant;
  normalWatermark: string;
  ownWatermark: string;
}

export interface Grant {
  readonly conversationId: string;
  readonly token: string;
}

export const DL = '/v3/directline';

async function startConversation(app: FuzzApp): Promise<Grant> {
  const answer = await app.request({ method: 'POST', path: `${DL}/conversations`, headers: {} });
  if (answer.status !== 201) throw new Error(`POST ${DL}/conversations answered ${answer.status}: ${answer.body}`);
  return JSON.parse(answer.body) as Grant;
}

function bearer(token: string): Record<string, string> {
  return { authorization: `Bearer ${token}` };
}

export async function postDirectLine(app: FuzzApp, grant: Grant, activity: unknown): Promise<RawAnswer> {
  return app.request({
    method: 'POST',
    path: `${DL}/conversations/${encodeURIComponent(grant.conversationId)}/activities`,
    headers: { ...JSON_HEADERS, ...bearer(grant.token) },
    body: toJsonText(activity),
  });
}

export async function getDirectLine(app: FuzzApp, grant: Grant, watermark: string): Promise<RawAnswer> {
  return app.request({
    method: 'GET',
    path:
      `${DL}/conversations/${encodeURIComponent(grant.conversationId)}/activities` +
      `?watermark=${encodeURIComponent(watermark)}`,
    headers: bearer(grant.token),
  });
}

export async function setUpDirectLine(app: FuzzApp): Promise<DirectLineFixture> {
  const [normal, victim, own] = [
    await startConversation(app),
    await startConversation(app),
    await startConversation(app),
  ];
  const victimMarker = `victim-secret-${randomBytes(8).toString('hex')}`;
  const posted = await postDirectLine(app, victim, { type: 'message', text: `my note: ${victimMarker}` });
  if (posted.status !== 200) throw new Error(`the victim's message answered ${posted.status}`);
  return { normal, victim, victimMarker, own, normalWatermark: '', ownWatermark: '' };
}

/** What the token in a generated request is. */
export type TokenKind =
  | 'none'
  | 'own'
  | 'victim-as-own'
  | 'no-bearer'
  | 'garbage'
  | 'wrong-secret'
  | 'expired'
  | 'unknown-conversation'
  | 'bad-claims'
  | 'alg-none'
  | 'swapped-payload'
  | 'long';

function base64url(text: string): string {
  return Buffer.from(text, 'utf8').toString('base64url');
}

/** A token of the given kind, for the fixture's conversations. */
export function tokenFor(
  kind: TokenKind,
  fixture: DirectLineFixture,
  secret: string,
  noise: string,
  nowMs: number,
): string | undefined {
  const now = Math.floor(nowMs / 1000);
  const claims = (conversationId: string, expiresAt = now + 600) => ({
    conversationId,
    userId: 'dl_fuzz',
    issuedAt: now - 10,
    expiresAt,
  });
  const own = fixture.own.token;
  switch (kind) {
    case 'none':
      return undefined;
    case 'own':
      return `Bearer ${own}`;
    case 'victim-as-own':
      // The fuzzer's own valid token, aimed at the victim's conversation by the path.
      return `Bearer ${own}`;
    case 'no-bearer':
      return own;
    case 'garbage':
      return `Bearer ${noise || 'x'}`;
    case 'wrong-secret':
      return `Bearer ${issueToken(claims(fixture.victim.conversationId), `not-the-secret-${noise}`)}`;
    case 'expired':
      return `Bearer ${issueToken(claims(fixture.own.conversationId, now - 1), secret)}`;
    case 'unknown-conversation':
      return `Bearer ${issueToken(claims(`gone-${noise}`), secret)}`;
    case 'bad-claims': {
      const [head] = own.split('.');
      const payload = base64url(JSON.stringify({ iss: 'local-directline', conv: 5, user: null, iat: 'x', exp: [] }));
      return `Bearer ${head}.${payload}.${own.split('.')[2]}`;
    }
    case 'alg-none': {
      const head = base64url(JSON.stringify({ alg: 'none', typ: 'JWT' }));
      const payload = base64url(
        JSON.stringify({
          iss: 'local-directline',
          conv: fixture.victim.conversationId,
          user: 'dl_x',
          iat: now,
          exp: now + 600,
        }),
      );
      return `Bearer ${head}.${payload}.`;
    }
    case 'swapped-payload': {
      const [head, , signature] = own.split('.');
      const [, victimPayload] = fixture.victim.token.split('.');
      return `Bearer ${head}.${victimPayload}.${signature}`;
    }
    case 'long':
      return `Bearer ${own}${'A'.repeat(6000)}`;
  }
}

/** A valid token (for the conversation it names) was sent. */
export const grantsAccess = (kind: TokenKind) => kind === 'own' || kind === 'victim-as-own';
