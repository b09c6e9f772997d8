import fc from 'fast-check';
import {
  anyJson,
  jsonObject,
  notAnObject,
  notAString,
  objectKey,
  payload,
  userText,
  weirdText,
  wrongType,
  type Json,
  type MutableActivity,
} from './arbitraries';
import { envelopeIsCarriable, loopbackOnly, serviceUrlIsValid } from './activity-validity';
import { avoidKnownBugs, type FuzzOptions } from './oracles';
import { ABSENT, account, ACTIVITY_TYPES, boundedString, conversationIdArb, slot, type Slot } from './activity-fields';

/** Arbitrary activities for POST /api/messages, and whether the server must accept each. */

/** A generated activity and what the server should do with it. */
export interface GeneratedActivity {
  readonly activity: MutableActivity;
  /** Every shape-checked field is valid: the server must accept it (2xx). */
  readonly valid: boolean;
}

/** Arbitrary activities for POST /api/messages: every field right, missing or of a wrong type. */
export function activityArb(sinkUrl: string, options: FuzzOptions): fc.Arbitrary<GeneratedActivity> {
  const typeSlot = slot(
    fc.oneof(
      { weight: 6, arbitrary: fc.constant('message') },
      { weight: 4, arbitrary: fc.constantFrom(...ACTIVITY_TYPES) },
      { weight: 1, arbitrary: boundedString(100) },
    ),
    fc.oneof(wrongType, fc.constant('x'.repeat(101))),
  );
  const channelSlot = slot(
    fc.oneof(
      { weight: 5, arbitrary: fc.constantFrom('webchat', 'msteams', 'emulator', 'directline', 'test', 'slack') },
      { weight: 1, arbitrary: boundedString(100) },
    ),
    fc.oneof(wrongType, fc.constant('c'.repeat(101))),
  );
  // Invalid accounts are never objects with a usable id (a random object can have one).
  const invalidAccount = fc.oneof(
    notAnObject,
    fc.constant({}),
    fc.record({ id: fc.oneof(notAString, fc.constant(''), fc.constant('x'.repeat(1001))) }),
  );
  const conversationSlot = slot(
    fc
      .record({
        id: conversationIdArb,
        extra: fc.option(
          fc.record(
            {
              isGroup: fc.oneof(fc.boolean(), wrongType),
              conversationType: fc.oneof(fc.constantFrom('personal', 'groupChat', 'channel'), wrongType),
              tenantId: fc.oneof(fc.uuid(), wrongType),
              name: weirdText,
            },
            { requiredKeys: [] },
          ),
        ),
      })
      .map(({ id, extra }) => ({ ...(extra ?? {}), id })),
    invalidAccount,
    1,
    2,
  );
  const fromSlot = slot(account(fc.oneof(fc.constant('fuzz-user'), boundedString(1000))), invalidAccount);
  const recipientSlot = slot(account(fc.constantFrom('bot', 'support-bot', '28:bot-id')), invalidAccount);
  // deliveryMode and serviceUrl decide together whether the activity is well formed.
  const delivery = fc.oneof(
    {
      weight: 8,
      arbitrary: fc.record({
        deliveryMode: fc.constant<Json>('expectReplies'),
        serviceUrl: fc.oneof(fc.constant<Json>(ABSENT), fc.constant<Json>(sinkUrl), weirdText),
        valid: fc.constant(true),
      }),
    },
    {
      weight: 2,
      arbitrary: fc.record({
        deliveryMode: fc.constantFrom<Json>(ABSENT, 'normal', 'notification'),
        serviceUrl: fc.constant<Json>(sinkUrl),
        valid: fc.constant(true),
      }),
    },
    {
      weight: 1,
      arbitrary: fc.record({
        deliveryMode: fc.constantFrom<Json>(ABSENT, 'normal'),
        serviceUrl: fc.oneof(
          fc.constant<Json>(ABSENT),
          fc.constantFrom<Json>(
            'ftp://127.0.0.1/',
            'javascript:alert(1)',
            'not a url',
            '//127.0.0.1',
            'http//x',
            'x'.repeat(2001),
          ),
        ),
        valid: fc.constant(false),
      }),
    },
    {
      weight: 1,
      arbitrary: fc.record({
        deliveryMode: fc.oneof(notAString, fc.constant('d'.repeat(51))),
        serviceUrl: fc.constant<Json>(sinkUrl),
        valid: fc.constant(false),
      }),
    },
    {
      weight: 1,
      arbitrary: fc.record({
        deliveryMode: fc.constant<Json>('expectReplies'),
        serviceUrl: fc.oneof(notAString, fc.constant('s'.repeat(2001))),
        valid: fc.constant(false),
      }),
    },
  );
  const textSlot = slot(userText, notAString, 2, 1);
  const maxDepth = 20_000;
  const free = fc.record(
    {
      id: fc.oneof(weirdText, wrongType),
      value: payload(maxDepth),
      name: fc.oneof(
        fc.constantFrom('webchat/join', 'webchat/join ', 'WEBCHAT/JOIN', 'handoff.initiate', 'x'),
        wrongType,
      ),
      locale: fc.oneof(fc.constantFrom('en-US', 'es-US', 'ar-SA', 'zz', ''), weirdText, wrongType),
      localTimezone: fc.oneof(
        // prettier-ignore
        fc.constantFrom(
          'America/Phoenix', 'Pacific/Honolulu', 'Mars/Olympus_Mons', 'UTC', '+05:30', 'Etc/GMT+14', '../../etc/passwd',
        ),
        weirdText,
        wrongType,
      ),
      localTimestamp: fc.oneof(
        fc.constantFrom('2026-01-15T10:00:00-07:00', 'not a date', '9999-99-99T99:99:99Z'),
        wrongType,
      ),
      timestamp: fc.oneof(fc.constantFrom('2026-01-15T10:00:00Z', 'yesterday', ''), wrongType),
      textFormat: fc.oneof(fc.constantFrom('plain', 'markdown', 'xml', 'html'), wrongType),
      entities: fc.oneof(
        fc.array(
          fc.oneof(
            fc.record({
              type: fc.constant('clientInfo'),
              timezone: fc.oneof(fc.constantFrom('America/New_York', 'Nowhere/City', ''), wrongType),
              locale: fc.oneof(fc.string(), wrongType),
            }),
            fc.record({
              type: fc.constant('mention'),
              mentioned: fc.oneof(
                fc.record({ id: fc.constantFrom('bot', '28:bot-id'), name: fc.oneof(weirdText, wrongType) }),
                wrongType,
              ),
              text: fc.oneof(fc.constantFrom('<at>Bot</at>', '<at>'), wrongType),
            }),
            anyJson,
          ),
          { maxLength: 4 },
        ),
        wrongType,
      ),
      attachments: fc.oneof(
        fc.array(
          fc.oneof(
            fc.record({
              contentType: fc.oneof(fc.constantFrom('application/vnd.microsoft.card.adaptive', 'image/png'), wrongType),
              content: anyJson,
              contentUrl: fc.oneof(weirdText, wrongType),
            }),
            anyJson,
          ),
          { maxLength: 3 },
        ),
        wrongType,
      ),
      channelData: fc.oneof(
        fc.record(
          {
            tenant: fc.oneof(fc.record({ id: fc.oneof(fc.uuid(), wrongType) }), wrongType),
            clientActivityID: fc.oneof(fc.string(), wrongType),
            postBack: fc.boolean(),
          },
          { requiredKeys: [] },
        ),
        payload(maxDepth),
      ),
      membersAdded: fc.oneof(
        fc.array(fc.oneof(account(fc.constantFrom('fuzz-user', 'bot')), anyJson), { maxLength: 3 }),
        wrongType,
      ),
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
    .record({
      type: typeSlot,
      channelId: channelSlot,
      conversation: conversationSlot,
      from: fromSlot,
      recipient: recipientSlot,
      text: textSlot,
      delivery,
      free,
      extraKeys,
    })
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
      return {
        activity: repaired,
        valid: required && optional && mode.valid && serviceUrlIsValid(repaired) && envelopeIsCarriable(repaired),
      };
    });
}
