import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync, unlinkSync } from 'node:fs';
import { join } from 'node:path';
import { parse, stringify } from 'yaml';
import { ContentError } from '../../../src/content/content-error';
import { loadContent } from '../../../src/content/load-content';
import { copyOfContent, COMPUTATIONS } from '../../support/content';
import { childEnvironment, transpiledProject } from '../../support/transpiled-project';
import { PROJECT_ROOT } from '../../support/paths';

const ROOT = PROJECT_ROOT;

/** A copy of the real content with one article changed by `edit`. */
function brokenCopy(articleId: string, edit: (article: Record<string, unknown>) => void) {
  const copy = copyOfContent();
  const file = join(copy.knowledgeDir, 'articles', `${articleId}.yaml`);
  const article = parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
  edit(article);
  writeFileSync(file, stringify(article));
  return copy;
}

function problemsOf(location: { knowledgeDir: string; dialogsDir: string; root: string }): string {
  try {
    loadContent({ ...location, baseDir: location.root, computations: COMPUTATIONS });
  } catch (error) {
    if (error instanceof ContentError) return error.message;
    throw error;
  }
  throw new Error('content loaded although it is broken');
}

describe('content problems stop loading, naming file and field', () => {
  it('the real content loads', () => {
    const copy = copyOfContent();
    expect(() => loadContent({ ...copy, computations: COMPUTATIONS })).not.toThrow();
  });

  it('a missing field', () => {
    const copy = brokenCopy('what-you-need', (article) => delete article.sources);
    expect(problemsOf(copy)).toContain('knowledge/articles/what-you-need.yaml: sources:');
  });

  it('an unknown reference', () => {
    const copy = brokenCopy('what-you-need', (article) => (article.followUps = ['no-such-article']));
    expect(problemsOf(copy)).toMatch(
      /knowledge\/articles\/what-you-need\.yaml: followUps\[0\]: unknown article "no-such-article"/,
    );
  });

  it('two intents that each claim messages of fillers alone', () => {
    const copy = copyOfContent();
    const file = join(copy.knowledgeDir, 'intents.yaml');
    const intents = parse(readFileSync(file, 'utf8')) as { intents: Array<{ fillersOnly?: boolean }> };
    intents.intents[0].fillersOnly = true;
    writeFileSync(file, stringify(intents));
    expect(problemsOf(copy)).toContain('knowledge/intents.yaml: intents: at most one intent may be fillersOnly');
  });

  it('a question kind answered by an unknown article', () => {
    const copy = copyOfContent();
    const file = join(copy.knowledgeDir, 'routing.yaml');
    const routing = parse(readFileSync(file, 'utf8')) as { questionKinds: Array<{ article: string }> };
    routing.questionKinds[1].article = 'no-such-article';
    writeFileSync(file, stringify(routing));
    expect(problemsOf(copy)).toContain(
      'knowledge/routing.yaml: questionKinds[1].article: unknown article "no-such-article"',
    );
  });

  it.each([
    ['a desk topic', 'deskTopics', 2],
    ['an answer with nothing to try', 'nothingToTry', 0],
    ['a card topic', 'cardTopics', 1],
  ] as const)('%s that is no article', (_, list, index) => {
    const copy = copyOfContent();
    const file = join(copy.knowledgeDir, 'routing.yaml');
    const routing = parse(readFileSync(file, 'utf8')) as Record<typeof list, string[]>;
    routing[list][index] = 'no-such-article';
    writeFileSync(file, stringify(routing));
    expect(problemsOf(copy)).toContain(`knowledge/routing.yaml: ${list}[${index}]: unknown article "no-such-article"`);
  });

  it('a duplicate id', () => {
    const copy = copyOfContent();
    const source = join(copy.knowledgeDir, 'articles', 'what-you-need.yaml');
    writeFileSync(join(copy.knowledgeDir, 'articles', 'what-you-need-copy.yaml'), readFileSync(source, 'utf8'));
    const message = problemsOf(copy);
    expect(message).toMatch(/knowledge\/articles\/what-you-need(-copy)?\.yaml: id: duplicate id "what-you-need"/);
  });

  it('the same question claimed by two articles', () => {
    const other = parse(readFileSync(join(ROOT, 'knowledge', 'articles', 'forgot-password.yaml'), 'utf8')) as {
      questions: string[];
    };
    const copy = brokenCopy('what-you-need', (article) => (article.questions as string[]).push(other.questions[0]));
    expect(problemsOf(copy)).toMatch(
      /what-you-need\.yaml: questions\[\d+\]: .* also a question of article "forgot-password"/,
    );
  });

  it('a bad date and a bad URL', () => {
    const copy = brokenCopy('what-you-need', (article) => {
      article.reviewed = 'last week';
    });
    const sourcesFile = join(copy.knowledgeDir, 'sources.yaml');
    const registry = parse(readFileSync(sourcesFile, 'utf8')) as { sources: Array<Record<string, unknown>> };
    registry.sources[0].url = 'not a url';
    writeFileSync(sourcesFile, stringify(registry));
    const message = problemsOf(copy);
    expect(message).toContain('what-you-need.yaml: reviewed:');
    expect(message).toContain('sources.yaml: sources[0].url:');
  });

  it('a texts.yaml key that is missing', () => {
    const copy = copyOfContent();
    const file = join(copy.knowledgeDir, 'texts.yaml');
    const texts = parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
    delete texts.fallback;
    writeFileSync(file, stringify(texts));
    expect(problemsOf(copy)).toContain('knowledge/texts.yaml: fallback:');
  });

  it('a missing content file', () => {
    const copy = copyOfContent();
    unlinkSync(join(copy.knowledgeDir, 'synonyms.yaml'));
    expect(problemsOf(copy)).toContain('knowledge/synonyms.yaml: (file): cannot be read');
  });
});

describe('start-up and kb:check refuse broken content', () => {
  // Compiled into a project of its own: the shared dist/ is the developer's.
  let built: string;
  beforeAll(() => {
    built = transpiledProject('content-build-');
  });

  it.each([
    ['the service', 'dist/src/main.js'],
    ['kb:check', 'dist-tools/tools/kb-check.js'],
  ])('%s exits non-zero naming the file and field', (_name, script) => {
    const copy = brokenCopy('how-to-start', (article) => (article.followUps = ['nowhere']));
    const result = spawnSync('node', [join(built, script)], {
      cwd: copy.root,
      env: childEnvironment({ PORT: '0', KNOWLEDGE_DIR: 'knowledge', DIALOGS_DIR: 'dialogs', LOG_LEVEL: 'silent' }),
      encoding: 'utf8',
      timeout: 20_000,
    });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('knowledge/articles/how-to-start.yaml: followUps[0]: unknown article "nowhere"');
  });

  it('a wording under an unknown article, or holding a pasted number, names the file and the entry', () => {
    const copy = copyOfContent();
    const file = join(copy.knowledgeDir, 'wordings.yaml');
    const wordings = parse(readFileSync(file, 'utf8')) as { wordings: Record<string, string[]>; outOfScope: string[] };
    wordings.wordings['no-such-article'] = ['how do I do the thing'];
    wordings.outOfScope.unshift('my ssn is 123-45-6789, is that ok');
    writeFileSync(file, stringify(wordings));
    const problems = problemsOf(copy);
    expect(problems).toContain('knowledge/wordings.yaml: wordings.no-such-article: unknown article "no-such-article"');
    expect(problems).toContain('knowledge/wordings.yaml: outOfScope[0]: holds a number');
    expect(problems).not.toContain('123-45-6789');
  });

  it('kb:check passes on the real content', () => {
    const result = spawnSync('node', [join(built, 'dist-tools/tools/kb-check.js')], {
      cwd: ROOT,
      encoding: 'utf8',
      env: childEnvironment(),
    });
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/content ok/);
  });

  it('a bad configuration value stops start-up naming the variable', () => {
    const result = spawnSync('node', [join(built, 'dist/src/main.js')], {
      cwd: ROOT,
      env: childEnvironment({ PORT: 'not-a-port' }),
      encoding: 'utf8',
      timeout: 20_000,
    });
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/PORT/);
  });
});
