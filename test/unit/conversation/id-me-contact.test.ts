import type { TurnPlan } from '../../../src/conversation/turn-plan';
import { realPolicyDeps } from '../../support/policy-deps';
import { sayerWith } from '../../support/talking';

/**
 * Asking how to reach ID.me, over the real content: the answer that ID.me handles its own sign-in
 * help (the sources give no number for it), not the e-Help Desk's card as if it were ID.me's.
 * Questions about what ID.me needs, or one's own number with it, are other questions.
 */
const say = sayerWith(realPolicyDeps({ keepTranscript: false }));
const answered = (plan: TurnPlan) =>
  plan.events?.filter((event) => event.type === 'answered').map((event) => event.articleId) ?? [];
const hasCard = (plan: TurnPlan) => plan.replies.some((part) => part.helpdesk !== undefined);

describe("ID.me's own contact", () => {
  it.each(["what is id.me's phone number?", 'how do I call ID.me', 'whats the number for idme support'])(
    '%p gets who helps with ID.me, not the card',
    (text) => {
      const plan = say(text);
      expect(answered(plan)).toEqual(['id-me-help-today']);
      expect(hasCard(plan)).toBe(false);
    },
  );

  it.each([
    'does ID.me require my social security number',
    'what phone does id.me need',
    'my id.me phone number changed, do I need to tell the IRS?',
    'can i use my work phone for id.me',
    'i got a call from someone claiming to be id.me, is it legit?',
    'id.me video call dropped halfway, what do I do',
  ])('%p is another question', (text) => {
    expect(answered(say(text))).not.toContain('id-me-help-today');
  });
});

describe('a person at ID.me', () => {
  it.each([
    'can i talk to a person at id.me',
    'id.me customer service hours?',
    'how do i reach a human at id.me',
    'is there a live agent at id.me for tax pros',
    'does idme have a phone number',
    'is id.me open on weekends',
  ])("%p gets who helps with ID.me, not the card as if it were ID.me's line", (text) => {
    const plan = say(text);
    expect(answered(plan)).toEqual(['id-me-help-today']);
    expect(hasCard(plan)).toBe(false);
  });

  it.each([
    'can I talk to a real person',
    'talk to a person about id.me',
    'id.me wont verify me, i need a human',
    'who can i talk to at the irs about this, a real person',
  ])('%p still gets the card at once', (text) => {
    expect(hasCard(say(text))).toBe(true);
  });
});
