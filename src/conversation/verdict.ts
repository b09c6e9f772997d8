import type { Article } from '../content/schemas';
import type { Language } from '../matching/language';
import { rawWords } from '../matching/normalizer';

/**
 * The yes or no that opens an article's answer to `asked`, when the article has one and `asked`
 * is a yes/no question: "No." to "is Secure Access still used?", "Yes." to "is ID.me mandatory
 * now?" (asked the other way round; none when the article has no verdict that way). A
 * question asking what or how gets the answer as it is.
 */
export function verdictFor(
  article: Article,
  asked: string | undefined,
  language: Pick<Language, 'asksYesOrNo'>,
): string | undefined {
  const verdict = article.verdict;
  if (!verdict || asked === undefined) return undefined;
  // The label is the question as the article asks it (a button clicked).
  if (asked === article.label) return verdict.asked;
  if (!language.asksYesOrNo(asked)) return undefined;
  const said = ` ${rawWords(asked).join(' ')} `;
  const says = (phrases: readonly string[]) =>
    phrases.some((phrase) => said.includes(` ${rawWords(phrase).join(' ')} `));
  const named = says(verdict.askedBy);
  // Both ways at once ("is ID.me still required?"): the answer says it without a yes or no.
  if (says(verdict.turnedBy)) return named ? undefined : verdict.turned;
  return named || verdict.askedBy.length === 0 ? verdict.asked : undefined;
}
