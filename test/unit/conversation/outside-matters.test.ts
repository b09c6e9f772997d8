import { intentText, realContent } from '../../support/content';
import { realPolicyDeps } from '../../support/policy-deps';
import { conversationWith, sayerWith } from '../../support/talking';

/**
 * Tax and IRS matters outside e-Services registration and sign-in, named in a question
 * (routing.yaml outsideTerms), over the real content: declined, however well a shared word
 * ("code", "register", "number") matches an article; the subject's own questions with the same
 * everyday words still get their answers.
 */

const deps = realPolicyDeps({ keepTranscript: false });
const say = sayerWith(deps);
const converse = conversationWith(deps);

describe('a matter outside the subject, named', () => {
  it.each([
    'CAF number for my firm, how do I get one',
    'how long is the CAF unit taking to process faxed 2848s these days?',
    "backup withholding rate when a vendor's TIN doesn't match",
    'what does transaction code 971 mean on an account transcript',
    'how many CE hours do I need for the Annual Filing Season Program?',
    "what's the text of section 179",
    'is the practitioner priority line the same number',
    'how long does a tax lien release take',
    'the FIRE system login for 1099 filing keeps timing out, how do I reset that password',
    "what's the activation code for the IRIS taxpayer portal",
    'what is the password reset link for the FIRE system',
    'our CP01A notice came for a client, what does it mean',
  ])('%p is declined', (text) => {
    expect(say(text).decision).toBe('decline');
  });
});

describe("another product's or person's matter, named with nothing of the registration", () => {
  it.each([
    'how do I change my outlook password',
    'can the IRS mail a tax transcript to my client house',
    'where do I mail a paper 1040 from Ohio',
    'can you send my client a text reminder about her appointment',
    'my TaxSlayer login isnt working',
    'how does a client get an IP PIN',
    'what is my AGI from last year',
    'what is the cheapest cell plan for our office',
  ])('%p is declined', (text) => {
    expect(say(text).decision).toBe('decline');
  });

  it.each([
    'the confirmation email went to my outlook account, where is it',
    'I use Lacerte, do I still need to re-register for e-services',
    'can I use the text reminder option instead of the mailed code',
    'where do I mail the form to get the code',
    'is our firm domain email acceptable or must it be a gmail type personal one',
    'we mostly do paper returns and just pull transcripts, do we have to re-register?',
    // A fresh-eyes review's: the product, the address change or the carrier is the setting.
    'outlook keeps sending the irs emails to junk, how do i stop that',
    'do I have to update my address with the IRS before they mail the letter',
    'I lost my IP PIN, can I use the same login',
    'my TaxSlayer login works but the IRS site says my password is wrong',
    'I use TaxSlayer Pro and my preparers all need this, where do we start',
    'which carrier is supported? my tracfone never got the text message',
  ])('%p is answered', (text) => {
    expect(say(text).decision).not.toBe('decline');
  });
});

describe("the subject's own questions in the same words", () => {
  it.each([
    'waiting on the confirmation code e-mail, refreshed my inbox a dozen times and nada',
    'what address do I enter, the one on my 1040?',
    'I set up secure access for my IP PIN, what do I log in with now?',
    'our office manager does the payment plan calls, does she need her own login',
    'we transmit returns through MeF, did every ERO have to go through secure access?',
    'the IP PIN for my client came by mail, is that my activation code?',
    // An outside matter beside the subject named as context.
    'we file 941s as a reporting agent, do we have to re-register for e-services',
    'the practitioner priority line is useless, for secure access problems is there another number',
  ])('%p is answered', (text) => {
    expect(say(text).decision).not.toBe('decline');
  });
});

describe('a problem told with asides about something else', () => {
  it.each([
    "the verification step keeps failing for my mom, she runs a small tax office and I'm helping her with the computer stuff",
  ])('%p starts the troubleshooting', (text) => {
    expect(say(text).decision).toBe('flow:waiting');
  });

  it.each([
    // The problem itself is outside, whatever the aside says.
    "my refund is late, I'm an EA",
    "I can't figure out the QBI deduction, I'm registered on secure access",
    'identity verification failed for my client refund, what do I do',
    'my printer will not work, I need to print the e-services letter',
    // An aside that names a matter of its own says what the problem is about.
    "the confirmation email never came. it's for my EFIN application",
    "verification keeps failing, I'm doing it for my client so she can see her refund status",
  ])('%p is declined', (text) => {
    expect(say(text).decision).toBe('decline');
  });
});

describe('everyday words told in the thread', () => {
  it.each([
    ['what do I need to register?', 'i need help with my own taxes actually'],
    ['how long does the mailed activation code take', 'actually my question is about my personal tax return'],
    ['what do I need to register?', 'can you recommend a cpa in Dallas'],
    ['what do I need to register?', 'can you reset my drake software password'],
    ['what do I need to register?', 'can I still e-file a 2021 return'],
  ])('after %p, %p is still declined', (first, then) => {
    expect(converse(first, then).decision).toBe('decline');
  });
});

describe('small talk beside a question outside the subject', () => {
  // Thanks alone would leave the question unheard; the decline says what the bot does answer.
  it.each([
    "got it. what's the standard mileage rate",
    'thank you! whats the mileage rate this year',
    'got it, how do i file an extension',
    'ugh. how do i file a 1040x for a client',
    'thank you, and is there a fee to register?',
    "got it, thanks. what's the 2026 401k limit?",
    'cool. who do i talk to about a notice cp2000 for my client',
  ])('%p gets the decline', (text) => {
    expect(say(text).decision).toBe('decline');
  });

  it("thanks beside another office's hours, after the mailed code's answer: declined, not read as a request date", () => {
    const plan = converse('how long does the mailed code take', 'thanks! and is the tac open saturday?');
    expect(plan.decision).toBe('decline');
  });

  it('a holiday wish beside one is wished back before the decline', () => {
    const plan = say('happy holidays! how do i renew my ptin');
    expect(plan.decision).toBe('decline');
    const holiday = realContent().intents.find((intent) => intent.id === 'holiday');
    expect(plan.replies[0]?.text).toBe(holiday?.aside);
  });

  it('thanks beside a question of the subject, or asking nothing outside, is as before', () => {
    expect(say('got it. how long does the mailed code take').decision).toBe('answer');
    expect(say('thanks. anything else i should know?').replies.map((part) => part.text)).toEqual([
      intentText('thanks'),
    ]);
  });

  it("asking the bot to look up an account, with an EFIN named, gets the intent's own reply", () => {
    const plan = say('Our EFIN is 456789. Can you confirm whether my e-Services registration went through?');
    expect(plan.decision).toBe('intent');
  });
});

describe("another office's hours, or another site's password", () => {
  const hasCard = (plan: ReturnType<typeof say>) => plan.replies.some((part) => part.helpdesk !== undefined);

  it.each([
    'is the TAC office open saturdays',
    'what are the hours at my local irs office',
    'can i call the taxpayer assistance center at 8am',
    'how do i reset my password for my state tax portal',
  ])("%p is declined, without the desk's card or hours", (text) => {
    const plan = say(text);
    expect(plan.decision).toBe('decline');
    expect(hasCard(plan)).toBe(false);
  });

  it.each([
    ['my account was suspended, can i verify at a TAC instead', 'answer'],
    ['my state portal login works but e-services says wrong password', 'answer'],
    ['is the help desk open saturdays', 'calling'],
    ['can i call id.me at 8am', 'answer'],
    ['the taxpayer advocate said to call e-services support, when are they open?', 'calling'],
    ['the social security office says my ssn is fine, who do i call now that registration still fails', 'flow:waiting'],
    ['practitioner priority said no, i need to talk to a person about my new phone number not validating', 'handoff'],
  ])('%p is still ours (%s)', (text, decision) => {
    expect(say(text).decision).toBe(decision);
  });
});

describe("another system's sign-in, named", () => {
  it.each([
    "How do I log into MyFTB for California? it wants a verification code and I don't have my phone",
    "My QuickBooks Online login is asking for two-step verification and I don't have that phone anymore",
    "How do I log in to my bank's business portal, the 2FA text isn't coming",
    "My client's my Social Security account is locked, how do I unlock it?",
    'My NY state e-file password expired, how do I reset it',
  ])('%p is declined, whatever it shares with our codes and phones', (text) => {
    expect(say(text).decision).toBe('decline');
  });

  it('named beside ours, the question is ours: "my bank app and the IRS e-Services code both go to my old phone"', () => {
    expect(say('my bank app and the IRS e-Services code both go to my old phone').decision).not.toBe('decline');
  });

  it('a number asked for a matter outside the subject is no card: "the IRS phone number for my client who owes back taxes"', () => {
    const plan = say("what's the phone number for my client who owes back taxes");
    expect(plan.replies.some((part) => part.helpdesk !== undefined)).toBe(false);
    expect(plan.decision).toBe('decline');
  });
});
