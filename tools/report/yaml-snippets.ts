import { stringify } from 'yaml';
import type { Normalizer } from '../../src/matching/normalizer';
import type { ContentLookup, UnansweredGroup } from './report-model';

/**
 * The unanswered groups as YAML a content author can paste into knowledge/: for each, the
 * questions to add to the closest article (when there is one), and a new article's skeleton
 * in the shape of knowledge/articles/*.yaml, with `sources: []` and TODOs to fill before
 * `npm run kb:check` accepts it. One YAML document each, so the whole output parses.
 */
export function yamlSnippets(
  groups: readonly UnansweredGroup[],
  lookup: ContentLookup,
  normalizer: Normalizer,
): string {
  if (groups.length === 0) return '# No unanswered questions with their text kept in this period.\n';
  const taken = new Set<string>();
  return groups
    .map((group, index) => {
      // Redacted questions are for reading, not for matching.
      const questions = group.examples.filter((example) => !example.includes('[redacted'));
      const list =
        questions.length > 0 ? stringify(questions).trimEnd() : '  - TODO: the question in the words people use';
      const id = newId(group, lookup, normalizer, taken);
      const heading = `# ${index + 1}. Asked ${group.count} time${group.count === 1 ? '' : 's'}, e.g. ${JSON.stringify(group.examples[0] ?? '')}`;
      const closest = group.closest
        ? [
            `# Closest article: ${group.closest.id} (${JSON.stringify(group.closest.title)}). If it answers them,`,
            `# add these to the questions in knowledge/articles/${group.closest.id}.yaml:`,
            '---',
            'questions:',
            list,
            `# Otherwise, a new article: knowledge/articles/${id}.yaml`,
          ]
        : [`# No article is close: a new one, knowledge/articles/${id}.yaml`];
      return [
        heading,
        ...closest,
        '---',
        `id: ${id}`,
        'title: "TODO: what the article is about"',
        'label: "TODO: a button label (40 characters at most)"',
        'questions: # 6-12 ways people ask it',
        list,
        'answer: >-',
        '  TODO: the answer in our own words, stating only what the sources support.',
        'followUps: [] # 2-3 related article ids',
        'sources: [] # ids from knowledge/sources.yaml, primary first',
        'reviewed: TODO # YYYY-MM-DD, the day you checked it against the sources',
        'historical: false # true if it describes the 2016-2022 Secure Access process',
      ].join('\n');
    })
    .join('\n\n')
    .concat('\n');
}

/** A content id from the group's words, not already an article's (nor another snippet's). */
function newId(group: UnansweredGroup, lookup: ContentLookup, normalizer: Normalizer, taken: Set<string>): string {
  const words = normalizer
    .words((group.examples[0] ?? '').replace(/\[redacted [a-z]+\]/g, ' '))
    .map((word) => word.replace(/[^a-z0-9]/g, ''))
    .filter((word) => word.length > 0 && word !== 'redacted')
    .slice(0, 5);
  const base = words.length > 0 ? words.join('-') : 'new-article';
  let id = base;
  for (let n = 2; lookup.articleTitle(id) !== undefined || taken.has(id); n++) id = `${base}-${n}`;
  taken.add(id);
  return id;
}
