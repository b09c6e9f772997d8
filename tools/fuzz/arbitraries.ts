import fc from 'fast-check';

/*
 * Generators of arbitrary input: weird text (odd unicode, control characters, lone surrogates,
 * the bot's own words), any JSON (with prototype-pollution keys), values of the wrong type, button
 * values that are nearly right, and JSON text with deep nesting spliced in.
 */

export type Json = unknown;
export type MutableActivity = Record<string, Json>;

export const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Characters that have broken chat software before. */
// prettier-ignore
const ODD_PIECES = [
  '\u0000', '\u0001', '\u0007', '\u001b[31m', '\u007f', '\u0085', '\u00a0', '\u00ad', '\u200b', '\u200c', '\u200d',
  '\u200e', '\u200f', '\u202a', '\u202e', '\u2066', '\u2069', '\u2028', '\u2029', '\ufeff', '\ufffd', '\ufffe',
  '\uffff', 'e\u0301', 'a\u0300\u0301\u0302\u0303\u0304\u0305', 'Z\u0351\u0352\u0353\u0354\u0355\u0356\u0357\u0358',
  '\u0645\u0631\u062d\u0628\u0627', '\u05e9\u05dc\u05d5\u05dd', '\u202eevil\u202c', 'ﷺ', 'İ', 'ß', 'ﬀ', 'Ǆ',
  '👩‍👩‍👧‍👦', '🏳️‍🌈', '👍🏽', '🇺🇸', '\ud83d\ude00', '𝓗𝓮𝓵𝓵𝓸', '１２３', '٣', '⅓', '\r\n', '\t', '\r', '\n\n\n',
  '   ', '%s', '%n', '${x}', '{{x}}', '{name}', '<script>alert(1)</script>', '<at>Bot</at>', '&amp;', '&#0;',
  '&#xD800;', '&#x110000;', '&nbsp;', '\\u0000', '"', "'", '`', '\\', '../../etc/passwd', 'NaN', 'undefined', 'null',
  '__proto__', 'constructor', 'toString', 'hasOwnProperty',
];

/** Words and phrases the bot knows, so arbitrary text reaches deep into matching and flows. */
// prettier-ignore
const DOMAIN_PIECES = [
  'what do I need to register', 'register', 'registration', 'password', 'locked out', "I'm locked out",
  'activation code', 'mail', 'by mail', 'phone', 'mobile', 'help desk', 'e-Services', 'secure access', 'credit card',
  'amex', 'ssn', 'itin', 'what', 'how', 'why', '?', 'yes', 'no', 'yep', 'nope', 'not sure', '1', '2', '3', '9', '99',
  'first', 'last', 'the second one', 'cancel', 'start over', 'restart', 'help', 'talk to a person', 'reset', 'quit',
  'today', 'yesterday', 'last tuesday', '11/20', '2026-11-20', 'Nov 20', '20th of November', '3 days ago', 'a week ago',
  'on the 5th', 'I live in Phoenix', "I'm in Hawaii", '123-45-6789', '4111 1111 1111 1111', 'amercan express', 'lnog',
  "can't", "won't", 'solved', 'still stuck',
];

const loneSurrogate = fc.integer({ min: 0xd800, max: 0xdfff }).map((code) => String.fromCharCode(code));

/** One piece of arbitrary text: random code points, graphemes, odd characters or domain words. */
const textPiece = fc.oneof(
  { weight: 3, arbitrary: fc.string({ unit: 'binary', maxLength: 12 }) },
  { weight: 2, arbitrary: fc.string({ unit: 'grapheme', maxLength: 8 }) },
  { weight: 2, arbitrary: fc.string({ unit: 'binary-ascii', maxLength: 12 }) },
  { weight: 3, arbitrary: fc.constantFrom(...ODD_PIECES) },
  { weight: 1, arbitrary: loneSurrogate },
  { weight: 4, arbitrary: fc.constantFrom(...DOMAIN_PIECES) },
);

/** Arbitrary user text: mixes of odd unicode, control characters, lone surrogates and domain words. */
export const weirdText: fc.Arbitrary<string> = fc
  .array(fc.tuple(textPiece, fc.constantFrom(' ', '', ', ', '\n', '?')), { maxLength: 10 })
  .map((pieces) => pieces.map(([piece, separator]) => piece + separator).join(''));

/** Text, sometimes long (past MAX_MESSAGE_LENGTH). */
export const userText: fc.Arbitrary<string> = fc.oneof(
  { weight: 8, arbitrary: weirdText },
  {
    weight: 1,
    arbitrary: fc
      .tuple(weirdText, fc.integer({ min: 900, max: 5000 }))
      .map(([text, length]) =>
        (text || 'x').repeat(Math.ceil(length / Math.max(1, (text || 'x').length))).slice(0, length),
      ),
  },
);

// prettier-ignore
const PROTO_KEYS = [
  '__proto__', 'constructor', 'prototype', 'toString', 'valueOf', 'hasOwnProperty', '__defineGetter__', 'then',
];

/** Object keys, including the ones prototype pollution uses. */
export const objectKey = fc.oneof(
  { weight: 3, arbitrary: fc.string({ maxLength: 8 }) },
  { weight: 1, arbitrary: fc.constantFrom(...PROTO_KEYS, 'action', 'id', 'type', 'flowId', 'nodeId', 'choiceId', '') },
);

/** Any JSON value, with prototype-pollution keys among the object keys. */
export const anyJson: fc.Arbitrary<Json> = fc.letrec<{ value: Json }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.constant(null),
    fc.boolean(),
    fc.integer(),
    fc.double({ noNaN: true, noDefaultInfinity: true }),
    weirdText,
    fc.array(tie('value'), { maxLength: 4 }),
    fc.array(fc.tuple(objectKey, tie('value')), { maxLength: 4 }).map((entries) => jsonObject(entries)),
  ),
})).value;

/** An object with these own keys, `__proto__` included as an own key (as JSON.parse makes it). */
export function jsonObject(entries: ReadonlyArray<readonly [string, Json]>): Record<string, Json> {
  const object: Record<string, Json> = {};
  for (const [key, value] of entries)
    Object.defineProperty(object, key, { value, enumerable: true, writable: true, configurable: true });
  return object;
}

/** A value of the wrong type for a field that wants a string or an object. */
export const wrongType: fc.Arbitrary<Json> = fc.oneof(
  fc.integer(),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.boolean(),
  fc.constant(null),
  fc.array(anyJson, { maxLength: 3 }),
  fc.array(fc.tuple(objectKey, anyJson), { maxLength: 3 }).map((entries) => jsonObject(entries)),
  fc.constant(''),
);

/** A wrong type for a string field. */
export const notAString = wrongType.filter((value) => typeof value !== 'string');
/** A wrong type for an object field. */
export const notAnObject = wrongType.filter((value) => !isPlainObject(value));

const BUTTON_ACTIONS = ['article', 'none-of-these', 'helpdesk', 'start-flow', 'flow-answer'];

/** Values shaped like the bot's button values, usually subtly wrong. */
export const choiceValueLike: fc.Arbitrary<Json> = fc
  .record(
    {
      action: fc.oneof(fc.constantFrom(...BUTTON_ACTIONS), wrongType, weirdText),
      id: fc.oneof(fc.constantFrom(...PROTO_KEYS, 'what-you-need', 'locked-out', 'nope'), weirdText, wrongType),
      flowId: fc.oneof(fc.constantFrom('locked-out', 'activation-code-by-mail', '__proto__'), wrongType),
      nodeId: fc.oneof(fc.constantFrom('had-secure-access', '__proto__', 'constructor'), weirdText, wrongType),
      choiceId: fc.oneof(fc.constantFrom('yes', 'no', 'not-sure', '__proto__'), wrongType),
      extra: anyJson,
    },
    { requiredKeys: ['action'] },
  )
  .map((value) => value as Json);

/** JSON text of arrays nested `depth` deep. */
export const nestedArrays = (depth: number): string => '['.repeat(depth) + ']'.repeat(depth);

/** A marker standing for deeply nested JSON, spliced into the body text after JSON.stringify. */
export const DEEP_MARKER = '\u0000fuzz-deep\u0000';

/** Values for `value`, `channelData` and the like: anything, button look-alikes, or deep nesting. */
export const payload = (maxDepth: number): fc.Arbitrary<Json> =>
  fc.oneof(
    { weight: 4, arbitrary: anyJson },
    { weight: 3, arbitrary: choiceValueLike },
    {
      weight: 1,
      arbitrary: fc.integer({ min: 2, max: maxDepth }).map((depth) => `${DEEP_MARKER}${depth}${DEEP_MARKER}`),
    },
  );

/** JSON.stringify, with deep-nesting markers replaced by the nested arrays they stand for. */
export function toJsonText(value: unknown): string {
  const text = JSON.stringify(value) ?? 'null';
  const escaped = JSON.stringify(DEEP_MARKER).slice(1, -1);
  return text.replace(
    new RegExp(`"${escapeRegExp(escaped)}(\\d+)${escapeRegExp(escaped)}"`, 'g'),
    (_whole, depth: string) => nestedArrays(Number(depth)),
  );
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** A string as it appears inside a JSON string literal. */
export function jsonInner(text: string): string {
  return JSON.stringify(text).slice(1, -1);
}
