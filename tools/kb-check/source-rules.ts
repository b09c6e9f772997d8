import type { ContentProblem } from '../../src/content/content-error';
import type { Content } from '../../src/content/load-content';
import type { ContentFolders } from './content-texts';

/**
 * The source registry (knowledge/sources.yaml): each source's own date written as the truth
 * allows (review D3, D4), and no source listed that nothing cites.
 */

/** "2021-11-17", "undated", "2016", "c. 2017", "c. 2016-2018", "Nov. 2021", "May 2022". */
const SOURCE_DATE =
  /^(\d{4}-\d{2}-\d{2}|undated|(c\. )?\d{4}(-\d{4})?|(c\. )?(Jan|Feb|Mar|Apr|Aug|Sept|Oct|Nov|Dec)\. \d{4}|(c\. )?(May|June|July) \d{4})$/;

export function sourceDatesAreHonest(content: Content, folders: ContentFolders): ContentProblem[] {
  const file = `${folders.knowledge}/sources.yaml`;
  return [...content.sources.values()]
    .map((source, index) => ({ source, index }))
    .filter(({ source }) => !SOURCE_DATE.test(source.date))
    .map(({ source, index }) => ({
      file,
      path: `sources[${index}].date`,
      message:
        `"${source.date}" for "${source.id}": write the source's own date as YYYY-MM-DD, "undated", ` +
        'or an approximate form ("c. 2017", "c. 2016-2018", "Nov. 2021")',
    }));
}

/** Every source is cited by an article, a flow node or the help desk (the registry is what the bot cites). */
export function everySourceIsCited(content: Content, folders: ContentFolders): ContentProblem[] {
  const cited = new Set<string>(content.helpdesk.sources);
  for (const article of content.articles.values()) article.sources.forEach((id) => cited.add(id));
  for (const flow of content.flows.values()) {
    for (const node of Object.values(flow.nodes)) {
      if ('sources' in node && node.sources) node.sources.forEach((id) => cited.add(id));
    }
  }
  const file = `${folders.knowledge}/sources.yaml`;
  return [...content.sources.values()]
    .map((source, index) => ({ source, index }))
    .filter(({ source }) => !cited.has(source.id))
    .map(({ source, index }) => ({
      file,
      path: `sources[${index}]`,
      message: `"${source.id}" is cited by nothing: cite it or remove it`,
    }));
}
