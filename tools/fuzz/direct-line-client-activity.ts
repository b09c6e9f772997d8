import fc from 'fast-check';
import {
  anyJson,
  isPlainObject,
  jsonObject,
  objectKey,
  payload,
  userText,
  weirdText,
  wrongType,
  type Json,
} from './arbitraries';

/** Activities as a Direct Line client posts them, and which of them the Direct Line must take. */

/** Usually a valid value, now and then a wrong one. */
const mostly = (valid: fc.Arbitrary<Json>, wrong: fc.Arbitrary<Json> = wrongType): fc.Arbitrary<Json> =>
  fc.oneof({ weight: 20, arbitrary: valid }, { weight: 1, arbitrary: wrong });

/** Activities as a Direct Line client posts them: mostly well formed, some fields wrong. */
export const clientActivity = (maxDepth: number) =>
  fc.record(
    {
      type: mostly(fc.constantFrom('message', 'message', 'message', 'event', 'typing'), fc.oneof(wrongType, weirdText)),
      text: mostly(userText),
      textFormat: mostly(fc.constantFrom('plain', 'markdown', 'xml')),
      name: mostly(
        fc.oneof(fc.constantFrom('webchat/join', 'x'), fc.string({ maxLength: 200 })),
        fc.oneof(wrongType, fc.constant('n'.repeat(201))),
      ),
      value: payload(maxDepth),
      locale: mostly(fc.oneof(fc.constantFrom('en-US', 'zz'), fc.string({ maxLength: 100 }))),
      localTimezone: mostly(
        fc.oneof(fc.constantFrom('America/Phoenix', 'Mars/Base', ''), fc.string({ maxLength: 100 })),
      ),
      localTimestamp: mostly(fc.string({ maxLength: 100 })),
      entities: mostly(
        fc.array(
          fc.oneof(
            fc.record({
              type: fc.constantFrom('clientInfo', 'ClientCapabilities'),
              timezone: fc.oneof(fc.string(), wrongType),
            }),
            fc.array(fc.tuple(objectKey, anyJson), { maxLength: 3 }).map((entries) => jsonObject(entries)),
          ),
          { maxLength: 5 },
        ),
      ),
      attachments: mostly(
        fc.array(
          fc.array(fc.tuple(objectKey, anyJson), { maxLength: 3 }).map((entries) => jsonObject(entries)),
          { maxLength: 10 },
        ),
        fc.oneof(wrongType, fc.array(anyJson, { minLength: 11, maxLength: 12 })),
      ),
      channelData: mostly(
        fc.oneof(
          fc.record({ clientActivityID: fc.string() }),
          payload(maxDepth).map((inner) => ({ inner })),
        ),
      ),
      // Ignored: the Direct Line says who, where and where to reply.
      from: fc.oneof(
        fc.record({ id: fc.constantFrom('somebody-else', 'support-bot'), role: fc.constantFrom('bot', 'user') }),
        wrongType,
      ),
      conversation: fc.oneof(fc.record({ id: fc.constantFrom('@victim@', 'other') }), wrongType),
      serviceUrl: fc.constantFrom('http://127.0.0.1:9/', 'file:///etc/passwd'),
      id: fc.oneof(fc.string(), wrongType),
    },
    { requiredKeys: ['type'] },
  );

/** Whether the Direct Line should take this as a client activity (its documented shape). */
export function clientActivityIsValid(activity: Json): boolean {
  if (!isPlainObject(activity)) return false;
  const a = activity;
  const optionalString = (key: string, max = Infinity) =>
    a[key] === undefined || (typeof a[key] === 'string' && (a[key] as string).length <= max);
  const records = (key: string, max: number) =>
    a[key] === undefined ||
    (Array.isArray(a[key]) && (a[key] as unknown[]).length <= max && (a[key] as unknown[]).every(isPlainObject));
  return (
    (a.type === 'message' || a.type === 'event' || a.type === 'typing') &&
    optionalString('text') &&
    (a.textFormat === undefined || a.textFormat === 'plain' || a.textFormat === 'markdown' || a.textFormat === 'xml') &&
    optionalString('name', 200) &&
    optionalString('locale', 100) &&
    optionalString('localTimezone', 100) &&
    optionalString('localTimestamp', 100) &&
    records('entities', 50) &&
    records('attachments', 10) &&
    (a.channelData === undefined || isPlainObject(a.channelData))
  );
}
