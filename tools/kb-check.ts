import { writeFileSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import { ContentError, type ContentProblem } from '../src/content/content-error';
import { loadBotContent } from '../src/service';
import { loadConfig } from '../src/config';
import { DEFAULT_FIXES_FILE, readContentFixes } from './kb-check/content-fixes';
import { REVIEW_PAGE, reviewPage } from './kb-check/review-page';
import { sortProblems } from './kb-check/known-problems';
import { REVIEW_RULES, runReviewRules } from './kb-check/run-checks';

/**
 * `npm run kb:check`: loads and cross-checks all content exactly as start-up does, then holds it
 * to the content review's rules (docs/content.md), and exits non-zero with every problem named
 * by file and field. `-- --write-review` also writes docs/content-review.md; `--fixes <file>`
 * reads the review's points and checks from another file than test/fixtures/content-fixes.yaml.
 */
function main(): void {
  const options = parseArgs(process.argv.slice(2));
  if (!options) {
    console.error('usage: npm run kb:check [-- --write-review] [--fixes test/fixtures/content-fixes.yaml]');
    process.exit(2);
  }
  const config = loadConfig();
  let content;
  try {
    content = loadBotContent({ knowledgeDir: config.KNOWLEDGE_DIR, dialogsDir: config.DIALOGS_DIR });
  } catch (error) {
    if (error instanceof ContentError) {
      console.error(error.message);
      process.exit(1);
    }
    throw error;
  }
  let fixes;
  try {
    fixes = readContentFixes(options.fixesFile);
  } catch (error) {
    console.error(error instanceof Error ? error.message : String(error));
    process.exit(1);
  }
  const folders = { knowledge: shown(config.KNOWLEDGE_DIR), dialogs: shown(config.DIALOGS_DIR) };
  const { fresh, known, gone } = sortProblems(
    runReviewRules(content, fixes, { fixesFile: options.fixesFile, folders }),
  );
  for (const problem of known) console.log(`known problem (${problem.reason}):\n${line(problem)}`);
  if (fresh.length > 0 || gone.length > 0) {
    const stale = gone.map(
      (row) => `  - ${row.file}: ${row.path}: fixed: remove it from tools/kb-check/known-problems.ts`,
    );
    console.error(`Content breaks the review's rules:\n${[...fresh.map(line), ...stale].join('\n')}`);
    process.exit(1);
  }
  if (options.writeReview) {
    writeFileSync(REVIEW_PAGE, reviewPage(content, fixes));
    console.log(`wrote ${REVIEW_PAGE}`);
  }
  console.log(
    `content ok: ${content.articles.size} articles, ${content.flows.size} flows, ${content.sources.size} sources, ` +
      `version ${content.version}; ${REVIEW_RULES.length} review rules, ${fixes.checks.length} checks of ` +
      `${fixes.points.length} review points`,
  );
}

/** A content folder as problems name it: relative to where kb:check runs. */
function shown(folder: string): string {
  return relative(process.cwd(), resolve(folder)) || '.';
}

/** The command line, or undefined when it is not understood. */
function parseArgs(args: readonly string[]): { writeReview: boolean; fixesFile: string } | undefined {
  let writeReview = false;
  let fixesFile = DEFAULT_FIXES_FILE;
  for (let index = 0; index < args.length; index++) {
    if (args[index] === '--write-review') writeReview = true;
    else if (args[index] === '--fixes' && args[index + 1]) fixesFile = args[++index];
    else return undefined;
  }
  return { writeReview, fixesFile };
}

function line(problem: ContentProblem): string {
  return `  - ${problem.file}: ${problem.path || '(file)'}: ${problem.message}`;
}

main();
