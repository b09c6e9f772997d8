import { DateTime } from 'luxon';
import { decideTurn } from '../../../src/conversation/turn-policy';
import type { TurnPlan } from '../../../src/conversation/turn-plan';
import { realContent } from '../../support/content';
import { realPolicyDeps } from '../../support/policy-deps';
import { conversationWith, sayerWith, talking } from '../../support/talking';

/**
 * Reaching the desk in the words of banks 25 and 26, over the real content: asking for whoever
 * fixes accounts, for the number a colleague called, whether the phones are open this very
 * moment, and whom to call in the middle of a flow. Assertions by decision or content id.
 */

const content = realContent();
const deps = realPolicyDeps({ keepTranscript: false });
const say = sayerWith(deps);

/** Says each message in turn, in one conversation; the last plan. */
const conversation = conversationWith(deps);

const answered = (plan: TurnPlan) =>
  plan.events?.filter((event) => event.type === 'answered').map((event) => event.articleId) ?? [];

const hasCard = (plan: TurnPlan) => plan.replies.some((part) => part.helpdesk !== undefined);

describe('asking for the desk in words no list had', () => {
  it.each([
    "my coworker called some IRS line last month and they sorted her registration over the phone. what's the number she would've used?",
    "who's the person that fixes e-services accounts? I need whoever that is",
    'Good day, kindly provide the contact of an e-Help Desk agent, I wish to speak directly.',
    'pls send me the IRS phone for eservices registration issues',
    "registration bombed again. who's on the phone side of this?",
    'ok, who should they ring when they get stuck',
    "I'm a CPA in Salt Lake City. what number handles secure access registration trouble?",
    'Please route me over to the e-Help Desk folks.',
    'any dedicated phone support for e-svcs signup trouble?',
    'put a person on this chat',
    'need a real IRS staffer on this',
    'humans only pls, done with bots',
    // A probe set's wordings (its writer never saw the bot).
    "ok this isn't working. phone number?",
    'hablo español. hay algún número de ayuda para el registro de Secure Access?',
    "I don't want to type to a computer. Is there a phone for this or not",
  ])('%p gets the card', (text) => {
    const plan = say(text);
    expect(['handoff', 'calling']).toContain(plan.decision);
    expect(hasCard(plan)).toBe(true);
  });

  // Told what someone else wants ("my boss wants me to…"): the card alone, not an answer found in
  // "somebody from the IRS" (the one about messages claiming to be from it).
  it.each(['my boss just wants me to get somebody from the IRS on the line about our e-services access'])(
    '%p gets the card alone',
    (text) => {
      const plan = say(text);
      expect(plan.decision).toBe('handoff');
      expect(answered(plan)).toEqual([]);
    },
  );

  // A fresh-eyes review's examples: getting someone to do something, or on the team, is no request.
  it.each([
    'we need to get someone to re-register every year?',
    'is it possible to get anyone to register with just an ITIN?',
    'how long does it take to get someone on the team verified?',
    "I can't get anyone on the phone at the help desk, is there another way to register?",
  ])('%p is no request for the card', (text) => {
    expect(say(text).decision).not.toBe('handoff');
  });

  it('"is there a person on this chat?" asks what the bot is, not for the card alone', () => {
    expect(say('is there a person on this chat?').decision).not.toBe('handoff');
  });

  it('"so for state i dont put a real state?" puts no one anywhere', () => {
    expect(hasCard(say('so for state i dont put a real state?'))).toBe(false);
  });

  it('"is there a human somewhere for this" asks for one, not what the bot is', () => {
    const plan = say('the forgot-password thing never emails me anything. is there a human somewhere for this');
    expect(plan.decision).toBe('handoff');
  });

  // A fresh-eyes review's examples: other people's numbers and calls, voicemail and "get me one"
  // in other meanings, Spanish about the user's own phone.
  it.each([
    'let me know if I need a phone',
    'my card keeps getting rejected. let me call my credit card company and check',
    'it asks for a loan account number. what number?',
    "I got a voicemail from someone saying they're the IRS about my e-services account, is that a scam?",
    "I don't have a mobile phone. can you get me one of those mailed codes?",
    'necesito ayuda, mi telefono no recibe el codigo',
    "Secure Access won't let me get through to the end",
  ])('%p gets no card', (text) => {
    expect(hasCard(say(text))).toBe(false);
  });

  it('"do I need a text-capable phone for this or not" asks about the phone step, not for the desk', () => {
    expect(hasCard(say('forget it. do I need a text-capable phone for this or not'))).toBe(false);
  });

  it('"the number she used is our office switchboard" tells, and asks for no number', () => {
    expect(say('oh, the number she used is our office switchboard, which is a landline').decision).not.toBe('handoff');
  });
});

describe('whether the phones are open now', () => {
  it('"are the phones open now?" is the desk, whatever else the message says', () => {
    expect(say('are the phones open now? client in 20 min').decision).toBe('calling');
  });

  it('"at this exact moment" is now: the card, which says whether it is open', () => {
    expect(hasCard(say('quick check - phones open over there at this exact moment? client in 20 min'))).toBe(true);
  });

  it('"what is the e-Help Desk schedule" asks its hours', () => {
    const plan = say('what is the e-Help Desk schedule');
    expect(plan.conversation.session.topic).toMatchObject({ id: 'help-desk-hours' });
  });

  it('a stock market that is open is still not the desk', () => {
    expect(say('is the stock market open tomorrow?').decision).toBe('decline');
  });
});

describe('a place named with another question', () => {
  it('"calling from Germany, does that number even work from here" after the card: calling from abroad', () => {
    const plan = conversation(
      "what's the help desk number",
      "sorry, should have said - I'm calling from Germany, does that number even work from here",
    );
    expect(plan.conversation.session.topic).toMatchObject({ id: 'calling-from-abroad' });
  });

  it('"so when is that where I live? I\'m in Denver" after the card: the hours there', () => {
    const plan = conversation("what's the help desk number", "so when is that where I live? I'm in Denver");
    expect(plan.decision).toBe('calling');
    expect(plan.user.timeZone).toBe('America/Denver');
  });
});

describe('whom to call, asked in a flow', () => {
  it('"ok and after that date who do I call" is no "ok" to keeping the date: the card, and the question again', () => {
    const plan = conversation(
      'requested my secure access code by mail on 11/20, how long should that take',
      'ok and after that date who do I call',
    );
    expect(hasCard(plan)).toBe(true);
    expect(plan.conversation.flow?.nodeId).toBe('offer-reminder');
    expect(plan.replies.map((part) => part.text)).toContain(content.texts.flowResumeLead);
  });

  it("the question's own answer for the desk still answers it", () => {
    const plan = conversation('my activation code by mail never came', 'by mail', 'November 2', 'hotline');
    expect(hasCard(plan)).toBe(true);
    expect(plan.events?.some((event) => event.type === 'flow-finished')).toBe(true);
  });

  it('"so roughly what day is that" while the mailed-code flow holds the date: the due day, not the card', () => {
    const plan = conversation(
      'requested my secure access code by mail on 11/20, how long should that take',
      'so roughly what day is that',
    );
    expect(plan.decision).toBe('flow:waiting');
    expect(hasCard(plan)).toBe(false);
    expect(plan.replies.map((part) => part.text ?? '').join(' ')).toContain('Dec 7');
    expect(plan.conversation.flow?.flowId).toBe(content.texts.mailedCodeTopic);
  });
});

describe('a time said about something else', () => {
  it('"…the account closes in 48 hrs. should she?" asks about the email, not the desk', () => {
    const plan = say(
      "my mom got an email, supposedly from IRS e-services, telling her to confirm her password via a link or the account closes in 48 hrs. she's about to click. should she?",
    );
    expect(plan.conversation.session.topic).toMatchObject({ id: 'irs-never-asks-by-text-email' });
  });

  it('"does e-services use id.me now, and if their login breaks who do I contact" has no moment to call', () => {
    expect(say('does e-services use id.me now, and if their login breaks who do I contact').decision).not.toBe(
      'calling',
    );
  });

  it('"the only time she could phone e-help is a Saturday. Will anyone be there?" is about calling', () => {
    const plan = say(
      'Retired, I help my mother with her little bookkeeping business. She works weekdays at the library, so the only time she could phone e-help is a Saturday. Will anyone be there?',
    );
    expect(plan.decision).toBe('calling');
  });
});

describe('after an answer about calling the desk', () => {
  it('"whats their number again sorry" after what to have ready: the card', () => {
    const plan = conversation(
      'prepping to phone the exception line, what docs do i pull up first',
      'whats their number again sorry',
    );
    expect(plan.decision).toBe('handoff');
  });

  it('"what times is that for me" after calling from abroad: the hours', () => {
    const plan = conversation(
      "I'm in London on secondment; is there an international number for the e-Help Desk?",
      'what times is that for me',
    );
    expect(plan.decision).toBe('calling');
  });

  it('"from what o\'clock to what o\'clock are they around" asks the hours', () => {
    expect(say("the e-help desk - from what o'clock to what o'clock are they around").decision).toBe('calling');
  });
});

describe('the desk asked for from abroad', () => {
  const abroad = content.articles.get(content.texts.abroadTopic)?.answer.trim() ?? '';

  it('told "working out of London", the number comes with the answer about calling from abroad', () => {
    const plan = say('working out of London this season - which number gets me the e-help desk from here');
    expect(hasCard(plan)).toBe(true);
    expect(plan.replies.some((part) => part.text?.startsWith(abroad.slice(0, 40)))).toBe(true);
  });

  it('from Chicago, the card alone', () => {
    const plan = say('which number gets me the e-help desk');
    expect(hasCard(plan)).toBe(true);
    expect(plan.replies.some((part) => part.text?.startsWith(abroad.slice(0, 40)))).toBe(false);
  });
});

describe('asking when the desk answers in loose words', () => {
  it.each([
    '<at>SupportBot</at> is anyone at e-help picking up atm',
    'any live bodies on their end at this hour',
    'Dallas based - when do the e-help phones go dark for me',
    'so in my neck of the woods what time do they start answering',
  ])('%p gets the hours', (text) => {
    const plan = say(text);
    expect(plan.decision).toBe('calling');
    expect(hasCard(plan)).toBe(true);
  });

  it('"once the robot voice starts, which choice do I pick" asks about the phone menu, not about the bot', () => {
    const plan = conversation(
      'get somebody from the IRS on the line for me',
      'once the robot voice starts, which choice do I pick',
    );
    expect(plan.events?.find((event) => event.type === 'answered')).toMatchObject({
      articleId: 'help-desk-menu-prompt',
    });
  });
});

describe("whom to call about today's sign-in", () => {
  it.each([
    'does e-services use id.me now, and if their login breaks who do I contact',
    'id.me froze me out after a bunch of failed tries, who handles that, the irs?',
  ])('%p: whoever helps with ID.me sign-in, not the 2016-2018 line', (text) => {
    const plan = say(text);
    const helper = [...content.articles.values()].find((article) => !article.historical && article.whoHelps)?.whoHelps;
    expect(plan.events?.find((event) => event.type === 'answered')).toMatchObject({ articleId: helper });
  });
});

describe('what a screen said to do is no question about calling', () => {
  const saturday = { now: DateTime.fromISO('2026-11-28T17:00:00Z', { zone: 'utc' }), channelZone: 'America/Chicago' };
  const onSaturday = (text: string) =>
    decideTurn({ kind: 'message', text }, saturday, talking(), realPolicyDeps({ keepTranscript: false }));

  it('"today it just shows some generic message to call their help desk. did they suspend me??" asks about the suspension', () => {
    const plan = onSaturday(
      "haven't touched e-services since 2016, today it just shows some generic message to call their help desk. did they suspend me??",
    );
    expect(plan.decision).toBe('answer');
    expect(plan.events?.find((event) => event.type === 'answered')).toMatchObject({ articleId: 'suspended-account' });
  });

  it('"the error says to call the help desk, what are their hours today?" still asks the hours', () => {
    expect(onSaturday('the error says to call the help desk, what are their hours today?').decision).toMatch(
      /^calling/,
    );
  });
});

describe('a bare "phone number?"', () => {
  it('as the first words of a conversation, or after a greeting, is the desk card', () => {
    expect(hasCard(say('phone number?'))).toBe(true);
    expect(hasCard(conversation('hi', 'number pls'))).toBe(true);
  });

  it('after an answer about phones, is not taken as asking for the desk', () => {
    expect(hasCard(conversation('does my mobile have to be in my own name', 'phone number?'))).toBe(false);
  });
});
