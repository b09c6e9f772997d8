import type { TurnPlan } from '../../../src/conversation/turn-plan';
import { realContent } from '../../support/content';
import { realPolicyDeps } from '../../support/policy-deps';
import { conversationWith } from '../../support/talking';

/**
 * Answers typed to a flow's question in words of one's own: a guess ("could be my birthday or
 * SSN"), a phrase of an answer with a word put in ("one wrong try"), a vague word beside the thing
 * itself ("my loan details"), and a question that one of the answers shows straight away ("which
 * ones even count?"): each takes that answer and the flow moves on, instead of the same question
 * again. Over the real content and flows.
 */
const content = realContent();
const conversation = conversationWith(realPolicyDeps({ keepTranscript: false }));
const took = (plan: TurnPlan, nodeId: string) =>
  plan.conversation.flow?.trail.find((entry) => entry.startsWith(`${nodeId}:`))?.split(':')[1] ??
  (plan.events ?? []).some((event) => event.type === 'flow-finished');
const stuck = ["my secure access registration won't go through", 'no, first time'];

describe('a flow answer typed in words of its own', () => {
  it('a guess is an answer: "could be my birthday or SSN"', () => {
    const plan = conversation(...stuck, "my personal details don't match", 'could be my birthday or SSN');
    expect(took(plan, 'identity-which')).toBe('personal');
  });

  it('a phrase with a word put in: "just one wrong try so far", but never a no put in', () => {
    const plan = conversation("I'm locked out of e-services", 'no', 'just one wrong try so far');
    expect(plan.conversation.flow?.flowId ?? 'ended').not.toBe(content.texts.troubleshootFlow);
    // Fewer than two tries leads to the advice to be careful with the last one.
    const careful = content.flows.get('locked-out')!.nodes['careful-attempt'];
    const advice = careful.kind === 'say' ? (careful.text ?? '') : '';
    expect(advice.length).toBeGreaterThan(0);
    expect(plan.replies.some((part) => part.text?.includes(advice.slice(0, 60)))).toBe(true);
    // "I'm not in" is no "I'm in" with a word put in: the question stays.
    const notIn = conversation("I'm locked out of e-services", 'no', "I don't remember it", "I'm not in");
    expect(notIn.conversation.flow?.nodeId).toBe('reset-result');
  });

  it('a vague word beside the thing: "the bit where it asks for my loan details"', () => {
    const plan = conversation(...stuck, 'the bit where it asks for my loan details');
    expect(took(plan, 'where-stuck')).toBe('financial');
  });

  it('a question one answer shows straight away: "which ones even count?"', () => {
    const plan = conversation(...stuck, 'the financial account check', 'which ones even count?');
    expect(took(plan, 'financial-which')).toBe('which-accounts');
    const answer = content.articles.get('financial-accounts-accepted')!.answer;
    expect(plan.replies.some((part) => part.text?.includes(answer.slice(0, 40)))).toBe(true);
    // …and the question is not asked again.
    const question = content.flows.get(content.texts.troubleshootFlow)!.nodes['financial-which'];
    expect(plan.replies.some((part) => question.kind === 'ask' && part.text === question.text)).toBe(false);
  });

  it('a correction names what failed beside what went fine: "she says the address went fine, it\'s the financial screen"', () => {
    const plan = conversation(
      ...stuck,
      'somewhere around the name/address/DOB screen',
      "wait, sorry, the address went fine, it's the financial screen that fails",
    );
    expect(took(plan, 'where-stuck')).toBe('financial');
    expect(plan.conversation.flow?.nodeId).toBe('financial-which');
    // A step said to have gone fine is no answer on its own: the flow's question stays.
    const fine = conversation(...stuck, 'the financial account check', 'ok the address part went fine');
    expect(fine.conversation.flow?.nodeId).toBe('financial-which');
  });

  it('"I misspoke" corrects the answer before; "hold on" is only a pause', () => {
    const phone = "it's the bit where they text my mobile";
    const plan = conversation(...stuck, phone, 'sorry I misspoke, its the address screen saying no match');
    expect(took(plan, 'where-stuck')).toBe('identity');
    expect(plan.conversation.flow?.nodeId).toBe('identity-which');
    // A pause says nothing to correct: what was told stands.
    const pause = conversation(...stuck, phone, 'hold on, my email just pinged, one sec');
    expect(took(pause, 'where-stuck')).toBe('phone');
  });

  it('a yes said with what went fine is still a yes: "the reset worked ok. thank you"', () => {
    const plan = conversation(
      "I'm locked out of e-services",
      'no',
      "I don't remember it",
      'the reset worked ok. thank you',
    );
    expect(plan.conversation.flow?.nodeId ?? 'ended').not.toBe('reset-result');
    expect((plan.events ?? []).some((event) => event.type === 'flow-finished')).toBe(true);
  });

  it('a leading "ok" is no step gone fine, and a question is read whole', () => {
    const plan = conversation(
      ...stuck,
      "my personal details don't match",
      "ok it's the address. we only have a po box out here",
    );
    expect(took(plan, 'address-which')).toBe('po-box');
  });
});

describe('asking for the number at a step that offers the desk line', () => {
  const late = ['my mailed activation code never came', 'by mail', 'October 30'];
  const card = (plan: TurnPlan) => plan.replies.find((part) => part.helpdesk)?.helpdesk;

  it('"what number" takes the desk choice: the card, not the answer about new mobile numbers', () => {
    const asked = conversation(...late);
    expect(asked.conversation.flow?.nodeId).toBe('overdue-next');
    const plan = conversation(...late, 'what number');
    expect(card(plan)?.number).toBe(content.helpdesk.number);
    expect(plan.conversation.flow).toBeUndefined();
  });

  it('"which digits?" or "what number would I even use" at such a step ask about their own', () => {
    // Not the desk's choice taken: the flow still waits at its question.
    for (const text of ['which digits?', 'what number would I even use'])
      expect(conversation(...late, text).conversation.flow?.nodeId).toBe('overdue-next');
  });

  it('at a step with no desk choice, "what number" is no choice', () => {
    const plan = conversation(...stuck, 'what number');
    expect(plan.conversation.flow?.nodeId).toBe('where-stuck');
  });
});

describe('the words that answered one question answer the next', () => {
  it('"i moved in march but havent filed since", asked which detail: the address, and the move', () => {
    const plan = conversation(...stuck, "my personal details don't match", 'i moved in march but havent filed since');
    expect(took(plan, 'identity-which')).toBe('address');
    expect(took(plan, 'address-which')).toBe('moved');
    const answer = content.articles.get('address-moved')!.answer;
    expect(plan.replies.some((part) => part.text?.includes(answer.slice(0, 60)))).toBe(true);
  });

  it('a word said in passing answers nothing further: "no prior account, I only used the old password"', () => {
    const plan = conversation(
      "my secure access registration won't go through",
      'no prior account, I only ever used the old e-services password till now',
    );
    expect(plan.conversation.flow?.nodeId).toBe('where-stuck');
  });
});

describe('told at "did that solve it?" that the suggestion was already tried', () => {
  it('"checked spam" after the spam answer is not solved: the desk comes next', () => {
    const plan = conversation(...stuck, 'the confirmation email never came', 'checked spam');
    expect(plan.replies.some((part) => part.helpdesk !== undefined)).toBe(true);
    expect(took(plan, 'email-missing')).toBe(true);
  });

  it.each(['checked spam, found it!', 'checked spam - it was there. thx', 'tried again and it came through'])(
    '%p is solved',
    (text) => {
      const plan = conversation(...stuck, 'the confirmation email never came', text);
      expect(plan.replies.some((part) => part.helpdesk !== undefined)).toBe(false);
      expect(plan.conversation.flow).toBeUndefined();
    },
  );

  it('"i already checked spam before i came here" is not', () => {
    const plan = conversation(
      ...stuck,
      'the confirmation email never came',
      'i already checked spam before i came here',
    );
    expect(plan.replies.some((part) => part.helpdesk !== undefined)).toBe(true);
  });
});

describe('an answer ruled out in words ("it\'s not prepaid")', () => {
  const phone = [...stuck, "my phone can't be verified"];

  it('gets the question again, said as such: not the ruled-out answer\'s step, not "didn\'t catch that"', () => {
    const plan = conversation(...phone, "it's not prepaid");
    expect(plan.conversation.flow?.nodeId).toBe('phone-which');
    expect(plan.replies[0].text).toBe(content.texts.flowRuledOut);
    expect(plan.replies.some((part) => part.text === content.texts.flowNotUnderstood)).toBe(false);
    const prepaid = content.articles.get('phone-not-in-your-name')!.answer;
    expect(plan.replies.some((part) => part.text?.includes(prepaid.slice(0, 40)))).toBe(false);
  });

  it('an answer named beside the one ruled out is taken', () => {
    const plan = conversation(...phone, "not prepaid, it's a new number");
    expect(took(plan, 'phone-which')).toBe('new-number');
  });
});

describe('"what now?" while a question waits', () => {
  it('gets that question again: it is what comes now', () => {
    const plan = conversation("my address doesn't match", 'what now');
    const asked = plan.conversation.flow?.nodeId;
    expect(asked).toBeDefined();
    const node = content.flows.get(plan.conversation.flow!.flowId)!.nodes[asked!];
    expect(plan.replies.some((part) => node.kind === 'ask' && part.text === node.text)).toBe(true);
    expect(plan.events?.some((event) => event.type === 'answered')).toBeFalsy();
  });
});
