import { join } from 'node:path';
import { projectRoot } from '../../src/project-root';

/** The project folder, and the test data folders in it. */
export const PROJECT_ROOT = projectRoot(__dirname);
export const FIXTURES_DIR = join(PROJECT_ROOT, 'test', 'fixtures');
