import { join } from 'node:path';
import { realContent } from '../../support/content';
import { runTranscript, startTranscriptBot, StepError, type TranscriptBot } from '../../support/flows/run-transcript';
import { checkTranscript, readTranscriptFile, type Transcript } from '../../support/flows/transcript';
import { FIXTURES_DIR } from '../../support/paths';

/** The runner itself: a transcript that is wrong fails, at the right step, saying why. */
const transcripts = readTranscriptFile(join(FIXTURES_DIR, 'flows', 'runner-mistakes.transcripts.yaml'));
const named = (name: string): Transcript => transcripts.find((transcript) => transcript.name === name)!;

let target: TranscriptBot;
beforeAll(async () => {
  target = await startTranscriptBot();
});
afterAll(() => target.bot.stop());

it.each([
  // The node's own text, filled with the wrong date, is what the runner looked for.
  ['a wrong due date', /on-the-way: the reply does not contain ".*Tuesday, Dec 8/],
  ['a node that is not shown', /node activation-code-by-mail\/requested-on: the reply does not contain/],
  ['an outcome that did not happen', /expected the flow to end "resolved" this turn/],
  ['a help-desk card that is not there', /does not show the help-desk number/],
  ['a "not" that holds', /not: node "how-sent" holds/],
  ['the other ending', /waiting-with-reminder: the reply does not contain/],
  ['another flow started', /expected the first question of locked-out/],
  ['a button that is not offered', /no button for choice "expected-text"/],
  ['a texts.yaml sentence that is not said', /texts.flowCancelled/],
  ['a handoff summary with other values', /no handoff.initiate event with this node's summary/],
])('fails "%s"', async (name, message) => {
  await expect(runTranscript(target, named(name))).rejects.toThrow(message);
});

it('a known-bug transcript throws only at its bug step (so it.failing turns red once the bug is fixed)', async () => {
  await expect(runTranscript(target, named('a known bug that is fixed'))).resolves.toBeUndefined();
  const error = jest.spyOn(console, 'error').mockImplementation(() => undefined);
  try {
    await expect(runTranscript(target, named('a known bug that breaks before its bug step'))).resolves.toBeUndefined();
    expect(error).toHaveBeenCalledWith(expect.stringContaining('failed before its bug step'));
  } finally {
    error.mockRestore();
  }
});

it('a failure says which step it was', async () => {
  const error = await runTranscript(target, named('a node that is not shown')).catch((caught: unknown) => caught);
  expect(error).toBeInstanceOf(StepError);
  expect((error as StepError).step).toBe(1);
  expect((error as StepError).message).toContain('Conversation so far:');
});

it('the static check names unknown flows, nodes, choices, texts and articles', () => {
  const broken: Transcript = {
    file: 'made-up.yaml',
    name: 'made up',
    flow: 'activation-code-by-mail',
    now: '2026-11-25T10:00',
    channel: 'webchat',
    steps: [
      { click: 'no-such-choice' },
      { expect: { node: 'no-such-node' } },
      { expect: { node: 'work-out-due-date' } },
      { expect: { text: 'noSuchText' } },
      { expect: { article: 'no-such-article' } },
      { expect: { started: 'no-such-flow' } },
      { now: 'next Tuesday' },
    ],
  };
  const problems = checkTranscript(broken, realContent()).join('\n');
  expect(problems).toMatch(/step 1: flow activation-code-by-mail has no choice "no-such-choice"/);
  expect(problems).toMatch(/step 2: flow activation-code-by-mail has no node "no-such-node"/);
  expect(problems).toMatch(/step 3: node "work-out-due-date" is a compute node and says nothing/);
  expect(problems).toMatch(/step 4: unknown texts.yaml key "noSuchText"/);
  expect(problems).toMatch(/step 5: unknown article "no-such-article"/);
  expect(problems).toMatch(/step 6: unknown flow "no-such-flow"/);
  expect(problems).toMatch(/step 7: cannot read now/);
});
