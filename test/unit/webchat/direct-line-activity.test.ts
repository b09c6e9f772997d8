import {
  shapeBotActivity,
  shapeClientActivity,
  activityForBot,
} from '../../../src/channels/webchat/direct-line-activity';

const place = { conversationId: 'conv-1', userId: 'dl_me', timestamp: '2026-01-15T15:00:00.000Z' };

describe('activities through the local Direct Line', () => {
  it('keeps what Web Chat sends and sets who, where and when itself', () => {
    const sent = {
      type: 'message',
      text: 'hello',
      textFormat: 'plain',
      locale: 'en-US',
      localTimezone: 'America/Phoenix',
      localTimestamp: '2026-01-15T08:00:00-07:00',
      entities: [{ type: 'ClientCapabilities', requiresBotState: true }],
      value: { action: 'article', id: 'x' },
      channelData: { clientActivityID: 'abc' },
      from: { id: 'somebody-else', name: 'Mallory', role: 'bot' },
      recipient: { id: 'elsewhere' },
      conversation: { id: 'conv-2' },
      channelId: 'msteams',
      serviceUrl: 'https://attacker.example/',
      timestamp: '1999-01-01T00:00:00Z',
      id: 'mine',
    };
    const shaped = shapeClientActivity(sent, place);
    expect(shaped).toEqual({
      ok: true,
      activity: {
        type: 'message',
        text: 'hello',
        textFormat: 'plain',
        locale: 'en-US',
        localTimezone: 'America/Phoenix',
        localTimestamp: '2026-01-15T08:00:00-07:00',
        entities: [{ type: 'ClientCapabilities', requiresBotState: true }],
        value: { action: 'article', id: 'x' },
        channelData: { clientActivityID: 'abc' },
        channelId: 'webchat',
        conversation: { id: 'conv-1' },
        from: { id: 'dl_me', role: 'user' },
        recipient: { id: 'support-bot', name: 'Support bot', role: 'bot' },
        timestamp: '2026-01-15T15:00:00.000Z',
      },
    });
  });

  it.each([
    [{ type: 'invoke', name: 'x' }, 'type'],
    [{ text: 'no type' }, 'type'],
    [{ type: 'message', text: 42 }, 'text'],
    [{ type: 'message', channelData: 'x' }, 'channelData'],
    ['a string', 'body'],
    [null, 'body'],
  ])('refuses %j, naming %s', (body, field) => {
    const shaped = shapeClientActivity(body, place);
    expect(shaped.ok).toBe(false);
    if (!shaped.ok) expect(shaped.problem).toMatch(new RegExp(`^${field}`));
  });

  it('drops the connector serviceUrl from a bot reply and stamps it as the bot', () => {
    const shaped = shapeBotActivity(
      {
        type: 'message',
        text: 'answer',
        serviceUrl: 'http://127.0.0.1:1/local-connector/key',
        id: 'bot-chosen',
        from: { id: 'support-bot', name: 'whatever', role: 'user' },
        conversation: { id: 'conv-1', isGroup: false },
        suggestedActions: { to: [], actions: [] },
        replyToId: 'conv-1|0000001',
      },
      place,
    );
    expect(shaped).toEqual({
      ok: true,
      activity: {
        type: 'message',
        text: 'answer',
        suggestedActions: { to: [], actions: [] },
        replyToId: 'conv-1|0000001',
        channelId: 'webchat',
        conversation: { id: 'conv-1' },
        from: { id: 'support-bot', name: 'Support bot', role: 'bot' },
        timestamp: '2026-01-15T15:00:00.000Z',
      },
    });
  });

  it('refuses a bot reply that is not an activity', () => {
    expect(shapeBotActivity({ text: 'no type' }, place).ok).toBe(false);
  });

  it('gives the bot the serviceUrl to reply to', () => {
    expect(activityForBot({ type: 'message' }, 'http://127.0.0.1:9/local-connector/k')).toEqual({
      type: 'message',
      serviceUrl: 'http://127.0.0.1:9/local-connector/k',
    });
  });
});
