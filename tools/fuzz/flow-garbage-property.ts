import fc from 'fast-check';
import { DateTime } from 'luxon';
import type { Content } from '../../src/content/load-content';
import { answerFlow, startFlow } from '../../src/flows/flow-engine';
import type { FlowContext, FlowState, FlowStep } from '../../src/flows/flow-state';
import type { Flow } from '../../src/content/flow-schema';
import { parseChoiceValue } from '../../src/reply/choice-value';
import type { ChoiceValue } from '../../src/reply/reply';
import { replyChoices, replyText } from '../bot-client';
import { ABSENT } from './activity-fields';
import {
  anyJson,
  choiceValueLike,
  isPlainObject,
  jsonInner,
  nestedArrays,
  toJsonText,
  weirdText,
  wrongType,
  type Json,
  type MutableActivity,
} from './arbitraries';
import { JSON_HEADERS, postActivity, userActivity } from './bot-turns';
import {
  avoidKnownBugs,
  FuzzFailure,
  prototypeProblems,
  statusProblem,
  type FuzzOptions,
  type HttpEnv,
} from './oracles';
import { engineContext } from './flow-properties';

/** Property: a flow started, garbage turns in the same conversation, then a valid click still answers. */

/** A flow whose first step asks a question with buttons. */
interface StartableFlow {
  readonly flow: Flow;
  readonly start: FlowStep;
}

function startableFlows(content: Content, context: FlowContext): StartableFlow[] {
  return [...content.flows.values()]
    .map((flow) => ({ flow, start: startFlow(flow, content.flowVersions.get(flow.id) ?? '', context) }))
    .filter(({ flow, start }) => start.state !== undefined && flow.nodes[start.state.nodeId]?.kind === 'ask');
}

/**
 * Turns that must leave a running flow exactly where it was: bodies the server refuses,
 * activities that are not messages, messages without readable text (and no valid button), messages
 * over MAX_MESSAGE_LENGTH, and stale buttons from another question.
 */
export function inertTurnArb(
  conversationId: string,
  flowId: string,
  nodeId: string,
  maxMessageLength: number,
  options: FuzzOptions,
): fc.Arbitrary<{ label: string; body: string }> {
  const base = (extra: MutableActivity) => avoidKnownBugs(userActivity(conversationId, undefined, extra), options);
  const invalidValue = fc.oneof(anyJson, choiceValueLike).filter((value) => parseChoiceValue(value) === undefined);
  const noText = fc.oneof(
    wrongType.filter((value) => typeof value !== 'string'),
    fc.constantFrom<Json>(ABSENT, '', '   ', '\n\t', '\u00a0', '\u2028', '\ufeff  ', '\r\n'),
  );
  const withText = (text: Json, extra: MutableActivity): MutableActivity => {
    const activity = base(extra);
    if (text === ABSENT) delete activity.text;
    else activity.text = text;
    return activity;
  };
  const json = (label: string) => (activity: MutableActivity) => ({ label, body: toJsonText(activity) });
  return fc.oneof(
    fc
      .oneof(
        fc.constantFrom('', '{', '[]', 'null', '"text"', '{"type":"message"}', nestedArrays(5_000)),
        fc.uint8Array({ maxLength: 200 }).map((bytes) => Buffer.from(bytes).toString('latin1')),
        anyJson.filter((value) => !isPlainObject(value)).map((value) => toJsonText(value)),
        fc.constant(toJsonText({ ...userActivity(conversationId, 'yes'), conversation: { id: 5 } })),
        fc.constant(toJsonText({ ...userActivity(conversationId, 'yes'), type: 7 })),
      )
      .map((body) => ({ label: 'a body the server refuses', body })),
    fc
      .tuple(noText, fc.option(invalidValue, { nil: undefined }))
      .map(([text, value]) => withText(text, value === undefined ? {} : { value }))
      .map(json('a message without text')),
    // Ends in "x", so it is still over the limit once trimmed.
    fc
      .tuple(
        fc.integer({ min: maxMessageLength + 1, max: maxMessageLength * 3 }),
        fc.constantFrom('yes', '1', 'cancel', 'x ', 'no ', 'help '),
      )
      .map(([length, unit]) => withText(`${unit.repeat(Math.ceil(length / unit.length)).slice(0, length - 1)}x`, {}))
      .map(json('a message over the length limit')),
    fc
      .tuple(
        fc.oneof(
          // prettier-ignore
          fc.constantFrom(
            'typing', 'event', 'messageReaction', 'installationUpdate', 'endOfConversation', 'handoff', 'trace',
            'invoke', 'somethingNew',
          ),
          fc
            .string({ minLength: 1, maxLength: 20 })
            .filter((type) => type !== 'message' && type !== 'conversationUpdate'),
        ),
        fc.oneof(weirdText, fc.constant<Json>(undefined)),
        anyJson,
      )
      .map(([type, text, value]) => {
        const activity = base({
          type,
          value,
          name: type === 'event' ? `fuzz/${String(text ?? '')}`.slice(0, 50) : 'fuzz',
        });
        if (text === undefined) delete activity.text;
        else activity.text = text;
        return activity;
      })
      .map(json('an activity that is not a message')),
    fc
      .constant(base({ type: 'conversationUpdate', text: undefined, membersAdded: [{ id: 'someone-else' }] }))
      .map(json('a conversationUpdate')),
    // Node ids are lower-case words, so "@stale@…" is never the pending question's.
    fc
      .tuple(
        fc
          .oneof(
            fc.constantFrom('__proto__', 'constructor'),
            weirdText.map((id) => `@stale@${id}`.slice(0, 100)),
          )
          .filter((id) => id !== nodeId),
        fc.oneof(fc.constantFrom('yes', 'no', '__proto__'), fc.string({ maxLength: 20 })),
        noText,
      )
      .map(([staleNode, choiceId, text]) =>
        withText(text, { value: { action: 'flow-answer', flowId, nodeId: staleNode, choiceId } }),
      )
      .map(json('a stale button from another question')),
  );
}

/** Property: a flow started, garbage turns in the same conversation, then a valid click still answers. */
export function flowSurvivesGarbageProperty(
  env: HttpEnv,
): fc.IAsyncPropertyWithHooks<[number, number, number, Array<{ label: string; body: string }>]> {
  const content = env.app.content;
  const today = DateTime.now().setZone(content.helpdesk.zone).toFormat('yyyy-MM-dd');
  const flows = startableFlows(content, engineContext(content, today));
  if (flows.length === 0) throw new Error('no flow starts with a question');
  let runs = 0;
  return fc.asyncProperty(
    fc.nat({ max: flows.length - 1 }),
    fc.nat(),
    fc.integer({ min: 0, max: 1_000_000 }),
    // The turns are generated for a placeholder conversation and moved to the real one.
    fc.array(inertTurnArb('@conversation@', '@flow@', '@node@', env.app.config.MAX_MESSAGE_LENGTH, env.options), {
      minLength: 1,
      maxLength: 4,
    }),
    async (flowIndex, choicePick, salt, turns) => {
      runs += 1;
      const { flow, start } = flows[flowIndex];
      const state = start.state as FlowState;
      const conversationId = `fuzz-flow-${process.pid}-${runs}-${salt}`;
      const problems: string[] = [];
      const started = await postActivity(
        env.app,
        userActivity(conversationId, '', { value: { action: 'start-flow', id: flow.id } }),
      );
      const question = lastText(start);
      if (started.answer.status !== 200 || !replyText(started.replies).includes(question)) {
        throw new FuzzFailure([
          `starting flow ${flow.id} answered ${started.answer.status}: ` +
            JSON.stringify(replyText(started.replies).slice(0, 300)),
        ]);
      }
      const buttons = replyChoices(started.replies).filter(
        (choice) => parseChoiceValue(choice.value)?.action === 'flow-answer',
      );
      if (buttons.length === 0) throw new FuzzFailure([`flow ${flow.id} showed no buttons`]);

      for (const turn of turns) {
        const body = turn.body
          .split('@conversation@')
          .join(jsonInner(conversationId))
          .split('@flow@')
          .join(jsonInner(flow.id))
          .split('@node@')
          .join(jsonInner(state.nodeId));
        const answer = await env.app.request({ method: 'POST', path: '/api/messages', headers: JSON_HEADERS, body });
        problems.push(...statusProblem(turn.label, answer, (status) => status < 500, 'no 5xx'));
      }

      const button = buttons[choicePick % buttons.length];
      const value = parseChoiceValue(button.value) as ChoiceValue;
      const expected = answerFlow(flow, state, { text: button.title, value }, engineContext(content, today));
      const clicked = await postActivity(
        env.app,
        userActivity(conversationId, button.title, { value: button.value as Json }),
      );
      const expectedText = expected ? lastText(expected) : '';
      if (clicked.answer.status !== 200) problems.push(`clicking "${button.title}" answered ${clicked.answer.status}`);
      else if (!expected) problems.push(`the engine does not take "${button.title}" as an answer`);
      else {
        // The next question, and not as a repeat: a click on a button whose question was already
        // answered (by a garbage turn) would show that question again after "I didn't catch that".
        const got = replyText(clicked.replies);
        const repeated = [content.texts.flowNotUnderstood, content.texts.flowResumeLead].filter((text) =>
          got.includes(text),
        );
        if ((expectedText && !got.includes(expectedText)) || repeated.length > 0) {
          problems.push(
            `after the garbage, clicking "${button.title}" in ${flow.id} did not continue the flow; ` +
              `expected ${JSON.stringify(expectedText.slice(0, 120))}, got ${JSON.stringify(got.slice(0, 300))}`,
          );
        }
      }
      await new Promise((resolve) => setImmediate(resolve));
      problems.push(...env.failures.take());
      problems.push(...env.app.takeErrorLogs().map((line) => `logged at error level: ${line}`));
      problems.push(...prototypeProblems());
      if (problems.length > 0) throw new FuzzFailure(problems);
    },
  );
}

function lastText(step: FlowStep): string {
  const texts = step.reply
    .map((message) => message.text)
    .filter((text): text is string => typeof text === 'string' && text.length > 0);
  return texts[texts.length - 1] ?? '';
}
