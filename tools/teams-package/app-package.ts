import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import AdmZip from 'adm-zip';
import { fillTemplate, type Json } from './manifest-template';
import { manifestSchemaProblems } from './manifest-schema';
import { pngSize } from './png-size';

/** What changes between one firm's (or one environment's) Teams app package and another's. */
export interface TeamsAppPackageOptions {
  /** The bot's Microsoft App ID, a GUID: used as both the Teams app id and the bot id. */
  appId: string;
  /** The app version, MAJOR.MINOR.PATCH; Teams only takes an updated package whose version went up. */
  version: string;
  /** The firm shown as the app's developer and in its full name and description. */
  firmName: string;
  /** Host names the app trusts, such as the bot's own domain; may be empty for a bot-only app. */
  validDomains: readonly string[];
  /** The folder holding manifest.template.json and the icons it names. Defaults to `teams`. */
  teamsDir?: string;
}

/** Raised when the Teams app package cannot be built; `problems` lists every reason found. */
export class TeamsAppPackageError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid Teams app package:\n${problems.map((problem) => `  - ${problem}`).join('\n')}`);
    this.name = 'TeamsAppPackageError';
  }
}

/** The icon sizes Teams requires; it rejects packages whose icons are any other size. */
const ICON_SIZES = { color: 192, outline: 32 } as const;

// Teams wants bare host names (optionally a leading "*." wildcard), not URLs.
const HOST_NAME = /^(\*\.)?[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*(:\d{1,5})?$/i;
const APP_VERSION = /^\d+\.\d+\.\d+$/;

// A fixed entry time keeps the package byte-for-byte reproducible (zip stores one per entry).
const ZIP_ENTRY_TIME = new Date(2000, 0, 1);

/**
 * Builds the Teams app package (the zip a firm uploads to Teams): fills teams/manifest.template.json,
 * validates the manifest offline against the official schema for its manifestVersion, checks the
 * icons' sizes, and zips manifest.json with the icons at the zip's root.
 *
 * @throws TeamsAppPackageError listing every problem, so a build never ships an invalid manifest.
 */
export function buildTeamsAppPackage(options: TeamsAppPackageOptions): Buffer {
  const teamsDir = options.teamsDir ?? 'teams';
  const problems: string[] = [];

  if (!APP_VERSION.test(options.version)) {
    problems.push(`version "${options.version}" must be MAJOR.MINOR.PATCH, such as 1.0.0`);
  }
  for (const domain of options.validDomains) {
    if (!HOST_NAME.test(domain)) {
      problems.push(`valid domain "${domain}" must be a host name such as bot.example.com, without https:// or a path`);
    }
  }

  const templatePath = join(teamsDir, 'manifest.template.json');
  if (!existsSync(templatePath)) throw new TeamsAppPackageError([`${templatePath} not found`]);
  let template: Json;
  try {
    template = JSON.parse(readFileSync(templatePath, 'utf8')) as Json;
  } catch (error) {
    throw new TeamsAppPackageError([`${templatePath} is not valid JSON: ${(error as Error).message}`]);
  }

  const filled = fillTemplate(template, {
    appId: options.appId,
    version: options.version,
    firmName: options.firmName,
    validDomains: [...new Set(options.validDomains)],
  });
  problems.push(...filled.missing.map((name) => `manifest.template.json uses {{${name}}}, which has no value`));
  const manifest = filled.value;
  problems.push(...manifestSchemaProblems(manifest));

  const icons: [string, Buffer][] = [];
  for (const kind of ['color', 'outline'] as const) {
    const fileName = field(field(manifest, 'icons'), kind);
    if (typeof fileName !== 'string') continue; // the schema has already reported it
    const iconPath = join(teamsDir, fileName);
    if (!existsSync(iconPath)) {
      problems.push(`${kind} icon ${iconPath} not found`);
      continue;
    }
    const bytes = readFileSync(iconPath);
    problems.push(...iconProblems(kind, fileName, bytes));
    icons.push([fileName, bytes]);
  }

  if (problems.length > 0) throw new TeamsAppPackageError(problems);

  const zip = new AdmZip();
  const manifestBytes = Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`, 'utf8');
  for (const [name, content] of [['manifest.json', manifestBytes] as [string, Buffer], ...icons]) {
    zip.addFile(name, content).header.time = ZIP_ENTRY_TIME;
  }
  return zip.toBuffer();
}

function field(node: Json | undefined, key: string): Json | undefined {
  return node !== null && typeof node === 'object' && !Array.isArray(node) ? node[key] : undefined;
}

function iconProblems(kind: keyof typeof ICON_SIZES, fileName: string, bytes: Buffer): string[] {
  const expected = ICON_SIZES[kind];
  const size = pngSize(bytes);
  if (!size) return [`${kind} icon ${fileName} is not a PNG image`];
  if (size.width !== expected || size.height !== expected) {
    return [`${kind} icon ${fileName} is ${size.width}x${size.height}; Teams requires ${expected}x${expected}`];
  }
  return [];
}
