import type { Language } from '../matching/language';

/**
 * "Forget it. who can I actually call about secure access", "alright, what do i need then": a
 * cancel or a filler said first, then a question. The question is what to answer; "forget" is no
 * word of it (nor a forgotten password), and "fine" or "alright" would only blur its reading
 * ("fine" is a word of "my login worked fine, why redo it"). Small talk with an aside of its own
 * ("ugh. how long…") is kept whole: the aside is said before the answer.
 */
export function questionAfterOpening(text: string, language: Language): string | undefined {
  const cut = /[,.;:!]+\s*|\s[-–—]\s/.exec(text);
  if (!cut || cut.index === 0) return undefined;
  const opening = text.slice(0, cut.index);
  const rest = text.slice(cut.index + cut[0].length).trim();
  if (rest.length === 0 || !language.isQuestion(rest)) return undefined;
  if (language.detectCommand(opening) === 'cancel') return rest;
  const said = language.intentOf(opening);
  return language.saysNothing(opening) && said?.intent.aside === undefined ? rest : undefined;
}
