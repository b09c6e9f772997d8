import type { TurnPlan } from '../../../src/conversation/turn-plan';
import { realContent } from '../../support/content';
import { realPolicyDeps } from '../../support/policy-deps';
import { next, sayerWith } from '../../support/talking';

/**
 * The answers that take a code asked for by mail as given ("Wait for the letter", "Use the code in
 * the letter"; routing mailAssumed) are given only when the message, the last answer, a flow or a
 * date told speaks of one. Real content; assertions by article id.
 */
const content = realContent();
const say = sayerWith(realPolicyDeps({ keepTranscript: false }));
const assumed = content.routing.mailAssumed!.answers;
const answered = (plan: TurnPlan) =>
  plan.events?.filter((event) => event.type === 'answered').map((event) => event.articleId) ?? [];

describe('an answer that takes a mailed code as given', () => {
  it('"trying again" after the financial accounts answer is not "wait for the letter"', () => {
    const first = say('the financial account check fails');
    const again = say('trying again', next(first));
    expect(answered(again).some((id) => assumed.includes(id))).toBe(false);
  });

  it.each([
    'I asked for the code by mail, should I keep trying online meanwhile?',
    '2 things: how long does the code by mail take, and am i supposed to stop trying online while i wait',
  ])('%p names the mail: the letter answer stands', (text) => {
    expect(answered(say(text))).toContain('stop-after-mail-request');
  });

  it('after an answer that speaks of the mailed code, "in the meantime should I keep attempting it?" is about it', () => {
    const first = say("fyi the mobile I have is on my dad's family plan");
    expect(answered(say('in the meantime should I keep attempting it on the site', next(first)))).toEqual([
      'stop-after-mail-request',
    ]);
  });
});
