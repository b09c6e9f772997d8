import type { TurnPlan } from '../../../src/conversation/turn-plan';
import { realPolicyDeps } from '../../support/policy-deps';
import { conversationWith } from '../../support/talking';

/**
 * A tax matter outside the subject named in passing ("our CAF number is on file, but…") is not
 * what the message asks when an article answers it beyond doubt (the router's certainAbove, the
 * same bar as for a word only out-of-scope topics know); asked about for itself ("CAF number for
 * my firm, how do I get one"), it is declined. Over the real content.
 */
const conversation = conversationWith(realPolicyDeps({ keepTranscript: false }));
const answered = (plan: TurnPlan) =>
  plan.events?.flatMap((event) => (event.type === 'answered' ? [event.articleId] : [])) ?? [];

describe('an outside matter named in passing', () => {
  it.each([
    'our CAF number is on file, but does each preparer at the firm still need their own personal secure access account',
    'we have a CAF number, does every staff member need a separate secure access registration with their own personal info',
  ])('"%s" is answered', (text) => {
    expect(answered(conversation(text))).toEqual(['personal-not-firm-credentials']);
  });

  it.each(['CAF number for my firm, how do I get one', 'how long does EFIN approval take these days'])(
    '"%s" is declined',
    (text) => {
      const plan = conversation(text);
      expect(plan.decision).toBe('decline');
      expect(answered(plan)).toEqual([]);
    },
  );
});
