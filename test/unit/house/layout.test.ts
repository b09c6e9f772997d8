import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { projectRoot } from '../../../src/project-root';

/**
 * The house rules of docs/architecture.md, checked on every run so they stay true: the Bot
 * Framework only at the edge, no devDependency in the shipped service, and folders that depend
 * downwards only.
 */
const PROJECT_ROOT = projectRoot();
const SRC = join(PROJECT_ROOT, 'src');
const EDGE = ['src/bot/', 'src/state/', 'src/http/server.ts'];
/** Files at the top of src/: the composition root and the process may import any folder. */
const ROOTS = new Set(['src/service.ts', 'src/main.ts']);

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith('.ts') ? [path] : [];
  });
}

const files = sourceFiles(SRC).map((path) => ({
  path: relative(PROJECT_ROOT, path),
  // `import … from 'x'`, `export … from 'x'`, `import 'x'` and `require('x')`.
  imports: [
    ...readFileSync(path, 'utf8').matchAll(
      /^(?:import|export)[^;]*?from '([^']+)';|^import '([^']+)';|require\('([^']+)'\)/gms,
    ),
  ].map((m) => m[1] ?? m[2] ?? m[3]),
}));

/** The part of src/ a file belongs to: its first folder, or the file itself at the top. */
function partOf(path: string): string {
  const [, first, second] = path.split('/');
  return second === undefined ? first.replace(/\.ts$/, '') : first;
}

it('reads the service (a sanity check of this test itself)', () => {
  expect(files.length).toBeGreaterThan(100);
  expect(files.find((file) => file.path === 'src/service.ts')?.imports).toContain('./bot/create-bot');
});

it('imports the Bot Framework SDK only in src/bot, src/state and src/http/server.ts', () => {
  const sdk = files.filter((file) => file.imports.some((name) => /^(botbuilder|botframework-)/.test(name)));
  expect(sdk.length).toBeGreaterThan(0);
  expect(sdk.map((file) => file.path).filter((path) => !EDGE.some((edge) => path.startsWith(edge)))).toEqual([]);
});

it('imports no devDependency in src/ (the shipped service)', () => {
  const manifest = JSON.parse(readFileSync(join(PROJECT_ROOT, 'package.json'), 'utf8')) as {
    devDependencies: Record<string, string>;
  };
  const dev = new Set(Object.keys(manifest.devDependencies));
  const packageOf = (name: string) => (name.startsWith('@') ? name.split('/').slice(0, 2) : name.split('/')).join('/');
  const offending = files.flatMap((file) =>
    file.imports
      .filter((name) => !name.startsWith('.') && dev.has(packageOf(name)))
      .map((name) => `${file.path}: ${name}`),
  );
  expect(offending).toEqual([]);
});

it('has no cycle between the parts of src/ (folders depend downwards only)', () => {
  const arrows = new Map<string, Set<string>>();
  for (const file of files) {
    if (ROOTS.has(file.path)) continue;
    const from = partOf(file.path);
    for (const name of file.imports.filter((imported) => imported.startsWith('.'))) {
      const target = relative(PROJECT_ROOT, resolve(dirname(join(PROJECT_ROOT, file.path)), name));
      const to = partOf(target);
      if (to !== from) arrows.set(from, (arrows.get(from) ?? new Set()).add(to));
    }
  }
  expect(arrows.size).toBeGreaterThan(5);
  const cycles: string[] = [];
  const visit = (part: string, trail: string[]) => {
    if (trail.includes(part)) {
      cycles.push([...trail.slice(trail.indexOf(part)), part].join(' -> '));
      return;
    }
    for (const next of arrows.get(part) ?? []) visit(next, [...trail, part]);
  };
  for (const part of arrows.keys()) visit(part, []);
  expect([...new Set(cycles)]).toEqual([]);
});
