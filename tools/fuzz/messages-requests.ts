import { gzipSync } from 'node:zlib';
import fc from 'fast-check';
import { activityArb } from './activity-arbitrary';
import { anyJson, DEEP_MARKER, isPlainObject, nestedArrays, toJsonText, type MutableActivity } from './arbitraries';
import { JSON_HEADERS, userActivity } from './bot-turns';
import type { FuzzApp, RawRequest } from './fuzz-app';
import { type FuzzOptions, type KnownBug } from './oracles';

/** Arbitrary requests to POST /api/messages, and what the server must answer each. */

/** A request to /api/messages and what the server must answer. */
export interface MessagesRequest {
  readonly label: string;
  readonly request: RawRequest;
  /** 'ok': 2xx; 'client-error': 4xx; 'too-large': 413; 'any': no 5xx. */
  readonly expect: 'ok' | 'client-error' | 'too-large' | 'any';
  /** The known bug this request runs into, if any (left out unless the options allow it). */
  readonly bug?: KnownBug;
  /** The activity in the body, when there is one. */
  readonly activity?: MutableActivity;
}

const CONTENT_TYPES_ACCEPTED = [
  'application/json',
  'application/json; charset=utf-8',
  'Application/JSON',
  'application/json;charset=UTF-8',
];
// prettier-ignore
const CONTENT_TYPES_OTHER = [
  'text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', 'application/octet-stream',
  'text/html', 'application/xml', 'application/jsonp', 'garbage', '*/*', '',
];

/** Headers a client may add that must change nothing (never a JWT: the SDK would fetch keys online). */
const harmlessHeaders = fc.dictionary(
  // prettier-ignore
  fc.constantFrom(
    'x-forwarded-for', 'x-ms-conversation-id', 'user-agent', 'accept', 'accept-encoding', 'x-custom', 'origin',
    'referer', 'cookie', 'if-none-match', 'x-http-method-override',
  ),
  fc.stringMatching(/^[\x20-\x7e]{0,40}$/),
  { maxKeys: 3 },
);

/** Arbitrary requests to POST /api/messages. */
export function messagesRequestArb(app: FuzzApp, options: FuzzOptions): fc.Arbitrary<MessagesRequest> {
  const cap = app.config.MAX_BODY_BYTES;
  const activity = activityArb(app.sinkUrl, options);
  const post = (
    label: string,
    body: string | Buffer,
    expect: MessagesRequest['expect'],
    headers: Record<string, string> = JSON_HEADERS,
  ): MessagesRequest => ({
    label,
    request: { method: 'POST', path: '/api/messages', headers, body },
    expect,
  });
  const sized = (body: string, label: string, headers: Record<string, string> = JSON_HEADERS): MessagesRequest =>
    Buffer.byteLength(body) > cap
      ? post(`${label} (over the cap)`, body, 'too-large', headers)
      : post(label, body, 'any', headers);

  const wellFormed = fc.tuple(activity, harmlessHeaders).map(([generated, headers]): MessagesRequest => {
    const body = toJsonText(generated.activity);
    if (Buffer.byteLength(body) > cap)
      return post('activity over the cap', body, 'too-large', { ...JSON_HEADERS, ...headers });
    return {
      ...post(
        generated.valid ? 'valid activity' : 'malformed activity',
        body,
        generated.valid ? 'ok' : 'client-error',
        { ...JSON_HEADERS, ...headers },
      ),
      activity: generated.activity,
    };
  });
  const nonObjectJson = anyJson
    .filter((value) => !isPlainObject(value))
    .map((value) => post('JSON that is not an object', toJsonText(value), 'client-error'));
  const truncated = fc.tuple(activity, fc.double({ min: 0, max: 1, noNaN: true })).map(([generated, fraction]) => {
    const text = toJsonText(generated.activity);
    const body = text.slice(0, Math.floor(text.length * fraction));
    return body.length === text.length
      ? sized(body, 'whole activity')
      : post('truncated JSON', body, body.length === 0 ? 'any' : 'client-error');
  });
  const garbageBytes = fc
    .uint8Array({ maxLength: 2048 })
    .map((bytes) => post('random bytes', Buffer.from(bytes), 'any'));
  const invalidUtf8 = activity.map((generated) => {
    const text = toJsonText({ ...generated.activity, text: '@@@' });
    const [before, after] = text.split('@@@');
    const body =
      before === undefined || after === undefined
        ? Buffer.from(text)
        : Buffer.concat([
            Buffer.from(before),
            Buffer.from([0xff, 0xfe, 0xc0, 0x80, 0xed, 0xa0, 0x80]),
            Buffer.from(after),
          ]);
    return post('invalid UTF-8 in text', body, 'any');
  });
  const deep = fc
    .tuple(
      fc.constantFrom(1_000, 10_000, 50_000, 100_000, 120_000),
      fc.constantFrom('body', 'value', 'channelData', 'text', 'conversation'),
    )
    .map(([depth, where]) => {
      const base = userActivity(`fuzz-deep-${depth}-${where}`, 'hello');
      const nested = `${DEEP_MARKER}${depth}${DEEP_MARKER}`;
      const body =
        where === 'body'
          ? nestedArrays(depth)
          : toJsonText({ ...base, [where]: where === 'channelData' ? { tenant: nested } : nested });
      return sized(body, `${depth} nested arrays in ${where}`);
    });
  // Text sized around the cap: just under is a normal (too long) message, just over is 413.
  // Sent with a Content-Length, or chunked (no length up front: the cap must be counted as it comes).
  const huge = fc
    .tuple(fc.integer({ min: -4_000, max: 60_000 }), fc.constantFrom('x', 'é', '😀', '\u0000', '\\'), fc.boolean())
    .map(([delta, unit, chunked]) => {
      const frame = toJsonText(userActivity('fuzz-huge', ''));
      const unitBytes = Buffer.byteLength(JSON.stringify(unit)) - 2;
      const count = Math.max(0, Math.floor((cap + delta - Buffer.byteLength(frame)) / unitBytes));
      const headers = chunked ? { ...JSON_HEADERS, 'transfer-encoding': 'chunked' } : JSON_HEADERS;
      return sized(
        toJsonText(userActivity('fuzz-huge', unit.repeat(count))),
        `text of ${count} × ${JSON.stringify(unit)}${chunked ? ', chunked' : ''}`,
        headers,
      );
    });
  const contentTypes = fc
    .tuple(activity, fc.constantFrom(...CONTENT_TYPES_ACCEPTED, ...CONTENT_TYPES_OTHER))
    .map(([generated, type]) => {
      const body = toJsonText(generated.activity);
      const headers: Record<string, string> = type === '' ? {} : { 'content-type': type };
      if (Buffer.byteLength(body) > cap) return post(`content-type ${type}, over the cap`, body, 'too-large', headers);
      const json = CONTENT_TYPES_ACCEPTED.includes(type);
      return post(
        `content-type ${JSON.stringify(type)}`,
        body,
        json && generated.valid ? 'ok' : json ? 'client-error' : 'any',
        headers,
      );
    });
  const gzipHeaders = { ...JSON_HEADERS, 'content-encoding': 'gzip' };
  const encodings = fc
    .tuple(
      activity,
      fc.constantFrom('gzip', 'gzip-invalid', 'gzip-bomb', 'deflate', 'br', 'identity', 'GZIP', 'x-gzip'),
    )
    .map(([generated, encoding]): MessagesRequest => {
      const json = toJsonText(generated.activity);
      // Compressed bodies are refused outright (415), whatever they inflate to.
      if (encoding === 'gzip') return post('gzip body', gzipSync(json), 'client-error', gzipHeaders);
      if (encoding === 'gzip-invalid')
        return post('content-encoding gzip, body not gzip', json, 'client-error', gzipHeaders);
      if (encoding === 'gzip-bomb') {
        // A few kilobytes on the wire, four times the cap once inflated.
        const body = gzipSync(toJsonText(userActivity('fuzz-bomb', 'x'.repeat(cap * 4))));
        return post('gzip body inflating past the cap', body, 'client-error', gzipHeaders);
      }
      if (encoding === 'identity') {
        return post(
          'content-encoding identity',
          json,
          Buffer.byteLength(json) > cap ? 'too-large' : generated.valid ? 'ok' : 'client-error',
          { ...JSON_HEADERS, 'content-encoding': encoding },
        );
      }
      return post(`content-encoding ${encoding}`, json, 'client-error', {
        ...JSON_HEADERS,
        'content-encoding': encoding,
      });
    });
  const methods = fc
    .tuple(fc.constantFrom('GET', 'PUT', 'DELETE', 'PATCH', 'HEAD', 'OPTIONS'), activity)
    .map(([method, generated]): MessagesRequest => ({
      label: `${method} /api/messages`,
      request: {
        method,
        path: '/api/messages',
        headers: JSON_HEADERS,
        body: method === 'GET' || method === 'HEAD' ? undefined : toJsonText(generated.activity),
      },
      expect: 'client-error',
    }));
  const paths = fc
    .tuple(
      // prettier-ignore
      fc.constantFrom(
        '/api/messages/', '/api//messages', '/api/messages?x=%', '/api/messages?__proto__[a]=1',
        '/api/messages/../messages', '/api/messages%00', '/API/MESSAGES',
      ),
      activity,
    )
    .map(([path, generated]): MessagesRequest => ({
      label: `POST ${path}`,
      request: { method: 'POST', path, headers: JSON_HEADERS, body: toJsonText(generated.activity) },
      expect: 'any',
    }));
  const authorization = fc
    .tuple(
      activity,
      // prettier-ignore
      fc.constantFrom(
        '', 'Bearer', 'Bearer ', 'bearer nonsense', 'Basic Zm9vOmJhcg==', 'Negotiate abc', 'Bearer \u00e9',
      ),
    )
    .map(([generated, header]): MessagesRequest => {
      // Latin-1 only in a header value; node refuses anything else before sending.
      const headers: Record<string, string> = { ...JSON_HEADERS, authorization: header };
      return post(`Authorization ${JSON.stringify(header)}`, toJsonText(generated.activity), 'any', headers);
    });

  return fc
    .oneof(
      { weight: 12, arbitrary: wellFormed },
      { weight: 2, arbitrary: nonObjectJson },
      { weight: 2, arbitrary: truncated },
      { weight: 1, arbitrary: garbageBytes },
      { weight: 1, arbitrary: invalidUtf8 },
      { weight: 1, arbitrary: deep },
      { weight: 1, arbitrary: huge },
      { weight: 2, arbitrary: contentTypes },
      { weight: 1, arbitrary: encodings },
      { weight: 1, arbitrary: methods },
      { weight: 1, arbitrary: paths },
      { weight: 1, arbitrary: authorization },
    )
    .filter((request) => request.bug === undefined || !options.avoid.has(request.bug));
}
