import type { ContentProblem } from '../../src/content/content-error';
import type { Content } from '../../src/content/load-content';
import { articleFile, flowFile, type ContentFolders, type ContentText } from './content-texts';

/**
 * Then and now: wherever a step of the 2016-2018 process is described, the reply says that
 * sign-in has since moved to ID.me (review E1-E4).
 */

/** The retired sign-in: following it today sends someone the wrong way. */
const RETIRED_SIGN_IN = /e-Services username|Secure Access password|usual e-Services login page/i;

/** Words of the 2016-2018 process: a flow that uses them walks people through it. */
const OLD_PROCESS = /Secure Access|activation code|exception processing|e-Services username/i;

/** Every text that tells people to use the retired sign-in says what has changed in its reply. */
export function retiredSignInSaysWhatChanged(texts: readonly ContentText[]): ContentProblem[] {
  return texts
    .filter((text) => RETIRED_SIGN_IN.test(text.text) && !text.saysWhatChanged)
    .filter((text) => !(text.kind === 'article' && /ID\.me/.test(text.text) && /\bold\b/i.test(text.text)))
    .map((text) => ({
      file: text.file,
      path: text.kind === 'article' ? 'historical' : text.path.replace(/\.text$/, '.historical'),
      message:
        'describes the retired username sign-in but its reply does not say what has changed: ' +
        (text.kind === 'flow-node'
          ? 'mark the node `historical: true`'
          : text.kind === 'article'
            ? 'mark the article `historical: true`, or say in the answer that it is the old process and name ID.me'
            : 'say it in an article or flow node marked historical'),
    }));
}

/** A flow that walks through the 2016-2018 process is marked historical as a whole. */
export function oldProcessFlowsAreHistorical(content: Content, folders: ContentFolders): ContentProblem[] {
  return [...content.flows.values()]
    .filter((flow) => !flow.historical)
    .filter((flow) =>
      Object.values(flow.nodes).some(
        (node) => 'text' in node && node.text !== undefined && OLD_PROCESS.test(node.text),
      ),
    )
    .map((flow) => ({
      file: flowFile(folders, flow.id),
      path: 'historical',
      message: 'walks through the 2016-2018 process (Secure Access, activation codes): it must be `historical: true`',
    }));
}

/** An article marked as today's process is about today: it names ID.me. */
export function todaysArticlesNameIdMe(content: Content, folders: ContentFolders): ContentProblem[] {
  return [...content.articles.values()]
    .filter((article) => !article.historical && !/ID\.me/.test(article.answer))
    .map((article) => ({
      file: articleFile(folders, article.id),
      path: 'historical',
      message: "is `historical: false` (today's process) but never names ID.me, today's sign-in",
    }));
}

/** The notes that say what has changed name ID.me and the years of the old process. */
export function notesSayWhatChanged(content: Content, folders: ContentFolders): ContentProblem[] {
  const file = `${folders.knowledge}/texts.yaml`;
  const problems: ContentProblem[] = [];
  for (const key of ['thenAndNow', 'helpdeskNote'] as const) {
    const text = content.texts[key];
    if (!/ID\.me/.test(text)) problems.push({ file, path: key, message: 'must say that sign-in has moved to ID.me' });
    if (!/2016-2018/.test(text))
      problems.push({ file, path: key, message: 'must date the old process (2016-2018), as the sources do' });
  }
  if (!/2016-2018/.test(content.texts.helpdeskTitle))
    problems.push({ file, path: 'helpdeskTitle', message: "must date the line (c. 2016-2018): it is the notice's" });
  return problems;
}
