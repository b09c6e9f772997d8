import { realContent } from '../../support/content';
import { realPolicyDeps } from '../../support/policy-deps';
import { sayerWith } from '../../support/talking';

/**
 * How an office manager writes for the preparers, over the real content: the question comes after
 * who it is for, and the desk is "them". Assertions by decision or content id.
 */

const content = realContent();
const deps = realPolicyDeps({ keepTranscript: false });
const say = sayerWith(deps);

describe('calling the desk, asked for someone else', () => {
  it('"we\'re a Georgia firm (Atlanta) - between what hours can staff phone in" asks when to call', () => {
    expect(say("we're a Georgia firm (Atlanta) - between what hours can staff phone in").decision).toBe('calling');
  });

  it('"earliest we can reach them on Arizona time?" asks when to call', () => {
    expect(say('earliest we can reach them on Arizona time?').decision).toBe('calling');
  });

  it('"will anyone still be there" asks whether the desk is answering', () => {
    expect(say('preparer wants to ring them after her meeting, will anyone still be there').decision).toBe('calling');
  });

  it('"is there any way the desk rings her back" asks for a call back: the card', () => {
    expect(say("she can't sit on hold - is there any way the desk rings her back").decision).toBe('handoff');
  });

  it('"get one of the IRS staffers on the line for me" asks for a person', () => {
    expect(say('get one of the IRS staffers on the line for me').decision).toBe('handoff');
  });
});

describe('a problem reported for the office is no question about calling', () => {
  it('"third preparer today who can\'t get thru the re-registration" starts the troubleshooting flow', () => {
    const plan = say("third preparer today who can't get thru the re-registration, what am I missing");
    expect(plan.conversation.flow?.flowId).toBe(content.texts.troubleshootFlow);
  });

  it('"the activation letter for our newest preparer is nowhere" is the mailed code\'s flow, not declined', () => {
    expect(say('the activation letter for our newest preparer is nowhere').conversation.flow?.flowId).toBe(
      content.texts.mailedCodeTopic,
    );
  });

  it('with a word for when the desk answers, it still is', () => {
    expect(say("can't get thru to anyone at the help desk, are they open now?").decision).toBe('calling');
  });
});

describe("the firm's phones", () => {
  it.each([
    "do the preparers' mobile accounts have to be under their own names for this",
    "Many of our staff carry company-issued phones. Must the mobile number be registered in the individual employee's own name?",
    "cc @Marcus since he asked too - our phones are company iPhones on the firm's Verizon account. ok for secure access?",
  ])('%p gets the answer about a phone not in your name', (text) => {
    const answered = say(text).events?.find((event) => event.type === 'answered');
    expect(answered).toMatchObject({ articleId: 'phone-not-in-your-name' });
  });
});
