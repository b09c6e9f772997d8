import type { TurnPlan } from '../../../src/conversation/turn-plan';
import { intentText, realContent } from '../../support/content';
import { realPolicyDeps } from '../../support/policy-deps';
import { next, sayerWith } from '../../support/talking';

/**
 * What a message asks, read whole, over words that usually mean something else: a calling word
 * about something other than the desk, a desk word in a question about waiting, a time with a
 * colon in it, a half of two questions that is asked with "or not" or a "?". Real content; the
 * clock is Tuesday 2026-11-24, 10:00 Eastern (the desk open).
 */

const content = realContent();
const deps = realPolicyDeps({ keepTranscript: false });
const say = sayerWith(deps);
const answered = (plan: TurnPlan) =>
  plan.events?.filter((event) => event.type === 'answered').map((event) => event.articleId) ?? [];
const kindOf = (article: string) => content.routing.questionKinds.find((kind) => kind.article === article);

describe('what ID.me is', () => {
  it.each([
    'wait what is id.me anyway',
    'so what is this idme everyone keeps talking about',
    'never heard of ID.me, explain?',
  ])('%p is told by what ID.me asks for', (text) => {
    expect(answered(say(text))).toEqual(['id-me-what-you-need']);
  });

  it('its problems are other questions', () => {
    expect(answered(say('what does id.me do with my selfie'))).not.toEqual(['id-me-what-you-need']);
    expect(kindOf('id-me-what-you-need')?.notWith).toContain('selfie');
  });
});

describe('what to do once the letter comes', () => {
  it.each(['when the letter arrives, what do I do', 'once I get the code in the mail where do I enter it'])(
    '%p asks what to do with it, not when it comes',
    (text) => {
      expect(answered(say(text))).toEqual(['activation-letter-arrived']);
    },
  );

  it.each([
    'the letter never arrived, what do I do',
    // Another letter, or the code by text (a fresh-eyes review's examples).
    'when I get the letter 5903, what do I do?',
    'when I get the letter from the IRS about suspension, what should I do?',
    'when I get the code by text, where do I type it?',
  ])('%p is not about the mailed letter that came', (text) => {
    expect(answered(say(text))).not.toEqual(['activation-letter-arrived']);
  });
});

describe('a calling word about something else', () => {
  it('"my account closes in 24 hrs unless I click: phishing?" is about the email, not the desk hours', () => {
    expect(kindOf('irs-never-asks-by-text-email')).toBeDefined();
    const plan = say("email from 'e-Services Security Team' says my acct closes in 24 hrs unless I click. phishing?");
    expect(plan.decision).not.toBe('calling');
    expect(answered(plan)).toEqual(['irs-never-asks-by-text-email']);
  });

  it('a question about waiting on the line is the wait, not the card nor who to call', () => {
    for (const message of [
      'is the e-help line one of those 2 hour hold situations or do they usually pick up fast',
      'typical queue time when you ring e-help? trying to plan around client meetings',
      "what's the usual wait once I'm in the queue",
    ]) {
      const plan = say(message);
      expect(plan.replies.some((part) => part.helpdesk !== undefined)).toBe(false);
      expect(answered(plan)).toEqual(['help-desk-menu-prompt']);
    }
  });

  it.each([
    'my EFIN application has been sitting in the queue for weeks',
    'how long is the ID.me video chat queue usually?',
    'my registration is stuck in some processing queue, what now?',
  ])("%p is a queue that is not the desk's", (text) => {
    expect(answered(say(text))).not.toEqual(['help-desk-menu-prompt']);
  });

  it('a time asked about still gets its yes or no, whatever the desk question around it', () => {
    expect(say('any long hold if I ring them at 8pm eastern tonight?').decision).toBe('calling');
  });
});

describe('questions asked without a question mark', () => {
  it('"in Boston, is 6:30 am too early to try them" asks (the colon is a time, not a clause break)', () => {
    expect(say('in Boston, is 6:30 am too early to try them').decision).toBe('calling');
  });

  it('"hard pull or not, and do I need to lift the freeze" gets both answers', () => {
    expect(answered(say('hard pull or not, and do I need to lift the freeze I have on my credit'))).toEqual([
      'soft-inquiry-credit-report',
      'credit-freeze',
    ]);
  });

  it('a first half kept with its "?" is asked: "…our only use. required for us? and would we…"', () => {
    const plan = say('bulk TIN match is our only e-svcs use. required for us? and would we have to repeat it annually');
    expect(answered(plan)).toEqual(['tin-matching-users', 'one-time-process']);
  });
});

describe('a question after words that set something aside', () => {
  it('"forget it. who can I actually call about secure access" is the card, not the password answer', () => {
    const plan = say('forget it. who can I actually call about secure access');
    expect(plan.replies.some((part) => part.helpdesk !== undefined)).toBe(true);
    expect(answered(plan)).not.toContain('forgot-password');
  });

  it('"forget it" alone still cancels', () => {
    expect(say('forget it').decision).toBe('command');
  });

  it('"ugh, wrong window. what\'s the deal with the site phrase thing" answers the site phrase', () => {
    expect(answered(say("ugh, wrong window. what's the deal with the site phrase thing at the end"))).toEqual([
      'registration-steps',
    ]);
  });
});

describe('problems in words people use', () => {
  it.each([
    ['so the activation code they promised is a no-show for me', 'a code that never came'],
    ['e-svcs re-reg flunked me a third time today', 'a registration that fails'],
    ['identity verification for e-services keeps bombing', 'a registration that fails'],
  ])('"%s" is %s: a troubleshooting flow starts', (message) => {
    const plan = say(message);
    expect(plan.conversation.flow?.flowId).toBeDefined();
    expect(content.flows.has(plan.conversation.flow?.flowId ?? '')).toBe(true);
  });
});

describe('small talk and problems read apart', () => {
  it('"thanks for nothing... jk, thanks" is thanks, not a flow read from a word', () => {
    expect(say('thanks for nothing... jk, thanks').replies[0].text).toBe(intentText('thanks'));
  });

  it('"nothing works, secure access keeps saying try again later" is a problem, not a goodbye', () => {
    expect(say('nothing works, secure access keeps saying try again later').conversation.flow?.flowId).toBeDefined();
  });
});

describe('follow-ups read for what they ask', () => {
  it('"my last return went in from our new place 3 weeks ago" after the address answer: a return just filed', () => {
    const address = say('which address do I put in');
    const plan = say("that doesn't answer it - my last return went in from our new place 3 weeks ago", next(address));
    expect(answered(plan)).toEqual(['address-new-return']);
  });

  it('"and to which address will it be posted?" after the mailed code: where the code goes', () => {
    const mailed = say('how long does the mailed activation code take?');
    expect(answered(say('And to which address will it be posted?', next(mailed)))).toEqual(['activation-code-by-mail']);
  });
});

describe('facts told inside a flow', () => {
  it.each(['fwiw I entered my skype phone line for that', "my number is a skype-in number btw, maybe that's why"])(
    '"%s", after the texted code\'s answer: Skype is answered, no card, no earlier answer changed',
    (message) => {
      const started = say('so the activation code they promised is a no-show for me');
      const texted = say('I picked sms for it', next(started));
      const plan = say(message, next(texted));
      expect(plan.replies.some((part) => part.helpdesk !== undefined)).toBe(false);
      expect(answered(plan)).toEqual(['virtual-phone-or-landline']);
    },
  );
});

describe('more kinds of question, read whole', () => {
  it.each([
    [
      "our office memo from fall '16 said the switch for e-svcs happens Oct 24. did it go live that day?",
      'when-it-started',
    ],
    [
      'US citizen living in Lisbon and my latest return uses my Portuguese address, how do I fill in the address screen',
      'foreign-address',
    ],
    [
      'Is there an opt-out? I would prefer not to give the IRS my loan details merely to keep e-Services access.',
      'who-must-register',
    ],
    [
      'our trust officers keep two e-services logins for fiduciary 1041 work, are they expected to redo identity proofing too',
      'who-must-register',
    ],
  ])('"%s" is %s', (message, article) => {
    expect(answered(say(message))).toEqual([article]);
  });

  it("pricing one's own services is out of scope: declined", () => {
    expect(say('how should I price my tax prep services').decision).toBe('decline');
  });

  it('"is the e-Help Desk still the correct contact for sign-in trouble, or has that changed?" is about today', () => {
    const plan = say('Is the e-Help Desk still the correct contact for sign-in trouble, or has that changed?');
    expect(content.articles.get(answered(plan)[0] ?? '')?.historical).toBe(false);
  });
});

describe('kinds of question in more words', () => {
  it.each([
    [
      'our family refinanced last spring; would the new home equity line be good enough to verify me',
      'financial-accounts-accepted',
    ],
    [
      'filed online a few days ago using our new home as the address, now the identity check rejects it',
      'address-new-return',
    ],
    ['for the card box: full 16 or last 4?', 'financial-accounts-accepted'],
  ])('"%s" is answered by %s', (message, article) => {
    expect(answered(say(message))).toEqual([article]);
  });
});

describe('a greeting beside a request for advice, and thanks said formally', () => {
  it('"Good afternoon. … Kindly advise how to proceed." is answered, not greeted back alone', () => {
    const plan = say(
      'Good afternoon. I am enrolled agent working in Manila office of US firm. The registration is asking mobile number but my number is Philippine. Kindly advise how to proceed.',
    );
    expect(plan.decision).not.toBe('intent');
    expect(answered(plan)).toHaveLength(1);
  });

  it('"Good morning. I am unable to complete my re-registration. Please advise." starts troubleshooting', () => {
    const plan = say('Good morning. I am unable to complete my e-Services re-registration. Please advise.');
    expect(plan.conversation.flow?.flowId).toBe(content.texts.troubleshootFlow);
  });

  it('"Thank you for your assistance." is thanks', () => {
    const plan = say('Thank you for your assistance.');
    expect(plan.replies.map((part) => part.text)).toEqual([intentText('thanks')]);
  });
});

describe('a clause asked midway', () => {
  it('"phones open at this exact moment? client in 20 min" asks whether the desk is open', () => {
    expect(say('quick check - phones open over there at this exact moment? client in 20 min').decision).toBe('calling');
  });

  it('an echoed question answered after it ("secure access acct? nope, …") is no question', () => {
    expect(deps.language.isQuestion('secure access acct? nope, this whole setup is brand new to me')).toBe(false);
    expect(deps.language.isQuestion('phones open now? client in 20 min')).toBe(true);
  });

  it.each(['out of curiosity what does the identity check look at', 'side note what is the IP PIN tool for'])(
    'a question after a lead-in ("%s") asks',
    (message) => {
      expect(deps.language.isQuestion(message)).toBe(true);
    },
  );
});

describe('a question run on after what is told, with no stop between', () => {
  it.each([
    "it's 6:30 pm here can i still call",
    'client meeting at 3 are they open then',
    'its 7:15 pm in new york is the desk closed',
  ])('%p asks about calling at that time', (message) => {
    expect(deps.language.isQuestion(message)).toBe(true);
    const plan = say(message);
    expect(plan.decision).toBe('calling');
    expect(plan.replies[0].text).toMatch(/\d:\d\d [ap]\.m\./);
  });
});

describe('idioms that read as something else', () => {
  it.each([
    // "hang on to" keeps, it is no page that hangs
    ['when I verify with a card number does IRS hang on to that number afterwards?', 'financial-data-not-kept'],
    // "does that do the job" asks whether it is accepted, not about a scheduled job
    ['my only debt is a student loan, servicer is Mohela (not nelnet). does that do the job', 'student-loan-nelnet'],
    // "blocks SMS" is texting turned off
    ['IT blocks SMS on our work phones. does that kill the phone step?', 'mobile-phone-requirements'],
    // an office line or desk phone is a landline
    ['can they just call my office line with the code instead of texting a cell?', 'virtual-phone-or-landline'],
    ['the number i gave is my desk phone at the office', 'virtual-phone-or-landline'],
  ])('%p: %s', (text, article) => {
    expect(answered(say(text))).toEqual([article]);
  });

  it('"within arm\'s reach" is what to have ready, not reaching the desk', () => {
    expect(say("what should I have within arm's reach").decision).not.toBe('calling');
  });
});
