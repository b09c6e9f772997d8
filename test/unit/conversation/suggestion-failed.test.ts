import type { TurnPlan } from '../../../src/conversation/turn-plan';
import { intentText } from '../../support/content';
import { realPolicyDeps } from '../../support/policy-deps';
import { conversationWith } from '../../support/talking';

/**
 * "Checked spam already" after the answer that says to look in spam: what was suggested was done
 * and failed, so the same answer again would not help. The reply says so and offers the way on
 * (intents.yaml not-helpful), over the real content.
 */
const conversation = conversationWith(realPolicyDeps({ keepTranscript: false }));
const said = (plan: TurnPlan) => plan.replies.map((part) => part.text ?? '').join(' ');
const notHelpful = intentText('not-helpful');
const noEmail = 'the confirmation email never came';

describe('told the suggestion was already tried', () => {
  it.each(['checked spam already', 'did that already', 'I already looked in junk, nothing', 'already tried that'])(
    '%p after the spam answer: not that answer again',
    (text) => {
      const plan = conversation(noEmail, text);
      expect(said(plan)).toContain(notHelpful);
      expect(plan.conversation.flow).toBeUndefined();
    },
  );

  it.each([
    ['a question', ['I already checked my address, what else could it be?']],
    ['a first message', ['checked spam already and the confirmation email still isnt there']],
    ['good news', [noEmail, 'looked in junk - found it!']],
    ['good news after it', [noEmail, 'already did that, it worked']],
    ['a short question beside it', ['what kind of phone do I need', "didn't help. prepaid phone?"]],
  ])('%s is no failure to report', (_, messages) => {
    expect(said(conversation(...messages))).not.toContain(notHelpful);
  });
});

describe('a credit freeze told after its answer', () => {
  const freeze = 'do i need a credit report freeze lifted';
  const answered = (plan: TurnPlan) =>
    plan.events?.filter((event) => event.type === 'answered').map((event) => event.articleId) ?? [];

  it('"i have a freeze with equifax" is a state, not the suggestion failing: the freeze answer again', () => {
    const plan = conversation(freeze, 'i have a freeze with equifax');
    expect(said(plan)).not.toContain(notHelpful);
    expect(answered(plan)).toEqual(['credit-freeze']);
  });

  it.each([
    'the page froze when i hit submit',
    'registration froze',
    'the whole thing froze',
    'page freezes',
    'everything freezes when i click continue',
  ])('%p is still a failure: the troubleshooting starts', (text) => {
    expect(conversation(text).conversation.flow).toBeDefined();
  });
});
