import { createHmac } from 'node:crypto';
import { issueToken, verifyToken, type TokenClaims } from '../../../src/channels/webchat/direct-line-token';

const SECRET = 'test-secret-of-reasonable-length-0123456789';
const claims: TokenClaims = { conversationId: 'conv-1', userId: 'dl_user', issuedAt: 1_000, expiresAt: 2_800 };

describe('local Direct Line tokens', () => {
  it('round-trips its claims until it expires', () => {
    const token = issueToken(claims, SECRET);
    expect(verifyToken(token, SECRET, 1_000)).toEqual({ ok: true, claims });
    expect(verifyToken(token, SECRET, 2_799)).toEqual({ ok: true, claims });
    expect(verifyToken(token, SECRET, 2_800)).toEqual({ ok: false, problem: 'expired' });
  });

  it('is a compact JWT whose payload names the conversation and the user', () => {
    const [header, payload, signature] = issueToken(claims, SECRET).split('.');
    expect(JSON.parse(Buffer.from(header, 'base64url').toString())).toEqual({ alg: 'HS256', typ: 'JWT' });
    expect(JSON.parse(Buffer.from(payload, 'base64url').toString())).toMatchObject({
      conv: 'conv-1',
      user: 'dl_user',
      exp: 2_800,
    });
    expect(signature).toMatch(/^[A-Za-z0-9_-]{43}$/);
  });

  it('refuses a token signed with another secret', () => {
    expect(verifyToken(issueToken(claims, 'another-secret'), SECRET, 1_000)).toEqual({
      ok: false,
      problem: 'signature',
    });
  });

  it('refuses a token whose payload was changed to another conversation', () => {
    const [header, , signature] = issueToken(claims, SECRET).split('.');
    const forged = Buffer.from(
      JSON.stringify({ iss: 'local-directline', conv: 'conv-2', user: 'dl_user', iat: 1_000, exp: 2_800 }),
    ).toString('base64url');
    expect(verifyToken(`${header}.${forged}.${signature}`, SECRET, 1_000)).toEqual({ ok: false, problem: 'signature' });
  });

  it.each(['', 'abc', 'a.b', 'a.b.c.d', 'eyJhbGciOiJub25lIn0.e30.'])('calls %j malformed', (token) => {
    expect(verifyToken(token, SECRET, 1_000)).toEqual({ ok: false, problem: 'malformed' });
  });

  it('refuses a validly signed payload without the claims it needs', () => {
    // Signed with the right secret, but not a token we issued: no conversation.
    const token = issueToken(claims, SECRET);
    const [header] = token.split('.');
    const payload = Buffer.from(JSON.stringify({ iss: 'local-directline', user: 'x', iat: 1, exp: 9_999 })).toString(
      'base64url',
    );
    const signature = createHmac('sha256', SECRET).update(`${header}.${payload}`).digest('base64url');
    expect(verifyToken(`${header}.${payload}.${signature}`, SECRET, 1_000)).toEqual({
      ok: false,
      problem: 'malformed',
    });
  });
});
