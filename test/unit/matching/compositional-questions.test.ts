import { realLanguage } from '../../support/content';

/**
 * Questions read by what they combine, from knowledge/routing.yaml: whether the requirement
 * applies to whoever asks (appliesQuestion: a cue, and beyond it only the subject and words for
 * who is asking; anything else named, or asked why, what or how often, is another question), and
 * the question kinds (questionKinds), each a phrase from every group and none of notWith: how
 * someone with a Secure Access account from another tool signs in, whether one registration can
 * serve a firm.
 */
const language = realLanguage();

describe('whether the requirement applies to the asker', () => {
  it.each([
    'one-man shop EA, I barely use e-services, do I really have to do this?',
    "we're a small VITA site, are we included in the re-registration?",
    'part-time preparer here, can I skip the secure access thing?',
    'our reporting agent staff, on the hook for this too?',
  ])('"%s" asks it', (text) => {
    expect(language.asksIfItApplies(text)).toBe(true);
  });

  it.each([
    'why do I have to re-register?',
    'do I have to redo it every year?',
    'does this apply to my Google Voice number?',
    'is TIN matching included?',
    'what do I need to register?',
  ])('"%s" is another question', (text) => {
    expect(language.asksIfItApplies(text)).toBe(false);
  });
});

describe('how someone with a Secure Access account from another tool signs in', () => {
  it.each([
    'I already have secure access from the IP PIN tool, what do I enter at the e-services login?',
    'set up Secure Access for View Balance last year. which password goes on the sign in page?',
    'we pull transcripts with get transcript already - which username do I use for e-services',
  ])('"%s" asks it', (text) => {
    expect(language.questionKindArticle(text)).toBe('existing-secure-access-login');
  });

  it.each([
    'I forgot the password I made for get transcript, what do I enter?',
    'what do I enter at the login screen?',
    'can I use my IP PIN account for the financial check',
  ])('"%s" is another question', (text) => {
    expect(language.questionKindArticle(text)).not.toBe('existing-secure-access-login');
  });
});

describe('whether one registration can serve a firm or team', () => {
  it.each([
    'could one of us verify and then share the login with the other preparers?',
    'does the firm register or do I personally?',
    'can our seasonal staff piggyback on my account',
    'can the whole office share a single login',
    'single login for the staff?',
    'can our preparers all use single login?',
  ])('"%s" asks it', (text) => {
    expect(language.questionKindArticle(text)).toBe('personal-not-firm-credentials');
  });

  it.each([
    'my phone contract is in the firm name, is that ok?',
    'can I share my screen with you',
    'does the firm need to do anything',
    're-verification for e-services is failing for half my team',
    'how do new hires verify for e-Services at present?',
    'can my assistant sign form 8879 for clients',
    'how long does registration take for all 4 of us',
    'should i register under my personal email or the firm email?',
    'the identity verification for my account keeps failing, my firm needs me filing by monday',
    'can i register under my ITIN, im a partner at the firm',
    // "Every single login" is each time you sign in, not one login for many.
    'my coworker claims e-services texts you a fresh code at every single login, true?',
  ])('"%s" is another question', (text) => {
    expect(language.questionKindArticle(text)).not.toBe('personal-not-firm-credentials');
  });
});

describe('the other question kinds read what a message combines', () => {
  it.each([
    // A phone from abroad, for the text: a U.S.-based mobile is what it needs.
    [
      'Doing expat returns from Sydney. Registration fails when I give my Australian mobile, is there another way?',
      'mobile-phone-requirements',
    ],
    ["we're in london, can I use my british cell for the text", 'mobile-phone-requirements'],
    ['the mobile is on my brother-in-law… no wait, on my mom and dad family plan, ok?', 'phone-not-in-your-name'],
    ['our iPhones are on the company plan, will the phone check pass', 'phone-not-in-your-name'],
    ['what do I need to have on hand before I start tonight', 'what-you-need'],
    ['lunch break attempt: what should I gather first', 'what-you-need'],
    ['give me the screens in order, start to finish', 'registration-steps'],
    ['how come every user has to redo this? we had logins for years', 'why-re-register'],
    ['what does exception processing mean for people like me', 'exception-processing'],
    ['only got an ITIN, no SSN, can I still register', 'ssn-or-itin'],
    ['my reports are locked at all three bureaus (security freeze), issue?', 'credit-freeze'],
    ['is this a once-and-done thing or do we repeat it annually', 'one-time-process'],
    ['which users are exempt from all this', 'who-is-exempt'],
    ['what programs are part of e-services anyway', 'what-is-e-services'],
    ['got letter 5903, called and validated, is that enough', 'letter-5903-users'],
    ['only plastic I have is a company card from the firm, fine?', 'cards-not-accepted'],
    ['I already have an ID.me from the VA. can I use it here too', 'id-me-what-you-need'],
    ['never had a mobile phone in my life, now what', 'no-mobile-phone'],
    ['could the help desk mail me the activation code if I call', 'desk-mail-code'],
    ['living in Lisbon, the toll free line does not go through, another number?', 'calling-from-abroad'],
    ['switched carriers and my number changed, does that matter', 'new-mobile-number'],
    ['heard secure access is retired now, true?', 'id-me-change'],
    ['when I phone them, what will they ask me for', 'call-what-to-have-ready'],
    ['fyi the number I gave is a google voice line', 'virtual-phone-or-landline'],
    ['the envelope with the code finally showed up', 'activation-letter-arrived'],
    ['do I type the full card number or only part of it', 'financial-accounts-accepted'],
    ['how many tries before it locks me out', 'password-attempts'],
    ['I no longer remember my secure access password', 'forgot-password'],
    ['is there enough time to do the signup before lunch', 'how-long-it-takes'],
    ['can regular taxpayers sign up for e-services', 'what-is-e-services'],
    ['is this verification mandatory or just recommended', 'who-must-register'],
    ['text says click this link to keep my account, phishing?', 'irs-never-asks-by-text-email'],
    ['does the letter get mailed to my office or my home', 'activation-code-by-mail'],
  ])('"%s" asks %s', (text, article) => {
    expect(language.questionKindArticle(text)).toBe(article);
  });

  it.each([
    ['my new phone number is not verifying', 'phone-not-in-your-name'],
    ['my credit card is in the company name, ok?', 'phone-not-in-your-name'],
    ['what should I have ready when I call the desk', 'what-you-need'],
    ['what do I bring to the TAC appointment', 'what-you-need'],
    ['the steps keep failing at the card screen', 'registration-steps'],
    ['why does the phone step keep rejecting my number', 'why-re-register'],
    ['why do I have to verify again every year', 'why-re-register'],
    ['calling about exception processing in a minute', 'exception-processing'],
    ['do I get a code every time I log in, or once a year', 'one-time-process'],
    ['what is the fee to renew my ptin next year', 'one-time-process'],
    ['no smartphone for the ID.me selfie, what now', 'no-mobile-phone'],
    ['the desk mailed the code, can I keep trying online till then', 'desk-mail-code'],
    ['what number do I dial from abroad, my new number is foreign', 'new-mobile-number'],
    ['did e-services switch over to secure access in October 2016', 'id-me-change'],
    ['the letter still has not arrived', 'activation-letter-arrived'],
    ['can I call the desk from skype', 'virtual-phone-or-landline'],
    ['how long does a lockout last', 'how-long-it-takes'],
    ['we only use TIN matching, is it mandatory for us', 'who-must-register'],
    ['which address do I enter, the one the letter was sent to?', 'activation-code-by-mail'],
    // Calling from abroad, or a foreign address, is another question than a phone from abroad.
    ['calling from my UK mobile, what number do I dial for the help desk', 'mobile-phone-requirements'],
    ['my last return has my canadian address, what do I put', 'mobile-phone-requirements'],
    // A plan that is no phone plan (a fresh-eyes review's examples).
    ['my client is a Mexican national, can he set up a payment plan through e-services?', 'mobile-phone-requirements'],
    ['our firm is Indian-owned, do we need a different plan for registering staff?', 'mobile-phone-requirements'],
  ])('"%s" is not %s', (text, article) => {
    expect(language.questionKindArticle(text)).not.toBe(article);
  });
});
