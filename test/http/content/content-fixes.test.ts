import { join } from 'node:path';
import { GAP, readContentFixes, regex, type FixCheck } from '../../../tools/kb-check/content-fixes';
import { PROJECT_ROOT } from '../../support/paths';
import { converse, expectedFromContent, squash, startFixBot, type FixBot } from './fix-conversation';

/**
 * The content review's 22 points (and the questions it found unanswered), asked of the real bot
 * over HTTP: each check in test/fixtures/content-fixes.yaml has its conversation in a fresh
 * conversation, and the reply must show what the content says now (read from knowledge/ and
 * dialogs/), match the check's `must` patterns, and match none of its `must_not` patterns nor the
 * statements its point flagged. kb:check holds the content itself to the same patterns.
 */
const fixes = readContentFixes(join(PROJECT_ROOT, 'test', 'fixtures', 'content-fixes.yaml'));

let target: FixBot;
beforeAll(async () => {
  target = await startFixBot();
});
afterAll(() => target.bot.stop());

const where = (check: FixCheck) =>
  check.article ?? (check.node ? `${check.flow}/${check.node}` : (check.text ?? check.flow ?? 'reply'));
const named = (check: FixCheck, index: number) => `"${check.ask}" → ${where(check)} (#${index})`;
const indexed = fixes.checks.map((check, index) => ({ check, index }));

async function askAndCheck(check: FixCheck, index: number): Promise<void> {
  const reply = await converse(target, check, `fix-${index}`);
  const flat = squash(reply);
  for (const part of expectedFromContent(check, target.bot.content)) expect(flat).toContain(part);
  // The then-and-now note is said once at most: the card's own note stands for it.
  expect(flat.split(squash(target.bot.content.texts.thenAndNow)).length).toBeLessThanOrEqual(2);
  for (const must of check.must) expect(reply).toMatch(regex(must));
  const flagged = fixes.points.find((point) => point.id === check.fix)?.flagged ?? [];
  for (const mustNot of [...check.must_not, ...flagged]) expect(reply).not.toMatch(regex(mustNot));
}

describe.each(fixes.points.map((point) => [`${point.id}: ${point.title}`, point.id] as const))('%s', (_title, id) => {
  it.each(
    indexed
      .filter(({ check }) => check.fix === id)
      .map(({ check, index }) => [named(check, index), check, index] as const),
  )('%s', (_name, check, index) => askAndCheck(check, index));
});

describe('questions the review found unanswered', () => {
  it.each(
    indexed
      .filter(({ check }) => check.fix === GAP)
      .map(({ check, index }) => [named(check, index), check, index] as const),
  )('%s', (_name, check, index) => askAndCheck(check, index));
});
