import { matchChoice, type ChoiceOption } from '../../../src/flows/match-choice';
import { realContent, realLanguage } from '../../support/content';

/**
 * matchChoice(text, options, language): which offered answer a typed reply means, over real
 * questions from the flow dialogs and the real routing words. Each row: reply -> choice id
 * (undefined: the reply is not an answer, and the bot should treat it as a message of its own).
 */

const content = realContent();
const language = realLanguage();

function askChoices(flowId: string, nodeId: string): readonly ChoiceOption[] {
  const node = content.flows.get(flowId)?.nodes[nodeId];
  if (node?.kind !== 'ask') throw new Error(`${flowId}/${nodeId} is not an ask node`);
  return node.choices;
}

/** "Did you set up a Secure Access account before…?" Yes / No / Not sure. */
const yesNoNotSure = askChoices('cant-complete-registration', 'previously-registered');
/** "Where does the registration stop?": six choices, the last one leading to more. */
const whereStuck = askChoices('cant-complete-registration', 'where-stuck');

describe('the questions the tables are written against', () => {
  it('Yes / No / Not sure', () => {
    expect(yesNoNotSure.map((option) => [option.id, option.label])).toEqual([
      ['yes', 'Yes'],
      ['no', 'No'],
      ['not-sure', 'Not sure'],
    ]);
  });

  it('where the registration stops', () => {
    expect(whereStuck.map((option) => [option.id, option.label])).toEqual([
      ['email-code', 'The confirmation email never came'],
      ['identity', "My personal details don't match"],
      ['financial', 'The financial account check'],
      ['phone', "My phone can't be verified"],
      ['waiting-for-mail', "I'm waiting for a mailed code"],
      ['more', 'Password, lockout or something else'],
    ]);
  });
});

describe('matchChoice over Yes / No / Not sure', () => {
  it.each([
    // exact labels, any case and punctuation
    ['label', 'Yes', 'yes'],
    ['label', 'No', 'no'],
    ['label', 'Not sure', 'not-sure'],
    ['lower case', 'not sure', 'not-sure'],
    ['shouted with punctuation', 'YES!', 'yes'],
    ['trailing full stop', 'No.', 'no'],
    ['shouted with punctuation', 'NOT SURE!!', 'not-sure'],
    ['a question mark on the label itself', 'yes?', 'yes'],
    // the choices' own synonyms (dialogs)
    ['choice synonym', 'get transcript', 'yes'],
    ['doubt after a word or two', "honestly, can't say", 'not-sure'],
    ['ends saying all is well', 'that part is fine', 'yes'],
    ['all is well said after a no', 'no, it is not fine', 'no'],
    ['"ok" leading into something else is no yes', 'ok worked it out, the phone part', undefined],
    ['choice synonym', 'IP PIN', 'yes'],
    ['choice synonym', 'i have one', 'yes'],
    ['choice synonym', 'first time', 'no'],
    ['choice synonym', 'no idea', 'not-sure'],
    ['choice synonym with a contraction', "don't know", 'not-sure'],
    ['choice synonym with a contraction', "can't remember", 'not-sure'],
    ['choice synonym', 'maybe', 'not-sure'],
    ['choice synonym', 'unsure', 'not-sure'],
    // yes and no words (routing.yaml answers)
    ['yes word', 'yep', 'yes'],
    ['yes word', 'yeah', 'yes'],
    ['yes word', 'yup', 'yes'],
    ['yes word', 'sure', 'yes'],
    ['yes word', 'ok', 'yes'],
    ['yes word', 'of course', 'yes'],
    ['yes word', 'definitely', 'yes'],
    ['a yes word starting a sentence', 'Yes, I did.', 'yes'],
    ['a yes word starting a sentence', 'yeah I did', 'yes'],
    ['no word', 'nope', 'no'],
    ['no word', 'nah', 'no'],
    ['no word', 'never', 'no'],
    ['no word', 'not really', 'no'],
    ['a no word starting a sentence', 'nope, never', 'no'],
    ['a no word starting a sentence', 'no way', 'no'],
    ['a no word before a contraction', "no I didn't", 'no'],
    ['a bare yes among other words', 'email access, yes, no problem there', 'yes'],
    ['a bare no among other words', 'that account, no, never had one', 'no'],
    // numbers and ordinals
    ['number', '1', 'yes'],
    ['number', '2', 'no'],
    ['number', '3', 'not-sure'],
    ['number with punctuation', '#2', 'no'],
    ['ordinal', 'the first one', 'yes'],
    ['ordinal', 'the second one', 'no'],
    ['ordinal', 'third', 'not-sure'],
    ['"option N"', 'option 2', 'no'],
    ['"number N"', 'number 3', 'not-sure'],
    ['last', 'last', 'not-sure'],
    ['the last one', 'the last one', 'not-sure'],
    // typos of labels
    ['typo', 'Yse', 'yes'],
    ['typo', 'Noo', 'no'],
    ['typo', 'Not shure', 'not-sure'],
    ['typo', 'nott sure', 'not-sure'],
  ])('%s: %j -> %s', (_kind, text, expected) => {
    expect(matchChoice(text, yesNoNotSure, language)).toBe(expected);
  });

  it.each([
    ['number past the last choice', '4'],
    ['ordinal past the last choice', 'fourth'],
    ['a question of its own', 'what is Secure Access?'],
    ['a question of its own', 'is that the same as ID.me?'],
    ['a question without a question mark', 'what is get transcript'],
    ['a question about the question', 'did I?'],
    ['a question word alone', 'what'],
    ['empty', ''],
    ['blank', '   '],
    ['punctuation only', '!!!'],
  ])('%s: %j -> undefined', (_kind, text) => {
    expect(matchChoice(text, yesNoNotSure, language)).toBeUndefined();
  });
});

describe('matchChoice over "Where does the registration stop?" (six choices)', () => {
  it.each([
    // a lead-in that names the screen, then the answer
    ['the screen named after a lead-in', 'when it asks about a credit card or loan', 'financial'],
    ['"where it…" names the screen, it asks nothing', 'where it texts my phone', 'phone'],
    ['the screen named after a lead-in', 'right when it asks for my phone number', 'phone'],
    // exact labels
    ['label', 'The confirmation email never came', 'email-code'],
    ['label', "My personal details don't match", 'identity'],
    ['label', 'The financial account check', 'financial'],
    ['label', "My phone can't be verified", 'phone'],
    ['label', "I'm waiting for a mailed code", 'waiting-for-mail'],
    ['label', 'Password, lockout or something else', 'more'],
    // case, punctuation and apostrophes
    ['label without its apostrophe', 'my phone cant be verified', 'phone'],
    ['label with a curly apostrophe', 'My phone can’t be verified', 'phone'],
    ['label without contractions', 'i am waiting for a mailed code', 'waiting-for-mail'],
    ['synonym shouted', 'PHONE', 'phone'],
    ['synonym with a full stop', 'Phone.', 'phone'],
    ['synonym in quotes', '"phone"', 'phone'],
    ['synonym with a question mark', 'phone?', 'phone'],
    // synonyms
    ['synonym', 'phone', 'phone'],
    ['synonym', 'mail', 'waiting-for-mail'],
    ['synonym', 'letter', 'waiting-for-mail'],
    ['synonym', 'waiting', 'waiting-for-mail'],
    ['synonym', 'password', 'more'],
    ['synonym', 'locked out', 'more'],
    ['synonym', 'forgot password', 'more'],
    ['synonym', 'something else', 'more'],
    ['synonym', 'credit card', 'financial'],
    ['synonym', 'mortgage', 'financial'],
    ['synonym', 'identity', 'identity'],
    ['synonym', 'address', 'identity'],
    ['synonym', 'ssn', 'identity'],
    ['synonym', 'confirmation code', 'email-code'],
    ['synonym', 'no email', 'email-code'],
    ['synonym', 'other', 'more'],
    ['synonym', 'none of these', 'more'],
    // numbers and ordinals
    ['number', '1', 'email-code'],
    ['number', '2', 'identity'],
    ['number', '6', 'more'],
    ['number with punctuation', '(2)', 'identity'],
    ['number as a word', 'two', 'identity'],
    ['"number" and a word', 'number two', 'identity'],
    ['ordinal', 'the second one', 'identity'],
    ['ordinal', 'sixth', 'more'],
    ['"the third option"', 'the third option', 'financial'],
    ['"option N"', 'option 6', 'more'],
    ['last', 'last', 'more'],
    ['the last one', 'the last one', 'more'],
    // typos of labels and synonyms
    ['typo', 'my phoen', 'phone'],
    ['typo', 'pasword', 'more'],
    ['typo', 'finacial', 'financial'],
    ['typo', 'finantial account check', 'financial'],
    ['typo', 'confirmaton email', 'email-code'],
    ['typo', 'somthing else', 'more'],
    ['typo', 'lockd out', 'more'],
    // a reply that contains one choice
    ['contained', 'I think the phone one', 'phone'],
    ['contained', 'the phone one', 'phone'],
    ['contained', "it's the phone", 'phone'],
    ['contained', 'probably the password thing', 'more'],
    ['contained', 'the password one', 'more'],
    ['contained', 'the financial one', 'financial'],
    ['contained', 'the email one', 'email-code'],
    [
      'a long story about one choice',
      'I tried to register yesterday and when I got to the phone step it said my phone could not be verified so I gave up',
      'phone',
    ],
  ])('%s: %j -> %s', (_kind, text, expected) => {
    expect(matchChoice(text, whereStuck, language)).toBe(expected);
  });

  it.each([
    ['number past the last choice', '7'],
    ['ordinal past the last choice', 'seventh'],
    ['number zero', '0'],
    // questions that mention a choice's words
    ['a question mentioning the phone', "what's the phone number?"],
    ['a question mentioning the phone, no question mark', 'what is the phone number'],
    ['a question mentioning the password', 'how do I reset my password?'],
    ['a question mentioning the letter', 'where do I mail the letter?'],
    ['a question mentioning a credit card', 'can I use my credit card?'],
    // replies naming two choices, or none
    ['two choices', 'the phone and the password'],
    ['two choices', 'phone or mail'],
    ['two choices', 'credit card and phone'],
    [
      'a long story naming two choices',
      'I was waiting for the mailed code and then my password stopped working and now I am locked out',
    ],
    ['a long reply about two choices', 'it keeps saying something about my details and my phone'],
    ['a long reply that answers nothing', 'honestly I have no clue what is going on with any of this'],
    // "part" is shared with "the money part", but it names any part of the registration.
    ['a word for any part of the registration', "the selfie part won't work"],
    ['a no word to a question that is not yes/no', 'no'],
    ['a yes word to a question that is not yes/no', 'ok'],
    // The typo match takes only typos of a choice's own words, not a short word found inside one.
    ['"yes" to a question that is not yes/no', 'yes'],
    ['small talk', 'thanks'],
    ['small talk', 'bye'],
    ['filler', 'hmm'],
    ['gibberish', 'asdf'],
  ])('%s: %j -> undefined', (_kind, text) => {
    expect(matchChoice(text, whereStuck, language)).toBeUndefined();
  });
});

describe('matchChoice: a no that starts like a yes, and a sentence naming a synonym', () => {
  it.each([
    // The longer opening wins: "i did not" is a no although it starts with the yes words "i did".
    ['"I didn\'t" is No', "I didn't", 'no'],
    ['"i did not" is No', 'i did not', 'no'],
    ['"I haven\'t" is No', "I haven't", 'no'],
    ['"I don\'t" is No', "I don't", 'no'],
    ['"it did not" is No', 'it did not', 'no'],
    // A reply sharing words with one option only ("IP PIN" is a synonym of Yes).
    ['a sentence naming a Yes synonym', 'I used IP PIN before', 'yes'],
    // "Don't know" words (routing.yaml answers.unsure) go before the yes and no openings.
    ['"I don\'t know" is Not sure', "I don't know", 'not-sure'],
    ['"idk" is Not sure', 'idk', 'not-sure'],
    ['"dunno honestly" is Not sure', 'dunno honestly', 'not-sure'],
    ['"no idea" is Not sure, not No', 'no idea', 'not-sure'],
  ])('Yes / No / Not sure: %s', (_case, text, expected) => {
    expect(matchChoice(text, yesNoNotSure, language)).toBe(expected);
  });
});

/**
 * Known defects: each row is what the person means; the code gets it wrong today, so the row is
 * marked failing. When the code is fixed the row starts passing and jest reports it: then move it
 * to a table above.
 */
describe('matchChoice: known defects (it.failing)', () => {
  it.failing.each([
    ['"absolutely not" is No', 'absolutely not', 'no'],
    // Any reply that starts with a yes word counts, however long: "i have" starts this complaint.
    [
      'a long complaint is not an answer',
      'I have been trying for weeks and nothing works, this is so frustrating',
      undefined,
    ],
  ])('Yes / No / Not sure: %s', (_case, text, expected) => {
    expect(matchChoice(text, yesNoNotSure, language)).toBe(expected);
  });

  it.failing.each([
    // Three-letter replies go to the fuzzy match, which finds some label close enough.
    ['"nope" answers nothing here (read as more)', 'nope', undefined],
    // "6th" / "2nd" are not read as positions.
    ['"the 6th" is the sixth choice', 'the 6th', 'more'],
    ['"the 2nd one" is the second choice', 'the 2nd one', 'identity'],
    // A request phrased without a question word or "?" is read as the choice whose synonym it contains.
    ['asking for the phone number is not the phone choice', 'tell me the phone number for the help desk', undefined],
    ['needing the phone number is not the phone choice', 'I need the phone number', undefined],
  ])('where the registration stops: %s', (_case, text, expected) => {
    expect(matchChoice(text, whereStuck, language)).toBe(expected);
  });
});

describe('read strictly, as a change to an earlier answer', () => {
  const howSent = askChoices('activation-code-by-mail', 'how-sent');

  it('one word of a longer message changes nothing: "…skype-in number btw, maybe that\'s why" is no "Not sure"', () => {
    expect(
      matchChoice("my number is a skype-in number btw, maybe that's why", howSent, language, true),
    ).toBeUndefined();
  });

  it('a short reply still does ("maybe, not sure")', () => {
    expect(matchChoice('maybe, not sure', howSent, language, true)).toBe('not-sure');
  });
});

describe('a word that says what kind of thing, beside the thing itself', () => {
  // "Details" is a word of "My personal details don't match", but "loan details" are the loan.
  it.each([
    ['the bit where it asks for my loan details', 'financial'],
    ['the part asking for bank details', 'financial'],
    ['where it wants my phone details', 'phone'],
    ['the personal details part', 'identity'],
  ])('"%s" -> %s', (reply, expected) => {
    expect(matchChoice(reply, whereStuck, language)).toBe(expected);
  });
});

describe('an answer ruled out by "not"', () => {
  /** "Which of these describes your phone?": new number, prepaid or not in my name, landline… */
  const phoneWhich = askChoices('cant-complete-registration', 'phone-which');

  it.each([
    ['named alone', 'prepaid', 'not-in-my-name'],
    ['the answer that says "not" itself', "it's not in my name", 'not-in-my-name'],
    ['another answer beside the one ruled out', "it's not prepaid, it's a new number", 'new-number'],
    ['ruled out, then none of them', "no it's not a prepaid, it's a regular verizon plan", 'none'],
  ])('%s: %p -> %p', (_why, text, id) => {
    expect(matchChoice(text, phoneWhich, language)).toBe(id);
  });

  it.each([
    ['ruled out alone', "it's not prepaid"],
    ['ruled out across small words', 'not on a prepaid plan'],
    ['ruled out beside what is true of it', 'not prepaid, its in my name'],
    ['another answer ruled out', 'not a landline'],
  ])('%s: %p is none of the answers', (_why, text) => {
    expect(matchChoice(text, phoneWhich, language)).toBeUndefined();
  });
});
