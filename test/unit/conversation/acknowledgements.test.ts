import { intentText } from '../../support/content';
import { realPolicyDeps } from '../../support/policy-deps';
import { next, sayerWith } from '../../support/talking';

/**
 * "Cool cool, noted", "phew, that's a relief", "ok merci, will try tonight": the answer landed
 * and the user says so, over the real content. A kind short reply, never "I don't have an answer
 * for that"; a question after "ok then" is still read as a question.
 */

const deps = realPolicyDeps({ keepTranscript: false });
const say = sayerWith(deps);
const afterAnAnswer = (text: string) => say(text, next(say('how long does the mailed code take')));

describe('saying the answer landed', () => {
  it.each(['ok', 'ok then', 'cool cool, noted', 'phew, thats a relief honestly', 'Ok, now it is clear for me'])(
    '%p gets the acknowledgement',
    (text) => {
      expect(afterAnAnswer(text).replies.map((part) => part.text)).toEqual([intentText('acknowledged')]);
    },
  );

  it.each(['ok will sit tight, thank you', 'Thank you for your assistance.'])('%p gets the thanks', (text) => {
    expect(afterAnAnswer(text).replies.map((part) => part.text)).toEqual([intentText('thanks')]);
  });

  it('"ok then whats the 1099-K reporting threshold now" is still a question (declined)', () => {
    expect(afterAnAnswer('ok then whats the 1099-K reporting threshold now').decision).toBe('decline');
  });

  it('"will try tonight" tells a plan; "will it work with a prepaid phone" asks', () => {
    expect(deps.language.isQuestion('ok merci, will try tonight')).toBe(false);
    expect(deps.language.isQuestion('will it work with a prepaid phone')).toBe(true);
  });
});

describe('closing after the desk, with a time word in it', () => {
  const afterTheCard = (text: string) => say(text, next(say("what's the help desk number")));

  it('"danke schoen, I have what I need now" thanks; its "now" asks nothing', () => {
    expect(afterTheCard('danke schoen, I have what I need now').replies.map((part) => part.text)).toEqual([
      intentText('thanks'),
    ]);
  });

  it('"thanks, logging off for today" says goodbye', () => {
    expect(afterTheCard('thanks, logging off for today').decision).toBe('intent');
  });

  it('"understood, will pass it on" closes', () => {
    expect(afterAnAnswer('understood, will pass it on').decision).toBe('intent');
  });
});
