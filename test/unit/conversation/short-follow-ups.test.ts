import type { TurnPlan } from '../../../src/conversation/turn-plan';
import { intentText, realContent } from '../../support/content';
import { realPolicyDeps } from '../../support/policy-deps';
import { next, sayerWith } from '../../support/talking';

/**
 * A few words after an answer ("why not?", "where do I call"), and what people say around their
 * questions (an apology, praise, "do you speak Spanish?"). Real content; assertions by content id
 * or by the intent's reply.
 */
const content = realContent();
const deps = realPolicyDeps({ keepTranscript: false });
const say = sayerWith(deps);

const answered = (plan: TurnPlan) =>
  plan.events?.filter((event) => event.type === 'answered').map((event) => event.articleId) ?? [];
const showsCard = (plan: TurnPlan) => plan.replies.some((part) => part.helpdesk !== undefined);
const says = (plan: TurnPlan, text: string) => plan.replies.some((part) => part.text?.startsWith(text));

describe('"why" alone, right after an answer', () => {
  it.each(['why not', 'why?', 'how come'])('%p gets that answer, which gives its reasons', (message) => {
    const first = say('can I get the activation code sent to my office instead of home');
    const [topic] = answered(first);
    expect(topic).toBeDefined();
    expect(answered(say(message, next(first)))).toEqual([topic]);
  });

  it('with no answer before it, "why" is no follow-up', () => {
    const first = say('can I get the activation code sent to my office instead of home');
    expect(answered(say('why'))).not.toEqual(answered(first));
  });
});

describe('where to call', () => {
  it.each(['where do i call', 'ok where do i call', 'where should I call'])('%p gets the card', (message) => {
    expect(showsCard(say(message))).toBe(true);
  });

  it.each(['where do i call about my refund', 'who do i call about my refund', 'where can i call for my efin'])(
    '%p is about a matter outside the subject: declined, no card',
    (message) => {
      const plan = say(message);
      expect(plan.events?.some((event) => event.type === 'declined')).toBe(true);
      expect(showsCard(plan)).toBe(false);
    },
  );

  it('"pls send the e-help desk digits, I\'m passing them to staff" still gets the card', () => {
    expect(showsCard(say("pls send the e-help desk digits, I'm passing them to staff"))).toBe(true);
  });

  it('"where do i call about my id.me lockout" is ID.me\'s to handle', () => {
    expect(answered(say('where do i call about my id.me lockout'))).toEqual(['id-me-help-today']);
  });
});

describe('said around the questions', () => {
  it.each([
    ['sorry for being rude earlier', 'apology'],
    ['sorry for the rant', 'apology'],
    ["you're awesome", 'thanks'],
    ['do you speak spanish', 'languages'],
    ['can you speak vietnamese?', 'languages'],
  ])('%p gets the %s reply', (message, intent) => {
    expect(says(say(message), intentText(intent))).toBe(true);
  });

  it('"sorry, how long does the mailed code take" is that question, the sorry left out', () => {
    expect(answered(say('sorry, how long does the mailed code take'))).toEqual(['activation-code-by-mail']);
  });

  it('"how do you say invoice in spanish" is declined, not the languages reply', () => {
    const plan = say('how do you say invoice in spanish');
    expect(plan.events?.some((event) => event.type === 'declined')).toBe(true);
    expect(says(plan, intentText('languages'))).toBe(false);
  });
});

describe('a plan said in a flow', () => {
  it('"ok I\'ll wait", asked how the code was to come after the wait was worked out: the flow ends kindly', () => {
    const asked = say("my code hasn't arrived");
    expect(asked.conversation.flow?.nodeId).toBe('how-sent');
    const told = say("it's been 4 days", next(asked));
    const plan = say("ok I'll wait", next(told));
    expect(plan.conversation.flow).toBeUndefined();
    expect(says(plan, intentText('acknowledged'))).toBe(true);
  });

  it('"ok i will call them tomorrow" in a flow is a call planned: what to have ready, not a goodbye', () => {
    const asked = say("my code hasn't arrived");
    const plan = say('ok i will call them tomorrow', next(asked));
    expect(plan.conversation.flow?.flowId).toBe(content.texts.beforeCallingFlow);
    expect(says(plan, intentText('acknowledged'))).toBe(false);
  });
});

describe('a wait told in business days', () => {
  it('"it\'s been 12 business days", asked when the code was requested, is counted back to its date', () => {
    const asked = say("my code hasn't arrived");
    const byMail = say('by mail', next(asked));
    expect(byMail.conversation.flow?.nodeId).toBe('requested-on');
    const plan = say("it's been 12 business days", next(byMail));
    // Thursday, Nov 5: twelve business days before Tuesday, Nov 24, past Veterans Day.
    expect(plan.replies.some((part) => part.text?.includes('Nov 5'))).toBe(true);
    expect(plan.conversation.flow?.nodeId).not.toBe('requested-on');
  });
});

describe('going back in a flow', () => {
  const main = content.texts.troubleshootFlow;
  const walk = (...messages: string[]) =>
    messages.reduce<TurnPlan | undefined>((plan, message) => say(message, plan ? next(plan) : undefined), undefined)!;

  it('"go back" at the phone step asks again where it stops, that answer undone', () => {
    const atPhone = walk('troubleshoot', 'no', 'phone');
    expect(atPhone.conversation.flow?.nodeId).toBe('phone-which');
    const back = say('go back', next(atPhone));
    expect(back.conversation.flow?.nodeId).toBe('where-stuck');
    expect(back.conversation.flow?.trail).toHaveLength((atPhone.conversation.flow?.trail.length ?? 0) - 1);
    expect(back.conversation.flow?.flowId).toBe(main);
  });

  it('"ok back to it" asks the same question again', () => {
    const atPhone = walk('troubleshoot', 'no', 'phone');
    expect(say('ok back to it', next(atPhone)).conversation.flow?.nodeId).toBe('phone-which');
  });

  it('"go back" with no flow under way gets what the bot can do', () => {
    const plan = walk('how long does the mailed code take', 'go back');
    expect(plan.replies[0]?.text).toBe(content.texts.help);
  });

  it('"yea" is a yes', () => {
    const asked = say('troubleshoot');
    expect(say('yea', next(asked)).conversation.flow?.trail).toEqual(['previously-registered:yes']);
  });
});

describe('a coast for a zone', () => {
  it.each([
    ['im on the west coast', 'America/Los_Angeles'],
    ['we are on the east coast', 'America/New_York'],
  ])('%p is remembered as %s', (message, zone) => {
    expect(say(message).user.timeZone).toBe(zone);
  });
});

describe('"so what do I do?" right after an answer', () => {
  it.each(['so what do I do', 'what should I do?', 'qué hago?', 'ok what do we do'])(
    '%p gets that answer, which says what to do',
    (message) => {
      const first = say("my phone is on my wife's family plan");
      const [topic] = answered(first);
      expect(topic).toBeDefined();
      expect(answered(say(message, next(first)))).toEqual([topic]);
    },
  );
});

describe('a person or the number asked for in a word or in Spanish', () => {
  it.each(['rep', 'a rep', 'ok necesito el número de teléfono'])('%p gets the card', (message) => {
    expect(showsCard(say(message))).toBe(true);
  });
});

describe('"now what?" after saying the answer did not help', () => {
  it('gets the card: the answer failed, so the desk comes next', () => {
    const first = say('the confirmation code email never arrived');
    const failed = say('checked spam', next(first));
    expect(showsCard(failed)).toBe(false);
    expect(showsCard(say('now what?', next(failed)))).toBe(true);
  });
});

describe('"is re-registration still required?"', () => {
  it('is about today (ID.me), not a phone requirement', () => {
    expect(answered(say('is re-registration still required?'))).toEqual(['id-me-change']);
  });
});

describe('said around the questions, in words the lists lacked', () => {
  it('"you\'re a robot right" asks what the bot is', () => {
    expect(say("you're a robot right").decision).toBe('intent');
  });

  it('"thanks for nothing" is frustration, not thanks', () => {
    const plan = say('thanks for nothing');
    expect(plan.replies[0].text).toBe(intentText('frustration'));
  });
});

describe('help asked for with only the subject named', () => {
  it.each([
    'I need help with my e-services registration',
    'need help with e-services',
    'Necesito ayuda con mi registro de e-Services',
  ])('%p starts the troubleshooting, which asks where it stops', (text) => {
    expect(say(text).conversation.flow?.flowId).toBe(content.texts.troubleshootFlow);
  });

  it('help with something named is that: "I need help with the mailed code" starts no troubleshooting', () => {
    expect(say('I need help with the mailed code').conversation.flow?.flowId).not.toBe(content.texts.troubleshootFlow);
  });
});
