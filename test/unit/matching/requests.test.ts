import { createContactRequestDetector } from '../../../src/matching/contact-request';
import { createPersonRequestDetector } from '../../../src/matching/person-request';
import { realContent } from '../../support/content';

/**
 * Requests no phrase list holds, read by the words in knowledge/routing.yaml: a person asked for
 * (an asking word, then a person a few words later) and the desk's contact details asked for in
 * few words, in either order.
 */
const { routing } = realContent();
const asksForPerson = createPersonRequestDetector(routing.personRequest);
const asksForContact = createContactRequestDetector(routing.contactRequest);

describe('asking for a person', () => {
  it.each([
    'gimme a live human',
    'can u hand me off to staff',
    'I would like a rep pls',
    'get me a real live person',
    // A person, then what they would do with the asker.
    'is there anybody I could walk through this with',
    'is there anyone with a pulse who could sort this out',
    'can this get escalated to somebody who can actually look at my account',
    // Words after the person that are no registering of them: still asking.
    'can I get a supervisor, my access is still blocked',
    'how can I get somebody on e-services to reset my account',
  ])('"%s" asks for one', (text) => {
    expect(asksForPerson(text)).toBe(true);
  });

  it.each([
    'does the rep need my email',
    'can someone else register for me',
    'can someone else help me register',
    'I live in Ohio, can I register',
    // Getting someone registered is a question about registering them.
    'how do i get my assistant set up on e-services',
    'how do I get someone from my office set up on e-services',
    'can we get our new hire registered today',
    // A story mentions people without asking for one.
    'I would like to know why my colleague at the firm got through the registration yesterday but I keep failing at the phone step',
  ])('"%s" does not', (text) => {
    expect(asksForPerson(text)).toBe(false);
  });

  it('asks for nothing without the words', () => {
    expect(createPersonRequestDetector(undefined)('gimme a human')).toBe(false);
  });
});

describe("asking for the desk's contact details", () => {
  it.each([
    'tel for e-help?',
    'phone no. for support',
    'e-help number',
    'irs support number?',
    // A sentence asking only for a contact, whatever the rest says.
    "ok this isn't working. phone number?",
    "I've tried three times now. so what's the number then",
  ])('"%s" asks', (text) => {
    expect(asksForContact(text)).toBe(true);
  });

  it.each([
    'does the help desk need my phone number',
    'does the irs store my card number',
    'can I use my work phone number for the irs check',
    'what number do I put on the e-services application form for our firm',
    // A contact word beside someone's own, or beside other words, in its sentence.
    'it keeps failing. my phone number?',
    'it asked for my name, address, phone number. then it failed',
    'the P.O. box number goes on line 1?',
    // Told, not asked (the digits left out of the record).
    "where's my refund? the number is",
    // Alone, or after a sentence naming a number: which number is meant (a fresh-eyes review's).
    'what number?',
    'it asks for a loan account number. what number?',
    'i changed my phone number. the number?',
    "the number? it's a new number I got in march",
    "Phone number: 555-201-3344. It says it can't be verified",
  ])('"%s" does not', (text) => {
    expect(asksForContact(text)).toBe(false);
  });

  it.each(['phone number?', 'what number?', 'number pls', 'whats the number'])(
    '"%s" asks when there is no topic yet',
    (text) => {
      expect(asksForContact(text, { noTopicYet: true })).toBe(true);
    },
  );

  it.each(['my phone number?', 'it asks for a loan account number. what number?', 'the number is'])(
    '"%s" does not, even then',
    (text) => {
      expect(asksForContact(text, { noTopicYet: true })).toBe(false);
    },
  );
});
