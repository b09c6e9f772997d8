import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import ts from 'typescript';

const PROJECT = join(__dirname, '..', '..');

/**
 * src/ compiled the way `npm run build` lays it out (dist/src/*.js beside package.json), into a
 * temporary project, so tests that start the real service as a child process leave the shared
 * dist/ alone. Each file is transpiled on its own (isolatedModules makes that the JavaScript tsc
 * emits), without a type check, in well under a second; node_modules and public/ are linked.
 */
export function transpiledProject(prefix = 'bot-build-'): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  const config = ts.getParsedCommandLineOfConfigFile(join(PROJECT, 'tsconfig.build.json'), {}, {
    ...ts.sys,
    onUnRecoverableConfigFileDiagnostic: (diagnostic) => {
      throw new Error(ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n'));
    },
  });
  if (!config) throw new Error('could not read tsconfig.build.json');
  for (const file of config.fileNames) {
    const { outputText } = ts.transpileModule(readFileSync(file, 'utf8'), {
      compilerOptions: { ...config.options, sourceMap: false, incremental: false },
      fileName: file,
    });
    const out = join(dir, 'dist', relative(PROJECT, file)).replace(/\.ts$/, '.js');
    mkdirSync(dirname(out), { recursive: true });
    writeFileSync(out, outputText);
  }
  copyFileSync(join(PROJECT, 'package.json'), join(dir, 'package.json'));
  symlinkSync(join(PROJECT, 'node_modules'), join(dir, 'node_modules'), 'dir');
  symlinkSync(join(PROJECT, 'public'), join(dir, 'public'), 'dir');
  // The Web Chat bundle the build vendors (jest's global setup has put it in the shared dist/).
  symlinkSync(join(PROJECT, 'dist', 'webchat'), join(dir, 'dist', 'webchat'), 'dir');
  return dir;
}
