import type { Activity } from 'botbuilder';
import { DateTime } from 'luxon';
import { startLocalBot, userMessage, type LocalBot, type LocalBotOptions } from '../local-service';
import { replyChoices, replyText } from '../../../tools/bot-client';
import { fillTemplate } from '../../../src/content/fill-template';
import type { Flow } from '../../../src/content/flow-schema';
import type { Content } from '../../../src/content/load-content';
import type { Logger } from '../../../src/logger';
import { DIALOGS_DIR, KNOWLEDGE_DIR } from '../content';
import { markedBug, type Click, type Expectation, type Transcript } from './transcript';

/** The zone pinned times are read in (the help desk's). */
export const ZONE = 'America/New_York';

/** A flow ending as the bot logs it ("flow ended"). */
export interface FlowEnd {
  readonly conversationId?: string;
  readonly flow: string;
  readonly outcome: string;
}

/** The real bot over HTTP, with a clock the transcripts set and its flow endings recorded. */
export interface TranscriptBot {
  readonly bot: LocalBot;
  readonly content: Content;
  setNow(now: string): void;
  readonly flowEnds: FlowEnd[];
}

export function pinnedTime(now: string): DateTime {
  const time = DateTime.fromISO(now, { zone: ZONE });
  if (!time.isValid) throw new Error(`cannot read the time "${now}"`);
  return time;
}

/**
 * Starts the real app (CloudAdapter, bot, HTTP routes) with a pinned clock and handoff events
 * on, so a handoff's summary can be checked. Flow outcomes are only logged, so the bot's logger
 * is wrapped to record the "flow ended" lines; if the bot's shape changes, this fails loudly.
 */
export async function startTranscriptBot(
  options: Pick<LocalBotOptions, 'knowledgeDir' | 'dialogsDir'> = {},
): Promise<TranscriptBot> {
  let now = pinnedTime('2026-11-25T10:00');
  const bot = await startLocalBot({
    knowledgeDir: options.knowledgeDir ?? KNOWLEDGE_DIR,
    dialogsDir: options.dialogsDir ?? DIALOGS_DIR,
    variables: { HANDOFF_EVENTS: 'true' },
    clock: () => now,
  });
  const flowEnds: FlowEnd[] = [];
  const deps = (bot.app.bot as unknown as { deps?: { logger?: Logger } }).deps;
  const original = deps?.logger;
  if (!deps || !original)
    throw new Error('cannot observe flow outcomes: SupportBot no longer keeps its logger at deps.logger');
  (deps as { logger: Logger }).logger = {
    info(obj, msg) {
      if (msg === 'flow ended') flowEnds.push(obj as FlowEnd);
      original.info(obj, msg);
    },
    warn: (obj, msg) => original.warn(obj, msg),
    error: (obj, msg) => original.error(obj, msg),
    debug: (obj, msg) => original.debug(obj, msg),
  };
  return {
    bot,
    content: bot.content,
    flowEnds,
    setNow(value) {
      now = pinnedTime(value);
    },
  };
}

/** A failed step: which one, and whether it is the step a known bug is expected to fail. */
export class StepError extends Error {
  constructor(
    message: string,
    readonly step: number,
    readonly atBug: boolean,
  ) {
    super(message);
    this.name = 'StepError';
  }
}

let transcriptCount = 0;

/**
 * Runs one transcript against the bot. A transcript with `bug:` states the right behaviour
 * and is run under it.failing: it throws only when an expectation marked `bug: true` fails,
 * so it turns red both when the bug is fixed and when an earlier step breaks.
 */
export async function runTranscript(target: TranscriptBot, transcript: Transcript): Promise<void> {
  try {
    await run(target, transcript);
  } catch (error) {
    if (!transcript.bug || process.env.SHOW_KNOWN_BUGS) throw error;
    if (error instanceof StepError && error.atBug) throw error;
    // Known-bug transcript broke somewhere else: let it.failing report it (by passing).
    console.error(`Known-bug transcript "${transcript.name}" failed before its bug step:\n${String(error)}`);
  }
}

async function run(target: TranscriptBot, transcript: Transcript): Promise<void> {
  const { bot, content } = target;
  transcriptCount += 1;
  const prefix = `t${process.pid}-${transcriptCount}`;
  const from = { id: `${prefix}-user`, name: 'User' };
  const { channel: channelId } = transcript;
  let conversations = 1;
  let conversationId = `${prefix}-c1`;
  let last: Array<Partial<Activity>> = [];
  let seen: Array<{ title: string; value: unknown }> = [];
  let turnStart = target.flowEnds.length;
  const log: string[] = [];
  target.setNow(transcript.now);

  const send = async (activity: Partial<Activity>, shown: string) => {
    turnStart = target.flowEnds.length;
    last = await bot.send(activity);
    seen = [...seen, ...replyChoices(last)];
    log.push(
      `> ${shown}`,
      ...replyText(last)
        .split('\n')
        .map((line) => `  ${line}`),
    );
  };
  const say = (text: string, value?: unknown) =>
    send(userMessage(conversationId, text, { from, channelId, ...(value ? { value } : {}) }), text);

  for (const [index, step] of transcript.steps.entries()) {
    const fail = (message: string, atBug = false): never => {
      throw new StepError(
        `${transcript.file}: "${transcript.name}", step ${index + 1} ${JSON.stringify(step)}:\n${message}\n\nConversation so far:\n${log.join('\n')}`,
        index,
        atBug,
      );
    };
    if (step === 'join' || (typeof step === 'object' && 'join' in step)) {
      await send(
        {
          ...userMessage(conversationId, '', { from, channelId }),
          type: 'event',
          name: 'webchat/join',
          text: undefined,
        },
        '(joins)',
      );
    } else if ('user' in step) {
      await say(step.user);
    } else if ('type' in step) {
      await say(step.type);
    } else if ('click' in step) {
      const button = findButton(step.click, transcript, content, last, seen, fail);
      await say(button.title, button.value);
    } else if ('visit' in step) {
      conversations += 1;
      conversationId = `${prefix}-c${conversations}`;
      last = [];
      seen = [];
      log.push(`--- new conversation (same user) ---`);
    } else if ('now' in step) {
      target.setNow(step.now);
      log.push(`--- now ${step.now} ---`);
    } else if ('expect' in step) {
      const problems = check(step.expect, {
        transcript,
        content,
        last,
        ends: target.flowEnds.slice(turnStart).filter((end) => end.conversationId === conversationId),
      });
      if (problems.length > 0) fail(problems.join('\n'), markedBug(step.expect));
      continue;
    }
    const placeholders = unfilledPlaceholders(last);
    if (placeholders.length > 0) fail(`the reply has unfilled placeholders: ${placeholders.join(', ')}`);
  }
}

type Fail = (message: string) => never;

function findButton(
  click: Click,
  transcript: Transcript,
  content: Content,
  last: ReadonlyArray<Partial<Activity>>,
  seen: ReadonlyArray<{ title: string; value: unknown }>,
  fail: Fail,
): { title: string; value: unknown } {
  const buttons = replyChoices(last);
  const listed = () =>
    buttons.map((button) => `${button.title} ${JSON.stringify(button.value)}`).join('\n  ') || '(none)';
  if (typeof click === 'object' && 'title' in click) {
    return (
      buttons.find((button) => button.title === click.title) ??
      fail(`no button titled "${click.title}" among:\n  ${listed()}`)
    );
  }
  if (typeof click === 'object') {
    return (
      seen.find((button) => {
        const value = flowValue(button.value);
        return (
          value !== undefined &&
          value.flowId === transcript.flow &&
          value.nodeId === click.node &&
          value.choiceId === click.choice
        );
      }) ?? fail(`no earlier button for ${click.node}:${click.choice}`)
    );
  }
  const button = buttons.find((candidate) => {
    const value = flowValue(candidate.value);
    return value !== undefined && value.flowId === transcript.flow && value.choiceId === click;
  });
  if (!button) return fail(`no button for choice "${click}" of ${transcript.flow} among:\n  ${listed()}`);
  const flow = content.flows.get(transcript.flow!)!;
  const { nodeId } = flowValue(button.value)!;
  const node = flow.nodes[nodeId];
  const label =
    node?.kind === 'ask'
      ? node.choices.find((choice) => choice.id === click)?.label
      : click === 'yes'
        ? content.texts.flowSolvedYes
        : content.texts.flowSolvedNo;
  if (button.title !== label)
    fail(`the button for ${nodeId}:${click} is titled "${button.title}", the content says "${label}"`);
  return button;
}

interface FlowAnswer {
  flowId: string;
  nodeId: string;
  choiceId: string;
}

function flowValue(value: unknown): FlowAnswer | undefined {
  const candidate = value as Partial<FlowAnswer> & { action?: string };
  return candidate && candidate.action === 'flow-answer' && candidate.flowId && candidate.nodeId && candidate.choiceId
    ? (candidate as FlowAnswer)
    : undefined;
}

/** Runs of whitespace as one space, so folded YAML and markdown compare equal. */
export const squash = (text: string) => text.replace(/\s+/g, ' ').trim();

/** The literal parts of a template once known values are filled in: all must appear in order. */
function literalParts(template: string, values: Record<string, string> = {}): string[] {
  return squash(fillTemplate(template, values))
    .split(/\{\w+\}/)
    .map((part) => part.trim())
    .filter((part) => part.length > 0);
}

function containsInOrder(haystack: string, parts: readonly string[]): string | undefined {
  let from = 0;
  for (const part of parts) {
    const at = haystack.indexOf(part, from);
    if (at < 0) return part;
    from = at + part.length;
  }
  return undefined;
}

/** The first sentence of an article's answer (two when the first is very short, like "No."). */
export function firstSentences(answer: string): string {
  const sentences = squash(answer).split(/(?<=[.!?:])\s+/);
  let text = '';
  for (const sentence of sentences) {
    text = text ? `${text} ${sentence}` : sentence;
    if (text.length >= 40) break;
  }
  return text;
}

interface CheckContext {
  readonly transcript: Transcript;
  readonly content: Content;
  readonly last: ReadonlyArray<Partial<Activity>>;
  /** Flow endings logged in the last turn of this conversation. */
  readonly ends: readonly FlowEnd[];
}

/** Every way the reply fails the expectation (empty: it holds). */
function check(expectation: Expectation, context: CheckContext): string[] {
  const { transcript, content, last, ends } = context;
  const problems: string[] = [];
  const reply = squash(replyText(last));
  const needs = (parts: readonly string[], what: string) => {
    const missing = containsInOrder(reply, parts);
    if (missing !== undefined) problems.push(`${what}: the reply does not contain "${missing}"`);
  };
  const flow = (): Flow => content.flows.get(expectation.flow ?? transcript.flow!)!;
  const buttons = replyChoices(last)
    .map((button) => ({ title: button.title, value: flowValue(button.value) }))
    .filter((button): button is { title: string; value: FlowAnswer } => button.value !== undefined);
  const handoffEvents = last.filter((activity) => activity.type === 'event' && activity.name === 'handoff.initiate');
  const ended = (outcome: string, what: string) => {
    if (!ends.some((end) => end.outcome === outcome))
      problems.push(`${what}: expected the flow to end "${outcome}" this turn; ended: ${JSON.stringify(ends)}`);
  };
  const buttonsOf = (flowId: string, nodeId: string) =>
    buttons
      .filter((button) => button.value.flowId === flowId && button.value.nodeId === nodeId)
      .map((button) => button.title);

  if (expectation.node !== undefined) {
    const current = flow();
    const id = expectation.node;
    const node = current.nodes[id];
    const what = `node ${current.id}/${id}`;
    const values = expectation.values;
    switch (node.kind) {
      case 'ask': {
        needs(literalParts(node.text, values), what);
        const titles = buttonsOf(current.id, id);
        const labels = node.choices.map((choice) => choice.label);
        if (JSON.stringify(titles) !== JSON.stringify(labels))
          problems.push(`${what}: buttons are ${JSON.stringify(titles)}, the content has ${JSON.stringify(labels)}`);
        break;
      }
      case 'say':
        if (node.text) needs(literalParts(node.text, values), what);
        else needs([firstSentences(content.articles.get(node.article!)!.answer)], `${what} (article ${node.article})`);
        break;
      case 'date':
        needs(literalParts(node.text, values), what);
        break;
      case 'end':
        if (node.text) needs(literalParts(node.text, values), what);
        if (node.confirm) {
          needs([squash(content.texts.flowSolvedQuestion)], `${what} (confirm)`);
          const titles = buttonsOf(current.id, id);
          const labels = [content.texts.flowSolvedYes, content.texts.flowSolvedNo];
          if (JSON.stringify(titles) !== JSON.stringify(labels))
            problems.push(`${what}: confirm buttons are ${JSON.stringify(titles)}, expected ${JSON.stringify(labels)}`);
        } else {
          ended(node.outcome, what);
          if (buttons.some((button) => button.value.flowId === current.id))
            problems.push(`${what}: the flow ended but its buttons are still offered`);
        }
        break;
      case 'handoff': {
        if (node.text) needs(literalParts(node.text, values), what);
        needs([content.helpdesk.number], `${what} (help-desk card)`);
        ended('handed-off', what);
        const summaries = handoffEvents.map((event) =>
          squash(String((event.value as { summary?: unknown } | undefined)?.summary ?? '')),
        );
        if (!summaries.some((summary) => containsInOrder(summary, literalParts(node.summary, values)) === undefined)) {
          problems.push(
            `${what}: no handoff.initiate event with this node's summary; got ${JSON.stringify(summaries)}`,
          );
        }
        break;
      }
      default:
        problems.push(`${what}: a ${node.kind} node says nothing`);
    }
  }
  if (expectation.text !== undefined) {
    const text = content.texts[expectation.text as keyof Content['texts']];
    if (typeof text !== 'string') problems.push(`texts.${expectation.text} is not a sentence`);
    else needs(literalParts(text, expectation.values), `texts.${expectation.text}`);
  }
  if (expectation.retry !== undefined) {
    const node = flow().nodes[expectation.retry];
    if (node.kind === 'date') needs(literalParts(node.retry, expectation.values), `retry of ${expectation.retry}`);
  }
  if (expectation.article !== undefined) {
    needs([firstSentences(content.articles.get(expectation.article)!.answer)], `article ${expectation.article}`);
  }
  if (expectation.helpdesk !== undefined) {
    const shown = reply.includes(content.helpdesk.number);
    if (expectation.helpdesk === false) {
      if (shown) problems.push('helpdesk: the reply shows the help-desk number');
    } else {
      if (!shown) problems.push(`helpdesk: the reply does not show the help-desk number ${content.helpdesk.number}`);
      if (typeof expectation.helpdesk === 'object') {
        const note = reply.includes(squash(content.helpdesk.tryOnlineFirst));
        if (note !== expectation.helpdesk.tryOnlineFirst) {
          problems.push(`helpdesk: the "try online first" note is ${note ? 'on' : 'missing from'} the card`);
        }
      }
    }
  }
  if (expectation.started !== undefined) {
    const asking = last.filter(
      (activity) => replyChoices([activity]).filter((button) => flowValue(button.value)).length >= 2,
    );
    if (asking.length === 0) problems.push(`started: no question with at least two flow buttons in the reply`);
    if (expectation.started !== 'any') {
      const started = content.flows.get(expectation.started)!;
      const first = started.nodes[started.start].kind === 'ask' ? started.start : undefined;
      const wrong = buttons.filter(
        (button) => button.value.flowId !== started.id || (first !== undefined && button.value.nodeId !== first),
      );
      if (buttons.length === 0 || wrong.length > 0) {
        problems.push(
          `started: expected the first question of ${started.id}; buttons: ${JSON.stringify(buttons.map((button) => button.value))}`,
        );
      }
    }
  }
  if (expectation.outcome !== undefined) {
    if (expectation.outcome === 'none') {
      if (ends.length > 0) problems.push(`outcome: expected no flow to end this turn; ended: ${JSON.stringify(ends)}`);
    } else ended(expectation.outcome, 'outcome');
  }
  if (expectation.contains !== undefined) {
    for (const text of [expectation.contains].flat()) needs([squash(text)], 'contains');
  }
  if (expectation.not !== undefined) {
    const { flow: notFlow, values, ...rest } = expectation.not;
    for (const [key, value] of Object.entries(rest)) {
      if (key === 'bug') continue;
      const single = { [key]: value, flow: notFlow ?? expectation.flow, values } as Expectation;
      if (check(single, context).length === 0) problems.push(`not: ${key} ${JSON.stringify(value)} holds`);
    }
  }
  return problems;
}

/** {name} placeholders left in what the bot said, or in a handoff summary. */
function unfilledPlaceholders(activities: ReadonlyArray<Partial<Activity>>): string[] {
  const texts = [
    replyText(activities),
    ...activities
      .filter((activity) => activity.type === 'event')
      .map((activity) => JSON.stringify(activity.value ?? '')),
  ];
  return [...new Set(texts.flatMap((text) => text.match(/\{[A-Za-z]\w*\}/g) ?? []))];
}
