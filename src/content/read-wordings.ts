import { findSensitiveNumbers } from '../privacy/sensitive-numbers';
import type { ContentProblem } from './content-error';
import type { Wording, WordingsFile } from './wordings-schema';

/**
 * The wordings file's problems (an article that doesn't exist; a number that looks like an SSN,
 * EIN, PTIN or card, which content must never hold) and its wordings, each with every article it
 * is listed under (none for a question about something else).
 */
export function readWordings(
  file: WordingsFile,
  articleIds: ReadonlySet<string>,
  display: string,
): { readonly problems: ContentProblem[]; readonly wordings: Wording[] } {
  const problems: ContentProblem[] = [];
  const byText = new Map<string, string[]>();
  for (const [article, texts] of Object.entries(file.wordings)) {
    if (!articleIds.has(article)) {
      problems.push({ file: display, path: `wordings.${article}`, message: `unknown article "${article}"` });
      continue;
    }
    texts.forEach((text, index) => {
      if (findSensitiveNumbers(text).length > 0) {
        problems.push(sensitive(display, `wordings.${article}[${index}]`));
        return;
      }
      byText.set(text, [...(byText.get(text) ?? []), article]);
    });
  }
  const outOfScope: Wording[] = [];
  file.outOfScope.forEach((text, index) => {
    if (findSensitiveNumbers(text).length > 0) problems.push(sensitive(display, `outOfScope[${index}]`));
    else outOfScope.push({ text, articles: [] });
  });
  return { problems, wordings: [...[...byText].map(([text, articles]) => ({ text, articles })), ...outOfScope] };
}

function sensitive(file: string, path: string): ContentProblem {
  return { file, path, message: 'holds a number that looks like a taxpayer or card number; content must not keep one' };
}
