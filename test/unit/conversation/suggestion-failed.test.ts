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

  it('a question after "already checked" is still answered', () => {
    const plan = conversation('I already checked my address, what else could it be?');
    expect(said(plan)).not.toContain(notHelpful);
  });
});
