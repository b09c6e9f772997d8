import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { FIXTURES_DIR, PROJECT_ROOT } from '../../support/paths';

// The shared dev sets (../shared/eval beside the project) are copied into test/fixtures so the
// tests that keep the bot at its targets run on every clone, CI included. Where the shared
// folder is there, the copies must be the same files.
const SHARED = join(PROJECT_ROOT, '..', 'shared', 'eval');
const FILES = ['dev-questions.yaml', 'dev-questions-2.yaml', 'dev-conversations.yaml'];

describe('copies of the shared dev sets', () => {
  it.each(FILES)('%s is a set of cases, the same as the shared one where that is present', (file) => {
    const copy = readFileSync(join(FIXTURES_DIR, 'shared-eval', file), 'utf8');
    const parsed = parse(copy) as { cases?: unknown[]; conversations?: unknown[] };
    expect((parsed.cases ?? parsed.conversations ?? []).length).toBeGreaterThan(9);
    const shared = join(SHARED, file);
    const sameAsShared = existsSync(shared) ? readFileSync(shared, 'utf8') === copy : true;
    expect({ file, sameAsShared }).toEqual({ file, sameAsShared: true });
  });
});
