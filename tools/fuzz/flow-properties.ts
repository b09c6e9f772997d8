import fc from 'fast-check';
import { DateTime } from 'luxon';
import { outcomes, type Flow } from '../../src/content/flow-schema';
import type { Content } from '../../src/content/load-content';
import { computations } from '../../src/flows/computations';
import { answerFlow } from '../../src/flows/flow-engine';
import type { FlowContext, FlowState } from '../../src/flows/flow-state';
import { matchChoice, type ChoiceOption } from '../../src/flows/match-choice';
import { parseUserDate } from '../../src/flows/parse-date';
import { createLanguage } from '../../src/matching/create-language';
import type { Language } from '../../src/matching/language';
import { parseChoiceValue } from '../../src/reply/choice-value';
import type { ChoiceValue, HelpdeskCard } from '../../src/reply/reply';
import { anyJson, choiceValueLike, userText, weirdText, type Json } from './arbitraries';
import { FuzzFailure, prototypeProblems } from './oracles';
import { type PureEnv } from './pure-properties';

/*
 * Properties of the flow code, called directly with arbitrary input: the date parser, choice
 * matching and the flow engine.
 */

/** Text shaped like dates, so the parser's branches are all reached. */
const dateText: fc.Arbitrary<string> = fc.oneof(
  userText,
  fc
    .array(
      fc.oneof(
        // prettier-ignore
        fc.constantFrom(
          'today', 'yesterday', 'day before yesterday', 'the', 'on', 'last', 'this past', 'past', 'ago', 'week',
          'weeks', 'day', 'days', 'a', 'an', 'of', 'st', 'nd', 'th',
        ),
        // prettier-ignore
        fc.constantFrom(
          'monday', 'tuesday', 'sunday', 'jan', 'feb', 'february', 'sept', 'september', 'nov', 'novem', 'december',
          'mayday', 'marchx',
        ),
        fc.integer({ min: 0, max: 100_000 }).map(String),
        // prettier-ignore
        fc.constantFrom(
          '/', '-', ',', '.', '  ', '0', '00', '000', '0000', '29', '30', '31', '32', '13', '99', '1e3', '-1',
        ),
      ),
      { maxLength: 7 },
    )
    .chain((parts) => fc.constantFrom(' ', '', '/', '-').map((separator) => parts.join(separator))),
);

const todayArb = fc
  .date({ min: new Date(Date.UTC(1970, 0, 1)), max: new Date(Date.UTC(2200, 11, 31)), noInvalidDate: true })
  .map((date) => date.toISOString().slice(0, 10));

/** parseUserDate(any text, today) never throws and returns undefined or a real YYYY-MM-DD date. */
export function parseDateProperty(): fc.IPropertyWithHooks<[string, string]> {
  return fc.property(
    dateText,
    fc.oneof(
      { weight: 9, arbitrary: todayArb },
      { weight: 1, arbitrary: fc.oneof(weirdText, fc.constantFrom('2026-02-30', '', 'today', '2026-13-01')) },
    ),
    (text, today) => {
      const result = parseUserDate(text, today);
      if (result === undefined) return;
      const problems: string[] = [];
      if (typeof result !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(result))
        problems.push(`not YYYY-MM-DD: ${JSON.stringify(result)}`);
      else {
        const parsed = DateTime.fromISO(result, { zone: 'utc' });
        if (!parsed.isValid || parsed.toFormat('yyyy-MM-dd') !== result) problems.push(`not a real date: ${result}`);
      }
      if (!DateTime.fromISO(today, { zone: 'utc' }).isValid)
        problems.push(`a date from an invalid today ${JSON.stringify(today)}`);
      if (problems.length > 0) throw new FuzzFailure(problems);
    },
  );
}

function allChoiceLists(content: Content): ChoiceOption[][] {
  const lists: ChoiceOption[][] = [];
  for (const flow of content.flows.values()) {
    for (const node of Object.values(flow.nodes)) if (node.kind === 'ask') lists.push(node.choices);
  }
  const texts = content.texts;
  lists.push([
    { id: 'yes', label: texts.flowSolvedYes, synonyms: ['solved', 'it worked'] },
    { id: 'no', label: texts.flowSolvedNo, synonyms: ['still stuck'] },
  ]);
  return lists;
}

const randomChoices: fc.Arbitrary<ChoiceOption[]> = fc.array(
  fc.record({
    id: fc.oneof(fc.constantFrom('yes', 'no', '__proto__', 'constructor'), fc.string({ maxLength: 10 })),
    label: fc.oneof(weirdText, fc.constantFrom('Yes', 'No', 'Not sure', '')),
    synonyms: fc.array(weirdText, { maxLength: 3 }),
  }),
  { maxLength: 9 },
);

/** matchChoice(any text, choices) never throws and returns undefined or one of the ids. */
export function matchChoiceProperty(env: PureEnv): fc.IPropertyWithHooks<[string, ChoiceOption[]]> {
  const lists = allChoiceLists(env.content);
  const language = createLanguage(env.content.routing, env.content.intents, env.content.synonyms);
  return fc.property(userText, fc.oneof(fc.constantFrom(...lists), randomChoices), (text, choices) => {
    const id = matchChoice(text, choices, language);
    if (id !== undefined && !choices.some((choice) => choice.id === id))
      throw new FuzzFailure([`returned ${JSON.stringify(id)}, not one of the ids`]);
    if (matchChoice(text, choices, language) !== id) throw new FuzzFailure(['not deterministic']);
  });
}

interface FlowPosition {
  readonly flow: Flow;
  readonly nodeId: string;
}

function flowPositions(content: Content): FlowPosition[] {
  return [...content.flows.values()].flatMap((flow) =>
    [...Object.keys(flow.nodes), 'no-such-node', '__proto__'].map((nodeId) => ({ flow, nodeId })),
  );
}

/** answerFlow(any flow, any position, any input) never throws; a kept state points at a node that waits. */
export function answerFlowProperty(
  env: PureEnv,
): fc.IPropertyWithHooks<[FlowPosition, 'node' | 'confirm', Record<string, string>, string, Json, string]> {
  const positions = flowPositions(env.content);
  const saveKeys = [
    ...new Set(
      positions.flatMap(({ flow }) =>
        Object.values(flow.nodes).flatMap((node) => ('saveAs' in node && node.saveAs ? [node.saveAs] : [])),
      ),
    ),
  ];
  const values = fc.dictionary(
    fc.oneof(fc.constantFrom(...saveKeys, 'triedOnline', 'requestedOn', '__proto__'), fc.string({ maxLength: 6 })),
    fc.oneof(fc.constantFrom('yes', 'no', '2026-01-15', '2099-12-31', 'not-a-date', ''), fc.string({ maxLength: 10 })),
    { maxKeys: 4 },
  );
  return fc.property(
    fc.constantFrom(...positions),
    fc.constantFrom<'node' | 'confirm'>('node', 'confirm'),
    values,
    dateText,
    fc.oneof(anyJson, choiceValueLike, fc.constant(undefined)),
    todayArb,
    (position, awaiting, flowValues, text, rawValue, today) => {
      const { flow, nodeId } = position;
      const node = flow.nodes[nodeId];
      // Values as the bot would pass them (parsed), and sometimes a button for this very question.
      const choiceIds = node?.kind === 'ask' ? node.choices.map((choice) => choice.id) : ['yes', 'no'];
      const parsed = parseChoiceValue(rawValue);
      const value: ChoiceValue | undefined =
        parsed?.action === 'flow-answer' && choiceIds.length > 0 && text.length % 3 === 0
          ? { action: 'flow-answer', flowId: flow.id, nodeId, choiceId: choiceIds[text.length % choiceIds.length] }
          : parsed;
      const state: FlowState = { flowId: flow.id, flowVersion: 'v', nodeId, awaiting, values: flowValues, trail: [] };
      const step = answerFlow(flow, state, { text, value }, engineContext(env.content, today));
      // And with the raw value, as a hostile caller might pass it.
      answerFlow(flow, state, { text, value: rawValue as ChoiceValue | undefined }, engineContext(env.content, today));
      const problems: string[] = prototypeProblems();
      if (step === undefined) {
        if (problems.length > 0) throw new FuzzFailure(problems);
        return;
      }
      if (!Array.isArray(step.reply)) problems.push('reply is not an array');
      if ((step.state === undefined) === (step.ended === undefined))
        problems.push('a step must either keep a state or end');
      if (step.state) {
        const next = flow.nodes[step.state.nodeId];
        if (step.state.flowId !== flow.id) problems.push(`state for another flow ${step.state.flowId}`);
        if (!next || !Object.prototype.hasOwnProperty.call(flow.nodes, step.state.nodeId))
          problems.push(`state points at missing node ${step.state.nodeId}`);
        else if (step.state.awaiting === 'node' && next.kind !== 'ask' && next.kind !== 'date')
          problems.push(`waits at a ${next.kind} node`);
        else if (step.state.awaiting === 'confirm' && next.kind !== 'end')
          problems.push(`confirms at a ${next.kind} node`);
      }
      if (step.ended && !outcomes.includes(step.ended.outcome)) problems.push(`unknown outcome ${step.ended.outcome}`);
      if (problems.length > 0) throw new FuzzFailure(problems);
    },
  );
}

/** The flow context the bot builds, for predicting its replies with the pure engine. */
/** Built once per content: building the language reads every cue list. */
const languages = new WeakMap<Content, Language>();

export function engineContext(content: Content, today: string): FlowContext {
  const language = languages.get(content) ?? createLanguage(content.routing, content.intents, content.synonyms);
  languages.set(content, language);
  return {
    today,
    texts: content.texts,
    article: (id) => {
      const article = content.articles.get(id);
      return article ? [{ text: article.answer }] : [];
    },
    helpdeskCard: () => fakeHelpdeskCard,
    computations,
    language,
  };
}

const fakeHelpdeskCard: HelpdeskCard = {
  title: 'Help desk',
  status: 'open',
  number: '000',
  telLink: 'tel:000',
  callLabel: 'Call',
  hours: 'always',
  stepsTitle: 'Steps',
  steps: [],
  haveReadyTitle: 'Have ready',
  haveReady: [],
  source: 'Source',
  note: 'Note',
};
