import fc from 'fast-check';
import { MAX_CLIENT_ACTIVITY_CHARS } from '../../src/channels/webchat/local-direct-line';
import { depthOf, parsedOrUndefined } from './activity-validity';
import { anyJson, jsonInner, toJsonText, type Json } from './arbitraries';
import { DL, tokenFor, type DirectLineFixture, type TokenKind } from './direct-line-fixture';
import { clientActivity, clientActivityIsValid } from './direct-line-client-activity';
import type { FuzzApp, RawRequest } from './fuzz-app';
import type { FuzzOptions } from './oracles';

/** Arbitrary requests to the local Direct Line routes, and what each should get. */

export interface DirectLineRequest {
  readonly label: string;
  readonly request: RawRequest;
  readonly token: TokenKind;
  /** The conversation the path names. */
  readonly target: 'own' | 'victim' | 'unknown' | 'none';
  readonly route: 'start' | 'generate' | 'refresh' | 'reconnect' | 'get' | 'post' | 'connector' | 'other';
  /** A well-formed client activity in the body (for 'post'). */
  readonly validBody: boolean;
}

/** Arbitrary requests to the Direct Line (and connector) routes. */
export function directLineRequestArb(
  app: FuzzApp,
  fixture: DirectLineFixture,
  _options: FuzzOptions,
): fc.Arbitrary<DirectLineRequest> {
  const cap = app.config.MAX_BODY_BYTES;
  const maxDepth = 20_000;
  // prettier-ignore
  const tokenKind = fc.constantFrom<TokenKind>(
    'none', 'own', 'own', 'own', 'victim-as-own', 'no-bearer', 'garbage', 'wrong-secret', 'expired',
    'unknown-conversation', 'bad-claims', 'alg-none', 'swapped-payload', 'long',
  );
  const headerNoise = fc.stringMatching(/^[\x21-\x7e]{0,60}$/);
  const watermark = fc.oneof(
    fc.constant(undefined),
    fc.nat({ max: 50 }).map(String),
    // prettier-ignore
    fc.constantFrom(
      '', '-1', '0', '1.5', '1e3', '999999999999999', '9999999999999999999999', 'NaN', '%', '%00', 'abc', '0x10',
      '%201', '1%0A',
    ),
    fc.stringMatching(/^[\x21-\x7e]{0,12}$/).map(encodeURIComponent),
  );
  // prettier-ignore
  const extraQuery = fc.constantFrom(
    '', '&watermark=2', '&watermark[a]=1', '&__proto__[x]=1', '&constructor[prototype][y]=2',
    '&watermark[]=1&watermark[]=2',
  );
  const bodyArb = fc
    .oneof(
      {
        weight: 8,
        arbitrary: clientActivity(maxDepth).map((activity) => ({
          text: toJsonText(activity),
          valid: false as boolean,
          activity: activity as Json,
        })),
      },
      { weight: 1, arbitrary: anyJson.map((value) => ({ text: toJsonText(value), valid: false, activity: value })) },
      {
        weight: 1,
        arbitrary: fc
          .constantFrom('{', '', 'null', '[]', '{"type":"message",}', '\u0000')
          .map((text) => ({ text, valid: false, activity: undefined as Json })),
      },
      {
        weight: 1,
        arbitrary: fc.integer({ min: -2_000, max: 40_000 }).map((delta) => {
          const activity = { type: 'message', text: 'y'.repeat(Math.max(0, cap + delta - 40)) };
          return { text: toJsonText(activity), valid: false, activity: activity as Json };
        }),
      },
    )
    .map((body) => ({
      ...body,
      // The Direct Line keeps activities of at most MAX_CLIENT_ACTIVITY_CHARS (413 past it).
      // Depth and size are judged on the text sent: deep values are spliced into it (DEEP_MARKER).
      valid:
        clientActivityIsValid(body.activity) &&
        Buffer.byteLength(body.text) <= cap &&
        body.text.length <= MAX_CLIENT_ACTIVITY_CHARS &&
        depthOf(parsedOrUndefined(body.text)) <= 34,
    }));
  const contentType = fc.oneof(
    { weight: 8, arbitrary: fc.constant('application/json') },
    {
      weight: 1,
      arbitrary: fc.constantFrom(
        'text/plain',
        'application/x-www-form-urlencoded',
        'multipart/form-data; boundary=x',
        '',
      ),
    },
  );
  const target = fc.constantFrom<'own' | 'victim' | 'unknown'>('own', 'own', 'victim', 'unknown');
  // prettier-ignore
  const routeArb = fc.constantFrom<DirectLineRequest['route']>(
    'start', 'generate', 'refresh', 'reconnect', 'get', 'get', 'post', 'post', 'post', 'post', 'post', 'connector',
    'other',
  );
  const otherPath = fc.oneof(
    // prettier-ignore
    fc.constantFrom(
      `${DL}`, `${DL}/`, `${DL}/conversations/`, `${DL}/conversations//activities`, `${DL}/conversations/%/activities`,
      `${DL}/conversations/%E0%A4%A/activities`, `${DL}/conversations/..%2F..%2Fhealthz/activities`, `${DL}/tokens`,
      `${DL}/session/getsessionid`, `${DL}/conversations/x/upload`, '/', '/index.html', '/static/../../package.json',
      '/%2e%2e/%2e%2e/package.json', '/..%2f..%2fpackage.json', '/webchat/../../tsconfig.json', '//etc/passwd', '/%00',
      '/?x=%', '/local-connector', '/api/directline/token',
    ),
    fc.webPath(),
  );
  const method = fc.oneof(
    { weight: 9, arbitrary: fc.constant('') },
    { weight: 1, arbitrary: fc.constantFrom('GET', 'POST', 'PUT', 'DELETE', 'PATCH', 'OPTIONS', 'HEAD') },
  );

  return fc
    .oneof(
      // Anything against anything: bad tokens, foreign conversations, odd routes and methods.
      {
        weight: 3,
        arbitrary: fc.record({
          tokenKind,
          noise: headerNoise,
          watermark,
          extraQuery,
          body: bodyArb,
          contentType,
          target,
          route: routeArb,
          otherPath,
          method,
        }),
      },
      // What a client holding a good token can send its own conversation: odd activities for the bot.
      {
        weight: 2,
        arbitrary: fc.record({
          tokenKind: fc.constant<TokenKind>('own'),
          noise: headerNoise,
          watermark,
          extraQuery,
          body: bodyArb,
          contentType: fc.constant('application/json'),
          target: fc.constant<'own'>('own'),
          route: fc.constantFrom<DirectLineRequest['route']>('post', 'post', 'post', 'get'),
          otherPath,
          method: fc.constant(''),
        }),
      },
    )
    .map(
      ({
        tokenKind: kind,
        noise,
        watermark: mark,
        extraQuery: extra,
        body,
        contentType: type,
        target: aim,
        route: routeName,
        otherPath: other,
        method: forcedMethod,
      }): DirectLineRequest => {
        const conversationId =
          aim === 'own'
            ? fixture.own.conversationId
            : aim === 'victim'
              ? fixture.victim.conversationId
              : `unknown-${noise}`;
        const conversationPath = `${DL}/conversations/${encodeURIComponent(conversationId)}`;
        const authorization = tokenFor(kind, fixture, app.tokenSecret, noise, app.directLineNow());
        const headers: Record<string, string> = {};
        if (authorization !== undefined) headers.authorization = authorization;
        let path: string;
        let defaultMethod = 'POST';
        let sendBody = false;
        let named: DirectLineRequest['target'] = 'none';
        switch (routeName) {
          case 'start':
            path = `${DL}/conversations`;
            break;
          case 'generate':
            path = `${DL}/tokens/generate`;
            break;
          case 'refresh':
            path = `${DL}/tokens/refresh`;
            break;
          case 'reconnect':
            path = conversationPath;
            defaultMethod = 'GET';
            named = aim;
            break;
          case 'get':
            {
              const query = [mark === undefined ? '' : `watermark=${mark}`, extra.slice(1)]
                .filter((part) => part.length > 0)
                .join('&');
              path = `${conversationPath}/activities${query ? `?${query}` : ''}`;
            }
            defaultMethod = 'GET';
            named = aim;
            break;
          case 'post':
            path = `${conversationPath}/activities`;
            sendBody = true;
            named = aim;
            break;
          case 'connector':
            path =
              `/local-connector/${encodeURIComponent(noise || 'key')}` +
              `/v3/conversations/${encodeURIComponent(conversationId)}/activities`;
            sendBody = true;
            break;
          case 'other':
            path = other;
            defaultMethod = forcedMethod || 'GET';
            break;
        }
        const requestMethod = forcedMethod || defaultMethod;
        if (sendBody && requestMethod !== 'GET' && requestMethod !== 'HEAD') {
          if (type) headers['content-type'] = type;
          return {
            label: `${requestMethod} ${routeName} (${kind} token, ${aim} conversation)`,
            request: {
              method: requestMethod,
              path,
              headers,
              body: body.text.split('@victim@').join(jsonInner(fixture.victim.conversationId)),
            },
            token: kind,
            target: named,
            route: routeName,
            validBody: body.valid && type === 'application/json',
          };
        }
        return {
          label: `${requestMethod} ${routeName} (${kind} token, ${aim} conversation)`,
          request: { method: requestMethod, path, headers },
          token: kind,
          target: named,
          route: routeName,
          validBody: false,
        };
      },
    )
    .map((request) => ({
      ...request,
      route: request.request.method === expectedMethod(request.route) ? request.route : 'other',
    }));
}

function expectedMethod(route: DirectLineRequest['route']): string {
  return route === 'reconnect' || route === 'get' ? 'GET' : route === 'other' ? '' : 'POST';
}
