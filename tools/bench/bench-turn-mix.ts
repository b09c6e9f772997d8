import type { Activity } from 'botbuilder';
import type { Content } from '../../src/content/load-content';
import { userMessage } from '../bot-client';
import { OUT_OF_SCOPE_LINES, PARAPHRASES, devQuestions } from './bench-queries';

/** A button click in a troubleshooting flow, as Web Chat sends it for a messageBack action. */
export interface FlowClick {
  readonly text: string;
  readonly value: {
    readonly action: 'flow-answer';
    readonly flowId: string;
    readonly nodeId: string;
    readonly choiceId: string;
  };
}

/** What the load sends: real questions, a flow started and answered, lines the bot declines. */
export interface TurnMix {
  readonly questions: readonly string[];
  readonly outOfScope: readonly string[];
  /** A problem description that starts {@link FlowClick}'s flow. */
  readonly flowTrigger: string;
  readonly click: FlowClick;
}

export const FLOW_TRIGGER = "I can't register online, it keeps failing";
const FLOW_ID = 'cant-complete-registration';

/**
 * The mix, from the dev set and the flow in dialogs/: the click is the first answer at the flow's
 * start that leads to another question, so the turn does real flow work.
 */
export function turnMix(content: Content): TurnMix {
  const flow = content.flows.get(FLOW_ID);
  if (!flow) throw new Error(`the load mix needs the flow "${FLOW_ID}" in dialogs/`);
  const start = flow.nodes[flow.start];
  if (start?.kind !== 'ask') throw new Error(`flow "${FLOW_ID}" must start with a question`);
  const choice = start.choices.find((candidate) => flow.nodes[candidate.next]?.kind === 'ask') ?? start.choices[0];
  return {
    questions: [...devQuestions(), ...PARAPHRASES],
    outOfScope: OUT_OF_SCOPE_LINES,
    flowTrigger: FLOW_TRIGGER,
    click: {
      text: choice.label,
      value: { action: 'flow-answer', flowId: flow.id, nodeId: flow.start, choiceId: choice.id },
    },
  };
}

/** The JSON body of a user message posted to /api/messages with expectReplies. */
export function messageBody(conversationId: string, text: string, value?: FlowClick['value']): string {
  const activity: Partial<Activity> = {
    ...userMessage(conversationId, text, value ? { value } : {}),
    deliveryMode: 'expectReplies',
  };
  return JSON.stringify(activity);
}

/** Whether a reply body offers the click anywhere (the flow started where the mix expects). */
export function offersClick(replyBody: string, click: FlowClick): boolean {
  let parsed: unknown;
  try {
    parsed = JSON.parse(replyBody);
  } catch {
    return false;
  }
  return contains(parsed, click.value);
}

function contains(node: unknown, wanted: FlowClick['value']): boolean {
  if (Array.isArray(node)) return node.some((item) => contains(item, wanted));
  if (typeof node !== 'object' || node === null) return false;
  const record = node as Record<string, unknown>;
  if (
    record.action === wanted.action &&
    record.flowId === wanted.flowId &&
    record.nodeId === wanted.nodeId &&
    record.choiceId === wanted.choiceId
  ) {
    return true;
  }
  return Object.values(record).some((value) => contains(value, wanted));
}
