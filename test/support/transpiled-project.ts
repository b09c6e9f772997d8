import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import ts from 'typescript';
import { PROJECT_ROOT } from './paths';

const PROJECT = PROJECT_ROOT;

/**
 * The project compiled the way `npm run build` and `npm run build:tools` lay it out (dist/src for
 * the service, dist-tools/{src,tools} for the tools, beside package.json), into a temporary
 * project, so tests that start the service or a tool as a child process leave the shared dist/
 * alone. Each file is transpiled on its own (isolatedModules makes that the JavaScript tsc emits),
 * without a type check, in about a second; node_modules, public/ and the vendored Web Chat
 * bundle are linked.
 */
export function transpiledProject(prefix = 'bot-build-'): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  transpile(dir, 'tsconfig.build.json', 'dist');
  transpile(dir, 'tsconfig.tools.json', 'dist-tools');
  copyFileSync(join(PROJECT, 'package.json'), join(dir, 'package.json'));
  symlinkSync(join(PROJECT, 'node_modules'), join(dir, 'node_modules'), 'dir');
  symlinkSync(join(PROJECT, 'public'), join(dir, 'public'), 'dir');
  // The Web Chat bundle the build vendors (jest's global setup has put it in the shared dist/).
  symlinkSync(join(PROJECT, 'dist', 'webchat'), join(dir, 'dist', 'webchat'), 'dir');
  return dir;
}

/** A child process's environment: what it needs to run, nothing of the developer's own. */
export function childEnvironment(variables: Record<string, string> = {}): Record<string, string> {
  return { PATH: process.env.PATH ?? '/usr/bin:/bin', HOME: process.env.HOME ?? '/tmp', ...variables };
}

function transpile(dir: string, tsconfig: string, outDir: string): void {
  const config = ts.getParsedCommandLineOfConfigFile(
    join(PROJECT, tsconfig),
    {},
    {
      ...ts.sys,
      onUnRecoverableConfigFileDiagnostic: (diagnostic) => {
        throw new Error(ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n'));
      },
    },
  );
  if (!config) throw new Error(`could not read ${tsconfig}`);
  for (const file of config.fileNames) {
    const { outputText } = ts.transpileModule(readFileSync(file, 'utf8'), {
      compilerOptions: { ...config.options, sourceMap: false, incremental: false },
      fileName: file,
    });
    const out = join(dir, outDir, relative(PROJECT, file)).replace(/\.ts$/, '.js');
    mkdirSync(dirname(out), { recursive: true });
    writeFileSync(out, outputText);
  }
}
