import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { realContent } from '../../support/content';
import { childEnvironment, transpiledProject } from '../../support/transpiled-project';
import { PROJECT_ROOT } from '../../support/paths';

const ROOT = PROJECT_ROOT;

describe('npm run chat (terminal chat, in-process)', () => {
  let built: string;
  beforeAll(() => {
    built = transpiledProject('chat-build-');
  });

  it('greets, answers typed questions, clicks numbered buttons and quits', () => {
    const content = realContent();
    const result = spawnSync('node', [join(built, 'dist-tools/tools/chat.js')], {
      cwd: ROOT,
      env: childEnvironment(),
      input: 'how long does the mailed activation code take?\n1\n/quit\n',
      encoding: 'utf8',
      timeout: 30_000,
    });
    expect(result.status).toBe(0);
    const out = result.stdout;
    expect(out).toContain(content.texts.welcome.slice(0, 40));
    expect(out).toMatch(/\[1\] /);
    const mailed = content.articles.get('activation-code-by-mail')!;
    expect(out).toContain(mailed.answer.trim().slice(0, 40));
    // "1" clicked the first related question.
    const firstRelated = content.articles.get(mailed.followUps[0])!;
    expect(out).toContain(firstRelated.answer.trim().slice(0, 40));
  });
});
