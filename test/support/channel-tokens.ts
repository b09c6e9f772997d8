import { createSign, generateKeyPairSync, type KeyObject } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A test app registration: the bot's app id, its tenant, and a password nothing checks offline. */
export const TEST_APP = {
  MicrosoftAppId: '11111111-2222-3333-4444-555555555555',
  MicrosoftAppPassword: 'not-a-real-secret',
  MicrosoftAppType: 'SingleTenant',
  MicrosoftAppTenantId: '72f988bf-0000-0000-0000-000000000001',
} as const;

/**
 * The Bot Framework channel's token service, on loopback: it publishes OpenID metadata and a
 * signing key (endorsed for the channels a test names) and signs tokens as a channel would, so
 * the bot's real JWT checks run with no cloud account. Point the bot at it with
 * `ToBotFromChannelOpenIdMetadataUrl: issuer.metadataUrl`.
 */
export interface ChannelTokenIssuer {
  readonly metadataUrl: string;
  /** `Bearer <jwt>` for an activity to this serviceUrl, as the channel signs it. */
  authorization(serviceUrl: string, audience?: string): string;
  stop(): Promise<void>;
}

export async function startChannelTokenIssuer(
  endorsedChannels: readonly string[] = ['msteams', 'webchat', 'directline'],
): Promise<ChannelTokenIssuer> {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const jwk = publicKey.export({ format: 'jwk' }) as { n: string; e: string };
  const kid = 'test-channel-key';
  let base = '';
  const server: Server = createServer((req, res) => {
    res.setHeader('content-type', 'application/json');
    if (req.url === '/v1/.well-known/openidconfiguration') {
      res.end(JSON.stringify({ issuer: 'https://api.botframework.com', jwks_uri: `${base}/v1/keys` }));
    } else if (req.url === '/v1/keys') {
      res.end(
        JSON.stringify({ keys: [{ kty: 'RSA', use: 'sig', kid, n: jwk.n, e: jwk.e, endorsements: endorsedChannels }] }),
      );
    } else {
      res.statusCode = 404;
      res.end('{}');
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    metadataUrl: `${base}/v1/.well-known/openidconfiguration`,
    authorization: (serviceUrl, audience = TEST_APP.MicrosoftAppId) =>
      `Bearer ${sign(privateKey, kid, serviceUrl, audience)}`,
    stop: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

function sign(privateKey: KeyObject, kid: string, serviceUrl: string, audience: string): string {
  const encode = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
  const now = Math.floor(Date.now() / 1000);
  const head = encode({ alg: 'RS256', typ: 'JWT', kid });
  const body = encode({
    iss: 'https://api.botframework.com',
    aud: audience,
    serviceurl: serviceUrl,
    nbf: now - 60,
    exp: now + 600,
  });
  const signature = createSign('RSA-SHA256').update(`${head}.${body}`).sign(privateKey).toString('base64url');
  return `${head}.${body}.${signature}`;
}
