import { readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { parse } from 'yaml';
import { z } from 'zod';
import type { Content } from '../../../src/content/load-content';
import type { Flow, FlowNode } from '../../../src/content/flow-schema';
import { outcomes } from '../../../src/content/flow-schema';
import { PROJECT_ROOT } from '../paths';

/**
 * Transcript tests as data (test/transcripts/*.yaml). A file:
 *
 *   flow: activation-code-by-mail     # the flow `click` and `node` refer to (per transcript too)
 *   now: 2026-11-25T10:00             # pinned clock, America/New_York (per transcript too)
 *   transcripts:
 *     - name: waiting for a mailed code, reminder accepted
 *       steps:
 *         - user: I never received my activation code   # a typed message (`type:` is the same)
 *         - expect: { node: how-sent }                  # the node's YAML text and buttons
 *         - click: by-mail                              # the button of that choice id
 *         - type: "11/20"
 *         - expect: { node: on-the-way, values: { dueDateText: "Monday, Dec 7" } }
 *         - visit: new                                  # a new conversation, same user
 *         - join                                        # webchat/join
 *         - expect: { text: mailReminderPending }       # a texts.yaml sentence
 *
 * Words and labels are read from the content, so rewording content does not break a
 * transcript; ids do.
 */

const expectationSchema: z.ZodType<Expectation> = z.lazy(() =>
  z
    .object({
      /** The reply shows this node: its text (placeholders filled from `values` or skipped) and its buttons. */
      node: z.string().optional(),
      /** The flow `node` (and `retry`) belong to, when not the transcript's. */
      flow: z.string().optional(),
      values: z.record(z.string(), z.string()).optional(),
      /** A sentence from knowledge/texts.yaml, by key. */
      text: z.string().optional(),
      /** A date node's "couldn't read that" sentence. */
      retry: z.string().optional(),
      /** The first sentence of an article's answer. */
      article: z.string().optional(),
      /** The e-Help Desk card (its number); with tryOnlineFirst, whether the "try online first" note is on it. */
      helpdesk: z.union([z.boolean(), z.object({ tryOnlineFirst: z.boolean() }).strict()]).optional(),
      /** The reply asks the first question of a flow (or of any flow) with at least two buttons. */
      started: z.string().optional(),
      /** How a flow ended in this turn (from the bot's "flow ended" log line); none: no flow ended. */
      outcome: z.enum([...outcomes, 'none']).optional(),
      /** Literal text the reply must contain (dates, for example). */
      contains: z.union([z.string(), z.array(z.string())]).optional(),
      /** Marks the expectation that shows a known bug (see `bug` on the transcript). */
      bug: z.boolean().optional(),
      /** None of these may hold. */
      not: expectationSchema.optional(),
    })
    .strict(),
);

export interface Expectation {
  node?: string;
  flow?: string;
  values?: Record<string, string>;
  text?: string;
  retry?: string;
  article?: string;
  helpdesk?: boolean | { tryOnlineFirst: boolean };
  started?: string;
  outcome?: (typeof outcomes)[number] | 'none';
  contains?: string | string[];
  bug?: boolean;
  not?: Expectation;
}

const clickSchema = z.union([
  /** A choice id of the flow (or yes/no at "Did that solve your problem?"). */
  z.string(),
  /** Any button, by its exact title. */
  z.object({ title: z.string() }).strict(),
  /** A button from an earlier reply (a stale card), by node and choice id. */
  z.object({ node: z.string(), choice: z.string() }).strict(),
]);

/** What the user types; a bare YAML number (`type: 2`) is read as its text. */
const typed = z.union([z.string(), z.number().transform(String)]);

const stepSchema = z.union([
  z.literal('join'),
  z.object({ user: typed }).strict(),
  z.object({ type: typed }).strict(),
  z.object({ click: clickSchema }).strict(),
  z.object({ join: z.literal(true) }).strict(),
  z.object({ visit: z.literal('new') }).strict(),
  z.object({ now: z.string() }).strict(),
  z.object({ expect: expectationSchema }).strict(),
]);

const transcriptSchema = z
  .object({
    name: z.string().min(1),
    flow: z.string().optional(),
    now: z.string().optional(),
    channel: z.string().optional(),
    /** A known bug in src/ or content: the transcript states the right behaviour and runs as it.failing. */
    bug: z.string().optional(),
    steps: z.array(stepSchema).min(1),
  })
  .strict();

const fileSchema = z
  .object({
    flow: z.string().optional(),
    now: z.string().optional(),
    /** The channel id the user writes from (webchat unless given; msteams renders cards). */
    channel: z.string().optional(),
    transcripts: z.array(transcriptSchema).min(1),
  })
  .strict();

export type Step = z.infer<typeof stepSchema>;
export type Click = z.infer<typeof clickSchema>;

export interface Transcript {
  readonly file: string;
  readonly name: string;
  readonly flow?: string;
  readonly now: string;
  readonly channel: string;
  readonly bug?: string;
  readonly steps: readonly Step[];
}

export const TRANSCRIPTS_DIR = join(PROJECT_ROOT, 'test', 'transcripts');
export const DEFAULT_NOW = '2026-11-25T10:00';

/** Reads every transcript file in a folder (sorted), checking the format. */
export function loadTranscripts(dir = TRANSCRIPTS_DIR): Transcript[] {
  return readdirSync(dir)
    .filter((name) => /\.ya?ml$/.test(name))
    .sort()
    .flatMap((name) => readTranscriptFile(join(dir, name)));
}

export function readTranscriptFile(path: string): Transcript[] {
  const file = basename(path);
  const parsed = fileSchema.safeParse(parse(readFileSync(path, 'utf8')));
  if (!parsed.success) throw new Error(`${file}: ${z.prettifyError(parsed.error)}`);
  const names = new Set<string>();
  return parsed.data.transcripts.map((transcript) => {
    if (names.has(transcript.name)) throw new Error(`${file}: two transcripts are named "${transcript.name}"`);
    names.add(transcript.name);
    return {
      file,
      name: transcript.name,
      flow: transcript.flow ?? parsed.data.flow,
      now: transcript.now ?? parsed.data.now ?? DEFAULT_NOW,
      channel: transcript.channel ?? parsed.data.channel ?? 'webchat',
      bug: transcript.bug,
      steps: transcript.steps,
    };
  });
}

/** The flow an expectation's `node` refers to. */
export function flowOf(transcript: Transcript, expectation: Expectation): string | undefined {
  return expectation.flow ?? transcript.flow;
}

/** Kinds of node a user can see: compute and branch nodes say nothing. */
const observable = new Set<FlowNode['kind']>(['ask', 'say', 'date', 'handoff', 'end']);

/**
 * Checks a transcript against the content: every flow, node, choice, text key and article it
 * names exists. Returns the problems (empty when fine), each naming the file and transcript.
 */
export function checkTranscript(transcript: Transcript, content: Content): string[] {
  const problems: string[] = [];
  const at = (index: number) => `${transcript.file}: "${transcript.name}" step ${index + 1}`;
  const flowNamed = (id: string | undefined, index: number): Flow | undefined => {
    if (!id) {
      problems.push(`${at(index)}: no flow given (set flow: on the file, the transcript or the expectation)`);
      return undefined;
    }
    const flow = content.flows.get(id);
    if (!flow) problems.push(`${at(index)}: unknown flow "${id}"`);
    return flow;
  };
  const checkExpectation = (expectation: Expectation, index: number) => {
    if (expectation.node !== undefined) {
      const flow = flowNamed(flowOf(transcript, expectation), index);
      const node = flow?.nodes[expectation.node];
      if (flow && !node) problems.push(`${at(index)}: flow ${flow.id} has no node "${expectation.node}"`);
      if (node && !observable.has(node.kind))
        problems.push(`${at(index)}: node "${expectation.node}" is a ${node.kind} node and says nothing`);
    }
    if (expectation.retry !== undefined) {
      const flow = flowNamed(flowOf(transcript, expectation), index);
      if (flow && flow.nodes[expectation.retry]?.kind !== 'date')
        problems.push(`${at(index)}: "${expectation.retry}" is not a date node of ${flow.id}`);
    }
    if (expectation.text !== undefined && !(expectation.text in content.texts))
      problems.push(`${at(index)}: unknown texts.yaml key "${expectation.text}"`);
    if (expectation.article !== undefined && !content.articles.has(expectation.article))
      problems.push(`${at(index)}: unknown article "${expectation.article}"`);
    if (expectation.started !== undefined && expectation.started !== 'any') flowNamed(expectation.started, index);
    if (expectation.bug && !transcript.bug)
      problems.push(`${at(index)}: "bug: true" on a transcript without a bug description`);
    if (expectation.not) checkExpectation(expectation.not, index);
  };
  transcript.steps.forEach((step, index) => {
    if (typeof step === 'string') return;
    if ('click' in step) {
      const flow =
        typeof step.click === 'object' && 'title' in step.click ? undefined : flowNamed(transcript.flow, index);
      if (!flow || typeof step.click === 'object') {
        if (flow && typeof step.click === 'object' && 'node' in step.click) {
          const node = flow.nodes[step.click.node];
          if (node?.kind !== 'ask' && node?.kind !== 'end')
            problems.push(`${at(index)}: flow ${flow.id} has no button node "${step.click.node}"`);
        }
        return;
      }
      const ids = new Set([
        'yes',
        'no',
        ...Object.values(flow.nodes).flatMap((node) =>
          node.kind === 'ask' ? node.choices.map((choice) => choice.id) : [],
        ),
      ]);
      if (!ids.has(step.click)) problems.push(`${at(index)}: flow ${flow.id} has no choice "${step.click}"`);
    }
    if ('now' in step && !isValidNow(step.now)) problems.push(`${at(index)}: cannot read now: "${step.now}"`);
    if ('expect' in step) checkExpectation(step.expect, index);
  });
  if (!isValidNow(transcript.now))
    problems.push(`${transcript.file}: "${transcript.name}": cannot read now: "${transcript.now}"`);
  if (
    transcript.bug &&
    !transcript.steps.some((step) => typeof step === 'object' && 'expect' in step && markedBug(step.expect))
  ) {
    problems.push(
      `${transcript.file}: "${transcript.name}" has a bug description but no expectation marked "bug: true"`,
    );
  }
  return problems;
}

export function markedBug(expectation: Expectation): boolean {
  return expectation.bug === true;
}

function isValidNow(now: string): boolean {
  return /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2})?)?$/.test(now);
}

/** The ending nodes (end and handoff) of a flow. */
export function leaves(flow: Flow): string[] {
  return Object.entries(flow.nodes)
    .filter(([, node]) => node.kind === 'end' || node.kind === 'handoff')
    .map(([id]) => id);
}

/** flow/node pairs a transcript expects to see (only its positive expectations). */
export function expectedNodes(transcript: Transcript): Array<{ flow: string; node: string }> {
  return transcript.steps.flatMap((step) => {
    if (typeof step !== 'object' || !('expect' in step) || step.expect.node === undefined) return [];
    const flow = flowOf(transcript, step.expect);
    return flow ? [{ flow, node: step.expect.node }] : [];
  });
}
