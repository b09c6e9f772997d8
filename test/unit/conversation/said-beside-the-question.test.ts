import type { TurnPlan } from '../../../src/conversation/turn-plan';
import { intentText, realContent } from '../../support/content';
import { realPolicyDeps } from '../../support/policy-deps';
import { conversationWith, sayerWith } from '../../support/talking';

/**
 * What people say beside their question, over the real content: a filler before it ("fine, …"),
 * a flow's answer in a clause of its own ("by mail, how long…"), a problem in two words ("phone
 * problem"), a second half outside the subject, a contact asked for after a long lead-in. The
 * question is answered, and what was said beside it is heard. Assertions by content id or text.
 */
const content = realContent();
const texts = content.texts;
const deps = realPolicyDeps({ keepTranscript: false });
const say = sayerWith(deps);
const conversation = conversationWith(deps);

const answered = (plan: TurnPlan) =>
  plan.events?.filter((event) => event.type === 'answered').map((event) => event.articleId) ?? [];
const declined = (plan: TurnPlan) => plan.events?.some((event) => event.type === 'declined') ?? false;
const showsCard = (plan: TurnPlan) => plan.replies.some((part) => part.helpdesk !== undefined);
const saysText = (plan: TurnPlan, text: string) => plan.replies.some((part) => part.text === text);

describe('a filler before the question', () => {
  it.each([
    ['fine, what do I need then', 'what-you-need'],
    ['alright, what do i need then', 'what-you-need'],
    ['great, what do i need then', 'what-you-need'],
    ['fine, how do I start', 'how-to-start'],
  ])('"%s" is answered as the question alone (%s)', (message, articleId) => {
    expect(answered(say(message))).toEqual([articleId]);
  });

  it('"ok fine, whats the number" gets the card', () => {
    expect(showsCard(say('ok fine, whats the number'))).toBe(true);
  });

  it('"fine" alone is heard as "fine", not as a question about why everyone re-registers', () => {
    const plan = say('fine');
    expect(answered(plan)).toEqual([]);
    expect(plan.replies.map((part) => part.text)).toEqual([intentText('acknowledged')]);
  });

  it('small talk with an aside of its own keeps it: "ugh fine. roughly how many business days for that letter"', () => {
    const plan = say('ugh fine. roughly how many business days for that letter');
    expect(plan.replies[0]?.text).toBe(content.intents.find((intent) => intent.id === 'frustration')?.aside);
    expect(answered(plan)).toEqual(['activation-code-by-mail']);
  });

  it('"fine, how do i start then" after why everyone re-registers asks how to begin, not when it began', () => {
    const plan = conversation('what is secure access', 'fine, how do i start then');
    expect(answered(plan)).toEqual(['how-to-start']);
  });
});

describe("a flow's answer in a clause of its own, and a question beside it", () => {
  it('"by mail, how long does it usually take?" asked how the code was to come: mail taken, the wait answered', () => {
    const plan = conversation('i never got my activation code', 'by mail, how long does it usually take?');
    expect(answered(plan)).toEqual(['activation-code-by-mail']);
    expect(plan.conversation.flow?.trail).toContain('how-sent:by-mail');
    expect(plan.conversation.flow?.nodeId).not.toBe('how-sent');
  });

  it('"yes. how long is the wait…" asked about email access: yes taken, the next question asked', () => {
    const plan = conversation(
      'i need to call the help desk',
      'yes i tried',
      'yes. how long is the wait on the phone usually?',
    );
    expect(plan.conversation.flow?.nodeId).toBe('return-info');
    expect(saysText(plan, texts.flowResumeLead)).toBe(false);
  });

  it('"I\'ll try online first. How do I begin?" is no question about trying online first', () => {
    const plan = conversation(
      "I'd like to call the IRS about my Secure Access registration.",
      "No, I haven't attempted it online yet.",
      "I'll try online first. How do I begin?",
    );
    expect(answered(plan)).toEqual(['how-to-start']);
    expect(plan.conversation.flow).toBeUndefined();
  });

  it.each([
    ['not by mail, how long does a text take?', 'i never got my activation code'],
    ["it wasn't by text. when should it come?", 'i never got my activation code'],
    ['ok. what do you mean by that?', 'my registration keeps failing'],
    ["yes I know, it's frustrating. what should i check first?", 'my registration keeps failing'],
  ])('"%s" answers nothing: the question is asked again', (message, opening) => {
    const first = conversation(opening);
    const plan = conversation(opening, message);
    expect(plan.conversation.flow?.nodeId).toBe(first.conversation.flow?.nodeId);
    expect(plan.conversation.flow?.trail).toEqual(first.conversation.flow?.trail);
  });

  it.each([
    ['not sure, whats the difference?', 'i never got my activation code', 'how-sent:not-sure'],
    ["yes I'm waiting. how long is it?", 'my registration keeps failing', undefined],
  ])('"%s" is an answer said in its own words', (message, opening, step) => {
    const plan = conversation(opening, message);
    const first = conversation(opening);
    expect(plan.conversation.flow?.trail.length ?? 0).toBeGreaterThanOrEqual(
      first.conversation.flow?.trail.length ?? 0,
    );
    if (step) expect(plan.conversation.flow?.trail).toContain(step);
  });

  it('"prepaid. can i still do it online?": the step that answer leads to says it once, not twice', () => {
    const plan = conversation('my registration keeps failing', 'no', 'phone', 'prepaid. can i still do it online?');
    const texts = plan.replies.map((part) => part.text).filter((text) => text !== undefined);
    expect(new Set(texts).size).toBe(texts.length);
    expect(plan.conversation.flow?.trail.at(-1)).toMatch(/^phone-which:/);
  });

  it('"no, what do i need to have ready?" asked about an account before: no taken, the checklist given', () => {
    const plan = conversation('i cant finish registering', 'no, what do i need to have ready?');
    expect(answered(plan)).toEqual(['what-you-need']);
    expect(plan.conversation.flow?.nodeId).toBe('where-stuck');
  });
});

describe('a problem told in two or three words', () => {
  it.each([
    ['phone problem', 'phone-which'],
    ['phone issue', 'phone-which'],
    ['address mismatch', 'address-which'],
    ['address problem', 'address-which'],
  ])('"%s" starts the troubleshooting at that step (%s)', (message, nodeId) => {
    expect(say(message).conversation.flow?.nodeId).toBe(nodeId);
  });

  it.each([
    '1099 error',
    'printer problem',
    'EFIN problem',
    'selfie problem',
    'po box error',
    'hold time issue',
    'ID.me problem',
  ])('"%s" names no step of the troubleshooting: it does not start', (message) => {
    expect(say(message).conversation.flow).toBeUndefined();
  });

  it('"I\'m not in", asked whether the reset worked, names no step: no other flow starts', () => {
    const plan = conversation("I'm locked out of e-services", 'no', "I don't remember it", "I'm not in");
    expect(plan.conversation.flow?.flowId).toBe('locked-out');
  });
});

describe('two halves, one outside the subject', () => {
  it.each([
    ['what do i need to register. also whats the standard deduction for 2026', 'what-you-need'],
    ["what do i need for registration and how do i check a client's refund status", 'what-you-need'],
    ['where do i mail my 941 and how do i register for e-services', 'how-to-start'],
    ['how long does the code take and how do i renew my EFIN', 'activation-code-by-mail'],
  ])('"%s": that half declined, the other answered (%s)', (message, articleId) => {
    const plan = say(message);
    expect(plan.replies[0]?.text).toBe(texts.otherHalfOutside);
    expect(answered(plan)).toEqual([articleId]);
    expect(declined(plan)).toBe(true);
  });

  it('"…separately or is it one per firm" names nothing outside: no half is declined', () => {
    const plan = say('ok and does my office manager have to do it separately or is it one per firm');
    expect(saysText(plan, texts.otherHalfOutside)).toBe(false);
    expect(answered(plan)).toEqual(['personal-not-firm-credentials']);
  });
});

describe('a question word the matcher drops still says what is asked', () => {
  it('"do i need to re-register" asks whether, not what: who must register, not the checklist', () => {
    expect(answered(say('do i need to re-register'))).toEqual([texts.whoMustRegisterTopic]);
    expect(answered(say('what do I need to register for e-services'))).toEqual(['what-you-need']);
  });

  it('"which" and "what" ask alike: "what are the codes" is "which code is which"', () => {
    expect(answered(say('what are the codes'))).toEqual(['codes-overview']);
  });
});

describe("the desk's number asked for after a lead-in", () => {
  it('"fine, forget those. I\'ll take the e-help desk phone number then" gets the card', () => {
    expect(showsCard(say("fine, forget those. I'll take the e-help desk phone number then"))).toBe(true);
  });

  it.each([
    "been on hold forever with PPS. what's the number for the e-help desk?",
    'tried online twice, no luck. I have my email and my return info ready. number for the desk?',
  ])('"%s": a story, then the number asked for: the card', (message) => {
    expect(showsCard(say(message))).toBe(true);
  });

  it.each([
    ["How long does the mailed code take? And what's the e-help desk number?", 'activation-code-by-mail'],
    ['can i use a prepaid phone. whats the help desk number', 'phone-not-in-your-name'],
  ])('"%s" asks two things: the first is answered, not only the card', (message, articleId) => {
    expect(answered(say(message))).toContain(articleId);
  });

  it('an international number for the desk is another number: the answer about calling from abroad', () => {
    const plan = say("I'm in London on secondment; is there an international number for the e-Help Desk?");
    expect(showsCard(plan)).toBe(false);
    expect(answered(plan)).toEqual(['calling-from-abroad']);
  });
});

describe('a follow-up read against the answer it follows', () => {
  it('"what happens after that" after how to start: the steps in order', () => {
    expect(answered(conversation('how do i start the re registration', 'what happens after that'))).toEqual([
      'registration-steps',
    ]);
  });

  it('"so do i still need to re-register?" after who need not verify again: that answer, not "every user had to"', () => {
    const plan = conversation('i already have a get transcript account', 'so do i still need to re-register?');
    expect(answered(plan)).toEqual(['who-is-exempt']);
    expect(answered(say('do i need to re-register'))).toEqual([texts.whoMustRegisterTopic]);
  });

  it.each(['do my employees need to re-register?', 'I only have e-services. do i need to re-register?'])(
    '"%s" after who need not verify again asks about someone or something new: who must register',
    (message) => {
      const plan = conversation('I already have a Get Transcript account, do I need to do this again?', message);
      expect(answered(plan)).toEqual([texts.whoMustRegisterTopic]);
    },
  );
});
