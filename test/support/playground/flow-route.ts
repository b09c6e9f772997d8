import type { Flow } from '../../../src/content/flow-schema';
import { shownText } from './shown-text';

/** A way through a troubleshooting flow to the help desk, read from the flow's own content. */
export interface FlowRoute {
  /** What a user types to start the flow (its first trigger). */
  readonly trigger: string;
  /** Each question on the way, and the answer (a button's label) that leads on. */
  readonly steps: ReadonlyArray<{ readonly question: string; readonly answer: string }>;
  /** The handoff node it ends at. */
  readonly handoff: string;
}

/**
 * The shortest route from the flow's start to a handoff that needs only button answers (no
 * dates, no computed branches), so a test can walk it whatever the flow's wording becomes.
 */
export function routeToHandoff(flow: Flow): FlowRoute {
  type Step = FlowRoute['steps'][number];
  const queue: Array<{ node: string; steps: Step[] }> = [{ node: flow.start, steps: [] }];
  const seen = new Set([flow.start]);
  for (let item = queue.shift(); item; item = queue.shift()) {
    const node = flow.nodes[item.node];
    if (node.kind === 'handoff') return { trigger: flow.triggers[0], steps: item.steps, handoff: item.node };
    const next: Array<{ node: string; steps: Step[] }> =
      node.kind === 'ask'
        ? node.choices.map((choice) => ({
            node: choice.next,
            steps: [...item.steps, { question: node.text, answer: choice.label }],
          }))
        : node.kind === 'say'
          ? [{ node: node.next, steps: item.steps }]
          : [];
    for (const candidate of next) {
      if (seen.has(candidate.node)) continue;
      seen.add(candidate.node);
      queue.push(candidate);
    }
  }
  throw new Error(`flow ${flow.id} has no route to a handoff through buttons alone`);
}

/**
 * The first of the flow's triggers that starts the flow outright (some are answered with an
 * article that offers the flow instead), asked of the running bot in conversations of their own.
 */
export async function triggerThatStarts(
  route: FlowRoute,
  triggers: readonly string[],
  ask: (text: string) => Promise<string>,
): Promise<string> {
  const question = shownText(route.steps[0]?.question ?? '');
  for (const trigger of triggers) {
    if (shownText(await ask(trigger)).includes(question.slice(0, 60))) return trigger;
  }
  throw new Error(`none of the flow's triggers starts it: ${triggers.join(' | ')}`);
}
