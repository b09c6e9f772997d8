import type { Routing } from '../content/routing-schema';
import { createWordsDetector, phraseWords } from './phrase-detector';

/**
 * Reads a message's kind of question (routing's `questionKinds`): the article of the first kind
 * with a phrase from every group of `all` and none of `notWith`. The message is split into words
 * once; the calling path, who-to-call and the ranking each ask about the same message in a turn,
 * so the last reading is kept.
 */
export function createQuestionKindReader(kinds: Routing['questionKinds']): (text: string) => string | undefined {
  const readers = kinds.map((kind) => ({
    article: kind.article,
    all: kind.all.map(createWordsDetector),
    notWith: createWordsDetector(kind.notWith),
  }));
  let last: { readonly text: string; readonly article: string | undefined } | undefined;
  return (text) => {
    if (last?.text === text) return last.article;
    const words = phraseWords(text);
    const article = readers.find((kind) => kind.all.every((says) => says(words)) && !kind.notWith(words))?.article;
    last = { text, article };
    return article;
  };
}
