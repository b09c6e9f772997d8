import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { projectRoot } from '../../project-root';

/** Microsoft's Web Chat as vendored at build time: the browser bundle the page loads, and its version. */
export interface WebchatBundle {
  /** webchat.js: the full UMD bundle that defines window.WebChat (renderWebChat, createDirectLine, createStore). */
  readonly scriptPath: string;
  /** The third-party licence notice the bundle's banner points to. */
  readonly licensePath: string;
  readonly version: string;
}

/**
 * Finds the Web Chat bundle that `npm run build` copies into dist/webchat (tools/vendor-webchat.js),
 * so production needs no botframework-webchat package. Fails, naming the fix, when it is missing.
 */
export function findWebchatBundle(directory = join(projectRoot(), 'dist', 'webchat')): WebchatBundle {
  const manifest = join(directory, 'version.json');
  if (!existsSync(manifest)) {
    throw new Error(`Web Chat bundle not found in ${directory}: run "npm run build" (it copies the bundle there).`);
  }
  const { version } = JSON.parse(readFileSync(manifest, 'utf8')) as { version: string };
  return { scriptPath: join(directory, 'webchat.js'), licensePath: join(directory, 'webchat.js.LICENSE.txt'), version };
}
