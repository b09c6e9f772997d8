import type { TurnPlan } from '../../../src/conversation/turn-plan';
import { realPolicyDeps } from '../../support/policy-deps';
import { conversationWith } from '../../support/talking';

/**
 * Asking which number to call, in words no cue list holds ("what number should a tax pro call
 * when…"), gets the help-desk card at once; asking for another office's number ("the Taxpayer
 * Advocate Service", "the state department of taxation") gets no card of ours but a plain
 * decline; a number to type in ("what number do I enter…") is no number to call. Over the real
 * content.
 */
const conversation = conversationWith(realPolicyDeps({ keepTranscript: false }));
const card = (plan: TurnPlan) => plan.replies.some((part) => part.helpdesk !== undefined);

describe('whose number is asked for', () => {
  it.each([
    'what number should a tax pro call when secure access fails',
    'which line are preparers supposed to call if the registration breaks',
  ])('"%s" gets the card', (text) => {
    expect(card(conversation(text))).toBe(true);
  });

  it.each([
    "what's the phone number for the Taxpayer Advocate Service",
    'which number do I call for the Ohio department of taxation',
    'how do I become an enrolled agent',
  ])('"%s" is declined, with no card', (text) => {
    const plan = conversation(text);
    expect(plan.decision).toBe('decline');
    expect(card(plan)).toBe(false);
  });

  it('"what number do I enter…" asks no number to call, however close "phone" comes', () => {
    expect(card(conversation('what number do I enter for my mobile on the phone screen'))).toBe(false);
    expect(card(conversation('what number should I enter on the phone screen'))).toBe(false);
  });

  it.each([
    "who do I call about my secure access registration, I'm an s corp",
    'what is the phone number for the e-help desk, I need an extension on my activation code',
  ])('"%s": a matter named as context leaves the card', (text) => {
    expect(card(conversation(text))).toBe(true);
  });
});
