import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** Microsoft's Web Chat as installed: the browser bundle the page loads, and its version. */
export interface WebchatBundle {
  /** dist/webchat.js: the full UMD bundle that defines window.WebChat (renderWebChat, createDirectLine, createStore). */
  readonly scriptPath: string;
  /** The third-party licence notice the bundle's banner points to. */
  readonly licensePath: string;
  readonly version: string;
}

/**
 * Finds the installed botframework-webchat package. The package's `exports` hide dist/, so it
 * is found through its main entry (lib/index.js) instead of a subpath.
 */
export function findWebchatBundle(resolve: (id: string) => string = require.resolve): WebchatBundle {
  const packageDir = dirname(dirname(resolve('botframework-webchat')));
  const { version } = JSON.parse(readFileSync(join(packageDir, 'package.json'), 'utf8')) as { version: string };
  return {
    scriptPath: join(packageDir, 'dist', 'webchat.js'),
    licensePath: join(packageDir, 'dist', 'webchat.js.LICENSE.txt'),
    version,
  };
}
