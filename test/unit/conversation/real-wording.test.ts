import { fillTemplate } from '../../../src/content/fill-template';
import type { TurnPlan, TurnState } from '../../../src/conversation/turn-plan';
import { mailedCodeDue } from '../../../src/flows/computations';
import { buildHelpdeskCard, deskHours } from '../../../src/helpdesk/helpdesk-card';
import { intentText, realContent } from '../../support/content';
import { realPolicyDeps } from '../../support/policy-deps';
import { sayerWith, talking, TUESDAY_OPEN } from '../../support/talking';

/**
 * Messages as tax professionals type them, each read the way its writer means it, over the real
 * content: the decision and the reply by content id or text, never by a sentence typed here. The
 * clock is fixed: Tuesday 2026-11-24, 10:00 Eastern (the desk open).
 */

const content = realContent();
const texts = content.texts;
const deps = realPolicyDeps({ keepTranscript: false });
const say = sayerWith(deps);

const MAILED = texts.mailedCodeTopic;
const afterArticle = (id: string) => talking({ kind: 'article', id });
const afterCard = talking({ kind: 'helpdesk' });

const answered = (plan: TurnPlan) =>
  plan.events?.filter((event) => event.type === 'answered').map((event) => event.articleId);
const flowStarted = (plan: TurnPlan) => plan.conversation.flow?.flowId;
const cardOf = (plan: TurnPlan) => plan.replies.find((part) => part.helpdesk !== undefined)?.helpdesk;

describe('short messages read by one small-talk word, when nothing answers them clearly', () => {
  it.each([
    ['perfect, much obliged', 'thanks'],
    ["arigato, I'm set. goodbye", 'thanks'],
    ['alright, signing off now', 'goodbye'],
    ['honestly this IRS system is the worst', 'frustration'],
    ['is this an AI or a human', 'bot-identity'],
    ['is this chat run by the irs', 'irs-identity'],
    ['wait, is this chat the actual IRS or some third party?', 'irs-identity'],
    ['is this service run by the Internal Revenue Service', 'irs-identity'],
    ['so am I talking to an actual IRS office or some outside company', 'irs-identity'],
    ['heyo bot', 'greeting'],
    ['these logins are driving me up the wall', 'frustration'],
    ['great, that sorted it, many thanks', 'thanks'],
    ['can you see if my e-services account is still active', 'account-lookup'],
    ['k gotta go, my next client is here', 'goodbye'],
    ['ok good to know, ty', 'thanks'],
    ['honestly these sites are designed to make us suffer', 'frustration'],
    ['happy holidays to you and yours', 'holiday'],
    ['am I talking with a machine here', 'bot-identity'],
    ['is that an actual human typing', 'bot-identity'],
    ['perfect, that is just what I needed', 'thanks'],
    ['yo, you awake?', 'greeting'],
    ["they make this harder every year, I'm about ready to retire", 'frustration'],
  ])('"%s" is %s', (message, intent) => {
    const plan = say(message);
    expect(plan.decision).toBe('intent');
    expect(plan.replies[0].text).toBe(intentText(intent));
  });

  it.each([
    ["thanks, I'll call them tomorrow", 'thanks'],
    ['ok ty, calling them now', 'thanks'],
    ['got it, I will pass that along to both of them', 'thanks'],
    ["ok good, I'll use the HELOC, bye", 'goodbye'],
  ])('thanks or a goodbye said with the user\'s own plan closes: "%s" is %s', (message, intent) => {
    const plan = say(message, afterCard);
    expect(plan.decision).toBe('intent');
    expect(plan.replies[0].text).toBe(intentText(intent));
  });

  it('"no good" says an answer failed only when the answer is what is no good', () => {
    expect(say("that's no good", afterArticle(MAILED)).replies[0].text).toBe(intentText('not-helpful'));
    expect(say("I'm no good with computers. can I do the whole thing over the phone instead?").decision).not.toBe(
      'intent',
    );
  });

  it('the plan with a question, or a problem, is still answered', () => {
    expect(say("thanks, I'll call at 6 my time, will they be open?").decision).not.toBe('intent');
    expect(say("thanks, I'll try again but the code still never arrives").decision).not.toBe('intent');
  });

  it('a question with a thank-you in it is still answered', () => {
    expect(answered(say('thanks, and how long does the mailed code take?'))).toEqual([MAILED]);
  });
});

describe('out of scope by the words only out-of-scope topics know', () => {
  it.each(['how long does EFIN approval take', 'write me a poem about taxes', 'what is the gift tax annual exclusion'])(
    '"%s" is declined',
    (message) => {
      expect(say(message).decision).toBe('decline');
    },
  );

  it('an out-of-scope word beside a clear in-scope question does not decline it', () => {
    expect(answered(say("I'm a preparer with a PTIN, how long does the mailed activation code take?"))).toEqual([
      MAILED,
    ]);
  });

  it('a date with no request said is no request date ("my number is today")', () => {
    expect(say('my number is today. How long does the mailed activation code take?').decision).toBe('answer');
  });
});

describe('asking for the desk or a person, however it is typed', () => {
  it.each([
    "I'd like to speak to a representitive",
    'phone # for the irs help desk',
    'pls just give me a phone number',
    'e-help desk contact details?',
    'could you hand me over to a staff member',
    'just get me a real live human',
    "I'd like a rep pls",
    'who do I dial about the verification',
    'is there a number I can ring',
    'helpdesk contact pls',
    'human pls',
    'gimme the number for whoever handles this',
    "what's the easiest way to get in touch with the e-help desk",
    "could you share the help desk's dial-in number",
    'tel no. for e-help?',
    'any real people around?',
    'is there a person I could talk to about this',
  ])('"%s" gets the card', (message) => {
    const plan = say(message);
    expect(cardOf(plan)?.number).toBe(content.helpdesk.number);
  });

  it.each([
    'does the representative need my email when I call',
    'can someone else register for our firm',
    'does the help desk need my phone number',
  ])('"%s" names a person without asking for one: no card', (message) => {
    expect(say(message).decision).not.toBe('handoff');
  });

  it('saying you are about to call gives the card at once, then the checklist before calling', () => {
    const plan = say('gonna call the e-help desk in a bit');
    expect(cardOf(plan)?.number).toBe(content.helpdesk.number);
    expect(flowStarted(plan)).toBe(texts.beforeCallingFlow);
    expect(flowStarted(say('I need to phone the IRS about my secure access'))).toBe(texts.beforeCallingFlow);
    expect(flowStarted(say('gonna dial the help desk later today'))).toBe(texts.beforeCallingFlow);
  });

  it.each(['let me just call them', "I'll just ring them", 'might as well phone the IRS', 'let me call the help desk'])(
    '"%s" says you are about to call: the card at once',
    (message) => {
      expect(cardOf(say(message))?.number).toBe(content.helpdesk.number);
    },
  );

  it('"let me call my client first" is about someone else: no card', () => {
    expect(cardOf(say('let me call my client first and ask'))).toBeUndefined();
  });

  it('"until when" about something outside the subject is no question about calling', () => {
    expect(say('until when can I file form 941 this quarter?').decision).toBe('decline');
    expect(say('until when can I call the help desk?').decision).toBe('calling');
  });

  it('asked whom to call, the reply gives the number with its hours: in the card or in the answer', () => {
    const plan = say("my boss said there's an e-Services help line I should call, what's the number");
    // The other-help answer (which gives both), or (what people's wordings lean to) the card alone.
    expect((answered(plan) ?? []).filter((id) => id !== 'other-e-services-help')).toEqual([]);
    const said = plan.replies.map((part) => part.text ?? '').join(' ');
    const opens = deskHours(content.helpdesk).opens;
    expect(cardOf(plan) !== undefined || (said.includes(content.helpdesk.number) && said.includes(opens))).toBe(true);
    // An answer that gives both already says it.
    expect(cardOf(say('what kind of wait am I looking at when I call the e-help line'))).toBeUndefined();
  });

  it('a question about calling from abroad is answered, not the checklist', () => {
    expect(flowStarted(say("I'm calling from overseas, does the 888 number work internationally?"))).toBeUndefined();
  });
});

describe('calling at a time, in the words people use', () => {
  it.each([
    ['are they taking calls at this moment?'],
    ['is 7 in the morning eastern too early to phone'],
    ['can I get through to the help desk rn'],
    ['do they take calls on federal holidays'],
    ["what's the window for calling them"],
    ['is anybody picking up over there right now'],
    ['our office is in Denver, until what time can we reach them'],
    ['if I ring in about 20 minutes will anyone be there'],
  ])('"%s" gets the card', (message) => {
    const plan = say(message);
    expect(plan.decision).toBe('calling');
    expect(cardOf(plan)?.number).toBe(content.helpdesk.number);
  });

  it('"convert that to Mountain" after the card gives it in Mountain time', () => {
    const plan = say('convert that to Mountain for me?', afterCard);
    expect(plan.decision).toBe('calling');
    expect(cardOf(plan)?.hours).toBe(buildHelpdeskCard(TUESDAY_OPEN.now, 'America/Denver', content).hours);
    expect(cardOf(plan)?.hours).not.toBe(buildHelpdeskCard(TUESDAY_OPEN.now, 'America/Chicago', content).hours);
  });
});

describe('problems and mailed codes', () => {
  it.each([
    'registration wont go thru',
    'verification unsuccessful message every single time',
    'stuck partway through secure access, any advice',
    'my e-services re-verification is not working',
    'the whole signup thing blew up again',
    "can't get my e-services re-verification done",
    'keep hitting a wall with secure access',
  ])('"%s" names nothing narrower: the main troubleshooting flow asks where it stops', (message) => {
    expect(flowStarted(say(message))).toBe(texts.troubleshootFlow);
  });

  it('a date said with "when should it arrive" after the mailed-code answer is counted from', () => {
    const plan = say('I requested it on November 20, so what date should it arrive by', afterArticle(MAILED));
    const due = mailedCodeDue('2026-11-20', '2026-11-24');
    // The flow runs on from that date: when it is due, then the reminder question.
    expect(plan.conversation.flow).toMatchObject({ flowId: MAILED, values: { requestedOn: '2026-11-20' } });
    expect(plan.replies.some((part) => part.text?.includes(due.dueDateText))).toBe(true);
    // The date told is kept for a later visit (the reminder question can forget it).
    expect(plan.user.mailedCodeRequestedOn).toBe('2026-11-20');
  });

  it('a mailed-code request date told, not asked about, gets the count from it at once', () => {
    const plan = say('postal mail, we put the request in on November 5 and nothing since');
    const due = mailedCodeDue('2026-11-05', '2026-11-24');
    expect(plan.decision).toBe('mailed-code');
    expect(plan.replies[0].text).toBe(
      fillTemplate(texts.mailedCodeLate, { requestedOnText: due.requestedOnText, dueDateText: due.dueDateText }),
    );
    expect(cardOf(plan)?.number).toBe(content.helpdesk.number);
  });

  it('a request date told with another question is not taken for news of a code', () => {
    expect(say('we put the request for the letter in on November 9. what do I need to register?').decision).not.toBe(
      'mailed-code',
    );
  });

  it('"and if it doesn\'t come?" about a mailed code with no date known: what to do, and the card', () => {
    const plan = say("what happens if it doesn't arrive by then", afterArticle(MAILED));
    expect(plan.replies[0].text).toBe(texts.mailedCodeIfLateUndated);
    expect(cardOf(plan)?.number).toBe(content.helpdesk.number);
  });

  it('a long message after a label and a colon is read part by part, as a story is', () => {
    const plan = say(
      'client records security audit question: the account numbers we enter during verification, does the IRS retain them afterwards',
    );
    expect(answered(plan)).toEqual(['financial-data-not-kept']);
  });

  it('a short lead-in before the question is read past: the question is answered', () => {
    expect(answered(say('Oops, wrong chat. What do I need to have ready to register?'))).toEqual(['what-you-need']);
  });

  it('a problem that names something narrower is not the main flow', () => {
    expect(flowStarted(say('the selfie step keeps failing on my laptop'))).not.toBe(texts.troubleshootFlow);
  });

  it('asked about, the mailed code is answered, not its flow started', () => {
    expect(answered(say("what's the wait like on the mailed code"))).toEqual([MAILED]);
  });

  it('asked, not reported: the mailed code question gets its answer, not a menu with its own flow', () => {
    // The mailed code's own answer, or the one about a code a representative mails: both give the wait.
    const [article] = answered(say('I asked for the code by mail, roughly when will it get here')) ?? [];
    expect([MAILED, 'desk-mail-code']).toContain(article);
  });
});

describe('words for things the articles name otherwise', () => {
  it.each([
    ['can they just call the house phone with the code', 'virtual-phone-or-landline'],
    ['we run a scheduled task that signs into e-services overnight, will that job keep running', 'no-scripted-logins'],
  ])('"%s" is %s', (message, article) => {
    expect(answered(say(message))).toEqual([article]);
  });
});

describe('questions in Spanish, read by their content words', () => {
  it.each([
    ['no tengo celular para nada. se puede hacer el secure access sin uno?', 'no-mobile-phone'],
    ['mi celular está en el plan de mi esposo, no a mi nombre. qué hago para el código?', 'phone-not-in-your-name'],
    ['cuánto tarda el código por correo', 'activation-code-by-mail'],
  ])('"%s" is %s', (message, article) => {
    expect(answered(say(message))).toEqual([article]);
  });

  it('a person asked for, and small talk, in Spanish', () => {
    expect(cardOf(say('quiero hablar con una persona por favor'))).toBeDefined();
    expect(say('buenos días! alguien por ahí?').replies[0].text).toBe(intentText('greeting'));
    expect(say('bueno, me voy. adiós').replies[0].text).toBe(intentText('goodbye'));
  });

  it('whether the desk is open now, asked in Spanish, gets the card', () => {
    expect(cardOf(say('están abiertos ahorita?'))).toBeDefined();
    expect(cardOf(say('a qué hora abren'))).toBeDefined();
    // "Abre", "ahora" in their everyday senses (a fresh-eyes review's): no question about the desk.
    expect(cardOf(say('la página no abre, que hago'))).toBeUndefined();
    expect(cardOf(say('ahorita no tengo la tarjeta, puedo usar un préstamo?'))).toBeUndefined();
  });
});

describe('asked, not reported', () => {
  it('whether a step will go through is a question: its answer, not the troubleshooting flow', () => {
    expect(answered(say('just changed my cell number, will the secure access phone step go through'))).toEqual([
      'new-mobile-number',
    ]);
    expect(flowStarted(say("my registration won't go thru"))).toBe(texts.troubleshootFlow);
  });
});

describe('follow-ups', () => {
  it('a follow-up that says clearly what it asks is answered as it stands, even by the topic again', () => {
    expect(answered(say('and which address do they mail it to', afterArticle(MAILED)))).toEqual([MAILED]);
  });

  it('a question about a detail the topic answers gets the topic again, read with its words', () => {
    expect(answered(say('which documents will it ask for', afterArticle('id-me-what-you-need')))).toEqual([
      'id-me-what-you-need',
    ]);
  });

  it("after an answer about today, a kind of question the old process answered is read in today's era", () => {
    const asked = 'what do I need to have ready to set it up';
    expect(answered(say(asked))).toEqual(['what-you-need']);
    expect(answered(say(asked, afterArticle('id-me-change')))).toEqual(['id-me-what-you-need']);
  });

  it("after an answer about today, a question that reads plainly as the old process is read in today's era", () => {
    const asked = 'what kind of ID do they accept';
    expect(answered(say(asked))).toEqual(['financial-accounts-accepted']);
    expect(answered(say(asked, afterArticle('id-me-what-you-need')))).toEqual(['id-me-what-you-need']);
    // Named, the old era is read as asked.
    expect(
      answered(say('what kind of ID did secure access accept back in 2017', afterArticle('id-me-what-you-need'))),
    ).not.toEqual(['id-me-what-you-need']);
  });

  it('"the partners as well?" asks the last question again about someone else: the topic again', () => {
    const topic = afterArticle('personal-not-firm-credentials');
    expect(answered(say('the partners as well?'))).toEqual([]);
    expect(answered(say('the partners as well?', topic))).toEqual(['personal-not-firm-credentials']);
    // A word nothing in scope knows is a question of its own.
    expect(say('and the mileage rate too?', topic).decision).toBe('decline');
    // "Even the …?" adds someone too, a role of the office staff among them.
    expect(answered(say('even the receptionist?', topic))).toEqual(['personal-not-firm-credentials']);
    expect(answered(say('even for our part-timers?', topic))).toEqual(['personal-not-firm-credentials']);
  });

  it('"it\'s on my sister\'s account" after the answer about phones not in your name: that answer fits her case', () => {
    expect(say("it's on my sister's account").decision).toBe('decline');
    expect(answered(say("it's on my sister's account", afterArticle('phone-not-in-your-name')))).toEqual([
      'phone-not-in-your-name',
    ]);
  });

  it("the topic's own follow-up articles come first for a vague follow-up", () => {
    const topic = content.articles.get('cards-not-accepted');
    expect(topic?.followUps).toContain('financial-accounts-accepted');
    expect(answered(say('ok what else can I use', afterArticle('cards-not-accepted')))).toEqual([
      'financial-accounts-accepted',
    ]);
  });

  it('a message that reads two ways on its own is settled by the topic', () => {
    const topic = content.articles.get('suspended-account');
    expect(topic?.followUps).toContain('letter-5903-users');
    expect(answered(say("I don't have the letter anymore", afterArticle('suspended-account')))).toEqual([
      'letter-5903-users',
    ]);
  });

  it('"who do I contact if that gives me trouble" after the answer that names who helps: that answer again', () => {
    const helper = 'id-me-help-today';
    expect([...content.articles.values()].some((article) => article.whoHelps === helper)).toBe(true);
    expect(
      answered(say('ok and if that new sign-in acts up who am i supposed to contact', afterArticle(helper))),
    ).toEqual([helper]);
  });

  it('"that didn\'t help" with more said answers what is said', () => {
    const plan = say(
      "that doesn't help, I e-filed two weeks ago and the return already shows my new address",
      afterArticle('registration-steps'),
    );
    expect(answered(plan)).toEqual(['address-new-return']);
  });

  it('"and I shouldn\'t keep trying online till then?" after the mailed-code answer is a question, not a flow', () => {
    expect(flowStarted(say("and I shouldn't keep trying online till then?", afterArticle(MAILED)))).toBeUndefined();
  });

  it('"who do I call about my ID.me lockout" is ID.me\'s to handle, not the old lockout flow or the desk', () => {
    const [id] = answered(say('who do I call about my ID.me account being locked')) ?? [];
    expect(content.articles.get(id ?? '')?.historical).toBe(false);
  });

  it('naming ID.me asks about today: the ID.me answer, not the old lockout flow', () => {
    const plan = say('my id.me account got locked, do I call the irs e-help desk for that?');
    expect(flowStarted(plan)).toBeUndefined();
    const [id] = answered(plan) ?? [];
    expect(content.articles.get(id ?? '')?.historical).toBe(false);
  });
});

describe('inside a flow', () => {
  const next = (plan: TurnPlan): TurnState => ({ conversation: plan.conversation, user: plan.user });

  it('a problem put in slang starts the main flow; a described screen answers it; "actually" goes back', () => {
    const started = say('my e-services re-registration keeps bombing out');
    expect(flowStarted(started)).toBe(texts.troubleshootFlow);
    const firstTime = say('nah first time doing secure access', next(started));
    expect(firstTime.conversation.flow?.nodeId).toBe('where-stuck');
    // Where it stops, answered by describing the screen rather than clicking its button.
    const screen = say('the personal info / address screen', next(firstTime));
    expect(screen.conversation.flow?.nodeId).toBe('identity-which');
    const corrected = say("sorry scratch that, it's actually the credit card step that fails", next(screen));
    expect(corrected.conversation.flow?.trail.at(-1)).toBe('where-stuck:financial');
  });

  it('thanks that starts with "ok" is thanks, not a yes: the question is asked again', () => {
    const started = say('my e-services re-registration keeps bombing out');
    const thanked = say('ok great, thank u', next(started));
    expect(thanked.replies[0].text).toBe(intentText('thanks'));
    expect(thanked.conversation.flow?.nodeId).toBe(started.conversation.flow?.nodeId);
  });

  it('an answer to the question before, with no correcting word, corrects it', () => {
    const started = say('my e-services re-registration keeps bombing out');
    const firstTime = say('nah first time doing secure access', next(started));
    const screen = say('the personal info / address screen', next(firstTime));
    // Asked which detail, the user names another step of the question before instead.
    const other = say('the financial account check', next(screen));
    expect(other.conversation.flow?.trail.at(-1)).toBe('where-stuck:financial');
  });
});

describe('still stuck', () => {
  it('"still no luck, who do I call" after an answer gets the card, not another answer', () => {
    const plan = say('still no luck, who do I call', afterArticle('financial-accounts-accepted'));
    expect(cardOf(plan)?.number).toBe(content.helpdesk.number);
  });
});

describe('commands said around other words', () => {
  it('"actually never mind, forget about it" cancels', () => {
    expect(say('actually never mind, forget about it').decision).toBe('command');
  });
});
