import type { TurnPlan } from '../../../src/conversation/turn-plan';
import { realContent } from '../../support/content';
import { realPolicyDeps } from '../../support/policy-deps';
import { sayerWith } from '../../support/talking';

/**
 * Two problems in one message where one needs its troubleshooting, asking for the troubleshooting
 * in a word or two, and other IRS lines that are not the desk's. Real content; assertions by
 * content id, flow node or text.
 */
const content = realContent();
const texts = content.texts;
const deps = realPolicyDeps({ keepTranscript: false });
const say = sayerWith(deps);
const main = texts.troubleshootFlow;
const mailed = 'activation-code-by-mail';

const answered = (plan: TurnPlan) =>
  plan.events?.filter((event) => event.type === 'answered').map((event) => event.articleId) ?? [];
const declined = (plan: TurnPlan) => plan.events?.some((event) => event.type === 'declined') ?? false;
const showsCard = (plan: TurnPlan) => plan.replies.some((part) => part.helpdesk !== undefined);
const at = (plan: TurnPlan) => [plan.conversation.flow?.flowId, plan.conversation.flow?.nodeId];
const startsWithAnswer = (plan: TurnPlan, id: string) =>
  plan.replies[0]?.text?.includes(content.articles.get(id)!.answer.split('\n')[0].slice(0, 60)) ?? false;

describe('two problems told, one answered, the other troubleshot', () => {
  it.each([
    ["my phone won't verify and I forgot my password", 'forgot-password', main, 'phone-which'],
    ["forgot my password and the text code isn't arriving", 'forgot-password', mailed, 'how-sent'],
    ["address doesn't match and my credit card was declined too", 'cards-not-accepted', main, 'address-which'],
  ])('%p: the answer, then the troubleshooting asks last', (message, article, flow, node) => {
    const plan = say(message);
    expect(answered(plan)).toEqual([article]);
    expect(startsWithAnswer(plan, article)).toBe(true);
    expect(at(plan)).toEqual([flow, node]);
    // The flow's buttons are the reply's only ones: the answer's related questions would stand between.
    expect(plan.replies.filter((part) => (part.choices?.length ?? 0) > 0)).toHaveLength(1);
    expect(plan.replies.at(-1)?.choices?.length).toBeGreaterThan(0);
  });

  it('a flow\'s own trigger, joined by "and", is one problem: "I forgot my password and can\'t get in"', () => {
    const plan = say("I forgot my password and can't get in");
    expect(answered(plan)).toEqual([]);
    expect(plan.conversation.flow?.flowId).toBe('locked-out');
  });

  it('"forgot my password and cant log in": the password\'s flow says its answer itself, so it is one problem', () => {
    const plan = say('forgot my password and cant log in');
    expect(plan.conversation.flow?.flowId).not.toBe('locked-out');
    expect(answered(plan)).toEqual(['forgot-password']);
  });

  it('beside a flow, a faint answer for the other part is no answer: "my cell failed and my address is wrong too"', () => {
    const plan = say('my cell failed and my address is wrong too');
    expect(answered(plan)).toEqual([]);
    expect(plan.conversation.flow?.flowId).toBe(main);
  });

  it('two questions, one of them a problem to troubleshoot, are not cut into an answer and a flow', () => {
    const plan = say('after too many wrong pws does the lock clear itself after a while? how long is it');
    expect(answered(plan)).not.toContain('how-long-it-takes');
  });

  it('what a call is about is one matter: "…and the reset isn\'t working. who handles sign-in problems now?"', () => {
    const plan = say(
      "I can't get into e-services today and the reset isn't working. who handles sign-in problems now?",
    );
    expect(plan.conversation.flow).toBeUndefined();
    expect(answered(plan)).toEqual(['id-me-help-today']);
  });
});

describe('asking for the troubleshooting in a word or two', () => {
  it.each(['troubleshoot', 'troubleshooting please', 'can you troubleshoot with me', 'start troubleshooting'])(
    '%p starts the troubleshooting at its first question',
    (message) => {
      expect(at(say(message))).toEqual([main, content.flows.get(main)!.start]);
    },
  );

  it('"troubleshoot the phone step" starts it at that step', () => {
    expect(at(say('Troubleshoot the phone step'))).toEqual([main, 'phone-which']);
  });
});

describe('other IRS lines', () => {
  it.each(['whats the number for the irs refund line', 'number for the identity theft hotline?'])(
    '%p is declined: no card of ours for another line',
    (message) => {
      const plan = say(message);
      expect(declined(plan)).toBe(true);
      expect(showsCard(plan)).toBe(false);
    },
  );
});
