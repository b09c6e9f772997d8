import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { realContent } from '../../support/content';
import { FIXTURES_DIR } from '../../support/paths';
import { expectedNodes, leaves, loadTranscripts, type Transcript } from '../../support/flows/transcript';

/**
 * The transcripts walk every flow to every ending: each end and handoff node of each flow in
 * dialogs/ must be the expectation of at least one transcript that is not a known bug. A new
 * flow, or a new ending, fails here until a transcript reaches it.
 */
const content = realContent();
const transcripts = loadTranscripts();
const working = transcripts.filter((transcript) => !transcript.bug);
const seen = new Set(working.flatMap(expectedNodes).map(({ flow, node }) => `${flow}/${node}`));

describe('leaf coverage', () => {
  it.each([...content.flows.keys()])('every ending of %s is reached by a transcript', (flowId) => {
    const flow = content.flows.get(flowId)!;
    const missing = leaves(flow).filter((node) => !seen.has(`${flowId}/${node}`));
    expect(missing).toEqual([]);
  });

  it('every node that says something is shown by some transcript', () => {
    const missing = [...content.flows.values()].flatMap((flow) =>
      Object.entries(flow.nodes)
        .filter(([, node]) => node.kind !== 'compute' && node.kind !== 'branch')
        .map(([id]) => `${flow.id}/${id}`)
        .filter((key) => !seen.has(key)),
    );
    expect(missing).toEqual([]);
  });
});

/** The user messages of a transcript that are followed by a `started:` expectation. */
function startingMessages(transcript: Transcript): string[] {
  return transcript.steps.flatMap((step, index) => {
    const next = transcript.steps[index + 1];
    const starts = typeof next === 'object' && 'expect' in next && next.expect.started !== undefined;
    return typeof step === 'object' && 'user' in step && starts ? [step.user] : [];
  });
}

const DEV_QUESTIONS = join(FIXTURES_DIR, 'shared-eval', 'dev-questions.yaml');

describe('problem reports', () => {
  const started = new Set(working.flatMap(startingMessages));

  it('every flow case of the dev set is a transcript that expects a flow to start', () => {
    const dev = parse(readFileSync(DEV_QUESTIONS, 'utf8')) as { cases: Array<{ say: string; kind: string }> };
    const flowCases = dev.cases.filter((devCase) => devCase.kind === 'flow').map((devCase) => devCase.say);
    expect(flowCases.length).toBeGreaterThan(0);
    expect(flowCases.filter((say) => !started.has(say))).toEqual([]);
  });

  it('every flow is started from a problem report by some transcript', () => {
    const startedFlows = new Set(
      working.flatMap((transcript) =>
        transcript.steps.flatMap((step) =>
          typeof step === 'object' && 'expect' in step && step.expect.started ? [step.expect.started] : [],
        ),
      ),
    );
    expect([...content.flows.keys()].filter((id) => !startedFlows.has(id))).toEqual([]);
  });
});
