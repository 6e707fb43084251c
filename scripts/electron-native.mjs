// Builds better-sqlite3 for the installed Electron into .electron-native/better-sqlite3, leaving
// node_modules/better-sqlite3 built for Node, which the tests, the CLI and the browser host load.
// src-main/electron/main.ts loads this build in development; electron-builder ships it (extraResources).
//
// Tries better-sqlite3's own way first — a prebuilt binary for Electron from its GitHub releases, so a
// user's PC needs no compiler — then compiles with node-gyp against Electron's headers.
// Skips all of it when the stamp says this build is already there.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const source = path.join(root, 'node_modules', 'better-sqlite3');
const target = path.join(root, '.electron-native', 'better-sqlite3');
const binary = path.join(target, 'build', 'Release', 'better_sqlite3.node');
const stampFile = path.join(target, 'electron-build.json');

const readJson = (file) => JSON.parse(fs.readFileSync(file, 'utf8'));
const wanted = {
  electron: readJson(require.resolve('electron/package.json')).version,
  betterSqlite3: readJson(path.join(source, 'package.json')).version,
  platform: process.platform,
  arch: process.arch,
};
const label = `better-sqlite3 ${wanted.betterSqlite3} for Electron ${wanted.electron} (${wanted.platform}-${wanted.arch})`;

function alreadyBuilt() {
  try {
    return fs.existsSync(binary) && JSON.stringify(readJson(stampFile)) === JSON.stringify(wanted);
  } catch {
    return false;
  }
}

function run(script, args) {
  console.log(`> ${path.relative(root, script)} ${args.join(' ')}`);
  return spawnSync(process.execPath, [script, ...args], { cwd: target, stdio: 'inherit' }).status === 0;
}

if (alreadyBuilt()) {
  console.log(`${label}: already built`);
  process.exit(0);
}

console.log(`${label}: building in ${path.relative(root, target)}`);
fs.rmSync(target, { recursive: true, force: true });
// Everything but the Node build: a failed Electron build must leave no binary of the wrong ABI behind.
fs.cpSync(source, target, { recursive: true, filter: (file) => !file.startsWith(path.join(source, 'build')) });

const electronTarget = [`--runtime=electron`, `--target=${wanted.electron}`, `--arch=${wanted.arch}`];
const built =
  run(require.resolve('prebuild-install/bin.js', { paths: [source] }), [...electronTarget, `--platform=${wanted.platform}`]) ||
  run(require.resolve('node-gyp/bin/node-gyp.js'), ['rebuild', '--release', ...electronTarget, '--dist-url=https://electronjs.org/headers']);

if (!built || !fs.existsSync(binary)) {
  console.error(`
Could not build ${label}.
Electron cannot open the database without it. Both ways need the internet:
  - a prebuilt binary from https://github.com/WiseLibs/better-sqlite3/releases, or
  - Electron's headers from https://electronjs.org/headers plus a C++ toolchain
    (Windows: Visual Studio Build Tools with "Desktop development with C++" and Python; Linux: build-essential and python3).
Once online (with the toolchain for the second way), run: node scripts/electron-native.mjs
Without Electron, \`npm run web -- --db FILE --port 0\` runs the app in a browser.`);
  process.exit(1);
}

fs.writeFileSync(stampFile, `${JSON.stringify(wanted, null, 2)}\n`);
console.log(`${label}: built ${path.relative(root, binary)}`);
