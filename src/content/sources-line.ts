import { fillTemplate } from './fill-template';
import type { Content } from './load-content';

/** "Source: [title](url), publisher, date; …": where a text's facts come from, each with its own date. */
export function sourcesLine(ids: readonly string[], content: Pick<Content, 'sources' | 'texts'>): string {
  const list = ids
    .map((id) => content.sources.get(id))
    .filter((source): source is NonNullable<typeof source> => source !== undefined)
    .map(({ title, url, publisher, date }) =>
      fillTemplate(content.texts.answerSourceItem, { title, url, publisher, date }),
    )
    .join('; ');
  return fillTemplate(content.texts.answerSources, { list });
}
