import { fillTemplate } from '../content/fill-template';
import type { Flow, FlowNode } from '../content/flow-schema';
import type { Choice, ReplyMessage } from '../reply/reply';
import type { FlowValues } from './computations';
import { trailEntry, type FlowContext, type FlowInput, type FlowState, type FlowStep } from './flow-state';
import { matchChoice } from './match-choice';
import { parseUserDate, parseWaitStart } from './parse-date';

const MAX_STEPS = 100;

/** Starts a flow: runs from its start node to the first question or ending. */
export function startFlow(flow: Flow, flowVersion: string, context: FlowContext): FlowStep {
  const state: FlowState = {
    flowId: flow.id,
    flowVersion,
    nodeId: flow.start,
    awaiting: 'node',
    values: {},
    trail: [],
  };
  return run(flow, state, flow.start, [], context);
}

/**
 * Starts a flow as if its date question were answered already ("requested it 11/19, still
 * waiting"): runs on from that question with the date. Undefined when the flow asks for no date.
 */
export function startFlowWithDate(
  flow: Flow,
  flowVersion: string,
  date: string,
  context: FlowContext,
): FlowStep | undefined {
  const asked = Object.entries(flow.nodes).find(([, node]) => node.kind === 'date');
  if (!asked) return undefined;
  const [nodeId, node] = asked;
  if (node.kind !== 'date') return undefined;
  const state: FlowState = {
    flowId: flow.id,
    flowVersion,
    nodeId,
    awaiting: 'node',
    values: { [node.saveAs]: date },
    trail: [`${nodeId}:${date}`],
  };
  return run(flow, state, node.next, [], context);
}

/**
 * Applies the user's reply to the pending question. Returns undefined when the reply is not
 * an answer to it (the bot may then treat it as a question of its own, and ask again).
 */
export function answerFlow(flow: Flow, given: FlowState, input: FlowInput, context: FlowContext): FlowStep | undefined {
  // An answer ends a run of misses.
  const state: FlowState = given.misses === undefined ? given : (({ misses: _misses, ...rest }) => rest)(given);
  const node = flow.nodes[state.nodeId];
  if (!node) return undefined;
  const value = input.value;
  // A button from an earlier question (an old card, a double click) answers nothing now.
  if (value?.action === 'flow-answer' && (value.flowId !== flow.id || value.nodeId !== state.nodeId)) return undefined;
  const clicked = value?.action === 'flow-answer' ? value.choiceId : undefined;

  if (state.awaiting === 'confirm') {
    // "Checked spam already" after the answer that says to look there: not solved. (Good news with
    // it, "checked spam - it was there", is no "tried already": Language.saysTriedAlready.)
    const tried = context.language.saysTriedAlready(input.text) ? 'no' : undefined;
    const answer = clicked ?? tried ?? matchChoice(input.text, confirmOptions(context), context.language);
    if (answer === 'yes') {
      const outcome = node.kind === 'end' ? node.outcome : 'resolved';
      return { reply: [{ text: context.texts.flowResolved }], ended: { outcome } };
    }
    if (answer === 'no') return handOff(flow, state, [], context);
    return undefined;
  }

  if (node.kind === 'ask') {
    const choiceId = clicked ?? matchChoice(input.text, node.choices, context.language, input.strict);
    const choice = node.choices.find((candidate) => candidate.id === choiceId);
    if (!choice) return undefined;
    const values = { ...state.values, ...(node.saveAs ? { [node.saveAs]: choice.id } : {}), ...choice.set };
    return run(
      flow,
      { ...state, values, trail: [...state.trail, `${state.nodeId}:${choice.id}`] },
      choice.next,
      [],
      context,
    );
  }

  if (node.kind === 'date') {
    if (context.language.isQuestion(input.text)) return undefined;
    // "Its been 3 weeks", asked when it was requested: counted back from today.
    const date = parseUserDate(input.text, context.today) ?? parseWaitStart(input.text, context.today);
    if (!date) return undefined;
    if (node.notInFuture && date > context.today)
      return { reply: [{ text: fillTemplate(node.retry, state.values) }], state };
    const values = { ...state.values, [node.saveAs]: date };
    return run(flow, { ...state, values, trail: [...state.trail, `${state.nodeId}:${date}`] }, node.next, [], context);
  }
  return undefined;
}

/**
 * The pending question answered with one of its choices, as a click on its button would (the
 * typed words it was read from go with it: a date in them may answer the next question).
 */
export function answerWith(
  flow: Flow,
  state: FlowState,
  choiceId: string,
  context: FlowContext,
  text = '',
): FlowStep | undefined {
  return answerFlow(
    flow,
    state,
    { text, value: { action: 'flow-answer', flowId: flow.id, nodeId: state.nodeId, choiceId } },
    context,
  );
}

/**
 * A correction of the answer before ("wait, it's actually the email step"): the reply read
 * against the last question answered, and the flow run again from there. Undefined when it
 * answers that question no better.
 */
export function reviseLastAnswer(
  flow: Flow,
  state: FlowState,
  input: FlowInput,
  context: FlowContext,
): FlowStep | undefined {
  const last = state.trail[state.trail.length - 1];
  const nodeId = last === undefined ? undefined : trailEntry(last).nodeId;
  const node = nodeId ? flow.nodes[nodeId] : undefined;
  if (!nodeId || node?.kind !== 'ask' || nodeId === state.nodeId) return undefined;
  const earlier: FlowState = { ...state, nodeId, awaiting: 'node', trail: state.trail.slice(0, -1) };
  const step = answerFlow(flow, earlier, input, context);
  // Only a different answer is a correction.
  return step && step.state?.trail.at(-1) === last ? undefined : step;
}

/**
 * "Go back": the question answered last, asked again with its answer undone. Undefined at the
 * first question, or when the last step answered no question.
 */
export function stepBack(flow: Flow, state: FlowState): FlowState | undefined {
  const last = state.trail.at(-1);
  const nodeId = last === undefined ? undefined : trailEntry(last).nodeId;
  const node = nodeId ? flow.nodes[nodeId] : undefined;
  if (!nodeId || (node?.kind !== 'ask' && node?.kind !== 'date')) return undefined;
  return { ...state, nodeId, awaiting: 'node', trail: state.trail.slice(0, -1) };
}

/** Whether the flow will ask for a date it does not have yet. */
export function asksForDateLater(flow: Flow, state: FlowState): boolean {
  const answered = new Set(state.trail.map((step) => trailEntry(step).nodeId));
  return Object.entries(flow.nodes).some(
    ([id, node]) => node.kind === 'date' && !answered.has(id) && id !== state.nodeId,
  );
}

/** The pending question again, after an interruption or a reply that wasn't an answer. */
export function pendingQuestion(
  flow: Flow,
  state: FlowState,
  context: FlowContext,
  notUnderstood = false,
): ReplyMessage[] {
  const node = flow.nodes[state.nodeId];
  const lead = notUnderstood
    ? [{ text: node?.kind === 'date' ? fillTemplate(node.retry, state.values) : context.texts.flowNotUnderstood }]
    : [];
  if (state.awaiting === 'confirm') return [...lead, confirmQuestion(flow, state, context)];
  if (node?.kind === 'ask') return [...lead, askMessage(flow, state.nodeId, node, state.values)];
  // A date is asked for in words: the retry, or the question, asks.
  if (node?.kind === 'date')
    return notUnderstood
      ? lead.map((message) => ({ ...message, asks: true }))
      : [{ text: fillTemplate(node.text, state.values), asks: true }];
  return lead;
}

function run(flow: Flow, start: FlowState, nodeId: string, reply: ReplyMessage[], context: FlowContext): FlowStep {
  let state: FlowState = { ...start, nodeId, awaiting: 'node' };
  let remember: FlowStep['remember'];
  for (let steps = 0; steps < MAX_STEPS; steps++) {
    const node = flow.nodes[state.nodeId];
    switch (node.kind) {
      case 'ask':
        reply.push(askMessage(flow, state.nodeId, node, state.values));
        return { reply, state, remember };
      case 'date': {
        const { heldDate, ...rest } = state;
        if (heldDate && !(node.notInFuture && heldDate > context.today)) {
          const values = { ...rest.values, [node.saveAs]: heldDate };
          state = { ...rest, values, trail: [...rest.trail, `${state.nodeId}:${heldDate}`], nodeId: node.next };
          break;
        }
        reply.push({ text: fillTemplate(node.text, state.values), asks: true });
        return { reply, state, remember };
      }
      case 'say':
        if (node.text) reply.push(said(node.text, node, state.values));
        else if (node.article)
          reply.push(
            ...context
              .article(node.article)
              .map((message) => ({ ...message, choices: undefined, choicesPrompt: undefined })),
          );
        state = { ...state, nodeId: node.next };
        break;
      case 'compute': {
        const result = context.computations[node.compute]?.(state.values, { today: context.today }) ?? { values: {} };
        state = { ...state, values: { ...state.values, ...result.values }, nodeId: node.next };
        remember = { ...remember, ...result.remember };
        break;
      }
      case 'branch': {
        const value = state.values[node.on];
        state = {
          ...state,
          nodeId: node.cases.find((branchCase) => branchCase.equals === value)?.next ?? node.otherwise,
        };
        break;
      }
      case 'handoff':
        if (node.text) reply.push(said(node.text, node, state.values));
        return { ...handOff(flow, state, reply, context, fillTemplate(node.summary, state.values)), remember };
      case 'end':
        if (node.text) reply.push(said(node.text, node, state.values));
        if (node.confirm) {
          const waiting: FlowState = { ...state, awaiting: 'confirm' };
          reply.push(confirmQuestion(flow, waiting, context));
          return { reply, state: waiting, remember };
        }
        return { reply, ended: { outcome: node.outcome }, remember };
    }
  }
  // Content checks rule out loops with no exit, but a branch can still cycle on unchanged values.
  return handOff(flow, state, reply, context);
}

/** A node's own text, with the sources of its facts, marked when it describes a step of the 2016-2018 process. */
function said(
  text: string,
  cited: { readonly historical: boolean; readonly sources?: readonly string[] },
  values: FlowValues,
): ReplyMessage {
  return {
    text: fillTemplate(text, values),
    ...(cited.historical ? { historical: true } : {}),
    ...(cited.sources ? { sources: cited.sources } : {}),
  };
}

function handOff(
  flow: Flow,
  state: FlowState,
  reply: ReplyMessage[],
  context: FlowContext,
  summary?: string,
): FlowStep {
  reply.push({ helpdesk: context.helpdeskCard({ triedOnline: hasTriedOnline(state.values) }) });
  const handoffSummary =
    summary ??
    fillTemplate(context.texts.flowHandoffSummary, { title: flow.title, steps: state.trail.join(', ') || '-' });
  return { reply, ended: { outcome: 'handed-off', handoffSummary } };
}

/**
 * Whether "try online first" would be wasted on the user: they said they already tried
 * registering online (triedOnline), or that they can't register online at all
 * (cannotRegisterOnline).
 */
export function hasTriedOnline(values: FlowValues): boolean {
  return /^yes\b/i.test(values.triedOnline ?? '') || /^yes\b/i.test(values.cannotRegisterOnline ?? '');
}

function askMessage(
  flow: Flow,
  nodeId: string,
  node: Extract<FlowNode, { kind: 'ask' }>,
  values: FlowValues,
): ReplyMessage {
  const choices: Choice[] = node.choices.map((choice) => ({
    label: choice.label,
    value: { action: 'flow-answer', flowId: flow.id, nodeId, choiceId: choice.id },
  }));
  return { text: fillTemplate(node.text, values), choices };
}

function confirmOptions(context: FlowContext) {
  return [
    { id: 'yes', label: context.texts.flowSolvedYes, synonyms: context.language.answers.solved },
    { id: 'no', label: context.texts.flowSolvedNo, synonyms: context.language.answers.stillStuck },
  ];
}

function confirmQuestion(flow: Flow, state: FlowState, context: FlowContext): ReplyMessage {
  return {
    text: context.texts.flowSolvedQuestion,
    choices: confirmOptions(context).map((option) => ({
      label: option.label,
      value: { action: 'flow-answer', flowId: flow.id, nodeId: state.nodeId, choiceId: option.id },
    })),
  };
}
