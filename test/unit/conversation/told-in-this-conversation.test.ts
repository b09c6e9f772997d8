import { fillTemplate } from '../../../src/content/fill-template';
import type { TurnPlan } from '../../../src/conversation/turn-plan';
import { mailedCodeDue } from '../../../src/flows/computations';
import { realContent } from '../../support/content';
import { realPolicyDeps } from '../../support/policy-deps';
import { conversationWith } from '../../support/talking';

/**
 * A mailed code's request date told once in a conversation is what its later questions are
 * worked out from, though they no longer name the code. Over the real content; the clock is
 * Tuesday 2026-11-24, 10:00 Eastern.
 */

const content = realContent();
const texts = content.texts;
const deps = realPolicyDeps({ keepTranscript: false });
const conversation = conversationWith(deps);
const TODAY = '2026-11-24';

const saysDue = (plan: TurnPlan, requestedOn: string) =>
  plan.replies.some((part) => part.text?.includes(mailedCodeDue(requestedOn, TODAY).dueDateText));

describe('a request date told earlier in the conversation', () => {
  it('"and what day should it land" two answers later is worked out from it, kept for this conversation only', () => {
    const plan = conversation(
      'got a new cell number with a new carrier and the verification text never shows',
      'I asked for it by mail on 11/20, ok to keep trying the texting meanwhile?',
      'and what day should it land',
    );
    expect(plan.decision).toBe('mailed-code');
    expect(saysDue(plan, '2026-11-20')).toBe(true);
    expect(plan.conversation.codeRequestedOn).toBe('2026-11-20');
    expect(plan.user.mailedCodeRequestedOn).toBeUndefined();
  });

  it('"so what\'s the date I panic" after the code\'s due date was answered', () => {
    const plan = conversation(
      'letter with the code was requested Nov 21, should it be here by now?',
      "so what's the date I panic",
    );
    expect(plan.decision).toBe('mailed-code');
    expect(saysDue(plan, '2026-11-21')).toBe(true);
  });

  it('requested today: the due date from today', () => {
    const plan = conversation('requesting the mailed code today, what date do I watch for');
    expect(saysDue(plan, TODAY)).toBe(true);
  });

  it('with no date told, the same follow-up is not worked out from any date', () => {
    const plan = conversation(
      'got a new cell number with a new carrier and the verification text never shows',
      'and what day should it land',
    );
    expect(plan.decision).not.toBe('mailed-code');
    expect(plan.conversation.codeRequestedOn).toBeUndefined();
  });

  it('a date of something else (a return filed) is no request date', () => {
    const plan = conversation('my address fails, I filed my return on 11/02 from the new place');
    expect(plan.conversation.codeRequestedOn).toBeUndefined();
  });

  it('"forget everything" forgets it', () => {
    const plan = conversation('I asked for the code by mail on 11/20', 'forget everything');
    expect(plan.conversation.codeRequestedOn).toBeUndefined();
    expect(plan.replies[0].text).toBe(fillTemplate(texts.resetDone, {}));
  });
});

describe('a place named in passing', () => {
  it('"greetings from Anchorage" before a question is the zone later answers use', () => {
    const plan = conversation('greetings from Anchorage - is my old secure access login still good?');
    expect(plan.user.timeZone).toBe('America/Anchorage');
  });
});

describe('a follow-up about the answer just given, in words that read outside the subject too', () => {
  const ready = 'what should I have in front of me when I phone the e-help desk';

  it('"when you say tax return info, is that only my own 1040 or more" is about that answer', () => {
    const plan = conversation(ready, 'when you say tax return info, is that only my own 1040 or more');
    expect(plan.events?.filter((event) => event.type === 'answered').map((event) => event.articleId)).toEqual([
      'call-what-to-have-ready',
    ]);
  });

  it('a question outside the subject after it is still declined', () => {
    expect(conversation(ready, "unrelated, what's the penalty for filing 1099s late").decision).toBe('decline');
  });
});

describe('the date told, kept no further than it should be', () => {
  it('after the desk\'s card, "so when is that where I live?" is about the desk, not the code\'s due date', () => {
    const plan = conversation(
      'got a new cell number and the verification text never shows',
      'I asked for it by mail on 11/20, ok to keep trying the texting meanwhile?',
      'who do I call about it?',
      'so when is that where I live?',
    );
    expect(plan.decision).not.toBe('mailed-code');
  });

  it('"no, don\'t keep it" at the reminder forgets the conversation\'s date too', () => {
    const plan = conversation(
      'my mailed activation code never came',
      'by mail',
      'I requested it on 11/19',
      "no, don't keep it",
    );
    expect(plan.conversation.codeRequestedOn).toBeUndefined();
    expect(plan.user.mailedCodeRequestedOn).toBeUndefined();
  });
});
