// Builds the main-process entries with esbuild and the renderer with Vite, into dist/.
import { build as esbuild } from 'esbuild';
import { build as viteBuild } from 'vite';
import fs from 'node:fs';

const quiet = process.argv.includes('--quiet');
const external = ['electron', 'better-sqlite3', 'exceljs', 'opencc-js', 'pinyin-pro'];
const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  sourcemap: true,
  external,
  logLevel: quiet ? 'error' : 'info',
};

await Promise.all([
  esbuild({
    ...common,
    format: 'esm',
    entryPoints: {
      'electron/main': 'src-main/electron/main.ts',
      'host/web': 'src-main/host/web.ts',
      'cli/baobei': 'src-main/cli/baobei.ts',
    },
    outdir: 'dist',
    outExtension: { '.js': '.js' },
    // ESM bundles still meet CommonJS dependencies (kysely's helpers, commander): give them require.
    banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" },
  }),
  // A sandboxed preload cannot be an ES module.
  esbuild({ ...common, format: 'cjs', entryPoints: { 'electron/preload': 'src-main/electron/preload.ts' }, outdir: 'dist', outExtension: { '.js': '.cjs' } }),
  viteBuild({ configFile: 'vite.config.ts', logLevel: quiet ? 'error' : 'info' }),
]);
fs.chmodSync('dist/cli/baobei.js', 0o755);
