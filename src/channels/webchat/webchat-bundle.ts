import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { projectRoot } from '../../project-root';
import type { Precompressed } from './static-file';

/** Microsoft's Web Chat as vendored at build time: the browser bundle the page loads, and its version. */
export interface WebchatBundle {
  /** webchat.js: the full UMD bundle that defines window.WebChat (renderWebChat, createDirectLine, createStore). */
  readonly scriptPath: string;
  /** The bundle compressed at build time (brotli, gzip), where the build made them. */
  readonly precompressed?: Precompressed;
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
  const scriptPath = join(directory, 'webchat.js');
  return {
    scriptPath,
    precompressed: { br: `${scriptPath}.br`, gzip: `${scriptPath}.gz` },
    licensePath: join(directory, 'webchat.js.LICENSE.txt'),
    version,
  };
}
