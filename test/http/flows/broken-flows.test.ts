import { cpSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startLocalBot } from '../../support/local-service';
import { ContentError } from '../../../src/content/content-error';
import { loadContent } from '../../../src/content/load-content';
import { DIALOGS_DIR, KNOWLEDGE_DIR, COMPUTATIONS } from '../../support/content';
import { FIXTURES_DIR } from '../../support/paths';

/**
 * A broken flow file stops the content from loading, with a message naming the file and the
 * node at fault. Each fixture (fixtures/broken-*.yaml) is copied next to the real flows.
 */
const FIXTURES = join(FIXTURES_DIR, 'flows');

const cases: Array<{ file: string; node: string; message: RegExp }> = [
  { file: 'broken-dangling-next.yaml', node: 'say-a', message: /leads to unknown node "no-such-node"/ },
  { file: 'broken-unreachable.yaml', node: 'orphan', message: /cannot be reached from the start/ },
  { file: 'broken-dead-end.yaml', node: 'loop-start', message: /never reaches an end or handoff/ },
  { file: 'broken-dead-end.yaml', node: 'loop-again', message: /never reaches an end or handoff/ },
  { file: 'broken-unknown-article.yaml', node: 'quote', message: /unknown article "no-such-article"/ },
  {
    file: 'broken-unknown-computation.yaml',
    node: 'work-it-out',
    message: /unknown computation "no-such-computation"/,
  },
];

const roots: string[] = [];
afterAll(() => roots.forEach((root) => rmSync(root, { recursive: true, force: true })));

/** A dialogs folder with the real flows and one fixture. */
function dialogsWith(file: string): string {
  const root = mkdtempSync(join(tmpdir(), 'broken-flow-'));
  roots.push(root);
  const dialogsDir = join(root, 'dialogs');
  cpSync(DIALOGS_DIR, dialogsDir, { recursive: true });
  cpSync(join(FIXTURES, file), join(dialogsDir, file));
  return dialogsDir;
}

function loadError(dialogsDir: string): ContentError {
  try {
    loadContent({ knowledgeDir: KNOWLEDGE_DIR, dialogsDir, computations: COMPUTATIONS });
  } catch (error) {
    if (error instanceof ContentError) return error;
    throw error;
  }
  throw new Error('the content loaded although a flow is broken');
}

it('every broken-*.yaml fixture has a case here', () => {
  const fixtures = readdirSync(FIXTURES).filter((name) => name.startsWith('broken-'));
  expect(fixtures.sort()).toEqual([...new Set(cases.map((testCase) => testCase.file))].sort());
});

it.each(cases)('$file is rejected naming the file and nodes.$node', ({ file, node, message }) => {
  const error = loadError(dialogsWith(file));
  const line = error.message.split('\n').find((candidate) => candidate.includes(`: nodes.${node}`));
  expect(line).toBeDefined();
  expect(line).toContain(file);
  expect(line).toMatch(message);
  // Only the broken file is blamed; the real flows are fine.
  expect(error.problems.every((problem) => problem.file.endsWith(file))).toBe(true);
});

it('the bot refuses to start on a broken flow', async () => {
  await expect(
    startLocalBot({ knowledgeDir: KNOWLEDGE_DIR, dialogsDir: dialogsWith('broken-dangling-next.yaml') }),
  ).rejects.toThrow(ContentError);
});
