import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';

/**
 * The project folder (the nearest one above this file with a package.json), wherever the code
 * runs from: src/ under ts-jest, dist/src/ after a build, a test's transpiled copy.
 */
export function projectRoot(from: string = __dirname): string {
  for (let directory = from; ; directory = dirname(directory)) {
    if (existsSync(join(directory, 'package.json'))) return directory;
    if (dirname(directory) === directory) throw new Error(`No package.json above ${from}`);
  }
}
