import { flowSchema, type Flow } from '../../../src/content/flow-schema';
import { fillTemplate } from '../../../src/content/fill-template';
import { computations } from '../../../src/flows/computations';
import { answerFlow, hasTriedOnline, pendingQuestion, startFlow } from '../../../src/flows/flow-engine';
import type { FlowContext, FlowInput, FlowState } from '../../../src/flows/flow-state';
import type { HelpdeskCard, ReplyMessage } from '../../../src/reply/reply';
import { realContent, realLanguage } from '../../support/content';

/**
 * The flow engine over a small flow built here, with every kind of node: where it stops, what it
 * says, and where each answer takes it. Texts come from the real content; today is fixed.
 */

const content = realContent();
const texts = content.texts;

/** A Tuesday. */
const TODAY = '2026-11-24';
const VERSION = 'v1';

const flow: Flow = flowSchema.parse({
  id: 'test-mailed-code',
  title: 'Test: mailed code',
  triggers: ['my code never came', 'no letter yet', 'waiting for the code'],
  start: 'intro',
  nodes: {
    intro: { kind: 'say', text: "Let's find out where your code is.", next: 'how-sent' },
    'how-sent': {
      kind: 'ask',
      text: 'How was the code sent?',
      saveAs: 'method',
      choices: [
        { id: 'by-mail', label: 'By mail', synonyms: ['letter', 'post'], next: 'tried', set: { channel: 'mail' } },
        { id: 'by-text', label: 'By text message', synonyms: ['sms'], next: 'explain' },
        { id: 'not-sure', label: 'Not sure', synonyms: ['no idea'], next: 'unsure' },
      ],
    },
    tried: {
      kind: 'ask',
      text: 'Have you tried registering online?',
      choices: [
        { id: 'yes', label: 'Yes', synonyms: ['yes', 'yep'], next: 'requested-on', set: { triedOnline: 'yes' } },
        { id: 'no', label: 'No', synonyms: ['no', 'nope'], next: 'requested-on', set: { triedOnline: 'no' } },
      ],
    },
    'requested-on': {
      kind: 'date',
      text: 'When did you ask for it by {channel}?',
      retry: 'Sorry, try a date like 11/20.',
      saveAs: 'requestedOn',
      next: 'due',
    },
    due: { kind: 'compute', compute: 'mailed-code-due', next: 'check' },
    check: { kind: 'branch', on: 'overdue', cases: [{ equals: 'yes', next: 'late' }], otherwise: 'remember' },
    remember: { kind: 'compute', compute: 'remember-mail-request', next: 'wait' },
    wait: {
      kind: 'end',
      text: 'Look for it by {dueDateText}.',
      outcome: 'waiting-for-mail',
      confirm: false,
    },
    late: {
      kind: 'handoff',
      text: 'It was due by {dueDateText}.',
      summary: 'Requested {requestedOn}, due {dueDate}, tried online: {triedOnline}.',
    },
    explain: { kind: 'say', article: 'mobile-phone-requirements', next: 'text-end' },
    'text-end': { kind: 'end', text: 'Check the phone for the text.', outcome: 'resolved' },
    unsure: { kind: 'handoff', summary: 'Not sure how the code was sent.' },
  },
});

const ARTICLE: ReplyMessage = {
  text: 'ARTICLE mobile-phone-requirements',
  choices: [{ label: 'Related', value: { action: 'article', id: 'new-mobile-number' } }],
  choicesPrompt: 'Related questions:',
};

function card(triedOnline: boolean): HelpdeskCard {
  return {
    title: 'desk',
    status: triedOnline ? 'tried online' : 'not tried online',
    number: '866-255-0654',
    telLink: 'tel:+18662550654',
    callLabel: 'Call',
    hours: 'hours',
    stepsTitle: 'steps',
    steps: [],
    haveReadyTitle: 'have ready',
    haveReady: [],
    source: 'source',
    note: 'note',
  };
}

/** The context, with a helpdesk() that records what it was asked and an article() stub. */
function makeContext(today = TODAY) {
  const helpdeskCalls: boolean[] = [];
  const articleCalls: string[] = [];
  const context: FlowContext = {
    today,
    texts,
    article: (id) => {
      articleCalls.push(id);
      return [ARTICLE];
    },
    helpdeskCard: (request) => {
      const triedOnline = request?.triedOnline ?? false;
      helpdeskCalls.push(triedOnline);
      return card(triedOnline);
    },
    computations,
    language: realLanguage(),
  };
  return { context, helpdeskCalls, articleCalls };
}

function at(nodeId: string, values: Record<string, string> = {}, extra: Partial<FlowState> = {}): FlowState {
  return { flowId: flow.id, flowVersion: VERSION, nodeId, awaiting: 'node', values, trail: [], ...extra };
}

const click = (nodeId: string, choiceId: string, flowId = flow.id): FlowInput => ({
  text: '',
  value: { action: 'flow-answer', flowId, nodeId, choiceId },
});
const typed = (text: string): FlowInput => ({ text });

/** What a reply shows, one line per message: its text, its buttons, or the help-desk card. */
function shown(reply: readonly ReplyMessage[]): string[] {
  return reply.map((message) => {
    if (message.helpdesk) return `[card: ${message.helpdesk.status}]`;
    const buttons = message.choices ? ` [${message.choices.map((choice) => choice.label).join(' | ')}]` : '';
    return `${message.text ?? ''}${buttons}`;
  });
}

const ASK_HOW = 'How was the code sent? [By mail | By text message | Not sure]';
const ASK_TRIED = 'Have you tried registering online? [Yes | No]';
const CONFIRM = `${texts.flowSolvedQuestion} [${texts.flowSolvedYes} | ${texts.flowSolvedNo}]`;

describe('the test flow', () => {
  it('is a valid flow with every kind of node', () => {
    const kinds = new Set(Object.values(flow.nodes).map((node) => node.kind));
    expect([...kinds].sort()).toEqual(['ask', 'branch', 'compute', 'date', 'end', 'handoff', 'say']);
  });
});

describe('startFlow: where it stops and what it says', () => {
  it.each([
    [
      'at the first question, after the opening say',
      'intro',
      ["Let's find out where your code is.", ASK_HOW],
      'how-sent',
      'node',
    ],
    [
      'at a date asked early, placeholder left for a missing value',
      'requested-on',
      ['When did you ask for it by {channel}?'],
      'requested-on',
      'node',
    ],
    [
      'at an article say, buttons stripped, then the confirm question',
      'explain',
      ['ARTICLE mobile-phone-requirements', 'Check the phone for the text.', CONFIRM],
      'text-end',
      'confirm',
    ],
  ] as const)('%s (start %s)', (_case, start, says, nodeId, awaiting) => {
    const { context } = makeContext();
    const step = startFlow({ ...flow, start }, VERSION, context);
    expect(shown(step.reply)).toEqual(says);
    expect(step.state).toEqual({ flowId: flow.id, flowVersion: VERSION, nodeId, awaiting, values: {}, trail: [] });
    expect(step.ended).toBeUndefined();
  });

  it("a flow that starts at a handoff ends at once, with the card and the node's summary", () => {
    const { context, helpdeskCalls } = makeContext();
    const step = startFlow({ ...flow, start: 'unsure' }, VERSION, context);
    expect(shown(step.reply)).toEqual(['[card: not tried online]']);
    expect(step.state).toBeUndefined();
    expect(step.ended).toEqual({ outcome: 'handed-off', handoffSummary: 'Not sure how the code was sent.' });
    expect(helpdeskCalls).toEqual([false]);
  });

  it('an article say asks for the article by id', () => {
    const { context, articleCalls } = makeContext();
    startFlow({ ...flow, start: 'explain' }, VERSION, context);
    expect(articleCalls).toEqual(['mobile-phone-requirements']);
  });
});

describe('answerFlow at an ask node: click, label, synonym', () => {
  it.each([
    ['a click', click('how-sent', 'by-mail'), 'tried', [ASK_TRIED], 'how-sent:by-mail'],
    ['the typed label', typed('By mail'), 'tried', [ASK_TRIED], 'how-sent:by-mail'],
    ['the label in another case', typed('by MAIL!'), 'tried', [ASK_TRIED], 'how-sent:by-mail'],
    ['a synonym', typed('letter'), 'tried', [ASK_TRIED], 'how-sent:by-mail'],
    ['a number', typed('1'), 'tried', [ASK_TRIED], 'how-sent:by-mail'],
    [
      'a click on another choice',
      click('how-sent', 'by-text'),
      'text-end',
      ['ARTICLE mobile-phone-requirements', 'Check the phone for the text.', CONFIRM],
      'how-sent:by-text',
    ],
    [
      'a synonym of another choice',
      typed('sms'),
      'text-end',
      ['ARTICLE mobile-phone-requirements', 'Check the phone for the text.', CONFIRM],
      'how-sent:by-text',
    ],
    [
      'a typo of a label',
      typed('By text mesage'),
      'text-end',
      ['ARTICLE mobile-phone-requirements', 'Check the phone for the text.', CONFIRM],
      'how-sent:by-text',
    ],
  ] as const)('%s: goes to %s', (_case, input, nodeId, says, trailEntry) => {
    const { context } = makeContext();
    const step = answerFlow(flow, at('how-sent'), input, context);
    expect(step).toBeDefined();
    expect(shown(step?.reply ?? [])).toEqual(says);
    expect(step?.state).toMatchObject({ nodeId, trail: [trailEntry] });
  });

  it('saves the choice under saveAs and its `set` values', () => {
    const { context } = makeContext();
    expect(answerFlow(flow, at('how-sent'), typed('letter'), context)?.state?.values).toEqual({
      method: 'by-mail',
      channel: 'mail',
    });
  });

  it.each([
    ['a button from another node (a stale card)', click('tried', 'by-mail')],
    ['a button from another flow', click('how-sent', 'by-mail', 'other-flow')],
    ['a button with a choice the node does not have', click('how-sent', 'by-fax')],
    ['a reply that is no choice', typed('purple')],
    ['a question of its own', typed('what is a letter?')],
    ['nothing typed', typed('')],
  ] as const)('%s -> undefined, nothing changes', (_case, input) => {
    const { context, helpdeskCalls } = makeContext();
    expect(answerFlow(flow, at('how-sent'), input, context)).toBeUndefined();
    expect(helpdeskCalls).toEqual([]);
  });

  it('a state whose node no longer exists -> undefined', () => {
    const { context } = makeContext();
    expect(answerFlow(flow, at('gone'), typed('By mail'), context)).toBeUndefined();
  });
});

describe('answerFlow at a date node (notInFuture), today Tuesday 2026-11-24', () => {
  const before = at(
    'requested-on',
    { method: 'by-mail', channel: 'mail', triedOnline: 'yes' },
    { trail: ['how-sent:by-mail', 'tried:yes'] },
  );

  it.each([
    [
      'last Tuesday: not yet due, reminder remembered',
      'last Tuesday',
      '2026-11-17',
      ['Look for it by Wednesday, Dec 2.'],
      'waiting-for-mail',
    ],
    ['month/day', '11/17', '2026-11-17', ['Look for it by Wednesday, Dec 2.'], 'waiting-for-mail'],
    [
      'today itself is not in the future',
      'today',
      '2026-11-24',
      ['Look for it by Wednesday, Dec 9.'],
      'waiting-for-mail',
    ],
    [
      'long ago: overdue, handed off',
      '10/1',
      '2026-10-01',
      ['It was due by Friday, Oct 16.', '[card: tried online]'],
      'handed-off',
    ],
  ] as const)('%s: %j', (_case, text, requestedOn, says, outcome) => {
    const { context } = makeContext();
    const step = answerFlow(flow, before, typed(text), context);
    expect(shown(step?.reply ?? [])).toEqual(says);
    expect(step?.state).toBeUndefined();
    expect(step?.ended?.outcome).toBe(outcome);
    // mailed-code-due keeps the date told, replacing an older one (a no to the reminder forgets it).
    expect(step?.remember).toEqual({ mailedCodeRequestedOn: requestedOn });
  });

  it.each([
    ['a date written with a future year', '12/01/2026'],
    ['tomorrow in ISO', '2026-11-25'],
  ])('%s (%j) -> the retry text, and the very same state', (_case, text) => {
    const { context } = makeContext();
    const step = answerFlow(flow, before, typed(text), context);
    expect(shown(step?.reply ?? [])).toEqual(['Sorry, try a date like 11/20.']);
    expect(step?.state).toBe(before);
    expect(step?.ended).toBeUndefined();
  });

  it.each([
    ['not a date', 'no idea'],
    ['a question of its own', 'when should it arrive?'],
    ['a date that does not exist', '2/30'],
    ["the previous question's label", 'By mail'],
  ])('%s (%j) -> undefined', (_case, text) => {
    const { context } = makeContext();
    expect(answerFlow(flow, before, typed(text), context)).toBeUndefined();
  });

  it('a stale button at a date node -> undefined', () => {
    const { context } = makeContext();
    expect(answerFlow(flow, before, click('how-sent', 'by-mail'), context)).toBeUndefined();
  });

  it('the date goes into the values and the trail, and the computation fills the rest', () => {
    const { context } = makeContext();
    const step = answerFlow(flow, { ...before, nodeId: 'requested-on' }, typed('10/1'), context);
    expect(step?.ended?.handoffSummary).toBe('Requested 2026-10-01, due 2026-10-16, tried online: yes.');
  });

  it('a date early in the flow (started at the date node) runs on with the values it has', () => {
    const { context, helpdeskCalls } = makeContext();
    const started = startFlow({ ...flow, start: 'requested-on' }, VERSION, context);
    const step = answerFlow(flow, started.state!, typed('10/1'), context);
    expect(shown(step?.reply ?? [])).toEqual(['It was due by Friday, Oct 16.', '[card: not tried online]']);
    // No triedOnline answer yet: the placeholder stays, so the gap shows in the summary.
    expect(step?.ended?.handoffSummary).toBe('Requested 2026-10-01, due 2026-10-16, tried online: {triedOnline}.');
    expect(helpdeskCalls).toEqual([false]);
  });
});

describe('branch on a computed value (mailed-code-due sets overdue)', () => {
  it.each([
    ['due tomorrow is not overdue', '2026-11-10', 'wait', 'Wednesday, Nov 25'],
    ['due today is not overdue', '2026-11-09', 'wait', 'Tuesday, Nov 24'],
    ['due yesterday is overdue', '2026-11-06', 'late', 'Monday, Nov 23'],
  ] as const)('%s (requested %s) -> %s', (_case, requestedOn, ending, dueDateText) => {
    const { context } = makeContext();
    const step = answerFlow(flow, at('requested-on', { triedOnline: 'no' }), typed(requestedOn), context);
    const expected = ending === 'wait' ? `Look for it by ${dueDateText}.` : `It was due by ${dueDateText}.`;
    expect(shown(step?.reply ?? [])[0]).toBe(expected);
    expect(step?.ended?.outcome).toBe(ending === 'wait' ? 'waiting-for-mail' : 'handed-off');
  });
});

describe('handoff: the card says whether the user tried online, the summary is filled from values', () => {
  it.each([
    ['said yes', 'Yes', [true], 'tried online: yes.'],
    ['said no', 'No', [false], 'tried online: no.'],
  ] as const)('tried online: %s', (_case, answer, calls, summaryEnd) => {
    const { context, helpdeskCalls } = makeContext();
    const afterTried = answerFlow(flow, at('tried', { channel: 'mail' }), typed(answer), context);
    const step = answerFlow(flow, afterTried!.state!, typed('10/1'), context);
    expect(helpdeskCalls).toEqual(calls);
    expect(step?.ended?.handoffSummary).toBe(`Requested 2026-10-01, due 2026-10-16, ${summaryEnd}`);
  });
});

describe('an end node with confirm: "did that solve it?"', () => {
  const waiting = at('text-end', { method: 'by-text' }, { awaiting: 'confirm', trail: ['how-sent:by-text'] });
  const handoffSummary = fillTemplate(texts.flowHandoffSummary, { title: flow.title, steps: 'how-sent:by-text' });

  it.each([
    ['clicked yes', click('text-end', 'yes')],
    ['typed the yes label', typed(texts.flowSolvedYes)],
    ['a yes word', typed('yep')],
    ['a "solved" word', typed('it worked')],
    ['the first button by number', typed('1')],
  ] as const)('%s -> resolved', (_case, input) => {
    const { context, helpdeskCalls } = makeContext();
    const step = answerFlow(flow, waiting, input, context);
    expect(shown(step?.reply ?? [])).toEqual([texts.flowResolved]);
    expect(step?.ended).toEqual({ outcome: 'resolved' });
    expect(step?.state).toBeUndefined();
    expect(helpdeskCalls).toEqual([]);
  });

  it.each([
    ['clicked no', click('text-end', 'no')],
    ['typed the no label', typed(texts.flowSolvedNo)],
    ['a no word', typed('nope')],
    ['a "still stuck" word', typed('still stuck')],
  ] as const)('%s -> handed off with the card and the default summary', (_case, input) => {
    const { context, helpdeskCalls } = makeContext();
    const step = answerFlow(flow, waiting, input, context);
    expect(shown(step?.reply ?? [])).toEqual(['[card: not tried online]']);
    expect(step?.ended).toEqual({ outcome: 'handed-off', handoffSummary });
    expect(helpdeskCalls).toEqual([false]);
  });

  it.each([
    ['a stale button from the question before', click('how-sent', 'by-text')],
    ['something else', typed('purple')],
    ['a question of its own', typed('what is an activation code?')],
  ] as const)('%s -> undefined', (_case, input) => {
    const { context } = makeContext();
    expect(answerFlow(flow, waiting, input, context)).toBeUndefined();
  });

  it('the default summary says "-" when no steps were taken', () => {
    const { context } = makeContext();
    const step = answerFlow(flow, { ...waiting, trail: [] }, typed('no'), context);
    expect(step?.ended?.handoffSummary).toBe(fillTemplate(texts.flowHandoffSummary, { title: flow.title, steps: '-' }));
  });
});

describe('pendingQuestion: the question again after an interruption', () => {
  it.each([
    ['an ask node', at('how-sent'), false, [ASK_HOW]],
    ['an ask node, after a reply that was no answer', at('how-sent'), true, [texts.flowNotUnderstood, ASK_HOW]],
    [
      'a date node, placeholders filled',
      at('requested-on', { channel: 'mail' }),
      false,
      ['When did you ask for it by mail?'],
    ],
    [
      'a date node, after a reply that was no date: the retry text only',
      at('requested-on'),
      true,
      ['Sorry, try a date like 11/20.'],
    ],
    ['the confirm question', at('text-end', {}, { awaiting: 'confirm' }), false, [CONFIRM]],
    [
      'the confirm question, after a reply that was no answer',
      at('text-end', {}, { awaiting: 'confirm' }),
      true,
      [texts.flowNotUnderstood, CONFIRM],
    ],
    ['a node that no longer exists', at('gone'), false, []],
    ['a node that no longer exists, after no answer', at('gone'), true, [texts.flowNotUnderstood]],
  ] as const)('%s', (_case, state, notUnderstood, says) => {
    const { context } = makeContext();
    expect(shown(pendingQuestion(flow, state, context, notUnderstood))).toEqual(says);
  });

  it('the buttons of a pending question answer that node of that flow', () => {
    const { context } = makeContext();
    const [question] = pendingQuestion(flow, at('tried'), context);
    expect(question.choices?.map((choice) => choice.value)).toEqual([
      { action: 'flow-answer', flowId: flow.id, nodeId: 'tried', choiceId: 'yes' },
      { action: 'flow-answer', flowId: flow.id, nodeId: 'tried', choiceId: 'no' },
    ]);
  });
});

describe('hasTriedOnline', () => {
  it.each([
    ['nothing saved', {}, false],
    ['yes', { triedOnline: 'yes' }, true],
    ['yes with details', { triedOnline: 'yes, could not finish' }, true],
    ['Yes in capitals', { triedOnline: 'Yes' }, true],
    ['no', { triedOnline: 'no' }, false],
    ['no with details', { triedOnline: 'no; says they cannot register online' }, false],
    ['a word that starts with "yes"', { triedOnline: 'yesterday' }, false],
    ['another value saying yes', { emailAccess: 'yes' }, false],
  ] as const)('%s -> %s', (_case, values, expected) => {
    expect(hasTriedOnline(values)).toBe(expected);
  });
});
