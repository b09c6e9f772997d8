import { z } from 'zod';
import { contentId } from './schemas';

/**
 * Troubleshooting flows (dialogs/*.yaml): a start node and nodes of a few kinds. One engine
 * interprets every flow, so adding a flow is a content change.
 */

const nodeId = z.string().regex(/^[a-z0-9]+(?:[-_][a-z0-9]+)*$/, 'must be lower-case words joined by - or _');

const choiceSchema = z
  .object({
    id: nodeId,
    label: z.string().min(1).max(80),
    /** Other ways people type this answer ("yep", "i did"). */
    synonyms: z.array(z.string().min(1)).default([]),
    next: nodeId,
    /** Remember this answer under a name (for branch nodes and summaries). */
    set: z.record(z.string(), z.string()).optional(),
  })
  .strict();

/** Asks a question with buttons. */
const askNode = z
  .object({
    kind: z.literal('ask'),
    text: z.string().min(1),
    saveAs: z.string().optional(),
    choices: z.array(choiceSchema).min(2).max(8),
  })
  .strict();

/** Says something (its own text, or a knowledge article's answer), then moves on. */
/**
 * What a node's own text states: the sources of its facts, and whether it describes a step of the
 * 2016-2018 process (the reply then says sign-in has since moved to ID.me).
 */
const cited = {
  sources: z.array(contentId).min(1).optional(),
  historical: z.boolean().default(false),
};

const sayNode = z
  .object({
    kind: z.literal('say'),
    text: z.string().min(1).optional(),
    article: contentId.optional(),
    next: nodeId,
    ...cited,
  })
  .strict()
  .refine((node) => (node.text === undefined) !== (node.article === undefined), {
    message: 'needs exactly one of text or article',
  });

/** Asks for a calendar date ("11/20", "last Tuesday") and saves it as YYYY-MM-DD. */
const dateNode = z
  .object({
    kind: z.literal('date'),
    text: z.string().min(1),
    retry: z.string().min(1),
    saveAs: z.string().min(1),
    /** Dates after today are not accepted (a request date is in the past). */
    notInFuture: z.boolean().default(true),
    next: nodeId,
  })
  .strict();

/** Runs a named computation over the answers so far and saves its results. */
const computeNode = z.object({ kind: z.literal('compute'), compute: z.string().min(1), next: nodeId }).strict();

/** Goes one way or another on an earlier answer or computed value. */
const branchNode = z
  .object({
    kind: z.literal('branch'),
    on: z.string().min(1),
    cases: z.array(z.object({ equals: z.string(), next: nodeId }).strict()).min(1),
    otherwise: nodeId,
  })
  .strict();

/** Hands the user to the e-Help Desk (the live card), ending the flow. */
const handoffNode = z
  .object({ kind: z.literal('handoff'), text: z.string().min(1).optional(), summary: z.string().min(1), ...cited })
  .strict();

export const outcomes = ['resolved', 'handed-off', 'waiting-for-mail', 'cancelled'] as const;

/** Ends the flow. With `confirm`, it first asks whether the problem is solved; "no" hands off. */
const endNode = z
  .object({
    kind: z.literal('end'),
    text: z.string().min(1).optional(),
    outcome: z.enum(outcomes),
    confirm: z.boolean().default(true),
    ...cited,
  })
  .strict();

const flowNodeSchema = z.discriminatedUnion('kind', [
  askNode,
  sayNode,
  dateNode,
  computeNode,
  branchNode,
  handoffNode,
  endNode,
]);

export const flowSchema = z
  .object({
    id: contentId,
    title: z.string().min(3),
    /** Problem descriptions that start this flow. */
    triggers: z.array(z.string().min(3)).min(3),
    start: nodeId,
    /** The flow walks through the 2016-2018 process: its first reply says what has changed. */
    historical: z.boolean().default(true),
    nodes: z.record(nodeId, flowNodeSchema),
  })
  .strict();

export type Flow = z.infer<typeof flowSchema>;
export type FlowNode = z.infer<typeof flowNodeSchema>;
export type FlowOutcome = (typeof outcomes)[number];
