import { intentText, realContent } from '../../support/content';
import { realPolicyDeps } from '../../support/policy-deps';
import { sayerWith } from '../../support/talking';

/**
 * A problem told without saying where ("croaks on me right before it finishes", "keeps booting
 * me somewhere in the middle"), over the real content: the troubleshooting flow asks where it
 * stops, rather than an article picked by a stray word or a decline. Assertions by flow id.
 */

const content = realContent();
const deps = realPolicyDeps({ keepTranscript: false });
const say = sayerWith(deps);

describe('a vague problem report starts the troubleshooting flow', () => {
  it.each([
    'secure access keeps booting me somewhere in the middle, no clue which page',
    'cant get thru this secure access thing to save my life',
    // Read as the lockout's flow and the main one alike: no narrower problem named.
    'cant get thru secure access',
    "can't get through secure access",
    // A plea at either end asks for help with the rest, not for the help desk.
    'cant get thru the IRS secure access thing for eservices, help',
    "help! my registration won't go through",
    'the e-svcs re-registration croaks on me right before it finishes',
    'Several preparers in our Dallas office are reporting failures during Secure Access registration.',
    'Hello, the registration for e-Services is not finishing, I try many times already',
    'Hello, I am not succeed to finish the verification of identity for e-Services. Please assist me.',
    // Asked to find out why together: the flow itself.
    "SA just says 'unable to complete your request' and nothing else. troubleshoot with me?",
    "my new staffer can't finish her registration, can you walk us through figuring out why",
    // Its words find the subject only faintly: still no question to decline.
    'Started at 8 this morning, got through the email part fine, typed in all my personal info, and now it just spins and dumps me back at the start.',
  ])('%p', (text) => {
    expect(say(text).conversation.flow?.flowId).toBe(content.texts.troubleshootFlow);
  });

  it('a plea beside a request for the desk leaves the request', () => {
    expect(say('help, I need the help desk number').decision).toBe('handoff');
  });

  it('a lockout named is its own flow', () => {
    for (const text of ["I'm locked out of secure access", 'it locked me out after 2 tries', 'shut out of my account'])
      expect(say(text).conversation.flow?.flowId).toBe('locked-out');
  });

  it('a problem with something outside the subject is still declined', () => {
    expect(say('quickbooks keeps crashing on me').decision).toBe('decline');
    expect(say('my printer keeps failing').decision).toBe('decline');
    // The registration named as where the outside matter happens: still the outside matter.
    expect(say('my PTIN renewal keeps failing on the registration page').decision).toBe('decline');
    expect(say("our firm's computer keeps crashing during the secure access registration").decision).toBe('decline');
    expect(say('the verification process on my bank website keeps failing, my office computer is old').decision).toBe(
      'decline',
    );
  });

  it('the registration named as what fails, beside words that read as outside ("the computer stuff"): the flow', () => {
    const plan = say(
      "secure access keeps failing for my mom, she runs a small tax office and I'm helping her with the computer stuff",
    );
    expect(plan.conversation.flow?.flowId).toBe(content.texts.troubleshootFlow);
  });
});

describe('a mailed code reported in other words', () => {
  it('"has been in the mail since Nov 20. whats the wait" counts its date: the flow runs on from it', () => {
    const plan = say('hi! my secure access letter has been in the mail since Nov 20. whats the wait');
    expect(plan.conversation.flow?.flowId).toBe(content.texts.mailedCodeTopic);
    expect(plan.user.mailedCodeRequestedOn).toBe('2026-11-20');
  });

  it('"can you ping me if it doesn\'t show by the due date" says yes to keeping the date', () => {
    const first = say('hi! my secure access letter has been in the mail since Nov 20. whats the wait');
    const plan = say("can you ping me if it doesn't show by the due date", {
      conversation: first.conversation,
      user: first.user,
    });
    expect(plan.conversation.flow).toBeUndefined();
    expect(plan.events?.some((event) => event.type === 'flow-finished')).toBe(true);
    expect(plan.user.mailedCodeRequestedOn).toBe('2026-11-20');
  });

  it('"could you please don\'t keep it" is the longer phrase: no', () => {
    const first = say('hi! my secure access letter has been in the mail since Nov 20. whats the wait');
    const plan = say("could you please don't keep it", { conversation: first.conversation, user: first.user });
    expect(plan.conversation.flow).toBeUndefined();
    expect(plan.user.mailedCodeRequestedOn).toBeUndefined();
  });
});

describe('thanks beside a plan, in a flow', () => {
  it('"fine, we\'ll wait on it. appreciate it" closes the flow with the thanks', () => {
    let plan = say('my activation code never came');
    plan = say('by mail', { conversation: plan.conversation, user: plan.user });
    plan = say("fine, we'll wait on it. appreciate it", { conversation: plan.conversation, user: plan.user });
    expect(plan.conversation.flow).toBeUndefined();
    expect(plan.replies.map((part) => part.text)).toEqual([intentText('thanks')]);
  });
});

describe('a typed reply in the troubleshooting flow, read for what it says', () => {
  it('"her 2024 return went out 3 weeks ago" is no yes (a "return" is not "returning") nor a code date', () => {
    let plan = say("Maria's re-registration keeps telling her the info doesn't match, she swears the address is right");
    plan = say('she moved in the summer and her 2024 return went out 3 weeks ago with the new address', {
      conversation: plan.conversation,
      user: plan.user,
    });
    expect(plan.conversation.flow?.trail).not.toContain('previously-registered:yes');
    expect(plan.conversation.flow?.heldDate).toBeUndefined();
  });
});

describe('a form that hands the entry back, or a problem told with words that name nothing', () => {
  it.each([
    '<at>Support Bot</at> got kicked back by the verification for the third time today',
    'keep hitting submit on the e-services re-registration and it just kicks it back',
    'secure access wont take me no matter what i put in',
    "secure access bails on me right before it's done",
    'the identity piece rejects me over and over, no clue why',
  ])('%p starts the troubleshooting flow', (text) => {
    const plan = sayerWith(deps)(text);
    expect(plan.conversation.flow?.flowId).toBe(content.texts.troubleshootFlow);
  });
});

/**
 * A problem that names its step starts the troubleshooting at that step: the user is not asked
 * where it stops after saying so, and gets the step's answer when the message says which one.
 */
describe('a problem told with its step', () => {
  const flow = content.texts.troubleshootFlow;

  it('"my filing status doesn\'t match…" gets the answer about personal details, not the first question', () => {
    const plan = say("It keeps saying my filing status doesn't match. I filed head of household last year");
    const node = content.flows.get(flow)?.nodes['personal-details'];
    const answer = node?.kind === 'say' ? (node.text ?? '') : '';
    expect(answer).not.toBe('');
    expect(plan.replies.some((part) => part.text?.includes(answer.trim().slice(0, 40)))).toBe(true);
    expect(plan.conversation.flow?.trail).toEqual(
      expect.arrayContaining(['where-stuck:identity', 'identity-which:personal']),
    );
  });

  it.each([
    ['stuck at the financial verification or whatever it is called, it just says no', 'financial-which'],
    ["it won't accept my mobile number", 'phone-which'],
    ['Says we cannot verify the information you entered, right after I put in my address', 'address-which'],
    // "Dies right after…" tells the form gave up: no menu of a stray "registration" reading.
    ['the re-registration dies right after I put in my phone number', 'phone-which'],
  ])('%p asks about its step: %p', (text, nodeId) => {
    const plan = say(text);
    expect(plan.conversation.flow?.flowId).toBe(flow);
    expect(plan.conversation.flow?.nodeId).toBe(nodeId);
  });

  it('a story naming a step that went fine ("got the email code fine") starts at the first question', () => {
    const plan = say(
      "Got the email code fine, typed all my info in and then bam, 'we cannot verify your identity'. Tried again Monday.",
    );
    expect(plan.conversation.flow?.flowId).toBe(flow);
    expect(plan.conversation.flow?.trail).toEqual([]);
  });

  it('an answer to the first question said too ("I had a Get Transcript account") leaves that question to be asked', () => {
    const plan = say(
      'I had a get transcript account already, the re-registration says my filing status does not match',
    );
    expect(plan.conversation.flow?.flowId).toBe(flow);
    expect(plan.conversation.flow?.trail).toEqual([]);
  });

  it('no answer is invented for a first question without "not sure" (the checklist before calling)', () => {
    const plan = say('I need to call the IRS about my e-Services registration, my email got hacked');
    expect(plan.conversation.flow?.trail ?? []).not.toContainEqual(expect.stringMatching(/^tried-online:/));
  });

  it('"…after I enter my SSN, date of birth, filing status and address" names several details: which one is asked', () => {
    const plan = say('it fails after I enter my SSN, date of birth, filing status and address');
    expect(plan.conversation.flow?.nodeId).toBe('identity-which');
  });
});
