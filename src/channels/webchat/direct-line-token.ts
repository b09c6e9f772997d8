import { createHmac, timingSafeEqual } from 'node:crypto';

/** What a local Direct Line token grants: one user in one conversation, until it expires. */
export interface TokenClaims {
  /** The conversation the token opens, and the only one. */
  readonly conversationId: string;
  /** The user the token speaks for; activities posted with it are from this user. */
  readonly userId: string;
  /** Issued at, seconds since the epoch. */
  readonly issuedAt: number;
  /** Expires at, seconds since the epoch. */
  readonly expiresAt: number;
}

/** Why a token was refused. */
export type TokenProblem = 'malformed' | 'signature' | 'expired';

/** A token's claims when it is valid, or what is wrong with it. */
export type TokenCheck =
  { readonly ok: true; readonly claims: TokenClaims } | { readonly ok: false; readonly problem: TokenProblem };

// A compact JWT (HS256): Web Chat's Direct Line client decodes tokens as JWTs to look for a
// `user` claim, so the same shape keeps it quiet; only we ever verify it.
const HEADER = base64url(JSON.stringify({ alg: 'HS256', typ: 'JWT' }));
const ISSUER = 'local-directline';

/** Signs a token for these claims with the given secret. */
export function issueToken(claims: TokenClaims, secret: string | Buffer): string {
  const payload = base64url(
    JSON.stringify({
      iss: ISSUER,
      conv: claims.conversationId,
      user: claims.userId,
      iat: claims.issuedAt,
      exp: claims.expiresAt,
    }),
  );
  return `${HEADER}.${payload}.${sign(`${HEADER}.${payload}`, secret)}`;
}

/**
 * Checks a token's shape, signature and expiry at `nowSeconds`. The signature is compared in
 * constant time and checked before the payload is trusted.
 */
export function verifyToken(token: string, secret: string | Buffer, nowSeconds: number): TokenCheck {
  const parts = token.split('.');
  if (parts.length !== 3 || parts[0] !== HEADER) return { ok: false, problem: 'malformed' };
  const expected = Buffer.from(sign(`${parts[0]}.${parts[1]}`, secret));
  const given = Buffer.from(parts[2]);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return { ok: false, problem: 'signature' };
  const claims = parseClaims(parts[1]);
  if (!claims) return { ok: false, problem: 'malformed' };
  if (nowSeconds >= claims.expiresAt) return { ok: false, problem: 'expired' };
  return { ok: true, claims };
}

function parseClaims(payload: string): TokenClaims | undefined {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
  } catch {
    return undefined;
  }
  if (typeof parsed !== 'object' || parsed === null) return undefined;
  const { iss, conv, user, iat, exp } = parsed as Record<string, unknown>;
  if (iss !== ISSUER || typeof conv !== 'string' || typeof user !== 'string') return undefined;
  if (typeof iat !== 'number' || typeof exp !== 'number') return undefined;
  return { conversationId: conv, userId: user, issuedAt: iat, expiresAt: exp };
}

function sign(data: string, secret: string | Buffer): string {
  return createHmac('sha256', secret).update(data).digest('base64url');
}

function base64url(text: string): string {
  return Buffer.from(text, 'utf8').toString('base64url');
}
