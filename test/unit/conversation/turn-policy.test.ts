import { DateTime } from 'luxon';
import { fillTemplate } from '../../../src/content/fill-template';
import { emptyConversation, emptyUser, type UserProfile } from '../../../src/conversation/conversation-data';
import type { TurnFacts } from '../../../src/conversation/turn-facts';
import { decideTurn } from '../../../src/conversation/turn-policy';
import type { PolicyDeps, TurnInput, TurnPlan, TurnState } from '../../../src/conversation/turn-plan';
import type { FlowState } from '../../../src/flows/flow-state';
import type { ChoiceValue } from '../../../src/reply/reply';
import { realContent, intentText } from '../../support/content';
import { realPolicyDeps } from '../../support/policy-deps';

/**
 * decideTurn(input, facts, state, deps) over the real content: one row per kind of turn, the
 * state it starts from -> the decision, the replies (by content text, never a sentence typed
 * here), and what it keeps. The clock is fixed: Tuesday 2026-11-24, 10:00 Eastern (desk open).
 */

const content = realContent();
const texts = content.texts;

const deps: PolicyDeps = realPolicyDeps({ keepTranscript: true });

const CHANNEL_ZONE = 'America/Chicago';
const facts: TurnFacts = { now: DateTime.fromISO('2026-11-24T15:00:00Z', { zone: 'utc' }), channelZone: CHANNEL_ZONE };
const FIVE_MINUTES_AGO = '2026-11-24T14:55:00.000Z';
const YESTERDAY = '2026-11-23T15:00:00.000Z';

// --- states ---------------------------------------------------------------------------------------

const fresh: TurnState = { conversation: emptyConversation, user: emptyUser };
const talking = (user: UserProfile = emptyUser, misses = 0): TurnState => ({
  conversation: { ...emptyConversation, welcomed: true, lastTurnAt: FIVE_MINUTES_AGO, session: { misses } },
  user,
});
const cameBack = (user: UserProfile): TurnState => ({
  conversation: { ...emptyConversation, welcomed: true, lastTurnAt: YESTERDAY },
  user,
});

const MAIL_FLOW = 'activation-code-by-mail';

function flowAt(flowId: string, nodeId: string, values: Record<string, string> = {}, trail: string[] = []): FlowState {
  const flowVersion = content.flowVersions.get(flowId);
  if (flowVersion === undefined) throw new Error(`no flow ${flowId}`);
  return { flowId, flowVersion, nodeId, awaiting: 'node', values, trail };
}
const inFlow = (flow: FlowState, user: UserProfile = emptyUser): TurnState => ({
  conversation: { ...talking().conversation, flow },
  user,
});

/** The mailed-code flow after "by mail" and "last Tuesday" (2026-11-17, due 2026-12-02). */
const MAIL_VALUES = {
  requestedOn: '2026-11-17',
  requestedOnText: 'Tuesday, Nov 17',
  dueDate: '2026-12-02',
  dueDateText: 'Wednesday, Dec 2',
  overdue: 'no',
};

// --- inputs ---------------------------------------------------------------------------------------

const join: TurnInput = { kind: 'join' };
const says = (text: string): TurnInput => ({ kind: 'message', text });
const clicks = (text: string, value: ChoiceValue): TurnInput => ({ kind: 'message', text, value });

// --- expected replies, from content ----------------------------------------------------------------

const escaped = (part: string) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const text = (sentence: string) => ({ text: sentence });
/** A flow node's own text; a note may follow it (what has changed since the 2016-2018 process). */
const saying = (sentence: string) => ({ text: expect.stringMatching(`^${escaped(sentence)}`) });
function articleAnswer(id: string) {
  const article = content.articles.get(id);
  if (!article) throw new Error(`no article ${id}`);
  return { text: expect.stringContaining(article.answer.trim()) };
}
const helpdeskCard = { helpdesk: expect.objectContaining({ number: content.helpdesk.number }) };
const helpdeskButton = { label: texts.helpdeskButton, value: { action: 'helpdesk' } };
const fallbackTopics = texts.fallbackTopArticles.map((id) => ({ value: { action: 'article', id } }));
/** The welcome: its text, and the top questions as buttons (checked by the article they ask). */
const welcome = {
  text: texts.welcome,
  choices: texts.welcomeTopArticles.map((id) => ({ value: { action: 'article', id } })),
};

function flowNode(flowId: string, nodeId: string) {
  const node = content.flows.get(flowId)?.nodes[nodeId];
  if (!node) throw new Error(`no node ${flowId}/${nodeId}`);
  return node;
}
function nodeText(flowId: string, nodeId: string, values: Record<string, string> = {}): string {
  const node = flowNode(flowId, nodeId);
  if (!('text' in node) || node.text === undefined) throw new Error(`${flowId}/${nodeId} has no text`);
  return fillTemplate(node.text, values);
}
/** What a date node says when it cannot use the reply. */
function retryOf(flowId: string, nodeId: string): string {
  const node = flowNode(flowId, nodeId);
  if (node.kind !== 'date') throw new Error(`${flowId}/${nodeId} is not a date`);
  return node.retry;
}

/** A flow's question as the bot asks it: its text and one button per choice. */
function question(flowId: string, nodeId: string) {
  const node = flowNode(flowId, nodeId);
  if (node.kind !== 'ask') throw new Error(`${flowId}/${nodeId} is not a question`);
  return {
    text: node.text,
    choices: node.choices.map((choice) => ({
      label: choice.label,
      value: { action: 'flow-answer', flowId, nodeId, choiceId: choice.id },
    })),
  };
}
/** A flow's first question: a flow through the 2016-2018 process opens with the then-and-now note. */
function opening(flowId: string, nodeId: string) {
  const asked = question(flowId, nodeId);
  return { ...asked, text: `${content.texts.thenAndNow}\n\n${asked.text}` };
}
const reminder = (
  template: 'mailReminderPending' | 'mailReminderOverdue',
  requestedOnText: string,
  dueDateText: string,
) => text(fillTemplate(texts[template], { requestedOnText, dueDateText }));

/** A string holding every part, in order. */
const holding = (...parts: string[]) => expect.stringMatching(parts.map(escaped).join('[\\s\\S]*'));

// --- the table --------------------------------------------------------------------------------------

interface Expected {
  readonly decision: string;
  /** Every reply, in order; each matched as a subset (toMatchObject). */
  readonly replies: readonly object[];
  /** The user profile afterwards; unchanged when left out. */
  readonly user?: UserProfile;
  /** The flow kept afterwards (a subset), or null for none. */
  readonly flow?: Partial<FlowState> | null;
  /** Anything else about the conversation afterwards (a subset). */
  readonly conversation?: object;
  readonly handoff?: TurnPlan['handoff'];
  readonly flowEnded?: TurnPlan['flowEnded'];
  readonly reset?: boolean;
}

interface Row {
  readonly name: string;
  readonly state: TurnState;
  readonly input: TurnInput;
  readonly expected: Expected;
}

const rows: Row[] = [
  // --- joining --------------------------------------------------------------------------------------
  {
    name: 'join: the welcome, once',
    state: fresh,
    input: join,
    expected: { decision: 'welcome', replies: [welcome], conversation: { welcomed: true } },
  },
  {
    name: 'join when already welcomed: nothing',
    state: talking(),
    input: join,
    expected: { decision: 'welcome:again', replies: [] },
  },
  {
    name: 'join with a mailed code on the way: the reminder, then the welcome',
    state: { conversation: emptyConversation, user: { mailedCodeRequestedOn: '2026-11-17' } },
    input: join,
    expected: {
      decision: 'welcome',
      replies: [reminder('mailReminderPending', 'Tuesday, Nov 17', 'Wednesday, Dec 2'), welcome],
    },
  },

  // --- what is not a question -------------------------------------------------------------------------
  {
    name: 'empty text',
    state: talking(),
    input: says(''),
    expected: { decision: 'non-text', replies: [text(texts.nonText)] },
  },
  {
    name: 'blank text',
    state: talking(),
    input: says('  \n '),
    expected: { decision: 'non-text', replies: [text(texts.nonText)] },
  },
  {
    name: 'too long',
    state: talking(),
    input: says('x'.repeat(1001)),
    expected: { decision: 'too-long', replies: [text(fillTemplate(texts.tooLong, { max: 1000 }))] },
  },
  {
    name: '"reset": cleared, then the welcome',
    state: talking({}, 1),
    input: says('reset'),
    expected: {
      decision: 'reset',
      replies: [text(texts.resetDone), welcome],
      reset: true,
      conversation: { ...emptyConversation, welcomed: true },
    },
  },
  {
    name: '"reset" in the middle of a flow: the flow is gone too',
    state: inFlow(flowAt(MAIL_FLOW, 'how-sent')),
    input: says('reset'),
    expected: { decision: 'reset', replies: [text(texts.resetDone), welcome], reset: true, flow: null },
  },

  // --- privacy and zones ------------------------------------------------------------------------------
  {
    name: 'an SSN pasted with a question: the privacy warning first, then the answer',
    state: talking(),
    input: says('My SSN is 123-45-6789. What do I need to register?'),
    expected: { decision: 'answer', replies: [text(texts.privacyWarning), articleAnswer('ssn-or-itin')] },
  },
  {
    name: '"I\'m in Phoenix": the zone is remembered and said',
    state: talking(),
    input: says("I'm in Phoenix"),
    expected: {
      decision: 'decline',
      replies: [
        text(fillTemplate(texts.zoneRemembered, { zone: 'America/Phoenix', zoneName: 'Mountain Standard Time' })),
      ],
      user: { timeZone: 'America/Phoenix' },
    },
  },

  // --- answers --------------------------------------------------------------------------------------
  {
    name: 'a knowledge question: the article',
    state: talking(),
    input: says('what do I need to register?'),
    expected: {
      decision: 'answer',
      replies: [articleAnswer('what-you-need')],
      conversation: { session: { misses: 0 } },
    },
  },
  {
    name: 'a question about the desk: the live card',
    state: talking(),
    input: says('what are the e-Help Desk hours?'),
    expected: { decision: 'calling', replies: [helpdeskCard] },
  },
  {
    name: 'a clicked article button',
    state: talking(),
    input: clicks('What do I need?', { action: 'article', id: 'what-you-need' }),
    expected: { decision: 'button', replies: [articleAnswer('what-you-need')] },
  },
  {
    name: '"talk to a person" outside a flow: the card and a handoff',
    state: talking(),
    input: says('talk to a person'),
    expected: {
      decision: 'command',
      replies: [helpdeskCard],
      handoff: { summary: texts.helpdeskButton, userZone: CHANNEL_ZONE },
    },
  },
  {
    name: '"talk to a person" from a user who told their zone: the handoff carries it',
    state: talking({ timeZone: 'America/Phoenix' }),
    input: says('talk to a person'),
    expected: {
      decision: 'command',
      replies: [helpdeskCard],
      handoff: { summary: texts.helpdeskButton, userZone: 'America/Phoenix' },
    },
  },

  // --- declines ---------------------------------------------------------------------------------------
  {
    name: 'off-topic: the fallback and its topics',
    state: talking(),
    input: says('who won the game last night'),
    expected: {
      decision: 'decline',
      replies: [
        { text: holding(texts.fallback, texts.fallbackTopicsPrompt), choices: [...fallbackTopics, helpdeskButton] },
      ],
      conversation: { session: { misses: 1 } },
    },
  },
  {
    name: 'off-topic right after a miss: the repeated fallback, help desk first',
    state: talking({}, 1),
    input: says('where is my refund'),
    expected: {
      decision: 'decline',
      replies: [{ text: texts.fallbackRepeated, choices: [helpdeskButton, ...fallbackTopics] }],
      conversation: { session: { misses: 2 } },
    },
  },

  // --- flows: starting ----------------------------------------------------------------------------------
  {
    name: 'a missing mailed code: its flow starts',
    state: talking(),
    input: says('I never received my activation code'),
    expected: {
      decision: 'flow:waiting',
      replies: [opening(MAIL_FLOW, 'how-sent')],
      flow: { flowId: MAIL_FLOW, nodeId: 'how-sent', awaiting: 'node', values: {}, trail: [] },
    },
  },
  {
    name: 'a phone that will not verify: the registration flow starts at the phone step it named',
    state: talking(),
    input: says("my phone number can't be verified"),
    expected: {
      decision: 'flow:waiting',
      replies: [opening('cant-complete-registration', 'phone-which')],
      flow: {
        flowId: 'cant-complete-registration',
        nodeId: 'phone-which',
        trail: ['previously-registered:not-sure', 'where-stuck:phone'],
      },
    },
  },
  {
    name: 'a failure naming no step: the registration flow starts at its first question',
    state: talking(),
    input: says('my e-services re-registration keeps bombing out'),
    expected: {
      decision: 'flow:waiting',
      replies: [opening('cant-complete-registration', 'previously-registered')],
      flow: { flowId: 'cant-complete-registration', nodeId: 'previously-registered', trail: [] },
    },
  },
  {
    name: 'words naming only the subject ("identity verification") name no step',
    state: talking(),
    input: says('identity verification keeps failing for me'),
    expected: {
      decision: 'flow:waiting',
      replies: [opening('cant-complete-registration', 'previously-registered')],
      flow: { flowId: 'cant-complete-registration', nodeId: 'previously-registered', trail: [] },
    },
  },
  {
    name: 'a missing letter: asked how the code was to come, not read past (only "not sure" leads to its follow-up)',
    state: talking(),
    input: says("my activation letter hasn't come"),
    expected: {
      decision: 'flow:waiting',
      replies: [opening(MAIL_FLOW, 'how-sent')],
      flow: { flowId: MAIL_FLOW, nodeId: 'how-sent', trail: [] },
    },
  },

  // --- flows: continuing ----------------------------------------------------------------------------------
  {
    name: 'a typed answer moves the flow on',
    state: inFlow(flowAt(MAIL_FLOW, 'how-sent')),
    input: says('by mail'),
    expected: {
      decision: 'flow:waiting',
      replies: [saying(nodeText(MAIL_FLOW, 'requested-on'))],
      flow: { nodeId: 'requested-on', trail: ['how-sent:by-mail'] },
    },
  },
  {
    name: 'a clicked answer moves the flow on',
    state: inFlow(flowAt(MAIL_FLOW, 'how-sent')),
    input: clicks('By mail (a letter)', {
      action: 'flow-answer',
      flowId: MAIL_FLOW,
      nodeId: 'how-sent',
      choiceId: 'by-mail',
    }),
    expected: {
      decision: 'flow:waiting',
      replies: [saying(nodeText(MAIL_FLOW, 'requested-on'))],
      flow: { nodeId: 'requested-on', trail: ['how-sent:by-mail'] },
    },
  },
  {
    name: 'a date: the due date worked out and kept for a later visit, then the reminder offer',
    state: inFlow(flowAt(MAIL_FLOW, 'requested-on', {}, ['how-sent:by-mail'])),
    input: says('last Tuesday'),
    expected: {
      decision: 'flow:waiting',
      replies: [saying(nodeText(MAIL_FLOW, 'on-the-way', MAIL_VALUES)), question(MAIL_FLOW, 'offer-reminder')],
      user: { mailedCodeRequestedOn: '2026-11-17' },
      flow: { nodeId: 'offer-reminder', values: MAIL_VALUES },
    },
  },
  {
    name: 'a date in the future: the retry text, the flow where it was',
    state: inFlow(flowAt(MAIL_FLOW, 'requested-on', {}, ['how-sent:by-mail'])),
    input: says('12/01/2026'),
    expected: {
      decision: 'flow:waiting',
      replies: [text(retryOf(MAIL_FLOW, 'requested-on'))],
      flow: flowAt(MAIL_FLOW, 'requested-on', {}, ['how-sent:by-mail']),
    },
  },
  {
    name: '"yes, remind me": the flow ends and the date is remembered for the user',
    state: inFlow(flowAt(MAIL_FLOW, 'offer-reminder', MAIL_VALUES, ['how-sent:by-mail', 'requested-on:2026-11-17'])),
    input: says('yes'),
    expected: {
      decision: 'flow:ended',
      replies: [saying(nodeText(MAIL_FLOW, 'waiting-with-reminder', MAIL_VALUES))],
      user: { mailedCodeRequestedOn: '2026-11-17' },
      flow: null,
      flowEnded: { flowId: MAIL_FLOW, outcome: 'waiting-for-mail' },
    },
  },
  {
    name: '"no" to the reminder: the flow ends and the date told is forgotten',
    state: inFlow(flowAt(MAIL_FLOW, 'offer-reminder', MAIL_VALUES, ['how-sent:by-mail', 'requested-on:2026-11-17']), {
      ...emptyUser,
      mailedCodeRequestedOn: '2026-11-17',
    }),
    input: says('no'),
    expected: {
      decision: 'flow:ended',
      replies: [saying(nodeText(MAIL_FLOW, 'waiting-no-reminder', MAIL_VALUES))],
      user: {},
      flow: null,
      flowEnded: { flowId: MAIL_FLOW, outcome: 'waiting-for-mail' },
    },
  },
  {
    name: "a question of its own mid-flow: answered, then the flow's question again",
    state: inFlow(flowAt(MAIL_FLOW, 'how-sent')),
    input: says('what do I need to register?'),
    expected: {
      decision: 'flow:waiting',
      replies: [articleAnswer('what-you-need'), text(texts.flowResumeLead), question(MAIL_FLOW, 'how-sent')],
      flow: { nodeId: 'how-sent' },
    },
  },
  {
    name: 'no answer and no question mid-flow: "didn\'t catch that", and the question again',
    state: inFlow(flowAt(MAIL_FLOW, 'how-sent')),
    input: says('zzzz qqqq'),
    expected: {
      decision: 'flow:waiting',
      replies: [text(texts.flowNotUnderstood), question(MAIL_FLOW, 'how-sent')],
      flow: { nodeId: 'how-sent' },
    },
  },

  // --- flows: leaving -----------------------------------------------------------------------------------
  {
    name: '"cancel" mid-flow ends it',
    state: inFlow(flowAt(MAIL_FLOW, 'requested-on', {}, ['how-sent:by-mail'])),
    input: says('cancel'),
    expected: {
      decision: 'flow:ended',
      replies: [text(texts.flowCancelled)],
      flow: null,
      flowEnded: { flowId: MAIL_FLOW, outcome: 'cancelled' },
    },
  },
  {
    name: '"talk to a person" mid-flow: the card, and a handoff naming the flow and its steps',
    state: inFlow(flowAt(MAIL_FLOW, 'requested-on', {}, ['how-sent:by-mail'])),
    input: says('talk to a person'),
    expected: {
      decision: 'flow:ended',
      replies: [helpdeskCard],
      flow: null,
      flowEnded: { flowId: MAIL_FLOW, outcome: 'handed-off' },
      handoff: {
        summary: holding(content.flows.get(MAIL_FLOW)?.title ?? MAIL_FLOW, 'how-sent:by-mail'),
        userZone: CHANNEL_ZONE,
      },
    },
  },

  // --- a later visit ------------------------------------------------------------------------------------
  {
    name: 'a later visit with a mailed code on the way: the reminder first',
    state: cameBack({ mailedCodeRequestedOn: '2026-11-17' }),
    input: says('thanks'),
    expected: {
      decision: 'intent',
      replies: [reminder('mailReminderPending', 'Tuesday, Nov 17', 'Wednesday, Dec 2'), text(intentText('thanks'))],
    },
  },
  {
    name: 'a later visit with a mailed code overdue: the overdue reminder first',
    state: cameBack({ mailedCodeRequestedOn: '2026-11-01' }),
    input: says('thanks'),
    expected: {
      decision: 'intent',
      replies: [reminder('mailReminderOverdue', 'Sunday, Nov 1', 'Monday, Nov 16'), text(intentText('thanks'))],
    },
  },
  {
    name: 'the same visit with a mailed code on the way: no reminder',
    state: talking({ mailedCodeRequestedOn: '2026-11-17' }),
    input: says('thanks'),
    expected: { decision: 'intent', replies: [text(intentText('thanks'))] },
  },
];

describe('decideTurn', () => {
  it.each(rows)('$name', ({ state, input, expected }) => {
    const plan = decideTurn(input, facts, state, deps);
    expect(plan.decision).toBe(expected.decision);
    expect(plan.replies).toHaveLength(expected.replies.length);
    expect(plan.replies).toMatchObject(expected.replies);
    expect(plan.user).toEqual(expected.user ?? state.user);
    if (expected.flow === null) expect(plan.conversation.flow).toBeUndefined();
    else if (expected.flow) expect(plan.conversation.flow).toMatchObject(expected.flow);
    if (expected.conversation) expect(plan.conversation).toMatchObject(expected.conversation);
    expect(plan.handoff).toEqual(expected.handoff);
    expect(plan.flowEnded).toEqual(expected.flowEnded);
    expect(plan.reset).toBe(expected.reset);
  });
});

describe('decideTurn in a conversation others read (a Teams channel or group chat)', () => {
  it("a later visit posts no one's mailed-code reminder", () => {
    const state = cameBack({ mailedCodeRequestedOn: '2026-11-17' });
    const plan = decideTurn(says('thanks'), { ...facts, shared: true }, state, deps);
    expect(plan.replies).toEqual([text(intentText('thanks'))]);
  });
});

describe('decideTurn: what it keeps over several turns', () => {
  it('welcomes once: a second join says nothing', () => {
    const first = decideTurn(join, facts, fresh, deps);
    const second = decideTurn(join, facts, { conversation: first.conversation, user: first.user }, deps);
    expect(first.replies).toMatchObject([welcome]);
    expect(second.replies).toEqual([]);
  });

  it('two declines in a row: the fallback, then the repeated fallback', () => {
    const first = decideTurn(says('who won the game last night'), facts, talking(), deps);
    const second = decideTurn(
      says('where is my refund'),
      facts,
      { conversation: first.conversation, user: first.user },
      deps,
    );
    expect(first.replies[0].text).toContain(texts.fallback);
    expect(second.replies[0].text).toBe(texts.fallbackRepeated);
  });

  it("an SSN never reaches the transcript: the user's line keeps no digits", () => {
    const plan = decideTurn(says('My SSN is 123-45-6789. What do I need to register?'), facts, talking(), deps);
    const userLines = plan.conversation.transcript.filter((entry) => entry.from === 'user');
    expect(userLines).toHaveLength(1);
    expect(userLines[0].text).not.toMatch(/\d/);
    expect(userLines[0].text).toContain('What do I need to register?');
    expect(plan.conversation.transcript).toContainEqual({ from: 'bot', text: texts.privacyWarning });
  });

  it.each([
    ['kept when keepTranscript is true', true, 2],
    ['not kept when keepTranscript is false', false, 0],
  ] as const)('the transcript is %s', (_case, keepTranscript, entries) => {
    const plan = decideTurn(says('what do I need to register?'), facts, talking(), { ...deps, keepTranscript });
    expect(plan.conversation.transcript).toHaveLength(entries);
  });

  it('a mailed-code flow from the problem to the remembered date, then the reminder on a later visit', () => {
    let state: TurnState = talking();
    for (const message of ['I never received my activation code', 'by mail', 'last Tuesday', 'yes']) {
      const plan = decideTurn(says(message), facts, state, deps);
      state = { conversation: plan.conversation, user: plan.user };
    }
    expect(state.user).toEqual({ mailedCodeRequestedOn: '2026-11-17' });
    expect(state.conversation.flow).toBeUndefined();

    const later = { now: facts.now.plus({ days: 1 }), channelZone: CHANNEL_ZONE };
    const plan = decideTurn(says('thanks'), later, state, deps);
    expect(plan.replies[0]).toEqual(reminder('mailReminderPending', 'Tuesday, Nov 17', 'Wednesday, Dec 2'));
  });
});
