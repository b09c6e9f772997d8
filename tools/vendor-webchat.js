#!/usr/bin/env node
// Copies Microsoft's Web Chat browser bundle out of node_modules into dist/webchat at build
// time, so the service serves it without botframework-webchat (and its ~390 packages) in the
// production dependency tree. Plain JavaScript: it runs before anything is compiled.
'use strict';
const { copyFileSync, existsSync, mkdirSync, readFileSync, statSync, writeFileSync } = require('node:fs');
const { dirname, join } = require('node:path');

const root = join(__dirname, '..');
const packageDir = dirname(dirname(require.resolve('botframework-webchat', { paths: [root] })));
const { version } = JSON.parse(readFileSync(join(packageDir, 'package.json'), 'utf8'));
const target = join(root, 'dist', 'webchat');
const files = ['webchat.js', 'webchat.js.LICENSE.txt'];

const manifestPath = join(target, 'version.json');
const current = existsSync(manifestPath) ? JSON.parse(readFileSync(manifestPath, 'utf8')) : {};
const upToDate =
  current.version === version &&
  files.every((file) => existsSync(join(target, file)) && statSync(join(target, file)).size === statSync(join(packageDir, 'dist', file)).size);
if (!upToDate) {
  mkdirSync(target, { recursive: true });
  for (const file of files) copyFileSync(join(packageDir, 'dist', file), join(target, file));
  writeFileSync(manifestPath, `${JSON.stringify({ version }, null, 2)}\n`);
}
