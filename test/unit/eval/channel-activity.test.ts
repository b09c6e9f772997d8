import { buildActivity, choicesOf, clickActivity, MENTION } from '../../../tools/eval/channel-activity';
import type { ActivityJson } from '../../../tools/eval/reply-view';

/** What the channel sends for a message or a click, as ask.py and converse.py send it. */
describe('clickActivity: a click sent as the channel sends it', () => {
  it.each([
    [
      'Web Chat messageBack: its text and value',
      { type: 'messageBack', title: 'Yes', text: 'yes', value: { a: 1 } },
      'yes',
      { a: 1 },
    ],
    ['imBack: its value as the text', { type: 'imBack', title: 'By mail', value: 'by mail' }, 'by mail', undefined],
    ['imBack without a value: its title', { type: 'imBack', title: 'By mail' }, 'By mail', undefined],
    ['postBack: its value as the text', { type: 'postBack', title: 'Go', value: 'go' }, 'go', undefined],
    [
      'Adaptive Card Action.Submit: its data, with msteams.text as the text',
      {
        type: 'Action.Submit',
        title: 'Remind me',
        data: { action: 'remind', msteams: { type: 'messageBack', text: 'remind me' } },
      },
      'remind me',
      { action: 'remind', msteams: { type: 'messageBack', text: 'remind me' } },
    ],
    [
      'Action.Submit without msteams: no text',
      { type: 'Action.Submit', title: 'Remind me', data: { action: 'remind' } },
      undefined,
      { action: 'remind' },
    ],
  ])('%s', (_name, action, text, value) => {
    expect(clickActivity(action)).toEqual({ text, value });
  });
});

describe('choicesOf: the buttons a click can pick, in order', () => {
  it('takes suggested actions (imBack when untyped), hero buttons and submit actions, not links or data', () => {
    const activities: ActivityJson[] = [
      {
        type: 'message',
        suggestedActions: { actions: [{ title: 'Untyped' }, { type: 'openUrl', title: 'A link', value: 'https://x' }] },
        attachments: [
          { content: { buttons: [{ type: 'messageBack', title: 'Hero', text: 'hero' }] } },
          {
            content: {
              actions: [
                { type: 'Action.OpenUrl', title: 'Open', url: 'https://x' },
                { type: 'Action.Submit', title: 'Submit', data: { type: 'imBack', title: 'hidden in data' } },
              ],
            },
          },
        ],
      },
      { type: 'typing', suggestedActions: { actions: [{ title: 'not a message' }] } },
    ];
    expect(choicesOf(activities).map((choice) => choice.title)).toEqual(['Untyped', 'Hero', 'Submit']);
  });
});

describe('buildActivity: a user message as Web Chat or a Teams personal chat sends it', () => {
  it('Teams text gets the bot mention, its entity, the zone and a personal conversation', () => {
    const activity = buildActivity('hello', 'c1', 'u1', { channel: 'msteams', zone: 'America/Denver' });
    expect(activity).toMatchObject({
      channelId: 'msteams',
      text: `${MENTION} hello`,
      localTimezone: 'America/Denver',
      conversation: { id: 'c1', conversationType: 'personal' },
      entities: [
        { type: 'mention', text: MENTION, mentioned: { id: 'bot', name: 'SupportBot' } },
        { type: 'clientInfo', locale: 'en-US', timezone: 'America/Denver' },
      ],
      deliveryMode: 'expectReplies',
    });
    expect(activity.timestamp).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d{6})?\+00:00$/);
  });

  it('a Teams click carries no mention, and no text when the action has none', () => {
    const activity = buildActivity(undefined, 'c1', 'u1', {
      channel: 'msteams',
      value: { action: 'x' },
      mention: false,
    });
    expect(activity.text).toBeUndefined();
    expect(activity.value).toEqual({ action: 'x' });
    expect(activity.entities).toEqual([{ type: 'clientInfo', locale: 'en-US', timezone: 'America/Chicago' }]);
  });

  it.each([
    [undefined, 'hi', 'webchat', 'hi'],
    [undefined, '<at>SupportBot</at> hi', 'msteams', '<at>SupportBot</at> hi'],
    ['webchat', '<at>SupportBot</at> hi', 'webchat', '<at>SupportBot</at> hi'],
  ])('channel %s, text %j: sent on %s as %j', (channel, text, channelId, sent) => {
    const activity = buildActivity(text, 'c', 'u', { channel });
    expect([activity.channelId, activity.text]).toEqual([channelId, sent]);
  });
});
