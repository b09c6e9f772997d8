import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { LocalBot } from '../../src/cli/local-bot';
import { readEvalSet, runEval } from '../../src/cli/eval';
import { startBot } from '../support/local-bot';

const DEV_SET = join(__dirname, '..', '..', '..', 'shared', 'eval', 'dev-questions.yaml');
const PARAPHRASES = join(__dirname, 'paraphrases.yaml');

let bot: LocalBot;
beforeAll(async () => {
  bot = await startBot();
});
afterAll(() => bot.stop());

/** The eval through the real bot: at least 95% overall and every decline case right. */
async function expectScores(file: string): Promise<void> {
  const report = await runEval(readEvalSet(file), bot);
  const declines = report.byKind.get('decline');
  if (report.passed / report.total < 0.95 || (declines && declines.passed < declines.total)) {
    throw new Error(`score ${report.passed}/${report.total}\n${report.failures.join('\n')}`);
  }
}

describe('answer quality (npm run eval)', () => {
  it('the project paraphrase set scores at least 95%, with every decline right', () => expectScores(PARAPHRASES));

  (existsSync(DEV_SET) ? it : it.skip)('the shared dev set scores at least 95%, with every decline right', () => expectScores(DEV_SET));
});
