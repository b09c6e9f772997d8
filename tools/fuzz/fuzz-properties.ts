import { randomBytes } from 'node:crypto';
import { Agent, createServer as createHttpServer, request as httpRequest, type Server as HttpServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Writable } from 'node:stream';
import { gzipSync } from 'node:zlib';
import { MAX_CLIENT_ACTIVITY_CHARS } from '../../src/channels/webchat/local-direct-line';
import fc from 'fast-check';
import { MemoryStorage, type Activity } from 'botbuilder';
import { DateTime } from 'luxon';
import { createMatcher } from '../../src/matching/create-matcher';
import { createLanguage } from '../../src/matching/language';
import { loadBotContent, startService } from '../../src/service';
import { issueToken } from '../../src/channels/webchat/direct-line-token';
import { parseConfig, type Config } from '../../src/config';
import { edgeTextSteps, LONGEST_BODY_TEXT, LONGEST_TURN_TEXT, longInputsProperty, turnTextSteps } from './long-inputs';
import { outcomes, type Flow } from '../../src/content/flow-schema';
import type { Content } from '../../src/content/load-content';
import { parseChoiceValue } from '../../src/reply/choice-value';
import type { ChoiceValue, HelpdeskCard } from '../../src/reply/reply';
import { computations } from '../../src/flows/computations';
import { answerFlow, startFlow, type FlowContext, type FlowState, type FlowStep } from '../../src/flows/flow-engine';
import { matchChoice, type ChoiceOption } from '../../src/flows/match-choice';
import { parseUserDate } from '../../src/flows/parse-date';
import { createLogger } from '../../src/logger';
import type { Candidate, DocumentKind, Matcher } from '../../src/matching/matcher';
import { defaultRoutePolicy, route, type RouteDecision } from '../../src/matching/router';
import { replyChoices, replyText } from '../bot-client';

/*
 * Property-based fuzzing of the bot, shared by the Jest suite (test/fuzz, fixed seed, a few
 * hundred runs) and `npm run fuzz` (src/cli/fuzz.ts, random or given seed, longer). Three
 * groups of properties:
 *
 * - pure: the matcher, the router, the date parser, choice matching, the flow engine and the
 *   button-value parser, called directly with arbitrary input;
 * - messages: POST /api/messages of the real app on a loopback port, with malformed, odd and
 *   oversized activities; and a flow that must survive garbage turns;
 * - directline: the local Direct Line routes with bad, forged and foreign tokens, odd
 *   watermarks and bodies.
 *
 * After every HTTP run: no 5xx, no unhandled rejection or uncaught exception, nothing logged
 * at error level (a turn error included), no built-in prototype polluted, /healthz is 200, and
 * a normal question is answered, in a fresh conversation and in the one the garbage went to.
 *
 * Only loopback addresses are ever contacted: activities that make the bot reply through a
 * serviceUrl (no expectReplies) point at a local sink, and no Authorization header the Bot
 * Framework SDK could try to verify online (a decodable JWT) is ever sent to /api/messages.
 */

// ---------------------------------------------------------------------------------------------
// Known bugs. Each is excluded from the properties' inputs (see `avoidKnownBugs` and the
// generators) so the properties stay useful for finding new ones; test/fuzz/known-bugs.test.ts
// keeps a minimal failing test for each. When a bug is fixed, delete its entry here.
// ---------------------------------------------------------------------------------------------

/** Known bugs the generators steer around, by id (see test/fuzz/known-bugs.test.ts). */
export const KNOWN_BUGS = {
  /**
   * An invoke activity the bot does not handle, without expectReplies, is answered 501 Not
   * Implemented: the Bot Framework protocol's answer (botbuilder's ActivityHandler), kept on
   * purpose. The generators send such invokes as events instead.
   */
  invoke501: true,
} as const;

export type KnownBug = keyof typeof KNOWN_BUGS;

/** Which known bugs the generators avoid; `npm run fuzz` with FUZZ_KNOWN_BUGS=1 avoids none. */
export interface FuzzOptions {
  readonly avoid: ReadonlySet<KnownBug>;
}

export const avoidAllKnownBugs: FuzzOptions = { avoid: new Set(Object.keys(KNOWN_BUGS) as KnownBug[]) };
export const avoidNoKnownBugs: FuzzOptions = { avoid: new Set() };

type Json = unknown;
type MutableActivity = Record<string, Json>;

const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * Rewrites an activity so it does not hit a known bug (only the bugs in `options.avoid`).
 * Exported so the known-bug tests can check each minimal example is one the fuzzers avoid.
 */
export function avoidKnownBugs(activity: MutableActivity, options: FuzzOptions): MutableActivity {
  const out: MutableActivity = { ...activity };
  // (The type changes rather than the delivery mode, so whether the activity is well formed does not.)
  if (options.avoid.has('invoke501') && out.type === 'invoke' && out.deliveryMode !== 'expectReplies') out.type = 'event';
  return out;
}

// ---------------------------------------------------------------------------------------------
// Arbitraries
// ---------------------------------------------------------------------------------------------

/** Characters that have broken chat software before. */
const ODD_PIECES = [
  '\u0000', '\u0001', '\u0007', '\u001b[31m', '\u007f', '\u0085', '\u00a0', '\u00ad',
  '\u200b', '\u200c', '\u200d', '\u200e', '\u200f', '\u202a', '\u202e', '\u2066', '\u2069',
  '\u2028', '\u2029', '\ufeff', '\ufffd', '\ufffe', '\uffff',
  'e\u0301', 'a\u0300\u0301\u0302\u0303\u0304\u0305', 'Z\u0351\u0352\u0353\u0354\u0355\u0356\u0357\u0358',
  '\u0645\u0631\u062d\u0628\u0627', '\u05e9\u05dc\u05d5\u05dd', '\u202eevil\u202c', 'ﷺ', 'İ', 'ß', 'ﬀ', 'Ǆ',
  '👩‍👩‍👧‍👦', '🏳️‍🌈', '👍🏽', '🇺🇸', '\ud83d\ude00', '𝓗𝓮𝓵𝓵𝓸', '１２３', '٣', '⅓',
  '\r\n', '\t', '\r', '\n\n\n', '   ', '%s', '%n', '${x}', '{{x}}', '{name}', '<script>alert(1)</script>',
  '<at>Bot</at>', '&amp;', '&#0;', '&#xD800;', '&#x110000;', '&nbsp;', '\\u0000', '"', "'", '`', '\\',
  '../../etc/passwd', 'NaN', 'undefined', 'null', '__proto__', 'constructor', 'toString', 'hasOwnProperty',
];

/** Words and phrases the bot knows, so arbitrary text reaches deep into matching and flows. */
const DOMAIN_PIECES = [
  'what do I need to register', 'register', 'registration', 'password', 'locked out', "I'm locked out", 'activation code',
  'mail', 'by mail', 'phone', 'mobile', 'help desk', 'e-Services', 'secure access', 'credit card', 'amex', 'ssn', 'itin',
  'what', 'how', 'why', '?', 'yes', 'no', 'yep', 'nope', 'not sure', '1', '2', '3', '9', '99', 'first', 'last', 'the second one',
  'cancel', 'start over', 'restart', 'help', 'talk to a person', 'reset', 'quit', 'today', 'yesterday', 'last tuesday',
  '11/20', '2026-11-20', 'Nov 20', '20th of November', '3 days ago', 'a week ago', 'on the 5th', 'I live in Phoenix',
  "I'm in Hawaii", '123-45-6789', '4111 1111 1111 1111', 'amercan express', 'lnog', "can't", "won't", 'solved', 'still stuck',
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
  { weight: 1, arbitrary: fc.tuple(weirdText, fc.integer({ min: 900, max: 5000 })).map(([text, length]) => (text || 'x').repeat(Math.ceil(length / Math.max(1, (text || 'x').length))).slice(0, length)) },
);

const PROTO_KEYS = ['__proto__', 'constructor', 'prototype', 'toString', 'valueOf', 'hasOwnProperty', '__defineGetter__', 'then'];

/** Object keys, including the ones prototype pollution uses. */
const objectKey = fc.oneof(
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
function jsonObject(entries: ReadonlyArray<readonly [string, Json]>): Record<string, Json> {
  const object: Record<string, Json> = {};
  for (const [key, value] of entries) Object.defineProperty(object, key, { value, enumerable: true, writable: true, configurable: true });
  return object;
}

/** A value of the wrong type for a field that wants a string or an object. */
const wrongType: fc.Arbitrary<Json> = fc.oneof(
  fc.integer(),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.boolean(),
  fc.constant(null),
  fc.array(anyJson, { maxLength: 3 }),
  fc.array(fc.tuple(objectKey, anyJson), { maxLength: 3 }).map((entries) => jsonObject(entries)),
  fc.constant(''),
);

/** A wrong type for a string field. */
const notAString = wrongType.filter((value) => typeof value !== 'string');
/** A wrong type for an object field. */
const notAnObject = wrongType.filter((value) => !isPlainObject(value));

const BUTTON_ACTIONS = ['article', 'none-of-these', 'helpdesk', 'start-flow', 'flow-answer'];

/** Values shaped like the bot's button values, usually subtly wrong. */
const choiceValueLike: fc.Arbitrary<Json> = fc
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
const DEEP_MARKER = '\u0000fuzz-deep\u0000';

/** Values for `value`, `channelData` and the like: anything, button look-alikes, or deep nesting. */
const payload = (maxDepth: number): fc.Arbitrary<Json> =>
  fc.oneof(
    { weight: 4, arbitrary: anyJson },
    { weight: 3, arbitrary: choiceValueLike },
    { weight: 1, arbitrary: fc.integer({ min: 2, max: maxDepth }).map((depth) => `${DEEP_MARKER}${depth}${DEEP_MARKER}`) },
  );

/** JSON.stringify, with deep-nesting markers replaced by the nested arrays they stand for. */
export function toJsonText(value: unknown): string {
  const text = JSON.stringify(value) ?? 'null';
  const escaped = JSON.stringify(DEEP_MARKER).slice(1, -1);
  return text.replace(new RegExp(`"${escapeRegExp(escaped)}(\\d+)${escapeRegExp(escaped)}"`, 'g'), (_whole, depth: string) => nestedArrays(Number(depth)));
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

const ACTIVITY_TYPES = [
  'message', 'event', 'conversationUpdate', 'invoke', 'typing', 'messageReaction', 'installationUpdate', 'endOfConversation',
  'handoff', 'command', 'commandResult', 'trace', 'delay', 'messageUpdate', 'messageDelete', 'suggestion', 'contactRelationUpdate',
];

/** A shape-checked field: a valid value, absent, or a wrong one (which the server must refuse). */
interface Slot {
  readonly value: Json;
  readonly state: 'valid' | 'absent' | 'invalid';
}

const ABSENT = Symbol('absent');

function slot(valid: fc.Arbitrary<Json>, invalid: fc.Arbitrary<Json>, absentWeight = 1, invalidWeight = 1): fc.Arbitrary<Slot> {
  return fc.oneof(
    { weight: 10, arbitrary: valid.map((value): Slot => ({ value, state: 'valid' })) },
    { weight: absentWeight, arbitrary: fc.constant<Slot>({ value: ABSENT, state: 'absent' }) },
    { weight: invalidWeight, arbitrary: invalid.map((value): Slot => ({ value, state: 'invalid' })) },
  );
}

/** A string 1..max characters long. */
const boundedString = (max: number) => fc.string({ unit: 'binary', minLength: 1, maxLength: Math.min(max, 24) });

const account = (idArb: fc.Arbitrary<string>) =>
  fc.record(
    { id: idArb, name: fc.oneof(weirdText, wrongType), role: fc.constantFrom('user', 'bot', 'skill', 'x'), aadObjectId: fc.oneof(fc.uuid(), wrongType) },
    { requiredKeys: ['id'] },
  );

/** An id for a fresh conversation: random, so runs rarely share state (and harmlessly when they do). */
const conversationIdArb = fc.oneof(
  { weight: 6, arbitrary: fc.uuid().map((id) => `fuzz-${id}`) },
  { weight: 2, arbitrary: boundedString(1000) },
  { weight: 1, arbitrary: fc.constantFrom('__proto__', 'constructor', 'a/b/../c', 'a%2Fb', ' ', '\u0000', 'x'.repeat(1000)) },
);

/** A generated activity and what the server should do with it. */
export interface GeneratedActivity {
  readonly activity: MutableActivity;
  /** Every shape-checked field is valid: the server must accept it (2xx). */
  readonly valid: boolean;
}

/** Arbitrary activities for POST /api/messages: every field right, missing or of a wrong type. */
export function activityArb(sinkUrl: string, options: FuzzOptions): fc.Arbitrary<GeneratedActivity> {
  const typeSlot = slot(
    fc.oneof({ weight: 6, arbitrary: fc.constant('message') }, { weight: 4, arbitrary: fc.constantFrom(...ACTIVITY_TYPES) }, { weight: 1, arbitrary: boundedString(100) }),
    fc.oneof(wrongType, fc.constant('x'.repeat(101))),
  );
  const channelSlot = slot(
    fc.oneof({ weight: 5, arbitrary: fc.constantFrom('webchat', 'msteams', 'emulator', 'directline', 'test', 'slack') }, { weight: 1, arbitrary: boundedString(100) }),
    fc.oneof(wrongType, fc.constant('c'.repeat(101))),
  );
  // Invalid accounts are never objects with a usable id (a random object can have one).
  const invalidAccount = fc.oneof(notAnObject, fc.constant({}), fc.record({ id: fc.oneof(notAString, fc.constant(''), fc.constant('x'.repeat(1001))) }));
  const conversationSlot = slot(
    fc.record({
      id: conversationIdArb,
      extra: fc.option(fc.record({ isGroup: fc.oneof(fc.boolean(), wrongType), conversationType: fc.oneof(fc.constantFrom('personal', 'groupChat', 'channel'), wrongType), tenantId: fc.oneof(fc.uuid(), wrongType), name: weirdText }, { requiredKeys: [] })),
    }).map(({ id, extra }) => ({ ...(extra ?? {}), id })),
    invalidAccount,
    1,
    2,
  );
  const fromSlot = slot(account(fc.oneof(fc.constant('fuzz-user'), boundedString(1000))), invalidAccount);
  const recipientSlot = slot(account(fc.constantFrom('bot', 'support-bot', '28:bot-id')), invalidAccount);
  // deliveryMode and serviceUrl decide together whether the activity is well formed.
  const delivery = fc.oneof(
    { weight: 8, arbitrary: fc.record({ deliveryMode: fc.constant<Json>('expectReplies'), serviceUrl: fc.oneof(fc.constant<Json>(ABSENT), fc.constant<Json>(sinkUrl), weirdText), valid: fc.constant(true) }) },
    { weight: 2, arbitrary: fc.record({ deliveryMode: fc.constantFrom<Json>(ABSENT, 'normal', 'notification'), serviceUrl: fc.constant<Json>(sinkUrl), valid: fc.constant(true) }) },
    { weight: 1, arbitrary: fc.record({ deliveryMode: fc.constantFrom<Json>(ABSENT, 'normal'), serviceUrl: fc.oneof(fc.constant<Json>(ABSENT), fc.constantFrom<Json>('ftp://127.0.0.1/', 'javascript:alert(1)', 'not a url', '//127.0.0.1', 'http//x', 'x'.repeat(2001))), valid: fc.constant(false) }) },
    { weight: 1, arbitrary: fc.record({ deliveryMode: fc.oneof(notAString, fc.constant('d'.repeat(51))), serviceUrl: fc.constant<Json>(sinkUrl), valid: fc.constant(false) }) },
    { weight: 1, arbitrary: fc.record({ deliveryMode: fc.constant<Json>('expectReplies'), serviceUrl: fc.oneof(notAString, fc.constant('s'.repeat(2001))), valid: fc.constant(false) }) },
  );
  const textSlot = slot(userText, notAString, 2, 1);
  const maxDepth = 20_000;
  const free = fc.record(
    {
      id: fc.oneof(weirdText, wrongType),
      value: payload(maxDepth),
      name: fc.oneof(fc.constantFrom('webchat/join', 'webchat/join ', 'WEBCHAT/JOIN', 'handoff.initiate', 'x'), wrongType),
      locale: fc.oneof(fc.constantFrom('en-US', 'es-US', 'ar-SA', 'zz', ''), weirdText, wrongType),
      localTimezone: fc.oneof(fc.constantFrom('America/Phoenix', 'Pacific/Honolulu', 'Mars/Olympus_Mons', 'UTC', '+05:30', 'Etc/GMT+14', '../../etc/passwd'), weirdText, wrongType),
      localTimestamp: fc.oneof(fc.constantFrom('2026-01-15T10:00:00-07:00', 'not a date', '9999-99-99T99:99:99Z'), wrongType),
      timestamp: fc.oneof(fc.constantFrom('2026-01-15T10:00:00Z', 'yesterday', ''), wrongType),
      textFormat: fc.oneof(fc.constantFrom('plain', 'markdown', 'xml', 'html'), wrongType),
      entities: fc.oneof(
        fc.array(
          fc.oneof(
            fc.record({ type: fc.constant('clientInfo'), timezone: fc.oneof(fc.constantFrom('America/New_York', 'Nowhere/City', ''), wrongType), locale: fc.oneof(fc.string(), wrongType) }),
            fc.record({ type: fc.constant('mention'), mentioned: fc.oneof(fc.record({ id: fc.constantFrom('bot', '28:bot-id'), name: fc.oneof(weirdText, wrongType) }), wrongType), text: fc.oneof(fc.constantFrom('<at>Bot</at>', '<at>'), wrongType) }),
            anyJson,
          ),
          { maxLength: 4 },
        ),
        wrongType,
      ),
      attachments: fc.oneof(fc.array(fc.oneof(fc.record({ contentType: fc.oneof(fc.constantFrom('application/vnd.microsoft.card.adaptive', 'image/png'), wrongType), content: anyJson, contentUrl: fc.oneof(weirdText, wrongType) }), anyJson), { maxLength: 3 }), wrongType),
      channelData: fc.oneof(fc.record({ tenant: fc.oneof(fc.record({ id: fc.oneof(fc.uuid(), wrongType) }), wrongType), clientActivityID: fc.oneof(fc.string(), wrongType), postBack: fc.boolean() }, { requiredKeys: [] }), payload(maxDepth)),
      membersAdded: fc.oneof(fc.array(fc.oneof(account(fc.constantFrom('fuzz-user', 'bot')), anyJson), { maxLength: 3 }), wrongType),
      membersRemoved: fc.oneof(fc.array(anyJson, { maxLength: 3 }), wrongType),
      replyToId: fc.oneof(weirdText, wrongType),
      relatesTo: fc.oneof(anyJson),
      action: fc.oneof(fc.constantFrom('add', 'remove'), wrongType),
      reactionsAdded: fc.oneof(fc.array(anyJson, { maxLength: 2 }), wrongType),
      suggestedActions: anyJson,
      callerId: fc.oneof(weirdText, wrongType),
      label: fc.oneof(weirdText, wrongType),
      valueType: fc.oneof(weirdText, wrongType),
      listenFor: anyJson,
      semanticAction: anyJson,
      importance: fc.oneof(weirdText, wrongType),
    },
    { requiredKeys: [] },
  );
  const extraKeys = fc.array(fc.tuple(objectKey, anyJson), { maxLength: 3 });

  return fc
    .record({ type: typeSlot, channelId: channelSlot, conversation: conversationSlot, from: fromSlot, recipient: recipientSlot, text: textSlot, delivery, free, extraKeys })
    .map(({ type, channelId, conversation, from, recipient, text, delivery: mode, free: rest, extraKeys: extras }) => {
      const activity: MutableActivity = jsonObject(extras);
      Object.assign(activity, rest);
      const slots: Record<string, Slot> = { type, channelId, conversation, from, recipient, text };
      for (const [key, filled] of Object.entries(slots)) {
        if (filled.value === ABSENT) delete activity[key];
        else activity[key] = filled.value;
      }
      for (const key of ['deliveryMode', 'serviceUrl'] as const) {
        if (mode[key] === ABSENT) delete activity[key];
        else activity[key] = mode[key];
      }
      // Never let the bot reply to anything but the local sink.
      activity.serviceUrl = loopbackOnly(activity.serviceUrl, sinkUrl);
      const required = [type, channelId, conversation, from].every((filled) => filled.state === 'valid');
      const optional = [recipient, text].every((filled) => filled.state !== 'invalid');
      const repaired = avoidKnownBugs(activity, options);
      return { activity: repaired, valid: required && optional && mode.valid && serviceUrlIsValid(repaired) && envelopeIsCarriable(repaired) };
    });
}

/**
 * What the adapter and the reply need of the envelope, written out independently of the
 * server's shape check: ids and names are strings without control characters or lone
 * surrogates, lists are lists of objects (accounts with a string id, entities with a string
 * type), and value and channelData nest at most 32 levels.
 */
function envelopeIsCarriable(activity: MutableActivity): boolean {
  const text = (value: Json, max: number) =>
    typeof value === 'string' && value.length <= max && !/[\u0000-\u001f\u007f]/.test(value) && !new RegExp(LONE_SURROGATE.source).test(value);
  const optionalText = (value: Json, max: number) => value === undefined || text(value, max);
  const accountOk = (value: Json, required: boolean) => {
    if (value === undefined) return !required;
    if (!isPlainObject(value)) return false;
    return text(value.id, 1000) && (value.id as string).length > 0 && optionalText(value.name, 1000) && optionalText(value.aadObjectId, 200) && optionalText(value.role, 50);
  };
  const list = (value: Json, max: number, each: (item: Json) => boolean) => value === undefined || (Array.isArray(value) && value.length <= max && value.every(each));
  const conversation = activity.conversation;
  return (
    text(activity.type, 100) &&
    text(activity.channelId, 100) &&
    accountOk(conversation, true) &&
    (!isPlainObject(conversation) || optionalText(conversation.tenantId, 200)) &&
    accountOk(activity.from, true) &&
    accountOk(activity.recipient, false) &&
    optionalText(activity.id, 1000) &&
    optionalText(activity.locale, 50) &&
    optionalText(activity.localTimezone, 100) &&
    optionalText(activity.name, 200) &&
    (activity.text === undefined || typeof activity.text === 'string') &&
    list(activity.entities, 50, (entity) => isPlainObject(entity) && text(entity.type, 200)) &&
    list(activity.membersAdded, 100, (member) => accountOk(member, true)) &&
    list(activity.membersRemoved, 100, (member) => accountOk(member, true)) &&
    depthOf(activity.value) <= 32 &&
    depthOf(activity.channelData) <= 32
  );
}

function parsedOrUndefined(text: string): Json {
  try {
    return JSON.parse(text) as Json;
  } catch {
    return undefined;
  }
}

/** How deeply a JSON value nests (0 for a scalar), counted without recursion. */
function depthOf(value: Json): number {
  let deepest = 0;
  const stack: Array<[Json, number]> = [[value, 0]];
  while (stack.length > 0) {
    const [node, depth] = stack.pop()!;
    if (node === null || typeof node !== 'object') continue;
    deepest = Math.max(deepest, depth + 1);
    if (deepest > 64) return deepest;
    for (const child of Object.values(node as object)) stack.push([child as Json, depth + 1]);
  }
  return deepest;
}

function serviceUrlIsValid(activity: MutableActivity): boolean {
  const { serviceUrl, deliveryMode } = activity;
  if (serviceUrl !== undefined && (typeof serviceUrl !== 'string' || serviceUrl.length > 2000)) return false;
  if (deliveryMode === 'expectReplies') return true;
  return typeof serviceUrl === 'string' && /^https?:\/\//i.test(serviceUrl);
}

/** A serviceUrl the bot could reply to is always the local sink; anything else is left as is. */
export function loopbackOnly(serviceUrl: Json, sinkUrl: string): Json {
  if (typeof serviceUrl !== 'string') return serviceUrl;
  let url: URL;
  try {
    url = new URL(serviceUrl);
  } catch {
    return serviceUrl;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return serviceUrl;
  return serviceUrl === sinkUrl ? serviceUrl : sinkUrl;
}

// ---------------------------------------------------------------------------------------------
// The app under test, on loopback
// ---------------------------------------------------------------------------------------------

/** A raw HTTP request: anything a client could send. */
export interface RawRequest {
  readonly method: string;
  readonly path: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly body?: string | Buffer;
}

/** What came back, or why nothing did (status -1). */
export interface RawAnswer {
  readonly status: number;
  readonly body: string;
  readonly error?: string;
}

/** The real app (bot, /api/messages, local Direct Line) on 127.0.0.1, and a reply sink. */
export interface FuzzApp {
  readonly url: string;
  /** Where activities without expectReplies make the bot reply: a loopback server that says 200. */
  readonly sinkUrl: string;
  readonly content: Content;
  readonly config: Config;
  readonly matcher: Matcher;
  /** The Direct Line token secret, so tests can forge tokens signed by the server's own key. */
  readonly tokenSecret: string;
  /** The service's clock (milliseconds), for tokens the tests forge. */
  directLineNow(): number;
  /** Error-level log lines since the last call. */
  takeErrorLogs(): string[];
  request(request: RawRequest, timeoutMs?: number): Promise<RawAnswer>;
  stop(): Promise<void>;
}

export interface FuzzAppOptions {
  readonly knowledgeDir: string;
  readonly dialogsDir: string;
  readonly publicDir: string;
  /** Extra configuration variables. */
  readonly variables?: Record<string, string>;
}

const MAX_LOG_LINES = 200;
const MAX_ANSWER_BYTES = 8 * 1024 * 1024;

/** Starts the service as `npm start` composes it (memory state, local Direct Line), on a free loopback port. */
export async function startFuzzApp(options: FuzzAppOptions): Promise<FuzzApp> {
  const tokenSecret = randomBytes(24).toString('base64url');
  const config = parseConfig({
    LOG_LEVEL: 'warn',
    HOST: '127.0.0.1',
    DIRECT_LINE_TOKEN_SECRET: tokenSecret,
    // The fuzzer sends hundreds of requests a second from one address into a few conversations:
    // rate limits high enough not to answer its checks 429; tokens and idle conversations need
    // long lives to outlast a long run.
    RATE_LIMIT_CLIENT_PER_MINUTE: '1000000',
    RATE_LIMIT_MESSAGES_PER_MINUTE: '1000000',
    RATE_LIMIT_POLLS_PER_MINUTE: '1000000',
    DIRECT_LINE_TOKEN_TTL_SECONDS: String(10 * 365 * 24 * 3600),
    DIRECT_LINE_IDLE_MINUTES: String(10 * 365 * 24 * 60),
    DIRECT_LINE_NEW_PER_MINUTE: '1000000',
    RATE_LIMIT_API_PER_MINUTE: '1000000',
    // Replies without expectReplies go to the fuzzer's loopback sink.
    DEV_LOCAL_TOOLS: 'true',
    ...options.variables,
  });
  const content = loadBotContent({ knowledgeDir: options.knowledgeDir, dialogsDir: options.dialogsDir });
  let errorLines: string[] = [];
  const destination = new Writable({
    write(chunk: Buffer, _encoding, callback) {
      const line = chunk.toString('utf8');
      const level = /"level":(\d+)/.exec(line);
      if (level && Number(level[1]) >= 50 && errorLines.length < MAX_LOG_LINES) errorLines.push(line.slice(0, 600));
      callback();
    },
  });
  const logger = createLogger(config.LOG_LEVEL, destination);
  const clock = () => Date.now();
  const service = await startService({
    config,
    clock,
    logger,
    content,
    storage: new MemoryStorage(),
    storageKind: 'memory',
    port: 0,
    host: '127.0.0.1',
    version: 'fuzz',
    publicDir: options.publicDir,
  });
  const { url } = service;

  const sink = createHttpServer((req, res) => {
    req.resume();
    req.on('end', () => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ id: `sink-${randomBytes(4).toString('hex')}` }));
    });
  });
  await new Promise<void>((resolve) => sink.listen(0, '127.0.0.1', () => resolve()));
  const sinkUrl = `http://127.0.0.1:${(sink.address() as AddressInfo).port}/`;
  const agent = new Agent({ keepAlive: true, maxSockets: 8 });

  return {
    url,
    sinkUrl,
    content,
    config,
    matcher: service.matcher,
    tokenSecret,
    directLineNow: clock,
    takeErrorLogs() {
      const lines = errorLines;
      errorLines = [];
      return lines;
    },
    request: (request, timeoutMs) => rawRequest(url, request, agent, timeoutMs),
    stop: async () => {
      agent.destroy();
      await Promise.all([closeServer(sink), service.stop()]);
      service.http.server.server.closeAllConnections();
    },
  };
}

function closeServer(server: HttpServer): Promise<void> {
  return new Promise((resolve) => {
    server.close(() => resolve());
    server.closeAllConnections();
  });
}

/** Sends one request; a socket error or no answer within the timeout is status -1. */
export function rawRequest(baseUrl: string, request: RawRequest, agent?: Agent, timeoutMs = 5_000): Promise<RawAnswer> {
  const base = new URL(baseUrl);
  return new Promise((resolve) => {
    let settled = false;
    const finish = (answer: RawAnswer) => {
      if (settled) return;
      settled = true;
      resolve(answer);
    };
    const req = httpRequest(
      { host: base.hostname, port: base.port, method: request.method, path: request.path, headers: request.headers, agent: agent ?? false },
      (res) => {
        const chunks: Buffer[] = [];
        let size = 0;
        res.on('data', (chunk: Buffer) => {
          size += chunk.length;
          if (size <= MAX_ANSWER_BYTES) chunks.push(chunk);
        });
        res.on('end', () => finish({ status: res.statusCode ?? -1, body: Buffer.concat(chunks).toString('utf8') }));
        res.on('error', (error) => finish({ status: -1, body: '', error: error.message }));
      },
    );
    req.setTimeout(timeoutMs, () => {
      req.destroy(new Error(`no answer within ${timeoutMs} ms`));
    });
    req.on('error', (error) => finish({ status: -1, body: '', error: error.message }));
    req.end(request.body);
  });
}

/** Records unhandled rejections and uncaught exceptions of a process (in Jest: the real one). */
export interface ProcessFailures {
  /** What happened since the last call, as short descriptions. */
  take(): string[];
  stop(): void;
}

export function watchProcess(target: NodeJS.Process): ProcessFailures {
  let seen: string[] = [];
  const describe = (kind: string) => (reason: unknown) => {
    seen.push(`${kind}: ${reason instanceof Error ? `${reason.name}: ${reason.message}` : String(reason)}`.slice(0, 500));
  };
  const onRejection = describe('unhandled rejection');
  const onException = describe('uncaught exception');
  target.on('unhandledRejection', onRejection);
  target.on('uncaughtException', onException);
  return {
    take() {
      const failures = seen;
      seen = [];
      return failures;
    },
    stop() {
      target.off('unhandledRejection', onRejection);
      target.off('uncaughtException', onException);
    },
  };
}

// ---------------------------------------------------------------------------------------------
// Talking to the bot
// ---------------------------------------------------------------------------------------------

/** The question every health check asks, and a sentence its answer must contain. */
export const NORMAL_QUESTION = 'what do I need to register?';

/** The first line of the what-you-need article's answer. */
export function normalAnswerSentence(content: Content): string {
  const article = content.articles.get('what-you-need');
  if (!article) throw new Error('knowledge/articles/what-you-need.yaml is missing');
  return article.answer.split('\n')[0].trim();
}

/** A well-formed user message with expectReplies. */
export function userActivity(conversationId: string, text: unknown, extra: MutableActivity = {}): MutableActivity {
  return {
    type: 'message',
    id: `${conversationId}-${randomBytes(4).toString('hex')}`,
    channelId: 'webchat',
    deliveryMode: 'expectReplies',
    conversation: { id: conversationId },
    from: { id: `user-${conversationId}`, name: 'User' },
    recipient: { id: 'bot', name: 'Bot' },
    text,
    locale: 'en-US',
    ...extra,
  };
}

const JSON_HEADERS = { 'content-type': 'application/json' };

/** POSTs an activity to /api/messages; the replies when the answer is a 200 with expectReplies. */
export async function postActivity(app: FuzzApp, activity: MutableActivity): Promise<{ answer: RawAnswer; replies: Array<Partial<Activity>> }> {
  const answer = await app.request({ method: 'POST', path: '/api/messages', headers: JSON_HEADERS, body: toJsonText(activity) });
  let replies: Array<Partial<Activity>> = [];
  if (answer.status === 200 && answer.body) {
    try {
      replies = ((JSON.parse(answer.body) as { activities?: Array<Partial<Activity>> }).activities ?? []).filter(Boolean);
    } catch {
      replies = [];
    }
  }
  return { answer, replies };
}

/** Raised by a property when the app misbehaved; the message lists every problem. */
export class FuzzFailure extends Error {
  constructor(readonly problems: readonly string[]) {
    super(problems.join('\n'));
    this.name = 'FuzzFailure';
  }
}

/** The environment of the HTTP properties. */
export interface HttpEnv {
  readonly app: FuzzApp;
  readonly failures: ProcessFailures;
  readonly options: FuzzOptions;
}

let healthChecks = 0;

/**
 * What must hold after any request, however malformed: nothing crashed or was logged at error
 * level, /healthz answers 200, and a fresh conversation still gets its answer.
 */
export async function afterRequestProblems(env: HttpEnv): Promise<string[]> {
  const problems: string[] = [];
  // Let anything the request left behind (a rejected promise, a late error) surface first.
  await new Promise((resolve) => setImmediate(resolve));
  const health = await env.app.request({ method: 'GET', path: '/healthz', headers: {} });
  if (health.status !== 200) problems.push(`GET /healthz answered ${health.status} ${health.error ?? ''}`);
  healthChecks += 1;
  const { answer, replies } = await postActivity(env.app, userActivity(`fuzz-check-${process.pid}-${healthChecks}-${randomBytes(3).toString('hex')}`, NORMAL_QUESTION));
  const sentence = normalAnswerSentence(env.app.content);
  if (answer.status !== 200) problems.push(`a normal turn afterwards answered ${answer.status} ${answer.error ?? answer.body.slice(0, 200)}`);
  else if (!replyText(replies).includes(sentence)) problems.push(`a normal turn afterwards did not get its answer: ${JSON.stringify(replyText(replies).slice(0, 300))}`);
  problems.push(...env.failures.take());
  problems.push(...env.app.takeErrorLogs().map((line) => `logged at error level: ${line}`));
  problems.push(...prototypeProblems());
  return problems;
}

/** The built-in prototypes as they were when this module loaded. */
const PROTOTYPES: ReadonlyArray<readonly [string, object, string]> = [
  ['Object.prototype', Object.prototype, Object.getOwnPropertyNames(Object.prototype).sort().join(',')],
  ['Array.prototype', Array.prototype, Object.getOwnPropertyNames(Array.prototype).sort().join(',')],
  ['Function.prototype', Function.prototype, Object.getOwnPropertyNames(Function.prototype).sort().join(',')],
];

/** `__proto__` and `constructor.prototype` keys in requests must never reach the built-in prototypes. */
export function prototypeProblems(): string[] {
  return PROTOTYPES.filter(([, prototype, names]) => Object.getOwnPropertyNames(prototype).sort().join(',') !== names).map(
    ([name, prototype, names]) => `${name} was polluted: now has ${Object.getOwnPropertyNames(prototype).filter((key) => !names.split(',').includes(key)).join(', ')}`,
  );
}

function statusProblem(label: string, answer: RawAnswer, accept: (status: number) => boolean, expected: string): string[] {
  if (answer.status === -1) return [`${label}: no answer (${answer.error ?? 'socket closed'})`];
  if (answer.status >= 500) return [`${label}: answered ${answer.status} (5xx): ${answer.body.slice(0, 200)}`];
  return accept(answer.status) ? [] : [`${label}: answered ${answer.status}, expected ${expected}: ${answer.body.slice(0, 200)}`];
}

const isClientError = (status: number) => status >= 400 && status < 500;
const isSuccess = (status: number) => status >= 200 && status < 300;

// ---------------------------------------------------------------------------------------------
// Requests to /api/messages
// ---------------------------------------------------------------------------------------------

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

const CONTENT_TYPES_ACCEPTED = ['application/json', 'application/json; charset=utf-8', 'Application/JSON', 'application/json;charset=UTF-8'];
const CONTENT_TYPES_OTHER = ['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', 'application/octet-stream', 'text/html', 'application/xml', 'application/jsonp', 'garbage', '*/*', ''];

/** Headers a client may add that must change nothing (never a JWT: the SDK would fetch keys online). */
const harmlessHeaders = fc.dictionary(
  fc.constantFrom('x-forwarded-for', 'x-ms-conversation-id', 'user-agent', 'accept', 'accept-encoding', 'x-custom', 'origin', 'referer', 'cookie', 'if-none-match', 'x-http-method-override'),
  fc.stringMatching(/^[\x20-\x7e]{0,40}$/),
  { maxKeys: 3 },
);

/** Arbitrary requests to POST /api/messages. */
export function messagesRequestArb(app: FuzzApp, options: FuzzOptions): fc.Arbitrary<MessagesRequest> {
  const cap = app.config.MAX_BODY_BYTES;
  const activity = activityArb(app.sinkUrl, options);
  const post = (label: string, body: string | Buffer, expect: MessagesRequest['expect'], headers: Record<string, string> = JSON_HEADERS): MessagesRequest => ({
    label,
    request: { method: 'POST', path: '/api/messages', headers, body },
    expect,
  });
  const sized = (body: string, label: string, headers: Record<string, string> = JSON_HEADERS): MessagesRequest =>
    Buffer.byteLength(body) > cap ? post(`${label} (over the cap)`, body, 'too-large', headers) : post(label, body, 'any', headers);

  const wellFormed = fc.tuple(activity, harmlessHeaders).map(([generated, headers]): MessagesRequest => {
    const body = toJsonText(generated.activity);
    if (Buffer.byteLength(body) > cap) return post('activity over the cap', body, 'too-large', { ...JSON_HEADERS, ...headers });
    return { ...post(generated.valid ? 'valid activity' : 'malformed activity', body, generated.valid ? 'ok' : 'client-error', { ...JSON_HEADERS, ...headers }), activity: generated.activity };
  });
  const nonObjectJson = anyJson.filter((value) => !isPlainObject(value)).map((value) => post('JSON that is not an object', toJsonText(value), 'client-error'));
  const truncated = fc.tuple(activity, fc.double({ min: 0, max: 1, noNaN: true })).map(([generated, fraction]) => {
    const text = toJsonText(generated.activity);
    const body = text.slice(0, Math.floor(text.length * fraction));
    return body.length === text.length ? sized(body, 'whole activity') : post('truncated JSON', body, body.length === 0 ? 'any' : 'client-error');
  });
  const garbageBytes = fc.uint8Array({ maxLength: 2048 }).map((bytes) => post('random bytes', Buffer.from(bytes), 'any'));
  const invalidUtf8 = activity.map((generated) => {
    const text = toJsonText({ ...generated.activity, text: '@@@' });
    const [before, after] = text.split('@@@');
    const body = before === undefined || after === undefined ? Buffer.from(text) : Buffer.concat([Buffer.from(before), Buffer.from([0xff, 0xfe, 0xc0, 0x80, 0xed, 0xa0, 0x80]), Buffer.from(after)]);
    return post('invalid UTF-8 in text', body, 'any');
  });
  const deep = fc.tuple(fc.constantFrom(1_000, 10_000, 50_000, 100_000, 120_000), fc.constantFrom('body', 'value', 'channelData', 'text', 'conversation')).map(([depth, where]) => {
    const base = userActivity(`fuzz-deep-${depth}-${where}`, 'hello');
    const nested = `${DEEP_MARKER}${depth}${DEEP_MARKER}`;
    const body = where === 'body' ? nestedArrays(depth) : toJsonText({ ...base, [where]: where === 'channelData' ? { tenant: nested } : nested });
    return sized(body, `${depth} nested arrays in ${where}`);
  });
  // Text sized around the cap: just under is a normal (too long) message, just over is 413.
  // Sent with a Content-Length, or chunked (no length up front: the cap must be counted as it comes).
  const huge = fc.tuple(fc.integer({ min: -4_000, max: 60_000 }), fc.constantFrom('x', 'é', '😀', '\u0000', '\\'), fc.boolean()).map(([delta, unit, chunked]) => {
    const frame = toJsonText(userActivity('fuzz-huge', ''));
    const unitBytes = Buffer.byteLength(JSON.stringify(unit)) - 2;
    const count = Math.max(0, Math.floor((cap + delta - Buffer.byteLength(frame)) / unitBytes));
    const headers = chunked ? { ...JSON_HEADERS, 'transfer-encoding': 'chunked' } : JSON_HEADERS;
    return sized(toJsonText(userActivity('fuzz-huge', unit.repeat(count))), `text of ${count} × ${JSON.stringify(unit)}${chunked ? ', chunked' : ''}`, headers);
  });
  const contentTypes = fc.tuple(activity, fc.constantFrom(...CONTENT_TYPES_ACCEPTED, ...CONTENT_TYPES_OTHER)).map(([generated, type]) => {
    const body = toJsonText(generated.activity);
    const headers: Record<string, string> = type === '' ? {} : { 'content-type': type };
    if (Buffer.byteLength(body) > cap) return post(`content-type ${type}, over the cap`, body, 'too-large', headers);
    const json = CONTENT_TYPES_ACCEPTED.includes(type);
    return post(`content-type ${JSON.stringify(type)}`, body, json && generated.valid ? 'ok' : json ? 'client-error' : 'any', headers);
  });
  const gzipHeaders = { ...JSON_HEADERS, 'content-encoding': 'gzip' };
  const encodings = fc.tuple(activity, fc.constantFrom('gzip', 'gzip-invalid', 'gzip-bomb', 'deflate', 'br', 'identity', 'GZIP', 'x-gzip')).map(([generated, encoding]): MessagesRequest => {
    const json = toJsonText(generated.activity);
    // Compressed bodies are refused outright (415), whatever they inflate to.
    if (encoding === 'gzip') return post('gzip body', gzipSync(json), 'client-error', gzipHeaders);
    if (encoding === 'gzip-invalid') return post('content-encoding gzip, body not gzip', json, 'client-error', gzipHeaders);
    if (encoding === 'gzip-bomb') {
      // A few kilobytes on the wire, four times the cap once inflated.
      const body = gzipSync(toJsonText(userActivity('fuzz-bomb', 'x'.repeat(cap * 4))));
      return post('gzip body inflating past the cap', body, 'client-error', gzipHeaders);
    }
    if (encoding === 'identity') {
      return post('content-encoding identity', json, Buffer.byteLength(json) > cap ? 'too-large' : generated.valid ? 'ok' : 'client-error', { ...JSON_HEADERS, 'content-encoding': encoding });
    }
    return post(`content-encoding ${encoding}`, json, 'client-error', { ...JSON_HEADERS, 'content-encoding': encoding });
  });
  const methods = fc.tuple(fc.constantFrom('GET', 'PUT', 'DELETE', 'PATCH', 'HEAD', 'OPTIONS'), activity).map(([method, generated]): MessagesRequest => ({
    label: `${method} /api/messages`,
    request: { method, path: '/api/messages', headers: JSON_HEADERS, body: method === 'GET' || method === 'HEAD' ? undefined : toJsonText(generated.activity) },
    expect: 'client-error',
  }));
  const paths = fc.tuple(fc.constantFrom('/api/messages/', '/api//messages', '/api/messages?x=%', '/api/messages?__proto__[a]=1', '/api/messages/../messages', '/api/messages%00', '/API/MESSAGES'), activity).map(([path, generated]): MessagesRequest => ({
    label: `POST ${path}`,
    request: { method: 'POST', path, headers: JSON_HEADERS, body: toJsonText(generated.activity) },
    expect: 'any',
  }));
  const authorization = fc.tuple(activity, fc.constantFrom('', 'Bearer', 'Bearer ', 'bearer nonsense', 'Basic Zm9vOmJhcg==', 'Negotiate abc', 'Bearer \u00e9')).map(([generated, header]): MessagesRequest => {
    // Latin-1 only in a header value; node refuses anything else before sending.
    const headers: Record<string, string> = { ...JSON_HEADERS, authorization: header };
    return post(`Authorization ${JSON.stringify(header)}`, toJsonText(generated.activity), 'any', headers);
  });

  return fc.oneof(
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
  ).filter((request) => request.bug === undefined || !options.avoid.has(request.bug));
}

/** Property: whatever is POSTed to /api/messages, the server answers it sensibly and stays well. */
export function messagesProperty(env: HttpEnv): fc.IAsyncPropertyWithHooks<[MessagesRequest]> {
  return fc.asyncProperty(messagesRequestArb(env.app, env.options), async (generated) => {
    const answer = await env.app.request(generated.request);
    const problems: string[] = [];
    const accept = {
      ok: isSuccess,
      'client-error': isClientError,
      'too-large': (status: number) => status === 413,
      any: (status: number) => status < 500,
    }[generated.expect];
    problems.push(...statusProblem(generated.label, answer, accept, generated.expect));
    problems.push(...(await sameConversationProblems(env, generated.activity)));
    problems.push(...(await afterRequestProblems(env)));
    if (problems.length > 0) throw new FuzzFailure(problems);
  });
}

/**
 * The conversation the activity named (when it named one the server could take) still answers
 * a normal question from the same user: whatever the activity did, it did not break the next turn.
 */
async function sameConversationProblems(env: HttpEnv, activity: MutableActivity | undefined): Promise<string[]> {
  if (!activity) return [];
  const { conversation, channelId, from } = activity;
  if (!isPlainObject(conversation) || typeof conversation.id !== 'string' || conversation.id.length === 0 || conversation.id.length > 1000) return [];
  if (typeof channelId !== 'string' || channelId.length === 0 || channelId.length > 100) return [];
  const user = isPlainObject(from) && typeof from.id === 'string' && from.id.length > 0 && from.id.length <= 1000 ? { id: from.id } : { id: 'fuzz-user' };
  const followUp = userActivity(conversation.id, NORMAL_QUESTION, { channelId, from: user });
  // A conversation the envelope rules refuse (control characters in its ids) has no next turn.
  if (!envelopeIsCarriable(followUp)) return [];
  const { answer, replies } = await postActivity(env.app, followUp);
  const sentence = normalAnswerSentence(env.app.content);
  if (answer.status !== 200) return [`the next turn in the same conversation answered ${answer.status} ${answer.error ?? answer.body.slice(0, 200)}`];
  if (!replyText(replies).includes(sentence)) return [`the next turn in the same conversation did not get its answer: ${JSON.stringify(replyText(replies).slice(0, 300))}`];
  return [];
}

// ---------------------------------------------------------------------------------------------
// A flow survives garbage turns
// ---------------------------------------------------------------------------------------------

/** A flow whose first step asks a question with buttons. */
interface StartableFlow {
  readonly flow: Flow;
  readonly start: FlowStep;
}

function startableFlows(content: Content, context: FlowContext): StartableFlow[] {
  return [...content.flows.values()]
    .map((flow) => ({ flow, start: startFlow(flow, content.flowVersions.get(flow.id) ?? '', context) }))
    .filter(({ flow, start }) => start.state !== undefined && flow.nodes[start.state.nodeId]?.kind === 'ask');
}

/** The flow context the bot builds, for predicting its replies with the pure engine. */
export function engineContext(content: Content, today: string): FlowContext {
  return {
    today,
    texts: content.texts,
    article: (id) => {
      const article = content.articles.get(id);
      return article ? [{ text: article.answer }] : [];
    },
    helpdesk: () => fakeHelpdeskCard,
    computations,
    language: createLanguage(content.routing),
  };
}

const fakeHelpdeskCard: HelpdeskCard = {
  title: 'Help desk',
  status: 'open',
  number: '000',
  telLink: 'tel:000',
  callLabel: 'Call',
  hours: 'always',
  stepsTitle: 'Steps',
  steps: [],
  haveReadyTitle: 'Have ready',
  haveReady: [],
};

/**
 * Turns that must leave a running flow exactly where it was: bodies the server refuses,
 * activities that are not messages, messages without readable text (and no valid button), messages
 * over MAX_MESSAGE_LENGTH, and stale buttons from another question.
 */
export function inertTurnArb(conversationId: string, flowId: string, nodeId: string, maxMessageLength: number, options: FuzzOptions): fc.Arbitrary<{ label: string; body: string }> {
  const base = (extra: MutableActivity) => avoidKnownBugs(userActivity(conversationId, undefined, extra), options);
  const invalidValue = fc.oneof(anyJson, choiceValueLike).filter((value) => parseChoiceValue(value) === undefined);
  const noText = fc.oneof(
    wrongType.filter((value) => typeof value !== 'string'),
    fc.constantFrom<Json>(ABSENT, '', '   ', '\n\t', '\u00a0', '\u2028', '\ufeff  ', '\r\n'),
  );
  const withText = (text: Json, extra: MutableActivity): MutableActivity => {
    const activity = base(extra);
    if (text === ABSENT) delete activity.text;
    else activity.text = text;
    return activity;
  };
  const json = (label: string) => (activity: MutableActivity) => ({ label, body: toJsonText(activity) });
  return fc.oneof(
    fc.oneof(
      fc.constantFrom('', '{', '[]', 'null', '"text"', '{"type":"message"}', nestedArrays(5_000)),
      fc.uint8Array({ maxLength: 200 }).map((bytes) => Buffer.from(bytes).toString('latin1')),
      anyJson.filter((value) => !isPlainObject(value)).map((value) => toJsonText(value)),
      fc.constant(toJsonText({ ...userActivity(conversationId, 'yes'), conversation: { id: 5 } })),
      fc.constant(toJsonText({ ...userActivity(conversationId, 'yes'), type: 7 })),
    ).map((body) => ({ label: 'a body the server refuses', body })),
    fc.tuple(noText, fc.option(invalidValue, { nil: undefined })).map(([text, value]) => withText(text, value === undefined ? {} : { value })).map(json('a message without text')),
    // Ends in "x", so it is still over the limit once trimmed.
    fc.tuple(fc.integer({ min: maxMessageLength + 1, max: maxMessageLength * 3 }), fc.constantFrom('yes', '1', 'cancel', 'x ', 'no ', 'help ')).map(([length, unit]) =>
      withText(`${unit.repeat(Math.ceil(length / unit.length)).slice(0, length - 1)}x`, {}),
    ).map(json('a message over the length limit')),
    fc.tuple(fc.oneof(fc.constantFrom('typing', 'event', 'messageReaction', 'installationUpdate', 'endOfConversation', 'handoff', 'trace', 'invoke', 'somethingNew'), fc.string({ minLength: 1, maxLength: 20 }).filter((type) => type !== 'message' && type !== 'conversationUpdate')), fc.oneof(weirdText, fc.constant<Json>(undefined)), anyJson).map(([type, text, value]) => {
      const activity = base({ type, value, name: type === 'event' ? `fuzz/${String(text ?? '')}`.slice(0, 50) : 'fuzz' });
      if (text === undefined) delete activity.text;
      else activity.text = text;
      return activity;
    }).map(json('an activity that is not a message')),
    fc.constant(base({ type: 'conversationUpdate', text: undefined, membersAdded: [{ id: 'someone-else' }] })).map(json('a conversationUpdate')),
    // Node ids are lower-case words, so "@stale@…" is never the pending question's.
    fc.tuple(fc.oneof(fc.constantFrom('__proto__', 'constructor'), weirdText.map((id) => `@stale@${id}`.slice(0, 100))).filter((id) => id !== nodeId), fc.oneof(fc.constantFrom('yes', 'no', '__proto__'), fc.string({ maxLength: 20 })), noText).map(([staleNode, choiceId, text]) =>
      withText(text, { value: { action: 'flow-answer', flowId, nodeId: staleNode, choiceId } }),
    ).map(json('a stale button from another question')),
  );
}

/** Property: a flow started, garbage turns in the same conversation, then a valid click still answers. */
export function flowSurvivesGarbageProperty(env: HttpEnv): fc.IAsyncPropertyWithHooks<[number, number, number, Array<{ label: string; body: string }>]> {
  const content = env.app.content;
  const today = DateTime.now().setZone(content.helpdesk.zone).toFormat('yyyy-MM-dd');
  const flows = startableFlows(content, engineContext(content, today));
  if (flows.length === 0) throw new Error('no flow starts with a question');
  let runs = 0;
  return fc.asyncProperty(
    fc.nat({ max: flows.length - 1 }),
    fc.nat(),
    fc.integer({ min: 0, max: 1_000_000 }),
    // The turns are generated for a placeholder conversation and moved to the real one.
    fc.array(inertTurnArb('@conversation@', '@flow@', '@node@', env.app.config.MAX_MESSAGE_LENGTH, env.options), { minLength: 1, maxLength: 4 }),
    async (flowIndex, choicePick, salt, turns) => {
      runs += 1;
      const { flow, start } = flows[flowIndex];
      const state = start.state as FlowState;
      const conversationId = `fuzz-flow-${process.pid}-${runs}-${salt}`;
      const problems: string[] = [];
      const started = await postActivity(env.app, userActivity(conversationId, '', { value: { action: 'start-flow', id: flow.id } }));
      const question = lastText(start);
      if (started.answer.status !== 200 || !replyText(started.replies).includes(question)) {
        throw new FuzzFailure([`starting flow ${flow.id} answered ${started.answer.status}: ${JSON.stringify(replyText(started.replies).slice(0, 300))}`]);
      }
      const buttons = replyChoices(started.replies).filter((choice) => parseChoiceValue(choice.value)?.action === 'flow-answer');
      if (buttons.length === 0) throw new FuzzFailure([`flow ${flow.id} showed no buttons`]);

      for (const turn of turns) {
        const body = turn.body
          .split('@conversation@').join(jsonInner(conversationId))
          .split('@flow@').join(jsonInner(flow.id))
          .split('@node@').join(jsonInner(state.nodeId));
        const answer = await env.app.request({ method: 'POST', path: '/api/messages', headers: JSON_HEADERS, body });
        problems.push(...statusProblem(turn.label, answer, (status) => status < 500, 'no 5xx'));
      }

      const button = buttons[choicePick % buttons.length];
      const value = parseChoiceValue(button.value) as ChoiceValue;
      const expected = answerFlow(flow, state, { text: button.title, value }, engineContext(content, today));
      const clicked = await postActivity(env.app, userActivity(conversationId, button.title, { value: button.value as Json }));
      const expectedText = expected ? lastText(expected) : '';
      if (clicked.answer.status !== 200) problems.push(`clicking "${button.title}" answered ${clicked.answer.status}`);
      else if (!expected) problems.push(`the engine does not take "${button.title}" as an answer`);
      else {
        // The next question, and not as a repeat: a click on a button whose question was already
        // answered (by a garbage turn) would show that question again after "I didn't catch that".
        const got = replyText(clicked.replies);
        const repeated = [content.texts.flowNotUnderstood, content.texts.flowResumeLead].filter((text) => got.includes(text));
        if ((expectedText && !got.includes(expectedText)) || repeated.length > 0) {
          problems.push(`after the garbage, clicking "${button.title}" in ${flow.id} did not continue the flow; expected ${JSON.stringify(expectedText.slice(0, 120))}, got ${JSON.stringify(got.slice(0, 300))}`);
        }
      }
      await new Promise((resolve) => setImmediate(resolve));
      problems.push(...env.failures.take());
      problems.push(...env.app.takeErrorLogs().map((line) => `logged at error level: ${line}`));
      problems.push(...prototypeProblems());
      if (problems.length > 0) throw new FuzzFailure(problems);
    },
  );
}

/** A string as it appears inside a JSON string literal. */
function jsonInner(text: string): string {
  return JSON.stringify(text).slice(1, -1);
}

function lastText(step: FlowStep): string {
  const texts = step.reply.map((message) => message.text).filter((text): text is string => typeof text === 'string' && text.length > 0);
  return texts[texts.length - 1] ?? '';
}

// ---------------------------------------------------------------------------------------------
// The local Direct Line
// ---------------------------------------------------------------------------------------------

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

const DL = '/v3/directline';

async function startConversation(app: FuzzApp): Promise<Grant> {
  const answer = await app.request({ method: 'POST', path: `${DL}/conversations`, headers: {} });
  if (answer.status !== 201) throw new Error(`POST ${DL}/conversations answered ${answer.status}: ${answer.body}`);
  return JSON.parse(answer.body) as Grant;
}

function bearer(token: string): Record<string, string> {
  return { authorization: `Bearer ${token}` };
}

async function postDirectLine(app: FuzzApp, grant: Grant, activity: unknown): Promise<RawAnswer> {
  return app.request({ method: 'POST', path: `${DL}/conversations/${encodeURIComponent(grant.conversationId)}/activities`, headers: { ...JSON_HEADERS, ...bearer(grant.token) }, body: toJsonText(activity) });
}

async function getDirectLine(app: FuzzApp, grant: Grant, watermark: string): Promise<RawAnswer> {
  return app.request({ method: 'GET', path: `${DL}/conversations/${encodeURIComponent(grant.conversationId)}/activities?watermark=${encodeURIComponent(watermark)}`, headers: bearer(grant.token) });
}

export async function setUpDirectLine(app: FuzzApp): Promise<DirectLineFixture> {
  const [normal, victim, own] = [await startConversation(app), await startConversation(app), await startConversation(app)];
  const victimMarker = `victim-secret-${randomBytes(8).toString('hex')}`;
  const posted = await postDirectLine(app, victim, { type: 'message', text: `my note: ${victimMarker}` });
  if (posted.status !== 200) throw new Error(`the victim's message answered ${posted.status}`);
  return { normal, victim, victimMarker, own, normalWatermark: '', ownWatermark: '' };
}

/** What the token in a generated request is. */
type TokenKind =
  | 'none' | 'own' | 'victim-as-own' | 'no-bearer' | 'garbage' | 'wrong-secret' | 'expired' | 'unknown-conversation'
  | 'bad-claims' | 'alg-none' | 'swapped-payload' | 'long';

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

function base64url(text: string): string {
  return Buffer.from(text, 'utf8').toString('base64url');
}

/** A token of the given kind, for the fixture's conversations. */
function tokenFor(kind: TokenKind, fixture: DirectLineFixture, secret: string, noise: string, nowMs: number): string | undefined {
  const now = Math.floor(nowMs / 1000);
  const claims = (conversationId: string, expiresAt = now + 600) => ({ conversationId, userId: 'dl_fuzz', issuedAt: now - 10, expiresAt });
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
      const payload = base64url(JSON.stringify({ iss: 'local-directline', conv: fixture.victim.conversationId, user: 'dl_x', iat: now, exp: now + 600 }));
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
const grantsAccess = (kind: TokenKind) => kind === 'own' || kind === 'victim-as-own';

/** Usually a valid value, now and then a wrong one. */
const mostly = (valid: fc.Arbitrary<Json>, wrong: fc.Arbitrary<Json> = wrongType): fc.Arbitrary<Json> =>
  fc.oneof({ weight: 20, arbitrary: valid }, { weight: 1, arbitrary: wrong });

/** Activities as a Direct Line client posts them: mostly well formed, some fields wrong. */
const clientActivity = (maxDepth: number) =>
  fc.record(
    {
      type: mostly(fc.constantFrom('message', 'message', 'message', 'event', 'typing'), fc.oneof(wrongType, weirdText)),
      text: mostly(userText),
      textFormat: mostly(fc.constantFrom('plain', 'markdown', 'xml')),
      name: mostly(fc.oneof(fc.constantFrom('webchat/join', 'x'), fc.string({ maxLength: 200 })), fc.oneof(wrongType, fc.constant('n'.repeat(201)))),
      value: payload(maxDepth),
      locale: mostly(fc.oneof(fc.constantFrom('en-US', 'zz'), fc.string({ maxLength: 100 }))),
      localTimezone: mostly(fc.oneof(fc.constantFrom('America/Phoenix', 'Mars/Base', ''), fc.string({ maxLength: 100 }))),
      localTimestamp: mostly(fc.string({ maxLength: 100 })),
      entities: mostly(fc.array(fc.oneof(fc.record({ type: fc.constantFrom('clientInfo', 'ClientCapabilities'), timezone: fc.oneof(fc.string(), wrongType) }), fc.array(fc.tuple(objectKey, anyJson), { maxLength: 3 }).map((entries) => jsonObject(entries))), { maxLength: 5 })),
      attachments: mostly(fc.array(fc.array(fc.tuple(objectKey, anyJson), { maxLength: 3 }).map((entries) => jsonObject(entries)), { maxLength: 10 }), fc.oneof(wrongType, fc.array(anyJson, { minLength: 11, maxLength: 12 }))),
      channelData: mostly(fc.oneof(fc.record({ clientActivityID: fc.string() }), payload(maxDepth).map((inner) => ({ inner })))),
      // Ignored: the Direct Line says who, where and where to reply.
      from: fc.oneof(fc.record({ id: fc.constantFrom('somebody-else', 'support-bot'), role: fc.constantFrom('bot', 'user') }), wrongType),
      conversation: fc.oneof(fc.record({ id: fc.constantFrom('@victim@', 'other') }), wrongType),
      serviceUrl: fc.constantFrom('http://127.0.0.1:9/', 'file:///etc/passwd'),
      id: fc.oneof(fc.string(), wrongType),
    },
    { requiredKeys: ['type'] },
  );

/** Arbitrary requests to the Direct Line (and connector) routes. */
export function directLineRequestArb(app: FuzzApp, fixture: DirectLineFixture, options: FuzzOptions): fc.Arbitrary<DirectLineRequest> {
  const cap = app.config.MAX_BODY_BYTES;
  const maxDepth = 20_000;
  const tokenKind = fc.constantFrom<TokenKind>('none', 'own', 'own', 'own', 'victim-as-own', 'no-bearer', 'garbage', 'wrong-secret', 'expired', 'unknown-conversation', 'bad-claims', 'alg-none', 'swapped-payload', 'long');
  const headerNoise = fc.stringMatching(/^[\x21-\x7e]{0,60}$/);
  const watermark = fc.oneof(
    fc.constant(undefined),
    fc.nat({ max: 50 }).map(String),
    fc.constantFrom('', '-1', '0', '1.5', '1e3', '999999999999999', '9999999999999999999999', 'NaN', '%', '%00', 'abc', '0x10', '%201', '1%0A'),
    fc.stringMatching(/^[\x21-\x7e]{0,12}$/).map(encodeURIComponent),
  );
  const extraQuery = fc.constantFrom('', '&watermark=2', '&watermark[a]=1', '&__proto__[x]=1', '&constructor[prototype][y]=2', '&watermark[]=1&watermark[]=2');
  const bodyArb = fc.oneof(
    { weight: 8, arbitrary: clientActivity(maxDepth).map((activity) => ({ text: toJsonText(activity), valid: false as boolean, activity: activity as Json })) },
    { weight: 1, arbitrary: anyJson.map((value) => ({ text: toJsonText(value), valid: false, activity: value })) },
    { weight: 1, arbitrary: fc.constantFrom('{', '', 'null', '[]', '{"type":"message",}', '\u0000').map((text) => ({ text, valid: false, activity: undefined as Json })) },
    { weight: 1, arbitrary: fc.integer({ min: -2_000, max: 40_000 }).map((delta) => {
      const activity = { type: 'message', text: 'y'.repeat(Math.max(0, cap + delta - 40)) };
      return { text: toJsonText(activity), valid: false, activity: activity as Json };
    }) },
  ).map((body) => ({
    ...body,
    // The Direct Line keeps activities of at most MAX_CLIENT_ACTIVITY_CHARS (413 past it).
    // Depth and size are judged on the text sent: deep values are spliced into it (DEEP_MARKER).
    valid:
      clientActivityIsValid(body.activity) &&
      Buffer.byteLength(body.text) <= cap &&
      body.text.length <= MAX_CLIENT_ACTIVITY_CHARS &&
      depthOf(parsedOrUndefined(body.text)) <= 34,
  }));
  const contentType = fc.oneof({ weight: 8, arbitrary: fc.constant('application/json') }, { weight: 1, arbitrary: fc.constantFrom('text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', '') });
  const target = fc.constantFrom<'own' | 'victim' | 'unknown'>('own', 'own', 'victim', 'unknown');
  const routeArb = fc.constantFrom<DirectLineRequest['route']>('start', 'generate', 'refresh', 'reconnect', 'get', 'get', 'post', 'post', 'post', 'post', 'post', 'connector', 'other');
  const otherPath = fc.oneof(
    fc.constantFrom(
      `${DL}`, `${DL}/`, `${DL}/conversations/`, `${DL}/conversations//activities`, `${DL}/conversations/%/activities`, `${DL}/conversations/%E0%A4%A/activities`,
      `${DL}/conversations/..%2F..%2Fhealthz/activities`, `${DL}/tokens`, `${DL}/session/getsessionid`, `${DL}/conversations/x/upload`,
      '/', '/index.html', '/static/../../package.json', '/%2e%2e/%2e%2e/package.json', '/..%2f..%2fpackage.json', '/webchat/../../tsconfig.json', '//etc/passwd', '/%00', '/?x=%',
      '/local-connector', '/api/directline/token',
    ),
    fc.webPath(),
  );
  const method = fc.oneof({ weight: 9, arbitrary: fc.constant('') }, { weight: 1, arbitrary: fc.constantFrom('GET', 'POST', 'PUT', 'DELETE', 'PATCH', 'OPTIONS', 'HEAD') });

  return fc
    .oneof(
      // Anything against anything: bad tokens, foreign conversations, odd routes and methods.
      { weight: 3, arbitrary: fc.record({ tokenKind, noise: headerNoise, watermark, extraQuery, body: bodyArb, contentType, target, route: routeArb, otherPath, method }) },
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
    .map(({ tokenKind: kind, noise, watermark: mark, extraQuery: extra, body, contentType: type, target: aim, route: routeName, otherPath: other, method: forcedMethod }): DirectLineRequest => {
      const conversationId = aim === 'own' ? fixture.own.conversationId : aim === 'victim' ? fixture.victim.conversationId : `unknown-${noise}`;
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
            const query = [mark === undefined ? '' : `watermark=${mark}`, extra.slice(1)].filter((part) => part.length > 0).join('&');
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
          path = `/local-connector/${encodeURIComponent(noise || 'key')}/v3/conversations/${encodeURIComponent(conversationId)}/activities`;
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
          request: { method: requestMethod, path, headers, body: body.text.split('@victim@').join(jsonInner(fixture.victim.conversationId)) },
          token: kind,
          target: named,
          route: routeName,
          validBody: body.valid && type === 'application/json',
        };
      }
      return { label: `${requestMethod} ${routeName} (${kind} token, ${aim} conversation)`, request: { method: requestMethod, path, headers }, token: kind, target: named, route: routeName, validBody: false };
    })
    .map((request) => ({ ...request, route: request.request.method === expectedMethod(request.route) ? request.route : 'other' }));
}

function expectedMethod(route: DirectLineRequest['route']): string {
  return route === 'reconnect' || route === 'get' ? 'GET' : route === 'other' ? '' : 'POST';
}

/** Whether the Direct Line should take this as a client activity (its documented shape). */
function clientActivityIsValid(activity: Json): boolean {
  if (!isPlainObject(activity)) return false;
  const a = activity;
  const optionalString = (key: string, max = Infinity) => a[key] === undefined || (typeof a[key] === 'string' && (a[key] as string).length <= max);
  const records = (key: string, max: number) =>
    a[key] === undefined || (Array.isArray(a[key]) && (a[key] as unknown[]).length <= max && (a[key] as unknown[]).every(isPlainObject));
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

/** Property: whatever is sent to the Direct Line routes, no 5xx, no leaks, and conversations keep working. */
export function directLineProperty(env: HttpEnv, fixture: DirectLineFixture): fc.IAsyncPropertyWithHooks<[DirectLineRequest]> {
  const sentence = normalAnswerSentence(env.app.content);
  return fc.asyncProperty(directLineRequestArb(env.app, fixture, env.options), async (generated) => {
    const answer = await env.app.request(generated.request);
    const problems: string[] = [];
    const { token, target, route: routeName } = generated;
    const label = generated.label;
    if (answer.status === -1) problems.push(`${label}: no answer (${answer.error ?? ''})`);
    else if (answer.status >= 500) problems.push(`${label}: answered ${answer.status} (5xx): ${answer.body.slice(0, 200)}`);

    // Never anything of the victim's conversation.
    if (answer.body.includes(fixture.victimMarker)) problems.push(`${label}: the answer shows the victim's message`);
    if (answer.body.includes(fixture.victim.conversationId) && target !== 'victim') problems.push(`${label}: the answer names the victim's conversation`);

    const tokenRoute = routeName === 'refresh' || routeName === 'reconnect' || routeName === 'get' || routeName === 'post';
    const parsing = (status: number) => status === 400 || status === 413 || status === 415;
    if (answer.status > 0 && answer.status < 500) {
      if (tokenRoute || (routeName === 'start' && token !== 'none')) {
        const valid = grantsAccess(token) && (target === 'none' || target === 'own');
        if (!valid && isSuccess(answer.status)) problems.push(`${label}: answered ${answer.status} without a valid token for the conversation`);
        if (token === 'none' && !(answer.status === 401 || parsing(answer.status))) problems.push(`${label}: no token answered ${answer.status}, expected 401`);
        if (grantsAccess(token) && target === 'victim' && !(answer.status === 403 || parsing(answer.status))) problems.push(`${label}: another conversation's id answered ${answer.status}, expected 403`);
        if (grantsAccess(token) && target === 'unknown' && !(answer.status === 403 || parsing(answer.status))) problems.push(`${label}: an unknown conversation answered ${answer.status}, expected 403`);
        if (['garbage', 'wrong-secret', 'expired', 'bad-claims', 'alg-none', 'swapped-payload', 'long'].includes(token) && !(answer.status === 403 || parsing(answer.status))) {
          problems.push(`${label}: a ${token} token answered ${answer.status}, expected 403`);
        }
        if (token === 'unknown-conversation' && !(answer.status === 404 || answer.status === 403 || parsing(answer.status))) problems.push(`${label}: a token for a dropped conversation answered ${answer.status}, expected 404`);
        if (valid && routeName === 'post' && generated.validBody && answer.status !== 200) problems.push(`${label}: a valid activity answered ${answer.status} ${answer.body.slice(0, 300)}`);
        if (valid && routeName === 'get' && answer.status !== 200) problems.push(`${label}: reading its own conversation answered ${answer.status}`);
      }
      if (routeName === 'connector' && isSuccess(answer.status)) problems.push(`${label}: the connector took an activity without its key`);
      if (routeName === 'get' && answer.status === 200) {
        try {
          const set = JSON.parse(answer.body) as { activities: Array<{ conversation?: { id?: string } }> };
          if (set.activities.some((activity) => activity.conversation?.id !== fixture.own.conversationId)) problems.push(`${label}: activities of another conversation`);
        } catch {
          problems.push(`${label}: GET activities answered 200 with a body that is not JSON`);
        }
      }
    }

    // The conversation the garbage went to still answers, and shows only its own activities.
    const asked = await postDirectLine(env.app, fixture.own, { type: 'message', text: NORMAL_QUESTION, locale: 'en-US' });
    if (asked.status !== 200) problems.push(`a normal message in the fuzzer's own conversation answered ${asked.status}: ${asked.body.slice(0, 200)}`);
    const own = await getDirectLine(env.app, fixture.own, fixture.ownWatermark);
    if (own.status !== 200) problems.push(`the fuzzer's own conversation answered ${own.status} afterwards: ${own.body.slice(0, 200)}`);
    else {
      const set = JSON.parse(own.body) as { activities: Array<{ conversation?: { id?: string }; text?: string; from?: { role?: string } }>; watermark: string };
      if (set.activities.some((activity) => activity.conversation?.id !== fixture.own.conversationId)) problems.push('own conversation shows activities of another one');
      if (!set.activities.some((activity) => activity.from?.role === 'bot' && activity.text?.includes(sentence))) problems.push("the fuzzer's own conversation no longer answers a normal question");
      fixture.ownWatermark = set.watermark;
    }
    // The victim's conversation is intact (and kept from being dropped as least recently used).
    const victim = await getDirectLine(env.app, fixture.victim, '');
    if (victim.status !== 200 || !victim.body.includes(fixture.victimMarker)) problems.push(`the victim's conversation answered ${victim.status} and lost its message`);
    // A normal conversation keeps working.
    const posted = await postDirectLine(env.app, fixture.normal, { type: 'message', text: NORMAL_QUESTION, locale: 'en-US' });
    if (posted.status !== 200) problems.push(`a normal Direct Line message answered ${posted.status}: ${posted.body.slice(0, 200)}`);
    const read = await getDirectLine(env.app, fixture.normal, fixture.normalWatermark);
    if (read.status !== 200) problems.push(`reading the normal conversation answered ${read.status}`);
    else {
      const set = JSON.parse(read.body) as { activities: Array<{ text?: string; from?: { role?: string } }>; watermark: string };
      fixture.normalWatermark = set.watermark;
      if (!set.activities.some((activity) => activity.from?.role === 'bot' && activity.text?.includes(sentence))) problems.push('the normal Direct Line conversation did not get its answer');
    }
    problems.push(...(await afterRequestProblems(env)));
    if (problems.length > 0) throw new FuzzFailure(problems);
  });
}

// ---------------------------------------------------------------------------------------------
// Pure properties
// ---------------------------------------------------------------------------------------------

/** What the pure properties need: the content and a matcher over it. */
export interface PureEnv {
  readonly content: Content;
  readonly matcher: Matcher;
  /** Time each text step may take on a long input; `npm run fuzz` sets it, the test suite does not time. */
  readonly timeBudgetMs: number;
}

export function pureEnv(content: Content, timeBudgetMs = Number.POSITIVE_INFINITY): PureEnv {
  return { content, matcher: createMatcher(content), timeBudgetMs };
}

const KINDS: readonly DocumentKind[] = ['article', 'flow', 'out-of-scope'];

/** matcher.rank(any text, limit) never throws; ≤ limit candidates, known ids, scores in [0,1], best first. */
export function matcherProperty(env: PureEnv): fc.IPropertyWithHooks<[string, number | undefined]> {
  const known = new Map<string, DocumentKind>();
  for (const id of env.content.articles.keys()) known.set(`article:${id}`, 'article');
  for (const id of env.content.flows.keys()) known.set(`flow:${id}`, 'flow');
  return fc.property(userText, fc.option(fc.integer({ min: 0, max: 40 }), { nil: undefined }), (text, limit) => {
    const ranked = limit === undefined ? env.matcher.rank(text) : env.matcher.rank(text, limit);
    const max = limit ?? 5;
    const problems: string[] = [];
    if (ranked.length > max) problems.push(`${ranked.length} candidates for a limit of ${max}`);
    ranked.forEach((candidate, index) => {
      if (!Number.isFinite(candidate.score) || candidate.score < 0 || candidate.score > 1) problems.push(`score ${candidate.score} out of [0,1]`);
      if (index > 0 && candidate.score > ranked[index - 1].score) problems.push('candidates not sorted best first');
      if (!KINDS.includes(candidate.kind)) problems.push(`unknown kind ${candidate.kind}`);
      if (candidate.kind !== 'out-of-scope' && !known.has(`${candidate.kind}:${candidate.id}`)) problems.push(`unknown ${candidate.kind} ${candidate.id}`);
    });
    if (new Set(ranked.map((candidate) => `${candidate.kind}:${candidate.id}`)).size !== ranked.length) problems.push('a document ranked twice');
    const again = limit === undefined ? env.matcher.rank(text) : env.matcher.rank(text, limit);
    if (JSON.stringify(again) !== JSON.stringify(ranked)) problems.push('ranking the same text twice gave different answers');
    if (problems.length > 0) throw new FuzzFailure(problems);
  });
}

const candidateArb = (ids: readonly string[]): fc.Arbitrary<Candidate> =>
  fc.record({
    id: fc.oneof(fc.constantFrom(...ids), fc.string({ maxLength: 10 })),
    kind: fc.constantFrom<DocumentKind>(...KINDS),
    score: fc.double({ min: 0, max: 1, noNaN: true }),
  });

/** route() of any candidate list (sorted or not, or the matcher's) returns a well-formed decision. */
export function routerProperty(env: PureEnv): fc.IPropertyWithHooks<[Candidate[], boolean, boolean | undefined, number]> {
  const ids = [...env.content.articles.keys(), ...env.content.flows.keys()];
  const candidates = fc.oneof(
    fc.array(candidateArb(ids), { maxLength: 8 }),
    fc.array(candidateArb(ids), { maxLength: 8 }).map((list) => [...list].sort((a, b) => b.score - a.score)),
    userText.map((text) => env.matcher.rank(text)),
  );
  return fc.property(candidates, fc.boolean(), fc.option(fc.boolean(), { nil: undefined }), fc.integer({ min: 0, max: 10 }), (list, describesProblem, isQuestion, previousMisses) => {
    const input = { candidates: list, describesProblem, isQuestion, previousMisses };
    const decision = route(input);
    const problems = decisionProblems(decision, list, previousMisses);
    if (JSON.stringify(route(input)) !== JSON.stringify(decision)) problems.push('route() is not deterministic');
    if (problems.length > 0) throw new FuzzFailure([...problems, `decision: ${JSON.stringify(decision)}`]);
  });
}

function decisionProblems(decision: RouteDecision, candidates: readonly Candidate[], previousMisses: number): string[] {
  const problems: string[] = [];
  const has = (id: string, kind: DocumentKind) => candidates.some((candidate) => candidate.id === id && candidate.kind === kind);
  switch (decision.kind) {
    case 'answer':
      if (!has(decision.articleId, 'article')) problems.push(`answers ${decision.articleId}, not an article among the candidates`);
      if (!(decision.score >= defaultRoutePolicy.answerAbove)) problems.push(`answers with score ${decision.score}`);
      break;
    case 'flow':
      if (!has(decision.flowId, 'flow')) problems.push(`starts ${decision.flowId}, not a flow among the candidates`);
      if (!(decision.score >= defaultRoutePolicy.flowAbove)) problems.push(`starts a flow with score ${decision.score}`);
      break;
    case 'did-you-mean':
      if (decision.options.length === 0) problems.push('did-you-mean without options');
      if (decision.options.length > defaultRoutePolicy.maxSuggestions) problems.push(`${decision.options.length} suggestions`);
      for (const option of decision.options) {
        if (option.kind === 'out-of-scope') problems.push('suggests an out-of-scope topic');
        if (!candidates.includes(option)) problems.push(`suggests ${option.id}, not a candidate`);
      }
      break;
    case 'decline':
      if (decision.repeated !== previousMisses >= 1) problems.push(`repeated=${decision.repeated} after ${previousMisses} misses`);
      break;
    default:
      problems.push(`unknown decision ${JSON.stringify(decision)}`);
  }
  return problems;
}

/** Text shaped like dates, so the parser's branches are all reached. */
const dateText: fc.Arbitrary<string> = fc.oneof(
  userText,
  fc
    .array(
      fc.oneof(
        fc.constantFrom('today', 'yesterday', 'day before yesterday', 'the', 'on', 'last', 'this past', 'past', 'ago', 'week', 'weeks', 'day', 'days', 'a', 'an', 'of', 'st', 'nd', 'th'),
        fc.constantFrom('monday', 'tuesday', 'sunday', 'jan', 'feb', 'february', 'sept', 'september', 'nov', 'novem', 'december', 'mayday', 'marchx'),
        fc.integer({ min: 0, max: 100_000 }).map(String),
        fc.constantFrom('/', '-', ',', '.', '  ', '0', '00', '000', '0000', '29', '30', '31', '32', '13', '99', '1e3', '-1'),
      ),
      { maxLength: 7 },
    )
    .chain((parts) => fc.constantFrom(' ', '', '/', '-').map((separator) => parts.join(separator))),
);

const todayArb = fc.date({ min: new Date(Date.UTC(1970, 0, 1)), max: new Date(Date.UTC(2200, 11, 31)), noInvalidDate: true }).map((date) => date.toISOString().slice(0, 10));

/** parseUserDate(any text, today) never throws and returns undefined or a real YYYY-MM-DD date. */
export function parseDateProperty(): fc.IPropertyWithHooks<[string, string]> {
  return fc.property(dateText, fc.oneof({ weight: 9, arbitrary: todayArb }, { weight: 1, arbitrary: fc.oneof(weirdText, fc.constantFrom('2026-02-30', '', 'today', '2026-13-01')) }), (text, today) => {
    const result = parseUserDate(text, today);
    if (result === undefined) return;
    const problems: string[] = [];
    if (typeof result !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(result)) problems.push(`not YYYY-MM-DD: ${JSON.stringify(result)}`);
    else {
      const parsed = DateTime.fromISO(result, { zone: 'utc' });
      if (!parsed.isValid || parsed.toFormat('yyyy-MM-dd') !== result) problems.push(`not a real date: ${result}`);
    }
    if (!DateTime.fromISO(today, { zone: 'utc' }).isValid) problems.push(`a date from an invalid today ${JSON.stringify(today)}`);
    if (problems.length > 0) throw new FuzzFailure(problems);
  });
}

function allChoiceLists(content: Content): ChoiceOption[][] {
  const lists: ChoiceOption[][] = [];
  for (const flow of content.flows.values()) {
    for (const node of Object.values(flow.nodes)) if (node.kind === 'ask') lists.push(node.choices);
  }
  const texts = content.texts;
  lists.push([
    { id: 'yes', label: texts.flowSolvedYes, synonyms: ['solved', 'it worked'] },
    { id: 'no', label: texts.flowSolvedNo, synonyms: ['still stuck'] },
  ]);
  return lists;
}

const randomChoices: fc.Arbitrary<ChoiceOption[]> = fc.array(
  fc.record({ id: fc.oneof(fc.constantFrom('yes', 'no', '__proto__', 'constructor'), fc.string({ maxLength: 10 })), label: fc.oneof(weirdText, fc.constantFrom('Yes', 'No', 'Not sure', '')), synonyms: fc.array(weirdText, { maxLength: 3 }) }),
  { maxLength: 9 },
);

/** matchChoice(any text, choices) never throws and returns undefined or one of the ids. */
export function matchChoiceProperty(env: PureEnv): fc.IPropertyWithHooks<[string, ChoiceOption[]]> {
  const lists = allChoiceLists(env.content);
  const language = createLanguage(env.content.routing);
  return fc.property(userText, fc.oneof(fc.constantFrom(...lists), randomChoices), (text, choices) => {
    const id = matchChoice(text, choices, language);
    if (id !== undefined && !choices.some((choice) => choice.id === id)) throw new FuzzFailure([`returned ${JSON.stringify(id)}, not one of the ids`]);
    if (matchChoice(text, choices, language) !== id) throw new FuzzFailure(['not deterministic']);
  });
}

interface FlowPosition {
  readonly flow: Flow;
  readonly nodeId: string;
}

function flowPositions(content: Content): FlowPosition[] {
  return [...content.flows.values()].flatMap((flow) => [...Object.keys(flow.nodes), 'no-such-node', '__proto__'].map((nodeId) => ({ flow, nodeId })));
}

/** answerFlow(any flow, any position, any input) never throws; a kept state points at a node that waits. */
export function answerFlowProperty(env: PureEnv): fc.IPropertyWithHooks<[FlowPosition, 'node' | 'confirm', Record<string, string>, string, Json, string]> {
  const positions = flowPositions(env.content);
  const saveKeys = [...new Set(positions.flatMap(({ flow }) => Object.values(flow.nodes).flatMap((node) => ('saveAs' in node && node.saveAs ? [node.saveAs] : []))))];
  const values = fc.dictionary(fc.oneof(fc.constantFrom(...saveKeys, 'triedOnline', 'requestedOn', '__proto__'), fc.string({ maxLength: 6 })), fc.oneof(fc.constantFrom('yes', 'no', '2026-01-15', '2099-12-31', 'not-a-date', ''), fc.string({ maxLength: 10 })), { maxKeys: 4 });
  return fc.property(
    fc.constantFrom(...positions),
    fc.constantFrom<'node' | 'confirm'>('node', 'confirm'),
    values,
    dateText,
    fc.oneof(anyJson, choiceValueLike, fc.constant(undefined)),
    todayArb,
    (position, awaiting, flowValues, text, rawValue, today) => {
      const { flow, nodeId } = position;
      const node = flow.nodes[nodeId];
      // Values as the bot would pass them (parsed), and sometimes a button for this very question.
      const choiceIds = node?.kind === 'ask' ? node.choices.map((choice) => choice.id) : ['yes', 'no'];
      const parsed = parseChoiceValue(rawValue);
      const value: ChoiceValue | undefined =
        parsed?.action === 'flow-answer' && choiceIds.length > 0 && text.length % 3 === 0
          ? { action: 'flow-answer', flowId: flow.id, nodeId, choiceId: choiceIds[text.length % choiceIds.length] }
          : parsed;
      const state: FlowState = { flowId: flow.id, flowVersion: 'v', nodeId, awaiting, values: flowValues, trail: [] };
      const step = answerFlow(flow, state, { text, value }, engineContext(env.content, today));
      // And with the raw value, as a hostile caller might pass it.
      answerFlow(flow, state, { text, value: rawValue as ChoiceValue | undefined }, engineContext(env.content, today));
      const problems: string[] = prototypeProblems();
      if (step === undefined) {
        if (problems.length > 0) throw new FuzzFailure(problems);
        return;
      }
      if (!Array.isArray(step.reply)) problems.push('reply is not an array');
      if ((step.state === undefined) === (step.ended === undefined)) problems.push('a step must either keep a state or end');
      if (step.state) {
        const next = flow.nodes[step.state.nodeId];
        if (step.state.flowId !== flow.id) problems.push(`state for another flow ${step.state.flowId}`);
        if (!next || !Object.prototype.hasOwnProperty.call(flow.nodes, step.state.nodeId)) problems.push(`state points at missing node ${step.state.nodeId}`);
        else if (step.state.awaiting === 'node' && next.kind !== 'ask' && next.kind !== 'date') problems.push(`waits at a ${next.kind} node`);
        else if (step.state.awaiting === 'confirm' && next.kind !== 'end') problems.push(`confirms at a ${next.kind} node`);
      }
      if (step.ended && !outcomes.includes(step.ended.outcome)) problems.push(`unknown outcome ${step.ended.outcome}`);
      if (problems.length > 0) throw new FuzzFailure(problems);
    },
  );
}

/** parseChoiceValue(any JSON) never throws; it returns undefined or a known action with only its fields. */
export function parseChoiceValueProperty(): fc.IPropertyWithHooks<[Json]> {
  const fields: Record<string, string[]> = {
    article: ['action', 'id'],
    'none-of-these': ['action'],
    helpdesk: ['action'],
    'start-flow': ['action', 'id'],
    'flow-answer': ['action', 'flowId', 'nodeId', 'choiceId'],
  };
  return fc.property(fc.oneof(anyJson, choiceValueLike, fc.anything()), (value) => {
    const parsed = parseChoiceValue(value);
    const polluted = prototypeProblems();
    if (polluted.length > 0) throw new FuzzFailure(polluted);
    if (parsed === undefined) return;
    const allowed = fields[parsed.action];
    if (!allowed) throw new FuzzFailure([`unknown action ${JSON.stringify(parsed.action)}`]);
    const extra = Object.keys(parsed).filter((key) => !allowed.includes(key));
    if (extra.length > 0) throw new FuzzFailure([`kept fields ${extra.join(', ')}`]);
    for (const key of allowed) if (typeof (parsed as Record<string, unknown>)[key] !== 'string') throw new FuzzFailure([`${key} is not a string`]);
  });
}

// ---------------------------------------------------------------------------------------------
// The catalogue, for the Jest suite and the script
// ---------------------------------------------------------------------------------------------

/** A property, how many runs the Jest suite gives it, and how to build it. */
export interface PureDefinition {
  readonly name: string;
  readonly description: string;
  readonly testRuns: number;
  readonly build: (env: PureEnv) => fc.IRawProperty<unknown[]>;
}

export interface HttpDefinition {
  readonly name: string;
  readonly description: string;
  readonly testRuns: number;
  readonly build: (env: HttpEnv, fixture: DirectLineFixture) => fc.IRawProperty<unknown[]>;
}

export const pureProperties: readonly PureDefinition[] = [
  { name: 'matcher', description: 'matcher.rank(any text) never throws; ≤ limit known candidates, scores in [0,1], best first', testRuns: 400, build: (env) => matcherProperty(env) as fc.IRawProperty<unknown[]> },
  { name: 'router', description: 'route() of any candidate list returns a well-formed decision', testRuns: 1000, build: (env) => routerProperty(env) as fc.IRawProperty<unknown[]> },
  { name: 'parse-date', description: 'parseUserDate(any text, today) never throws; undefined or a real YYYY-MM-DD', testRuns: 2000, build: () => parseDateProperty() as fc.IRawProperty<unknown[]> },
  { name: 'match-choice', description: 'matchChoice(any text, choices) never throws; undefined or one of the ids', testRuns: 1000, build: (env) => matchChoiceProperty(env) as fc.IRawProperty<unknown[]> },
  { name: 'answer-flow', description: 'answerFlow(any flow and node, any input) never throws; a kept state points at a waiting node', testRuns: 1500, build: (env) => answerFlowProperty(env) as fc.IRawProperty<unknown[]> },
  { name: 'choice-value', description: 'parseChoiceValue(any JSON) never throws; undefined or a known action with only its fields', testRuns: 2000, build: () => parseChoiceValueProperty() as fc.IRawProperty<unknown[]> },
  {
    name: 'long-inputs-edge',
    description: 'the text steps before the length check (mentions, shape) take 250 KB of repeated spaces, tags, entities or digits in one pass',
    testRuns: 40,
    build: (env) => longInputsProperty(edgeTextSteps(), LONGEST_BODY_TEXT, env.timeBudgetMs, () => performance.now()) as fc.IRawProperty<unknown[]>,
  },
  {
    name: 'long-inputs-turn',
    description: 'every text step of a turn (privacy, matching, flows, zones) takes the longest text the length check lets through, with a well-formed result',
    testRuns: 60,
    build: (env) => longInputsProperty(turnTextSteps(env.content, env.matcher), LONGEST_TURN_TEXT, env.timeBudgetMs, () => performance.now()) as fc.IRawProperty<unknown[]>,
  },
];

export const httpProperties: readonly HttpDefinition[] = [
  { name: 'messages', description: 'POST /api/messages with any body: no 5xx, no crash or unhandled rejection, and the next conversation is answered', testRuns: 300, build: (env) => messagesProperty(env) as fc.IRawProperty<unknown[]> },
  { name: 'flow-garbage', description: 'a flow survives garbage turns and still answers a valid click', testRuns: 200, build: (env) => flowSurvivesGarbageProperty(env) as fc.IRawProperty<unknown[]> },
  { name: 'direct-line', description: 'the local Direct Line: no 5xx, right 4xx for bad tokens, no other conversation leaks, conversations keep working', testRuns: 300, build: (env, fixture) => directLineProperty(env, fixture) as fc.IRawProperty<unknown[]> },
];

/** The seed the Jest suite uses, so its runs are the same every time. */
export const TEST_SEED = 20_260_115;
