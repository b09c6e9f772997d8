import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readContentFixes } from '../../../tools/kb-check/content-fixes';
import { REVIEW_PAGE, reviewPage } from '../../../tools/kb-check/review-page';
import { realContent } from '../../support/content';
import { PROJECT_ROOT } from '../../support/paths';

const fixes = readContentFixes(join(PROJECT_ROOT, 'test', 'fixtures', 'content-fixes.yaml'));
const page = reviewPage(realContent(), fixes);

describe('docs/content-review.md', () => {
  it('is current: regenerate it with `npm run kb:check -- --write-review` after changing content', () => {
    const onDisk = readFileSync(join(PROJECT_ROOT, REVIEW_PAGE), 'utf8');
    // toBe's diff shows the stale lines; the name says the command to run.
    expect(onDisk).toBe(page);
  });

  it('lists every article and every source with its trust and own date', () => {
    const content = realContent();
    for (const article of content.articles.values()) expect(page).toContain(`\`${article.id}\` |`);
    for (const source of content.sources.values()) {
      expect(page).toMatch(new RegExp(`\`${source.id}\` \\| [^\\n]+ \\| [^|]+ \\| ${escape(source.date)} \\|`));
    }
  });

  it("gives each of the review's points, before and after, with where it is fixed now", () => {
    expect(fixes.points).toHaveLength(22);
    for (const point of fixes.points) {
      const row = page.split('\n').find((line) => line.startsWith(`| **${point.id}**`));
      expect(row).toBeDefined();
      expect(row).toContain(point.title);
      const checks = fixes.checks.filter((check) => check.fix === point.id);
      expect(row).toMatch(new RegExp(`\\| ${checks.length} \\|$`));
      for (const check of checks.filter((c) => c.article)) expect(row).toContain(`\`${check.article}\``);
    }
  });
});

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
