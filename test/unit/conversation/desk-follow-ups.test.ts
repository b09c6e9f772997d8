import type { TurnPlan } from '../../../src/conversation/turn-plan';
import { realPolicyDeps } from '../../support/policy-deps';
import { conversationWith } from '../../support/talking';

/**
 * Follow-ups after the desk's card, over the real content: what they point at is the desk's (its
 * people, the wait on its line, its menu), however they read alone.
 */
const conversation = conversationWith(realPolicyDeps({ keepTranscript: false }));
const answered = (plan: TurnPlan) =>
  plan.events?.filter((event) => event.type === 'answered').map((event) => event.articleId) ?? [];
const card = "what's the help desk number?";

describe('after the card', () => {
  it.each(['how long is the wait usually?', 'is the wait long?', 'what are the hold times like'])(
    '%p asks about the wait on the line, not the mailed code',
    (text) => {
      expect(answered(conversation(card, text))).toEqual(['help-desk-menu-prompt']);
    },
  );

  it('a question naming the code is still about the code', () => {
    expect(answered(conversation(card, 'how long does the code take?'))).toEqual(['activation-code-by-mail']);
    expect(answered(conversation(card, "what's the wait on the activation code by mail"))).toEqual([
      'activation-code-by-mail',
    ]);
  });

  it('a card "on hold" is no hold on the line', () => {
    const plan = conversation(card, 'is my credit card on hold a problem for the financial check?');
    expect(answered(plan)).not.toContain('help-desk-menu-prompt');
  });
});

describe('"is there another number", away from another office named', () => {
  const hasCard = (plan: TurnPlan) => plan.replies.some((part) => part.helpdesk !== undefined);

  it.each([
    'the practitioner priority line is useless, for secure access problems is there another number',
    'the taxpayer advocate could not help with secure access, is there another number i can call',
    'the practitioner priority service cant help me with this, is there another number',
  ])('%p gets the card', (text) => {
    expect(hasCard(conversation(text))).toBe(true);
  });

  it.each([
    'is there another number for the PPS line',
    'the taxpayer advocate line is busy, is there another number for the taxpayer advocate',
  ])("%p asks for that office's: declined, no card", (text) => {
    const plan = conversation(text);
    expect(plan.decision).toBe('decline');
    expect(hasCard(plan)).toBe(false);
  });

  it.each([
    'is there another number for id.me support',
    'the id.me number just loops, is there another number i can call',
  ])("%p is about ID.me's own help", (text) => {
    expect(answered(conversation(text))).toEqual(['id-me-help-today']);
  });

  it('another number for the text, on a phone not in your name, is about the phone', () => {
    const plan = conversation("my cell is on my wife's plan, is there a different number i can use for the text");
    expect(hasCard(plan)).toBe(false);
    expect(answered(plan)).toEqual(['phone-not-in-your-name']);
  });
});
