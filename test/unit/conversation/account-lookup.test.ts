import type { TurnPlan } from '../../../src/conversation/turn-plan';
import { realContent } from '../../support/content';
import { realPolicyDeps } from '../../support/policy-deps';
import { conversationWith } from '../../support/talking';

/**
 * "Can you confirm on your end whether my registration went through?": the bot is asked to look
 * at someone's own record, which it cannot; it says so (the account-lookup intent of
 * knowledge/intents.yaml) instead of declining or answering something else. "On your end" said
 * in passing ("hope all's well on your end") asks nothing of the kind. Over the real content.
 */
const content = realContent();
const deps = realPolicyDeps({ keepTranscript: false });
const conversation = conversationWith(deps);
const lookup = content.intents.find((intent) => intent.id === 'account-lookup')!;
const says = (plan: TurnPlan, text: string) => plan.replies.some((part) => part.text?.includes(text));

describe('asking the bot to look at your own record', () => {
  it.each([
    'can you check on your end if my secure access sign up worked',
    'could you confirm whether my e-services access is set up now',
    'pls confirm my registration, I entered everything last night',
    'did my e-services registration go through on your end or not',
  ])('"%s" is told the bot cannot look', (text) => {
    const plan = conversation(text);
    expect(says(plan, lookup.reply) || (lookup.aside !== undefined && says(plan, lookup.aside))).toBe(true);
  });

  it('"confirm whether my family plan phone counts" asks about phones, not a record', () => {
    expect(says(conversation('please confirm whether my family plan phone counts'), lookup.reply)).toBe(false);
  });

  it('"on your end" in a greeting is a greeting', () => {
    const plan = conversation('hey bot, hope all is well on your end');
    expect(says(plan, lookup.reply)).toBe(false);
    expect(says(plan, content.intents.find((intent) => intent.id === 'greeting')!.reply)).toBe(true);
  });
});
