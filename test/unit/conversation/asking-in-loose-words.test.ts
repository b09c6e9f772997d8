import { DateTime } from 'luxon';
import type { TurnPlan } from '../../../src/conversation/turn-plan';
import { intentText, realContent } from '../../support/content';
import { realPolicyDeps } from '../../support/policy-deps';
import { next, sayerWith } from '../../support/talking';

/**
 * Asking for a person, the number, the hours or who handles something in words no list was
 * written for, and small talk heard only where it is small talk. Real content; the clock is
 * Tuesday 2026-11-24, 10:00 Eastern (the desk open), the user in Chicago.
 */

const content = realContent();
const deps = realPolicyDeps({ keepTranscript: false });
const say = sayerWith(deps);
const cardOf = (plan: TurnPlan) => plan.replies.find((part) => part.helpdesk !== undefined)?.helpdesk;
const answered = (plan: TurnPlan) =>
  plan.events?.filter((event) => event.type === 'answered').map((event) => event.articleId) ?? [];

describe('asking for a person or the number', () => {
  it.each([
    "I'd really like a flesh and blood person on this",
    'humans available?',
    'can I get a phone number please',
    "who's the right phone contact for secure access headaches",
    'who handles e-services re-registration problems by phone',
    "what's the phone # for the folks who handle e-services registration",
    // "number do * call" is taken out of the message whole: what is left names nothing narrower.
    'what number do preparers call when this registration stuff breaks',
    'how would we go about getting the help desk on the line',
  ])('"%s" gets the card', (message) => {
    expect(cardOf(say(message))?.number).toBe(content.helpdesk.number);
  });

  it('"is a flesh and blood person typing these?" still asks what the bot is', () => {
    const plan = say('is a flesh and blood person typing these?');
    expect(plan.replies[0].text).toBe(intentText('bot-identity'));
  });

  it('"who handles password resets now" names what it is about: whoever helps with that today', () => {
    const plan = say('who handles password resets now');
    expect(cardOf(plan)).toBeUndefined();
    expect(content.articles.get(answered(plan)[0] ?? '')?.historical).toBe(false);
  });
});

describe('asking for the hours by telling', () => {
  it.each(['what times can I ring the e-help people', 'based in Atlanta GA - give me the call window'])(
    '"%s" is a calling question',
    (message) => {
      expect(say(message).decision).toBe('calling');
    },
  );

  it('"translate those hours to arizona" after the card gives them in Arizona time', () => {
    const card = say('what are the e-help desk hours?');
    const plan = say("translate those hours to arizona for me, we don't do daylight saving here", next(card));
    expect(plan.decision).toBe('calling');
    // The desk opens at 7:30 Eastern: in Arizona (no daylight saving) that is 5:30 on this day.
    const opens = DateTime.fromISO('2026-11-24T07:30', { zone: content.helpdesk.zone }).setZone('America/Phoenix');
    expect(cardOf(plan)?.hours).toContain(opens.toFormat('h:mm'));
  });

  it('"so would half past five this afternoon here work" gets a yes or no', () => {
    const card = say('what are the e-help desk hours?');
    const plan = say('so would half past five this afternoon here work', next(card));
    expect(plan.decision).toBe('calling');
    expect(plan.replies.length).toBeGreaterThan(1);
  });
});

describe('small talk where it is small talk', () => {
  it.each(['ahoy there', "g'day, anyone minding the chat today", 'mornin all', "hey bot, how's it going"])(
    '"%s" is a greeting',
    (message) => {
      expect(say(message).replies[0].text).toBe(intentText('greeting'));
    },
  );

  it('"this re-verification has eaten my entire morning" is frustration, not a greeting', () => {
    expect(say('this re-verification has eaten my entire morning').replies[0].text).toBe(intentText('frustration'));
  });

  it('"am I chatting w/ a live rep or a computer" asks what the bot is', () => {
    expect(say('real quick - am I chatting w/ a live rep or a computer').replies[0].text).toBe(
      intentText('bot-identity'),
    );
  });
});

describe('asking what number to call for something an answer covers', () => {
  it('"what number do I call to book the TAC visit" after the suspended-account answer is that answer', () => {
    const suspended = say('my e-services account got suspended back in 2017');
    expect(answered(suspended)).toEqual(['suspended-account']);
    expect(answered(say('what number do I call to book the TAC visit', next(suspended)))).toEqual([
      'suspended-account',
    ]);
  });

  it('"skip the chat, what number do I ring?" still gets the card', () => {
    expect(cardOf(say('skip the chat, what number do I ring?'))?.number).toBe(content.helpdesk.number);
  });
});

describe('whether the registration is a must', () => {
  it.each([
    'is this re-registration a must, or could our office leave it till spring',
    'honestly, is it required or can we postpone it a few months',
    'does the secure access requirement extend to part-timers who only file a few returns',
    'we file maybe ten returns a year, do we fall under this requirement',
  ])('"%s" gets who must register', (message) => {
    expect(answered(say(message))).toEqual(['who-must-register']);
  });

  it.each(['is a WISP really mandatory for a two-person office', 'is a PTIN renewal a must every year'])(
    '"%s" (a matter outside the registration) is not that answer',
    (message) => {
      expect(answered(say(message))).not.toContain('who-must-register');
    },
  );
});

describe('who helps with what was just answered, and the wait for the mail', () => {
  const afterSelfie = (message: string) =>
    say(message, next(say("ID.me won't match my face to my passport photo, tried five times")));

  it.each(['is that on the IRS or on someone else', 'where do I go with this one', 'who can fix that for me'])(
    'after the selfie answer, "%s" gets whoever helps with ID.me today',
    (message) => {
      const helps = content.articles.get('id-me-selfie-fails')?.whoHelps ?? 'id-me-help-today';
      expect(answered(afterSelfie(message))).toEqual([helps]);
    },
  );

  it('"how fast does it come in the post" after the answer that says to get the code by mail is the mail\'s wait', () => {
    const phone = say("my cell is on my dad's plan, will the code text still reach me");
    expect(answered(say('ok how fast does it come in the post', next(phone)))).toEqual(['activation-code-by-mail']);
    expect(answered(say('how slow is the post'))).toEqual(['activation-code-by-mail']);
  });
});

describe('a number asked for what someone else helps with today', () => {
  it('"what number do I ring when my e-services password stops working" gets who helps today, and the card', () => {
    const plan = say('what number do I ring when my e-services password stops working');
    const helper = content.articles.get('forgot-password')?.whoHelps;
    expect(helper).toBeDefined();
    expect(answered(plan)).toEqual([helper]);
    expect(cardOf(plan)?.number).toBe(content.helpdesk.number);
  });

  it('"who handles password resets these days" asks who, not for a number: no card', () => {
    const plan = say('who handles password resets these days');
    expect(cardOf(plan)).toBeUndefined();
  });
});
