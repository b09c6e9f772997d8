import { copyFileSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import AdmZip from 'adm-zip';
import { AppManifestUtils } from '@microsoft/app-manifest';

// @microsoft/app-manifest requires strip-bom, which is ES-module only and which jest's CommonJS
// runtime cannot load; the validator used here never strips a BOM, so a stand-in is enough.
jest.mock('strip-bom', () => ({ __esModule: true, default: (text: string) => text.replace(/^\uFEFF/, '') }));
import {
  buildTeamsAppPackage,
  TeamsAppPackageError,
  type TeamsAppPackageOptions,
} from '../../../tools/teams-package/app-package';
import { pngSize } from '../../../tools/teams-package/png-size';

const APP_ID = '3f2a1b0c-4d5e-4f60-8a7b-9c0d1e2f3a4b';
const options: TeamsAppPackageOptions = {
  appId: APP_ID,
  version: '1.2.3',
  firmName: 'Lakeside Tax Partners',
  validDomains: ['support.lakeside.example'],
};

interface Manifest {
  manifestVersion: string;
  id: string;
  developer: { name: string };
  name: { short: string; full: string };
  validDomains: string[];
  bots: { botId: string; scopes: string[]; commandLists: { scopes: string[]; commands: { title: string }[] }[] }[];
}

function unzip(zip: Buffer): Map<string, Buffer> {
  return new Map(new AdmZip(zip).getEntries().map((entry) => [entry.entryName, entry.getData()]));
}

function problemsOf(build: () => Buffer): string[] {
  try {
    build();
  } catch (error) {
    if (error instanceof TeamsAppPackageError) return error.problems;
    throw error;
  }
  throw new Error('expected the build to fail');
}

/** A copy of teams/ that a test may break without touching the real one. */
function teamsCopy(): string {
  const dir = mkdtempSync(join(tmpdir(), 'teams-package-'));
  for (const file of readdirSync('teams')) copyFileSync(join('teams', file), join(dir, file));
  return dir;
}

describe('buildTeamsAppPackage', () => {
  const realFetch = globalThis.fetch;
  beforeAll(() => {
    // Validation must work offline: any attempt to download a schema fails the test.
    globalThis.fetch = () => Promise.reject(new Error('network access during manifest validation'));
  });
  afterAll(() => {
    globalThis.fetch = realFetch;
  });

  let files: Map<string, Buffer>;
  let manifest: Manifest;
  beforeAll(() => {
    files = unzip(buildTeamsAppPackage(options));
    manifest = JSON.parse(files.get('manifest.json')!.toString('utf8')) as Manifest;
  });

  it('puts manifest.json and the two icons at the zip root', () => {
    expect([...files.keys()].sort()).toEqual(['color.png', 'manifest.json', 'outline.png']);
  });

  it('produces a manifest that the official schema accepts, checked independently of the builder', async () => {
    // With no schema given, the package's validator loads the schema named by $schema from its own copy.
    expect(
      await AppManifestUtils.validateAgainstSchema(
        manifest as unknown as Parameters<typeof AppManifestUtils.validateAgainstSchema>[0],
      ),
    ).toEqual([]);
    expect(manifest.manifestVersion).toBe('1.30');
  });

  it('fills the app id, firm and domains', () => {
    expect(manifest.id).toBe(APP_ID);
    expect(manifest.bots[0].botId).toBe(APP_ID);
    expect(manifest.developer.name).toBe('Lakeside Tax Partners');
    expect(manifest.name.full).toContain('Lakeside Tax Partners');
    expect(manifest.validDomains).toEqual(['support.lakeside.example']);
    expect(JSON.stringify(manifest)).not.toMatch(/\{\{/);
  });

  it('offers the bot in personal chat, teams and group chats, with reset in personal chat only', () => {
    const bot = manifest.bots[0];
    expect(bot.scopes.sort()).toEqual(['groupChat', 'personal', 'team']);
    const titles = (scope: string) =>
      bot.commandLists
        .filter((list) => list.scopes.includes(scope))
        .flatMap((list) => list.commands.map((c) => c.title));
    expect(titles('personal')).toEqual(
      expect.arrayContaining([
        'how do I start registering',
        'what do I need',
        'help desk hours',
        'activation code by mail',
        'reset',
      ]),
    );
    expect(titles('team')).not.toContain('reset');
    expect(titles('groupChat')).not.toContain('reset');
    expect(titles('team')).toContain('how do I start registering');
  });

  it('packs icons of the sizes Teams requires', () => {
    expect(pngSize(files.get('color.png')!)).toEqual({ width: 192, height: 192 });
    expect(pngSize(files.get('outline.png')!)).toEqual({ width: 32, height: 32 });
  });

  it('lists no domains when there are none', () => {
    const zip = unzip(buildTeamsAppPackage({ ...options, validDomains: [] }));
    expect((JSON.parse(zip.get('manifest.json')!.toString('utf8')) as Manifest).validDomains).toEqual([]);
  });

  it('builds the same bytes every time', () => {
    expect(buildTeamsAppPackage(options).equals(buildTeamsAppPackage(options))).toBe(true);
  });

  it.each<[string, Partial<TeamsAppPackageOptions>, RegExp[]]>([
    [
      'an app id that is not a GUID',
      { appId: 'my-support-bot' },
      [/\/id must match pattern/, /\/bots\/0\/botId must match pattern/],
    ],
    [
      'a firm name too long for Teams',
      { firmName: 'Smith, Johnson & Associates Certified Public Accountants LLP' },
      [/\/developer\/name must NOT have more than 32 characters/],
    ],
    ['a version that is not MAJOR.MINOR.PATCH', { version: '1.0' }, [/version "1\.0" must be MAJOR\.MINOR\.PATCH/]],
    [
      'a domain written as a URL',
      { validDomains: ['https://support.lakeside.example/bot'] },
      [/valid domain "https:\/\/support\.lakeside\.example\/bot" must be a host name/],
    ],
  ])('refuses %s, naming the problem', (_name, change, expected) => {
    const problems = problemsOf(() => buildTeamsAppPackage({ ...options, ...change }));
    for (const pattern of expected) expect(problems).toContainEqual(expect.stringMatching(pattern));
  });

  it('names every problem in the error message', () => {
    const build = () => buildTeamsAppPackage({ ...options, appId: 'nope', version: 'x' });
    expect(build).toThrow(/^Invalid Teams app package:\n/);
    expect(build).toThrow(/- manifest\.json \/id must match pattern/);
    expect(build).toThrow(/- version "x" must be MAJOR\.MINOR\.PATCH/);
  });

  describe('with a broken teams folder', () => {
    let dir: string;
    beforeEach(() => {
      dir = teamsCopy();
    });
    afterEach(() => rmSync(dir, { recursive: true, force: true }));

    it('refuses icons of the wrong size', () => {
      copyFileSync(join(dir, 'color.png'), join(dir, 'outline.png'));
      expect(problemsOf(() => buildTeamsAppPackage({ ...options, teamsDir: dir }))).toEqual([
        'outline icon outline.png is 192x192; Teams requires 32x32',
      ]);
    });

    it('refuses an icon that is not a PNG', () => {
      writeFileSync(join(dir, 'color.png'), 'not an image');
      expect(problemsOf(() => buildTeamsAppPackage({ ...options, teamsDir: dir }))).toEqual([
        'color icon color.png is not a PNG image',
      ]);
    });

    it('refuses a template that breaks the schema or uses an unknown placeholder', () => {
      const template = JSON.parse(readFileSync(join(dir, 'manifest.template.json'), 'utf8')) as Record<string, unknown>;
      writeFileSync(
        join(dir, 'manifest.template.json'),
        JSON.stringify({ ...template, accentColor: 'blue', unexpected: '{{mystery}}' }),
      );
      const problems = problemsOf(() => buildTeamsAppPackage({ ...options, teamsDir: dir }));
      expect(problems).toContainEqual(expect.stringMatching(/uses \{\{mystery\}\}, which has no value/));
      expect(problems).toContainEqual(expect.stringMatching(/\/accentColor must match pattern/));
      expect(problems).toContainEqual(expect.stringMatching(/must NOT have additional properties.*unexpected/));
    });

    it('refuses a manifest version with no schema in the package', () => {
      const template = JSON.parse(readFileSync(join(dir, 'manifest.template.json'), 'utf8')) as Record<string, unknown>;
      writeFileSync(join(dir, 'manifest.template.json'), JSON.stringify({ ...template, manifestVersion: '9.99' }));
      expect(problemsOf(() => buildTeamsAppPackage({ ...options, teamsDir: dir }))).toEqual([
        expect.stringMatching(/manifestVersion "9\.99" has no schema in @microsoft\/app-manifest/),
      ]);
    });
  });
});
