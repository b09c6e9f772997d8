import type { FlowOutcome } from '../content/flow-schema';
import type { ChoiceValue, HelpdeskCardSource, ReplyMessage } from '../reply/reply';
import type { Language } from '../matching/language';
import type { Computation, FlowValues } from './computations';

/** What a running flow is: where it stands between turns, what one step of it produced, what it needs. */

/** Where a running flow stands; kept in dialog state between turns. */
export interface FlowState {
  readonly flowId: string;
  /** The content version of the flow this state belongs to (see flowVersion). */
  readonly flowVersion: string;
  /** The node waiting for the user's answer. */
  readonly nodeId: string;
  /** 'confirm': the flow reached an ending and asked whether the problem is solved. */
  readonly awaiting: 'node' | 'confirm';
  readonly values: FlowValues;
  /** node:choice pairs taken so far, for summaries and logs. */
  readonly trail: readonly string[];
  /** Replies in a row that answered nothing. */
  readonly misses?: number;
  /** A date the user gave before the flow asked for one, used when it does (YYYY-MM-DD). */
  readonly heldDate?: string;
}

/** The sentences the engine itself says (from knowledge/texts.yaml). */
export interface FlowTexts {
  readonly flowSolvedQuestion: string;
  readonly flowSolvedYes: string;
  readonly flowSolvedNo: string;
  readonly flowResolved: string;
  readonly flowNotUnderstood: string;
  readonly flowHandoffSummary: string;
}

export interface FlowContext {
  /** Today in the user's zone, YYYY-MM-DD. */
  readonly today: string;
  readonly texts: FlowTexts;
  /** An article's answer as the bot shows it (with source and as-of date). */
  readonly article: (id: string) => ReplyMessage[];
  /** The live help-desk card. */
  readonly helpdeskCard: HelpdeskCardSource;
  readonly computations: Readonly<Record<string, Computation>>;
  /** How people write yes, no, "solved", "tried that already" and questions. */
  readonly language: Pick<
    Language,
    | 'answers'
    | 'isQuestion'
    | 'choicePosition'
    | 'terms'
    | 'namesOnlyTheSubject'
    | 'describesProblem'
    | 'saysTriedAlready'
    | 'asksWhatItMeans'
  >;
}

/** A trail entry ("node:choice", or "node:date") read back: the node answered and the answer. */
export function trailEntry(entry: string): { readonly nodeId: string; readonly answer: string } {
  const at = entry.lastIndexOf(':');
  return { nodeId: entry.slice(0, at), answer: entry.slice(at + 1) };
}

/** What one step of a flow produced. */
export interface FlowStep {
  readonly reply: ReplyMessage[];
  /** The state to keep; absent when the flow ended. */
  readonly state?: FlowState;
  readonly ended?: { readonly outcome: FlowOutcome; readonly handoffSummary?: string };
  /** What to remember for the user; a null date forgets an earlier one. */
  readonly remember?: { readonly mailedCodeRequestedOn?: string | null };
}

/** One user reply, as the engine sees it. */
export interface FlowInput {
  readonly text: string;
  readonly value?: ChoiceValue;
  /** Only a reply that says an answer outright counts, not one sharing a word with it. */
  readonly strict?: boolean;
}
