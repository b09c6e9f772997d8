import type { TurnPlan } from '../../../src/conversation/turn-plan';
import { fillTemplate } from '../../../src/content/fill-template';
import { mailedCodeDue } from '../../../src/flows/computations';
import { intentText, realContent } from '../../support/content';
import { realPolicyDeps } from '../../support/policy-deps';
import { conversationWith, sayerWith } from '../../support/talking';

/**
 * A problem told again, differently, over the real content: a new problem typed while a flow
 * asks something else ("nvm my real problem is the address"), a correction naming another step
 * ("wait, actually its my phone that fails, the address passed"), a problem said in a few words
 * ("my problem is the address"), the desk asked for beside something outside the subject, and a
 * mailed code's request date told in few words after an answer about the mailed code.
 * Assertions by content id or text.
 */
const content = realContent();
const texts = content.texts;
const deps = realPolicyDeps({ keepTranscript: false });
const say = sayerWith(deps);
const conversation = conversationWith(deps);
const main = 'cant-complete-registration';
const mailed = 'activation-code-by-mail';

const answered = (plan: TurnPlan) =>
  plan.events?.filter((event) => event.type === 'answered').map((event) => event.articleId) ?? [];
const declined = (plan: TurnPlan) => plan.events?.some((event) => event.type === 'declined') ?? false;
const showsCard = (plan: TurnPlan) => plan.replies.some((part) => part.helpdesk !== undefined);
const saysText = (plan: TurnPlan, text: string) => plan.replies.some((part) => part.text === text);
const at = (plan: TurnPlan) => [plan.conversation.flow?.flowId, plan.conversation.flow?.nodeId];

describe('a new problem typed while a flow asks something else', () => {
  it('"nvm my real problem is the address", asked how the code was to come: the address step, not "by mail"', () => {
    const plan = conversation('my code never came in the mail', 'nvm my real problem is the address');
    expect(at(plan)).toEqual([main, 'address-which']);
    expect(saysText(plan, fillTemplate(texts.flowSwitched, { title: content.flows.get(main)!.title }))).toBe(true);
  });

  it('"wait, actually its my phone that fails, the address passed", at the address step: the phone step', () => {
    const plan = conversation('address mismatch', 'wait, actually its my phone that fails, the address passed');
    expect(at(plan)).toEqual([main, 'phone-which']);
  });

  it('"wait it\'s the password not the code", asked how the code was to come: the password, the flow left', () => {
    const plan = conversation('activation code never arrived', "wait it's the password not the code");
    expect(plan.conversation.flow).toBeUndefined();
    expect(answered(plan)).toEqual(['forgot-password']);
  });

  it('"different issue, my account is suspended since yesterday", at the address step: the suspension', () => {
    const plan = conversation('trouble with address', 'different issue, my account is suspended since yesterday');
    expect(answered(plan)).toEqual(['suspended-account']);
  });

  it('"how long should I wait before calling" asks: "wait" there corrects nothing', () => {
    const plan = conversation(
      'what should i do if i never got the activation letter',
      'how long should I wait before calling',
    );
    expect(answered(plan)).toEqual(['help-desk-menu-prompt']);
    expect(at(plan)).toEqual([mailed, 'how-sent']);
  });

  it('"nvm i figured it out" ends the flow with a goodbye', () => {
    const plan = conversation('phone verification problem', 'nvm i figured it out');
    expect(plan.conversation.flow).toBeUndefined();
    expect(plan.replies[0]?.text).toBe(intentText('goodbye'));
  });
});

describe('a problem said in a few words', () => {
  it.each([
    ['my problem is the address', 'address-which'],
    ['my issue is the address', 'address-which'],
    ['adress mismatch', 'address-which'],
    ['my phone is not working', 'phone-which'],
    ['card number error', 'financial-which'],
    ['phone verification', 'phone-which'],
    ['the phone step', 'phone-which'],
    ['identity verification', 'previously-registered'],
    ['addr issue', 'address-which'],
    ['my card wont verify', 'financial-which'],
  ])('"%s" starts the troubleshooting at its step (%s)', (message, node) => {
    const plan = say(message);
    expect(plan.conversation.flow?.flowId).toBe(main);
    const flow = plan.conversation.flow;
    expect([...(flow?.trail.map((entry) => entry.split(':')[0]) ?? []), flow?.nodeId]).toContain(node);
  });
});

describe('a step or a thing named alone', () => {
  it.each([
    ['credit card verification', 'financial-accounts-accepted'],
    ['phone', 'mobile-phone-requirements'],
    ['address', 'address-moved'],
  ])('"%s" asks about it: %s', (message, articleId) => {
    const plan = say(message);
    expect(answered(plan)).toEqual([articleId]);
    expect(plan.conversation.flow).toBeUndefined();
  });
});

describe('a step word too vague to name one step', () => {
  it('"the code step" is not the troubleshooting from its first question (which code?)', () => {
    expect(say('the code step').conversation.flow?.flowId).not.toBe(main);
  });
});

describe('Letter 5903 is not the activation code', () => {
  it('"i never got letter 5903" gets the answer about the suspensions, not the mailed code\'s flow', () => {
    const plan = say('i never got letter 5903');
    expect(answered(plan)).toEqual(['suspended-account']);
    expect(plan.conversation.flow).toBeUndefined();
  });
});

describe('the desk asked for beside something outside the subject', () => {
  it.each([
    'I need the e-help desk number and also the number for the practitioner priority line',
    'help desk number and also the taxpayer advocate number',
    'help desk number and also the standard deduction for 2025',
    'whats the e-help desk number? also the pps number',
  ])('"%s": the card, and the other part declined on its own', (message) => {
    const plan = say(message);
    expect(showsCard(plan)).toBe(true);
    expect(plan.replies[0]?.text).toBe(texts.otherHalfOutside);
    expect(declined(plan)).toBe(true);
  });

  it('"whats the help desk number and what are their hours" is all about the desk: the card alone', () => {
    const plan = say('whats the help desk number and what are their hours');
    expect(showsCard(plan)).toBe(true);
    expect(saysText(plan, texts.otherHalfOutside)).toBe(false);
    expect(declined(plan)).toBe(false);
  });
});

describe('the request date in few words, after an answer about the mailed code', () => {
  // Today is Tuesday 2026-11-24 (test/support/talking.ts).
  const late = (requestedOn: string) => {
    const due = mailedCodeDue(requestedOn, '2026-11-24');
    return fillTemplate(texts.mailedCodeLate, { requestedOnText: due.requestedOnText, dueDateText: due.dueDateText });
  };

  it.each([
    ['nov 1', '2026-11-01'],
    ['october 30th', '2026-10-30'],
    ['three weeks', '2026-11-03'],
    ['early october', '2026-10-05'],
  ])('"mail code", then "%s": asked for on %s, so late', (message, date) => {
    const plan = conversation('mail code', message);
    expect(plan.replies[0]?.text).toBe(late(date));
    expect(showsCard(plan)).toBe(true);
  });

  it('"mail code", then "yesterday": the code on its way, its flow from that date', () => {
    const plan = conversation('mail code', 'yesterday');
    expect(plan.conversation.flow?.flowId).toBe(mailed);
    expect(plan.conversation.codeRequestedOn).toBe('2026-11-23');
  });
});

describe('two parts told, not asked', () => {
  it('"phone wont validate, also whats the status of my client\'s refund": the phone step, the refund declined', () => {
    const plan = say("phone wont validate, also whats the status of my client's refund");
    expect(plan.replies[0]?.text).toBe(texts.otherHalfOutside);
    expect(declined(plan)).toBe(true);
    expect(at(plan)).toEqual([main, 'phone-which']);
  });

  it('"student loan no match. also when are 1040 estimated payments due": the student loan, the rest declined', () => {
    const plan = say('student loan no match. also when are 1040 estimated payments due');
    expect(plan.replies[0]?.text).toBe(texts.otherHalfOutside);
    expect(declined(plan)).toBe(true);
    expect(answered(plan)).toEqual(['student-loan-nelnet']);
  });

  it('"account suspended + forgot password": both answered', () => {
    expect(answered(say('account suspended + forgot password'))).toEqual(['suspended-account', 'forgot-password']);
  });

  it('a story joined by "and" is one message, not two', () => {
    const plan = say('I moved in the summer and my latest return, filed last month, already shows the new address');
    expect(answered(plan)).toHaveLength(1);
  });

  it('"can you help with the secure access stuff and also explain the child tax credit": no faint answer', () => {
    const plan = say('can you help with the secure access stuff and also explain the child tax credit phaseout');
    expect(answered(plan)).not.toContain('help-desk-menu-prompt');
  });
});

describe('an interjection before the question', () => {
  it('"oh wait, it\'s my home address they want?" is about the address, not the wait for the code', () => {
    expect(answered(conversation('address', "oh wait, it's my home address they want?"))).toEqual(['address-moved']);
  });

  it('"hold on, how long does the mailed code take" is that question', () => {
    expect(answered(say('hold on, how long does the mailed code take'))).toEqual(['activation-code-by-mail']);
  });
});

describe('said at the end, and still calling', () => {
  it.each(['no thanks thats all', 'thats all', 'nope thats everything'])('"%s" is a goodbye', (message) => {
    expect(say(message).replies[0]?.text).toBe(intentText('goodbye'));
  });

  it('"im in california, can i still call" gets the card with the hours', () => {
    const plan = say('im in california, can i still call');
    expect(showsCard(plan)).toBe(true);
    expect(answered(plan)).toEqual([]);
  });
});

describe('more from the review', () => {
  it.each(["what's your name", 'you a real person?'])(
    '"%s" asks who is answering: the bot says what it is',
    (message) => {
      const plan = say(message);
      expect(plan.replies[0]?.text).toBe(intentText('bot-identity'));
      expect(showsCard(plan)).toBe(false);
    },
  );

  it('"account suspended and i need to know when my clients refund is coming": the suspension, the refund declined', () => {
    const plan = say('account suspended and i need to know when my clients refund is coming');
    expect(plan.replies[0]?.text).toBe(texts.otherHalfOutside);
    expect(answered(plan)).toEqual(['suspended-account']);
    expect(declined(plan)).toBe(true);
  });
});

describe('unsuspend', () => {
  it('"how do i unsuspend my account" gets the answer about suspended accounts', () => {
    expect(answered(say('how do i unsuspend my account'))).toEqual(['suspended-account']);
  });
});
