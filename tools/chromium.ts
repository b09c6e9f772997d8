import { execFileSync } from 'node:child_process';
import { accessSync, constants } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

/** Flags for a quiet, self-contained headless run (no sandbox in containers, no phoning home). */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
  '--disable-sync',
  '--disable-quic',
];

/**
 * The Chromium to drive: Debian's /usr/bin/chromium, else whatever `chromium` is on the PATH.
 * Throws with the fix in the message when there is none, so the end-to-end tests fail loudly
 * instead of being skipped.
 */
export function chromiumExecutable(): string {
  const candidates = ['/usr/bin/chromium', onPath('chromium')].filter((path): path is string => Boolean(path));
  for (const path of candidates) {
    if (isExecutable(path)) return path;
  }
  throw new Error(
    'Chromium is not installed, and the end-to-end tests need it. Install it with ' +
      '`apt-get update && apt-get install -y chromium` (Debian/Ubuntu), or put a `chromium` on the PATH.',
  );
}

/**
 * Launches headless Chromium. Playwright gives every launch a new, empty profile directory
 * and removes it on close.
 */
export async function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: chromiumExecutable(), headless: true, args: CHROMIUM_ARGS });
}

function onPath(name: string): string | undefined {
  try {
    return execFileSync('which', [name], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim() || undefined;
  } catch {
    return undefined;
  }
}

function isExecutable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}
