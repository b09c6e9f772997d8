import type { Flow } from '../content/flow-schema';
import type { Language } from '../matching/language';
import { rawWords } from '../matching/normalizer';
import { trailEntry, type FlowState } from './flow-state';

/**
 * How a typed reply inside a flow relates to the questions asked: whether it is word for word an
 * answer to the question before (a correction), or a bare yes or no.
 */

/** The text is, word for word, a choice (label or synonym) of the question answered last. */
export function namesEarlierChoice(flow: Flow, state: FlowState, typed: string): boolean {
  const last = state.trail.at(-1);
  const node = last ? flow.nodes[trailEntry(last).nodeId] : undefined;
  if (node?.kind !== 'ask') return false;
  const said = rawWords(typed).join(' ');
  return node.choices.some((choice) =>
    [choice.label, ...choice.synonyms].some((words) => rawWords(words).join(' ') === said),
  );
}

/** The reply opens with a yes, no or "not sure" word ("yep I can", "no idea"). */
export function saysYesOrNo(text: string, language: Language): boolean {
  const said = ` ${rawWords(text).join(' ')} `;
  const { yes, no, unsure } = language.answers;
  return [...yes, ...no, ...unsure].some((word) => said.startsWith(` ${rawWords(word).join(' ')} `));
}
