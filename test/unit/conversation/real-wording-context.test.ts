import { fillTemplate } from '../../../src/content/fill-template';
import type { TurnPlan, TurnState } from '../../../src/conversation/turn-plan';
import { mailedCodeDue } from '../../../src/flows/computations';
import { intentText, realContent } from '../../support/content';
import { realPolicyDeps } from '../../support/policy-deps';
import { next, sayerWith, talking } from '../../support/talking';

/**
 * More messages as people type them, over the real content, by decision and content id: small
 * talk said around other words, asking for a person or the hours in loose words, a date given
 * on the mailed code's topic, an account number pasted in. The clock is fixed: Tuesday
 * 2026-11-24, 10:00 Eastern (the desk open).
 */

const content = realContent();
const texts = content.texts;
const deps = realPolicyDeps({ keepTranscript: true });
const say = sayerWith(deps);
const cardOf = (plan: TurnPlan) => plan.replies.find((part) => part.helpdesk !== undefined)?.helpdesk;
const MAILED = texts.mailedCodeTopic;

describe('small talk said around other words', () => {
  it.each([
    ['fine. thanks I suppose', 'thanks'],
    ['ok need to run, meeting starting, ttyl', 'goodbye'],
    ['is someone really typing these answers', 'bot-identity'],
    ['r u a bot or what', 'bot-identity'],
    ["you're a lifesaver, honestly", 'thanks'],
    ['happy tax day everyone', 'holiday'],
    ['this whole process is a total joke', 'frustration'],
    ['heyyyy there', 'greeting'],
    ['is a flesh and blood person answering this', 'bot-identity'],
    ["two hours on this garbage portal, I'm done with the IRS", 'frustration'],
  ])('"%s" is %s', (message, intent) => {
    const plan = say(message);
    expect(plan.decision).toBe('intent');
    expect(plan.replies[0].text).toBe(intentText(intent));
  });

  it('thanks heard by one word inside a flow is thanks, and the question comes back (no miss)', () => {
    const started = say('my e-services re-registration keeps bombing out');
    const thanked = say('sweet, appreciate the quick reply', next(started));
    const thanks = content.intents.find((intent) => intent.id === 'thanks')!;
    expect(thanked.replies[0].text).toBe(thanks.aside ?? thanks.reply);
    expect(thanked.conversation.flow?.nodeId).toBe(started.conversation.flow?.nodeId);
    expect(thanked.conversation.flow?.misses ?? 0).toBe(0);
  });
});

describe('loose wordings read for what they mean', () => {
  it('"should\'ve come by text" answers how the code was sent, not a question', () => {
    const started = say("my activation code still hasn't turned up");
    const answer = say("it should've come by text", next(started));
    expect(answer.conversation.flow?.trail.at(-1)).toBe('how-sent:by-text');
  });

  it('"when does e-help work" asks the hours', () => {
    expect(say('when does e-help work').decision).toBe('calling');
  });

  it('"must the phone account be under me personally" is about a phone in your own name', () => {
    const plan = say('must the phone account be under me personally');
    expect(plan.events?.find((event) => event.type === 'answered')).toMatchObject({
      articleId: 'phone-not-in-your-name',
    });
  });

  it('"bounced me out again" reports a problem: the troubleshooting flow starts', () => {
    expect(say('secure access bounced me out again somewhere').conversation.flow?.flowId).toBe(texts.troubleshootFlow);
  });
});

describe('an answer to the question after this one', () => {
  it('naming the step where it stops, asked whether they had an account, answers the step', () => {
    const started = say('my e-services re-registration keeps bombing out');
    const ahead = say('ok so it is where they check my address', next(started));
    const flow = content.flows.get(started.conversation.flow!.flowId)!;
    const asked = flow.nodes[started.conversation.flow!.nodeId];
    expect(asked?.kind === 'ask' && asked.choices.map((choice) => choice.next)).toContain('where-stuck');
    expect(ahead.conversation.flow?.trail).toEqual(['previously-registered:not-sure', 'where-stuck:identity']);
  });
});

describe('a person or the hours, in loose words', () => {
  it.each([
    'humam please, this is not helping',
    'any way to get an actual breathing human on the line',
    'representitive',
    'is there anyone I can actually speak to',
    'I would like to be put through to an IRS employee',
    'is there a human option here?',
    'can I explain this to somebody live',
    'how do we get in touch with the e-help desk?',
    "what's the toll-free line for e-services problems",
    'need the digits for e-help so I can dial',
    'is there a phone line I can ring about this mess',
    'agent NOW',
    'is there anybody I can call about this',
    'can I book a return call from the e-help desk',
  ])('"%s" gets the card', (message) => {
    expect(cardOf(say(message))?.number).toBe(content.helpdesk.number);
  });

  it('"9:15 pm eastern, any chance somebody picks up": a verdict for that time, then the card', () => {
    const plan = say('9:15 pm eastern, any chance somebody picks up');
    expect(plan.decision).toBe('calling');
    expect(plan.replies[0].helpdesk).toBeUndefined();
    expect(cardOf(plan)?.number).toBe(content.helpdesk.number);
  });

  it('"who do I call about my address not matching my return?": the answer about it, and the desk\'s card', () => {
    const plan = say('who do I call about my address not matching my return?');
    expect(plan.events?.some((event) => event.type === 'answered')).toBe(true);
    expect(cardOf(plan)?.number).toBe(content.helpdesk.number);
  });

  it('"do they work MLK day?": the day named as the holiday, closed by our assumption, then the card', () => {
    const plan = say('do they work MLK day or is that a day off');
    expect(plan.decision).toBe('calling');
    const verdict = plan.replies[0].text ?? '';
    expect(verdict).toContain(content.helpdesk.holidays['martin-luther-king-jr-day']);
    // The holiday sentence's own words (between its placeholders), folded as YAML folds them.
    expect(verdict).toContain(texts.callOnHoliday.split('{holiday}')[1].split('{')[0]);
    expect(cardOf(plan)?.number).toBe(content.helpdesk.number);
  });

  it.each([
    'when do they shut the phones',
    "what's their start of day for me",
    'what window do I have to reach them',
    'will anybody be answering later today?',
  ])('"%s" asks when to call: the card with the hours', (message) => {
    const plan = say(message);
    expect(plan.decision).toBe('calling');
    expect(cardOf(plan)?.number).toBe(content.helpdesk.number);
  });
});

const answeredIn = (plan: TurnPlan) =>
  plan.events?.filter((event) => event.type === 'answered').map((event) => event.articleId);

describe('the mailed code', () => {
  it('a past date asked about on the mailed code is its request date', () => {
    const plan = say(
      "the exact date was Nov 19. when's the latest it should get here?",
      talking({ kind: 'article', id: MAILED }),
    );
    // Its flow runs on from the date told: when it is due, then whether to remind the user.
    const due = mailedCodeDue('2026-11-19', '2026-11-24');
    expect(plan.decision).toBe('flow:waiting');
    expect(plan.conversation.flow).toMatchObject({ flowId: MAILED, values: { requestedOn: '2026-11-19' } });
    expect(plan.replies.some((part) => part.text?.includes(due.dueDateText))).toBe(true);
    // Kept for a later visit as told; a no to the reminder forgets it.
    expect(plan.user.mailedCodeRequestedOn).toBe('2026-11-19');
    expect(say('ok, a reminder works for me', next(plan)).user.mailedCodeRequestedOn).toBe('2026-11-19');
    expect(say("no, don't keep it", next(plan)).user.mailedCodeRequestedOn).toBeUndefined();
  });

  it('with a date remembered: "once it arrives" asks what to do then, and a date said now corrects it', () => {
    const remembered = { ...talking({ kind: 'article', id: MAILED }), user: { mailedCodeRequestedOn: '2026-11-19' } };
    expect(say('where do I enter the code once it arrives', remembered).decision).not.toBe('mailed-code');
    expect(say('when will it arrive?', remembered).decision).toBe('mailed-code');
    const corrected = say('actually I requested the code on November 12, when is it due?', remembered);
    const due = mailedCodeDue('2026-11-12', '2026-11-24');
    expect(corrected.replies.some((part) => part.text?.includes(due.dueDateText))).toBe(true);
  });

  it('an out-of-scope question mid-flow is declined as such, and the flow asks its question again', () => {
    const flowing = say('my mailed activation code never came');
    const plan = say("unrelated - what's the penalty for filing 1099s late?", next(flowing));
    expect(plan.replies[0].text).toBe(texts.fallback);
    expect(plan.conversation.flow).toMatchObject({ nodeId: 'how-sent' });
    expect(plan.conversation.flow?.misses).toBeUndefined();
    // Words that ask nothing are still not understood.
    expect(say('zzzz qqqq', next(flowing)).replies[0].text).not.toBe(texts.fallback);
  });

  it('a question with "today" in it is no date given early; a date said is', () => {
    const flowing = say('my mailed activation code never came');
    expect(flowing.conversation.flow).toMatchObject({ flowId: MAILED, nodeId: 'how-sent' });
    expect(say('how late can I call today', next(flowing)).conversation.flow?.heldDate).toBeUndefined();
    // Only "By mail" leads to the request date's question: the date said answers both.
    const dated = say('I put the request in on November 19', next(flowing));
    expect(dated.conversation.flow?.trail).toEqual(['how-sent:by-mail', 'requested-on:2026-11-19']);
    const due = mailedCodeDue('2026-11-19', '2026-11-24');
    expect(dated.replies.some((part) => part.text?.includes(due.dueDateText))).toBe(true);
    // A day of the month alone, in a sentence ("on the 10th"), is a date said too.
    const ordinal = say('I asked for it on the 10th', next(flowing));
    expect(ordinal.conversation.flow?.trail).toEqual(['how-sent:by-mail', 'requested-on:2026-11-10']);
  });

  it('the same date asked about while the flow runs is answered as it stands, and the flow goes on', () => {
    const flowing = say(
      "the exact date was Nov 19. when's the latest it should get here?",
      talking({ kind: 'article', id: MAILED }),
    );
    const plan = say('It was requested on 11/19. By which date should I expect it?', next(flowing));
    const due = mailedCodeDue('2026-11-19', '2026-11-24');
    expect(plan.replies[0].text).toBe(
      fillTemplate(texts.mailedCodeOnTheWay, { requestedOnText: due.requestedOnText, dueDateText: due.dueDateText }),
    );
    expect(plan.conversation.flow?.nodeId).toBe(flowing.conversation.flow?.nodeId);
  });

  it('a follow-up asked while the flow waits gets its own answer ("leave the site alone" is stopping)', () => {
    const flowing = say(
      'it was November 20th, so what date should I expect it by',
      talking({ kind: 'article', id: MAILED }),
    );
    expect(flowing.conversation.flow?.flowId).toBe(MAILED);
    // The date is kept for a later visit, but the flow has just said when it is due.
    expect(flowing.user.mailedCodeRequestedOn).toBe('2026-11-20');
    const plan = say('and I should leave the site alone till it comes?', next(flowing));
    expect(answeredIn(plan)).toEqual(['stop-after-mail-request']);
  });

  it('"what if it still isn\'t here by then" after the desk\'s card points back at the remembered code', () => {
    const state = talking({ kind: 'helpdesk' });
    const returning: TurnState = { ...state, user: { ...state.user, mailedCodeRequestedOn: '2026-11-23' } };
    expect(say("and what should I do if it's not here by that date", returning).decision).toBe('mailed-code');
  });

  it('"quitting time on my clock" asks when the desk closes', () => {
    expect(say('their quitting time on my clock?').decision).toBe('calling');
  });

  it('a late letter asked about on a later visit is the code remembered from before', () => {
    const state = talking({ kind: 'article', id: 'stop-after-mail-request' });
    const returning: TurnState = { ...state, user: { ...state.user, mailedCodeRequestedOn: '2026-11-23' } };
    const plan = say('suppose the date passes with no letter', returning);
    const due = mailedCodeDue('2026-11-23', '2026-11-24');
    expect(plan.decision).toBe('mailed-code');
    expect(plan.replies[0].text).toBe(
      fillTemplate(texts.mailedCodeIfLate, { requestedOnText: due.requestedOnText, dueDateText: due.dueDateText }),
    );
  });

  it('"so is it late?" on a later visit: the dates once, not the reminder and the answer both', () => {
    const returning: TurnState = { ...talking(), user: { mailedCodeRequestedOn: '2026-11-23' } };
    const plan = say('so is it late?', { ...returning, conversation: { ...returning.conversation, welcomed: false } });
    const due = mailedCodeDue('2026-11-23', '2026-11-24');
    const values = { requestedOnText: due.requestedOnText, dueDateText: due.dueDateText };
    expect(plan.decision).toBe('mailed-code');
    expect(plan.replies.map((part) => part.text)).toEqual([fillTemplate(texts.mailedCodeOnTheWay, values)]);
  });

  it('news that the letter came is no request date', () => {
    expect(say('the envelope showed up today', talking({ kind: 'article', id: MAILED })).decision).not.toBe(
      'mailed-code',
    );
  });
});

describe('an account number pasted in', () => {
  it('is warned about, kept out of everything kept, and the message is read without it', () => {
    const plan = say('my loan acct 55667788 keeps failing the financial check');
    const without = say('my loan acct keeps failing the financial check');
    expect(plan.replies[0].text).toBe(texts.privacyWarning);
    expect(JSON.stringify(plan)).not.toContain('55667788');
    expect(plan.conversation.transcript?.at(0)?.text).toContain('[redacted account]');
    expect(plan.decision).toBe(without.decision);
    expect(plan.conversation.flow?.flowId).toBe(without.conversation.flow?.flowId);
  });
});

describe('what the conversation is already about', () => {
  const answered = (plan: TurnPlan) =>
    plan.events?.filter((event) => event.type === 'answered').map((event) => event.articleId);

  it('after an answer about today, the next question is about today too', () => {
    const today = say('what do new staff need for ID.me these days');
    const [topic] = answered(today) ?? [];
    expect(content.articles.get(topic ?? '')?.historical).toBe(false);
    expect(answered(say('what kind of ID do they take?', next(today)))).toEqual([topic]);
  });

  it('"nope, doesn\'t help" with more said: the rest is answered, read against the topic', () => {
    const first = say('which address does the identity step check');
    const [topic] = answered(first) ?? [];
    const rest = say(
      "nope, doesn't help. we e-filed last week and the return already shows the new address",
      next(first),
    );
    expect(rest.decision).toBe('answer');
    expect(answered(rest)).not.toEqual([topic]);
  });

  it.each(['the old address fails too', 'tried that one as well, no luck'])(
    '"%s" after the suggestion: it failed, so not the same answer again',
    (message) => {
      const first = say('which address does the identity step check');
      const suggestion = say("doesn't help, the return I filed last week already has the new address", next(first));
      const failed = say(message, next(suggestion));
      expect(failed.decision).toBe('intent');
      expect(failed.replies[0].text).toBe(intentText('not-helpful'));
    },
  );

  it('"doesn\'t help" and a failure reported about the answer just given: it failed', () => {
    const first = say('which financial accounts can I use');
    const failed = say(
      "doesn't help, I typed the last 8 of my mastercard and it still says it can't verify",
      next(first),
    );
    expect(failed.decision).toBe('intent');
    expect(failed.replies[0].text).toBe(intentText('not-helpful'));
  });

  it('a question asked with a sigh is answered, after a word about the sigh', () => {
    const plan = say('ugh fine, where does the registration begin?');
    const frustration = content.intents.find((intent) => intent.id === 'frustration')!;
    expect(plan.decision).toBe('answer');
    expect(plan.replies[0].text).toBe(frustration.aside);
  });
});

describe('problems reported, not asked', () => {
  const flowStarted = (plan: TurnPlan) => plan.conversation.flow?.flowId;

  it.each([
    'been trying for three days now and my e-services re-registration will not go through',
    'secure access quits on me just before the end',
  ])('"%s": no answer fits clearly, so the main flow asks where it stops', (message) => {
    expect(flowStarted(say(message))).toBe(texts.troubleshootFlow);
  });

  it.each(["where's my activation code, been waiting forever", 'so where is this activation code I was promised'])(
    '"%s": the mailed-code flow asks how and when it was sent',
    (message) => {
      expect(flowStarted(say(message))).toBe(MAILED);
    },
  );
});

describe('out of scope, though it shares a word or two', () => {
  it.each(['tell me a joke', "what's 12 percent of 900", 'what are the ERC rules for 2021'])(
    '"%s" is declined',
    (message) => {
      expect(say(message).decision).toBe('decline');
    },
  );
});

describe('does the requirement apply to me', () => {
  it('a small practice asking whether it has to gets who has to register', () => {
    const plan = say(
      'tiny two-person CPA office, we open e-services a few times a year. do we really have to redo this?',
    );
    expect(plan.events?.find((event) => event.type === 'answered')).toMatchObject({
      articleId: texts.whoMustRegisterTopic,
    });
  });
});

describe('a kind of question read whole, whatever else the message says', () => {
  it('a why said beside "no trouble in years" is the why, not a problem report', () => {
    const plan = say(
      'no trouble with my login in years so how come the irs wants every user to prove who they are again',
    );
    expect(plan.decision).toBe('answer');
    expect(plan.events?.find((event) => event.type === 'answered')).toMatchObject({ articleId: 'why-re-register' });
  });
});

describe('a message that says it holds two questions', () => {
  it('"two things: …, and …" gets both answers, though its first half starts like no question', () => {
    const plan = say(
      'two quick things: how long the mailed activation code takes, and whether I can keep trying online meanwhile',
    );
    expect(plan.decision).toBe('two-answers');
    const answered = (plan.events ?? []).filter((event) => event.type === 'answered');
    expect(answered).toHaveLength(2);
  });

  it('without the announcement, a statement and a question are one question', () => {
    expect(say('the mailed activation code wait, and can I keep trying online meanwhile').decision).not.toBe(
      'two-answers',
    );
  });
});

describe('asides and commands in loose words', () => {
  it('a sigh said apart from a question that asks without a question mark: the answer, after the aside', () => {
    const plan = say('ugh fine. roughly how many business days for the mailed activation code');
    expect(plan.decision).toBe('answer');
  });

  it('"never mind" with nothing under way is acknowledged, not a welcome', () => {
    const plan = say('actually never mind');
    expect(plan.replies[0].text).toBe(texts.cancelledNothing);
  });

  it('a reply sharing only a word with the question before does not re-answer it', () => {
    const started = say('my e-services re-registration keeps bombing out');
    const stuck = say('no, first time', next(started));
    const money = say('it dies when I give it my account info, the money part', next(stuck));
    expect(money.conversation.flow?.trail).toEqual(['previously-registered:no', 'where-stuck:financial']);
  });

  it('a word shared with an answer before ("transcripts") is no correction of it', () => {
    const started = say('my e-services re-registration keeps bombing out');
    const stuck = say('no, first time', next(started));
    const vague = say('it crashes after the transcripts screen', next(stuck));
    expect(vague.conversation.flow?.trail[0]).toBe('previously-registered:no');
  });
});

describe('more of what people write around a question', () => {
  it('a greeting said apart from a question: the question is answered', () => {
    const plan = say('Good afternoon. Could you tell me whether the re-registration is compulsory for us?');
    expect(plan.decision).toBe('answer');
  });

  it('"r u guys actually from the IRS" asks who runs the bot', () => {
    const plan = say('r u guys actually from the IRS');
    expect(plan.replies[0].text).toBe(intentText('irs-identity'));
  });

  it('a request for the hours without a question mark still gets them', () => {
    expect(say('need the window when the e-help folks are on the phones').decision).toBe('calling');
  });

  it('"wasn\'t there a cutoff date…" is no question about calling', () => {
    expect(say("wasn't there a cutoff date in 2016 for e-services? what happened with that").decision).not.toBe(
      'calling',
    );
  });

  it('"when" and a time about something else ("locked out this morning, when does it unlock") is no calling question', () => {
    expect(say('locked myself out this morning, when does it unlock by itself?').decision).not.toBe('calling');
  });

  it('"and when\'s the cutoff" after the desk\'s card asks when it closes', () => {
    expect(say("and when's the cutoff", talking({ kind: 'helpdesk' })).decision).toBe('calling');
  });

  it('"and cutoff?" after the card asks when it closes; said with no card before, it does not', () => {
    expect(say('and cutoff?', talking({ kind: 'helpdesk' })).decision).toBe('calling');
    expect(say('and cutoff?').decision).not.toBe('calling');
  });

  it('"and what\'s their number" after the card is the card again; with no card before, it is no request', () => {
    expect(say("and what's their number", talking({ kind: 'helpdesk' })).decision).toBe('handoff');
    expect(say("and what's their number").decision).not.toBe('handoff');
  });

  it('"do they take calls on federal holidays?" is told which days we assume, before the card', () => {
    const plan = say('do they take calls on federal holidays');
    expect(plan.decision).toBe('calling');
    expect(plan.replies[0].text).toBe(content.helpdesk.assumption);
  });

  it('"will they be answering on christmas eve" gets that day\'s hours, then the days we assume', () => {
    const plan = say('will they be answering on christmas eve');
    expect(plan.decision).toBe('calling');
    expect(plan.replies[0].text).toContain('Dec 24');
    expect(plan.replies[1].text).toBe(content.helpdesk.assumption);
  });

  it('"what about for me in Seattle" after the card names the user\'s zone: kept for the next question', () => {
    const card = say('what are the e-help desk hours');
    const seattle = say('what about for me in Seattle', next(card));
    expect(seattle.user.timeZone).toBe('America/Los_Angeles');
  });

  it("a clock time with a zone after it is read in that zone, not the user's", () => {
    // The user is in Chicago; 5:30 p.m. Pacific is 8:30 p.m. Eastern, after closing.
    const closedOpening = content.texts.callAtClosed.split('{')[0];
    for (const text of ['can I call at 5:30 pm pacific?', 'can I call at 5:30pm PT?']) {
      const plan = say(text);
      expect(plan.decision).toBe('calling');
      expect(plan.replies[0].text?.startsWith(closedOpening)).toBe(true);
      expect(plan.replies[0].text).toContain('8:30 p.m.');
    }
    // The zone after the clock is the clock's, not where the user is: never remembered, and the
    // user's own time is still given.
    expect(say('I am going to call at 6 central, will someone pick up?').user.timeZone).toBeUndefined();
    const eastern = say('can I call at 6:30 pm et?');
    expect(eastern.replies[0].text).toContain(fillTemplate(texts.yourTime, { time: '5:30 p.m.' }));
  });

  it('"their morning start in my time" and "when do they wrap up" ask when to call', () => {
    expect(say('so their morning start in my local time would be?').decision).toBe('calling');
    expect(say('and when do they wrap up at night for me').decision).toBe('calling');
  });

  it('a time asked only about something else, beside calling words told, is no calling question', () => {
    const plan = say('my access was set up via exception processing on the phone in 2017, what do I sign in with now');
    expect(plan.decision).not.toBe('calling');
    expect(say('can I call them? it is 11:30 am here').decision).toBe('calling');
  });

  it('"can I get them on the phone right now" asks about a moment: its yes or no, not who to call', () => {
    const plan = say('working out of Flagstaff today, can I get them on the phone right now');
    expect(plan.decision).toBe('calling');
    // "Today" in "the right contact for passwords today?" means these days: who helps, not the hours.
    expect(say('is the e-help desk the right contact for password problems today?').decision).not.toBe('calling');
  });

  it('whether something other than the desk is open is no calling question', () => {
    expect(say('is the bank branch open tomorrow').decision).not.toBe('calling');
    expect(say('is the help desk open tomorrow').decision).toBe('calling');
  });

  it('a sports question is declined', () => {
    expect(say("who's favored to take the world series").decision).toBe('decline');
  });

  it('a time said in words ("a quarter to 8 eastern") gets its yes or no', () => {
    expect(say('if I phone at a quarter to 8 eastern tonight is anybody still there').decision).toBe('calling');
  });
});

describe('a code reported late, in few words', () => {
  it.each([
    'still no activation code in the mailbox, day 9',
    'my activation letter is MIA',
    'where is that code already',
  ])('"%s" starts the mailed code\'s flow, which asks how it was to come', (message) => {
    expect(say(message).conversation.flow).toMatchObject({ flowId: MAILED, nodeId: 'how-sent' });
  });

  it('"who do I ring when the code never shows up" asks whom to call: the card', () => {
    const plan = say('who do I ring when the code never shows up');
    expect(cardOf(plan)?.number).toBe(content.helpdesk.number);
    expect(plan.conversation.flow).toBeUndefined();
  });
});
