import { join } from 'node:path';
import type { LocalBot } from '../../support/local-service';
import { readEvalSet, runEval } from '../../../tools/eval/eval';
import { startBot } from '../../support/local-bot';
import { FIXTURES_DIR } from '../../support/paths';

const DEV_SET = join(FIXTURES_DIR, 'shared-eval', 'dev-questions.yaml');
const PARAPHRASES = join(FIXTURES_DIR, 'paraphrases.yaml');

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

  it('the shared dev set scores at least 95%, with every decline right', () => expectScores(DEV_SET));
});
