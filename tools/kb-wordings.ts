import { readdirSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { stringify } from 'yaml';
import { findSensitiveNumbers } from '../src/privacy/sensitive-numbers';
import { projectRoot } from '../src/project-root';
import { loadBotContent } from '../src/service';
import { readQuestionSet } from './eval/eval-files';
import { deriveLabels } from './eval/ranking-labels';
import { isTestHalf } from './eval/ranking';

/**
 * `npm run kb:wordings`: writes knowledge/wordings.yaml, the messages of the read paraphrase
 * banks (test/fixtures/bank/questions-*.yaml and the shared dev question sets; never a test half,
 * `*-test.yaml`, which is only measured) under the articles that answer them. An article answers
 * a message when its reply has every fact the case asks for (ranking-labels.ts); a message three
 * or more articles answer says too little about any of them and is left out, and so are messages
 * with a clock placeholder or a pasted number (a Teams mention's markup is dropped). Messages the
 * bot should decline go under `outOfScope`: they teach what no article answers.
 */

/** More acceptable articles than this and a message teaches nothing about which one it means. */
const MOST_ARTICLES = 3;

export function bankFiles(root: string): string[] {
  const bank = join(root, 'test', 'fixtures', 'bank');
  const shared = join(root, 'test', 'fixtures', 'shared-eval');
  return [
    ...readdirSync(bank)
      .filter((name) => /^questions-.*\.ya?ml$/.test(name) && !isTestHalf(name))
      .sort()
      .map((name) => join(bank, name)),
    join(shared, 'dev-questions.yaml'),
    join(shared, 'dev-questions-2.yaml'),
  ];
}

/**
 * A message as the classifier may learn it: without a Teams mention's markup; none when it has a
 * clock placeholder (it reads differently each day) or a pasted number.
 */
function usable(say: string): string | undefined {
  if (/\{[^}]*\}/.test(say)) return undefined;
  const text = say
    .replace(/<at>[^<]*<\/at>/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  return text.length > 0 && findSensitiveNumbers(text).length === 0 ? text : undefined;
}

function main(): void {
  const root = projectRoot(__dirname);
  const content = loadBotContent({ knowledgeDir: join(root, 'knowledge'), dialogsDir: join(root, 'dialogs') });
  const files = bankFiles(root);
  const byArticle = new Map<string, string[]>();
  const outOfScope: string[] = [];
  let kept = 0;
  for (const file of files) {
    const set = readQuestionSet(file);
    // A question the bot should decline teaches what no article answers.
    set.cases.forEach((testCase) => {
      const text = usable(testCase.say);
      if (testCase.kind !== 'decline' || text === undefined) return;
      outOfScope.push(text);
      kept += 1;
    });
    const labels = deriveLabels(set, content);
    for (const testCase of labels.used) {
      const text = usable(set.cases[testCase.index].say);
      if (text === undefined || testCase.expected.length > MOST_ARTICLES) continue;
      kept += 1;
      for (const article of testCase.expected) byArticle.set(article, [...(byArticle.get(article) ?? []), text]);
    }
  }
  const wordings = Object.fromEntries([...byArticle].sort(([a], [b]) => a.localeCompare(b)));
  const header = [
    '# How tax professionals asked for each article, in their own words: the messages of the read',
    '# paraphrase banks that the article answers (facts checked as the judges check them), written',
    '# by `npm run kb:wordings`; do not edit by hand. The matcher learns from them which words point',
    '# to which article (src/matching/word-classifier.ts). Test halves are never read here;',
    '# `outOfScope` holds the messages the bot should decline.',
    '# From:',
    ...files.map((file) => `#   ${relative(root, file)}`),
    '',
  ].join('\n');
  const out = join(root, 'knowledge', 'wordings.yaml');
  writeFileSync(out, header + stringify({ version: 1, wordings, outOfScope }, { lineWidth: 0 }));
  console.log(
    `${relative(root, out)}: ${kept} messages, ${outOfScope.length} of them out of scope, under ${byArticle.size} articles, from ${files.length} files`,
  );
}

if (require.main === module) main();
