import { emptyConversation, type ConversationData } from '../../../src/conversation/conversation-data';
import { answerAskedAbout, teamsReaction, withMessageId } from '../../../src/conversation/feedback-turn';
import { feedbackAsk } from '../../../src/conversation/replies';
import { realContent } from '../../support/content';

/**
 * The pure side of Teams' feedback naming a message: which answer a reply asks about, the id its
 * message got kept with that answer (bounded), and which answer a like or dislike rates.
 */

type Answer = { token: string; articleId: string; messageId?: string };
const withAnswers = (...answers: Answer[]): ConversationData => ({
  ...emptyConversation,
  answers,
  answerCount: answers.length,
});

describe('answerAskedAbout', () => {
  it('is the token on the "Was this helpful?" of the reply, and nothing for a reply without one', () => {
    const ask = feedbackAsk('activation-code-by-mail', '7', realContent());
    expect(answerAskedAbout([{ text: 'the answer' }, { text: 'more', feedback: ask }])).toBe('7');
    expect(answerAskedAbout([{ text: 'hello' }])).toBeUndefined();
  });
});

describe('withMessageId', () => {
  const conversation = withAnswers({ token: '1', articleId: 'a' }, { token: '2', articleId: 'b' });

  it('keeps the id with the answer of that token, and only that one', () => {
    expect(withMessageId(conversation, '2', '1764000000002').answers).toEqual([
      { token: '1', articleId: 'a' },
      { token: '2', articleId: 'b', messageId: '1764000000002' },
    ]);
  });

  it('changes nothing for an answer no longer kept, an empty id, or an id too long to be Teams’', () => {
    expect(withMessageId(conversation, '9', 'id')).toBe(conversation);
    expect(withMessageId(conversation, '1', '')).toBe(conversation);
    expect(withMessageId(conversation, '1', 'x'.repeat(257))).toBe(conversation);
    expect(withMessageId(conversation, '1', 'x'.repeat(256)).answers?.[0].messageId).toHaveLength(256);
  });
});

describe('teamsReaction', () => {
  const conversation = withAnswers(
    { token: '1', articleId: 'older', messageId: 'm-1' },
    { token: '2', articleId: 'newer', messageId: 'm-2' },
  );
  const rated = (turn: ReturnType<typeof teamsReaction>) => turn.events;

  it('rates the answer whose message the id names, once', () => {
    const turn = teamsReaction({ helpful: false, messageId: 'm-1' }, conversation);
    expect(rated(turn)).toEqual([{ type: 'feedback', articleId: 'older', helpful: false }]);
    const again = teamsReaction({ helpful: true, messageId: 'm-1' }, turn.conversation);
    expect(again).toMatchObject({ decision: 'feedback:again', replies: [] });
    expect(again.events).toBeUndefined();
  });

  it('an id no answer of the conversation had: nothing rated, nothing said', () => {
    const turn = teamsReaction({ helpful: true, messageId: 'm-3' }, conversation);
    expect(turn).toEqual({ replies: [], conversation, decision: 'feedback:unknown' });
  });

  it('no id (the Agents Playground): the newest answer', () => {
    expect(rated(teamsReaction({ helpful: true }, conversation))).toEqual([
      { type: 'feedback', articleId: 'newer', helpful: true },
    ]);
  });
});
