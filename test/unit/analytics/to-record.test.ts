import type { AnalyticsEvent, EventBody } from '../../../src/analytics/analytics-event';
import { hashId } from '../../../src/analytics/hash-id';
import { toRecord } from '../../../src/analytics/to-record';

const SALT = 'a-salt-of-at-least-thirty-two-characters';
const keep = { salt: SALT, keepText: true };
const noText = { salt: SALT, keepText: false };
const QUESTION = 'can my ssn 123-45-6789 be used for an EFIN?';

function event(body: EventBody, context: Partial<AnalyticsEvent> = {}): AnalyticsEvent {
  return {
    time: '2026-11-26T15:04:05.123-05:00',
    channel: 'msteams',
    conversationId: '19:thread@thread.tacv2;messageid=17',
    userId: '29:1aBcD',
    ...body,
    ...context,
  } as AnalyticsEvent;
}

describe('an event becomes a record', () => {
  it('with the time in UTC, the channel, hashed ids and the event fields', () => {
    expect(toRecord(event({ type: 'answered', articleId: 'cards-not-accepted', score: 0.81234 }), keep)).toEqual({
      v: 1,
      time: '2026-11-26T20:04:05.123Z',
      channel: 'msteams',
      conversation: hashId(SALT, 'conversation', '19:thread@thread.tacv2;messageid=17'),
      user: hashId(SALT, 'user', '29:1aBcD'),
      type: 'answered',
      articleId: 'cards-not-accepted',
      score: 0.812,
    });
  });

  it.each<[string, EventBody]>([
    ['a menu', { type: 'menu', options: ['activation-code-by-mail', 'locked-out'] }],
    ['a decline', { type: 'declined', topic: 'tax-law' }],
    ['a decline without a topic', { type: 'declined' }],
    ['a flow start', { type: 'flow-started', flowId: 'locked-out' }],
    ['a flow end', { type: 'flow-finished', flowId: 'locked-out', nodeId: 'end_resolved', outcome: 'resolved' }],
    ['a flow left', { type: 'flow-abandoned', flowId: 'locked-out', nodeId: 'ask-phone', outcome: 'cancelled' }],
    ['a handoff', { type: 'handoff', reason: 'unhelpful' }],
    ['helpful', { type: 'feedback', articleId: 'codes-overview', helpful: true }],
    ['not helpful', { type: 'feedback', articleId: 'codes-overview', helpful: false }],
    ['a rating', { type: 'rating', rating: 4, after: 'handoff' }],
  ])('%s keeps its fields', (_name, body) => {
    expect(toRecord(event(body), keep)).toMatchObject(body);
  });

  it('nothing of the raw ids is kept', () => {
    const line = JSON.stringify(toRecord(event({ type: 'handoff', reason: 'asked' }), keep));
    expect(line).not.toMatch(/thread|1aBcD|messageid/);
  });
});

describe('free text', () => {
  it('is kept, redacted, for a decline and a "not helpful" when the firm turns it on', () => {
    expect(toRecord(event({ type: 'declined', text: QUESTION }), keep)).toMatchObject({
      text: 'can my ssn [redacted ssn] be used for an EFIN?',
    });
    expect(
      toRecord(event({ type: 'feedback', articleId: 'efin', helpful: false, text: QUESTION }), keep),
    ).toMatchObject({ text: 'can my ssn [redacted ssn] be used for an EFIN?' });
  });

  it('is never kept when the firm has not turned it on', () => {
    for (const body of [
      { type: 'declined', text: QUESTION },
      { type: 'feedback', articleId: 'efin', helpful: false, text: QUESTION },
    ] as EventBody[]) {
      expect(toRecord(event(body), noText)).not.toHaveProperty('text');
    }
  });

  it('is never kept for a helpful answer or any other event, whatever the caller passes', () => {
    const withText = (body: object) => event({ ...body, text: QUESTION } as EventBody);
    for (const body of [
      { type: 'feedback', articleId: 'efin', helpful: true },
      { type: 'answered', articleId: 'efin', score: 0.9 },
      { type: 'menu', options: ['efin'] },
      { type: 'handoff', reason: 'asked' },
      { type: 'rating', rating: 2, after: 'flow' },
    ]) {
      expect(toRecord(withText(body), keep)).not.toHaveProperty('text');
    }
  });
});

describe('an event that is not well-formed is not kept', () => {
  it.each<[string, AnalyticsEvent]>([
    ['a rating of 0', event({ type: 'rating', rating: 0, after: 'flow' })],
    ['a rating of 6', event({ type: 'rating', rating: 6, after: 'flow' })],
    ['a rating of 3.5', event({ type: 'rating', rating: 3.5, after: 'flow' })],
    ['a rating as text', event({ type: 'rating', rating: '5', after: 'flow' } as unknown as EventBody)],
    ['a rating after something else', event({ type: 'rating', rating: 5, after: 'answer' } as unknown as EventBody)],
    ['feedback on an id holding an SSN', event({ type: 'feedback', articleId: '123-45-6789', helpful: false })],
    ['feedback on a foreign id', event({ type: 'feedback', articleId: '<script>', helpful: false })],
    [
      'feedback that is not yes or no',
      event({ type: 'feedback', articleId: 'efin', helpful: 'no' } as unknown as EventBody),
    ],
    ['a menu of nothing', event({ type: 'menu', options: [] })],
    ['an unknown handoff reason', event({ type: 'handoff', reason: 'bored' } as unknown as EventBody)],
    ['an unknown type', event({ type: 'clicked' } as unknown as EventBody)],
    ['a score that is not a number', event({ type: 'answered', articleId: 'efin', score: Number.NaN })],
    ['a time that is not ISO', event({ type: 'handoff', reason: 'asked' }, { time: 'yesterday' })],
    ['an impossible date', event({ type: 'handoff', reason: 'asked' }, { time: '2026-13-45T00:00:00Z' })],
    ['no conversation id', event({ type: 'handoff', reason: 'asked' }, { conversationId: '' })],
  ])('%s', (_name, input) => {
    expect(toRecord(input, keep)).toBeUndefined();
  });

  it('an unknown channel is kept as "other"', () => {
    expect(toRecord(event({ type: 'handoff', reason: 'asked' }, { channel: '<b>x</b>' }), keep)).toMatchObject({
      channel: 'other',
    });
  });
});
