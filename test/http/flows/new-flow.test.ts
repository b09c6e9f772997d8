import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { copyOfContent } from '../../support/content';
import { runTranscript, startTranscriptBot, type TranscriptBot } from '../../support/flows/run-transcript';
import { checkTranscript, expectedNodes, leaves, readTranscriptFile } from '../../support/flows/transcript';
import { FIXTURES_DIR } from '../../support/paths';

/**
 * Adding a flow is a content change: a copy of knowledge/ and dialogs/ plus one more flow file
 * (fixtures/new-flow.yaml) runs in the real bot with no code change, started from its own
 * triggers and walked to each of its endings by transcripts in the same format.
 */
const FIXTURES = join(FIXTURES_DIR, 'flows');
const flowFile = readFileSync(join(FIXTURES, 'new-flow.yaml'), 'utf8');
const flowId = (parse(flowFile) as { id: string }).id;
const transcripts = readTranscriptFile(join(FIXTURES, 'new-flow.transcripts.yaml'));

let target: TranscriptBot;
let root: string;
beforeAll(async () => {
  const content = copyOfContent();
  root = content.root;
  writeFileSync(join(content.dialogsDir, `${flowId}.yaml`), flowFile);
  target = await startTranscriptBot({ knowledgeDir: content.knowledgeDir, dialogsDir: content.dialogsDir });
});
afterAll(async () => {
  await target.bot.stop();
  rmSync(root, { recursive: true, force: true });
});

it('the bot loads the new flow next to the existing ones', () => {
  expect(target.content.flows.has(flowId)).toBe(true);
  expect(target.content.flows.size).toBeGreaterThanOrEqual(5);
});

it('the transcripts name only what the new flow has, and reach every ending of it', () => {
  expect(transcripts.flatMap((transcript) => checkTranscript(transcript, target.content))).toEqual([]);
  const reached = new Set(transcripts.flatMap(expectedNodes).map(({ node }) => node));
  expect(leaves(target.content.flows.get(flowId)!).filter((node) => !reached.has(node))).toEqual([]);
});

for (const transcript of transcripts) {
  it(transcript.name, () => runTranscript(target, transcript));
}
