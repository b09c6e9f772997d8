import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { ConfigError, loadConfig } from '../../src/config';
import { buildTeamsAppPackage, TeamsAppPackageError } from './app-package';

/**
 * `npm run teams:package`: builds the Teams app package, dist/teams-app.zip, from teams/ and the
 * configuration (MicrosoftAppId, BOT_DOMAIN, FIRM_NAME) and package.json's version. Run it from
 * the repository root. Exits non-zero, listing the problems, when the package would be invalid.
 */

const OUTPUT = 'dist/teams-app.zip';
// All zeros so nobody mistakes it for a real registration.
const PLACEHOLDER_APP_ID = '00000000-0000-0000-0000-000000000000';

function main(): number {
  const config = loadConfig();

  let appId = config.MicrosoftAppId;
  if (!appId) {
    console.error(
      `warning: MicrosoftAppId is not set, so the package uses the placeholder app id ${PLACEHOLDER_APP_ID}.\n` +
        '         It is for trying the build only: Teams cannot reach a bot with that id. ' +
        'Set MicrosoftAppId for a real package.',
    );
    appId = PLACEHOLDER_APP_ID;
  }
  if (!config.BOT_DOMAIN) {
    console.error('warning: BOT_DOMAIN is not set, so the manifest lists no valid domains.');
  }

  const packageJson = JSON.parse(readFileSync('package.json', 'utf8')) as { version?: unknown };
  const zip = buildTeamsAppPackage({
    appId,
    version: typeof packageJson.version === 'string' ? packageJson.version : '',
    firmName: config.FIRM_NAME,
    validDomains: config.BOT_DOMAIN ? [config.BOT_DOMAIN] : [],
  });

  mkdirSync(dirname(OUTPUT), { recursive: true });
  writeFileSync(OUTPUT, zip);
  console.log(`Wrote ${OUTPUT} (${zip.length} bytes) for app id ${appId}.`);
  return 0;
}

try {
  process.exitCode = main();
} catch (error) {
  // Known failures are explained by their message; anything else keeps its stack.
  console.error(error instanceof TeamsAppPackageError || error instanceof ConfigError ? error.message : error);
  process.exitCode = 1;
}
