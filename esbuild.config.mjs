// Bundles the extension, the CLI and (with --tests) the test and bench entry points.
// Usage: node esbuild.config.mjs [--production] [--watch] [--tests]
// --production: minified, no source maps, and the size of each bundle printed (what the .vsix ships).
import * as esbuild from 'esbuild';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const args = new Set(process.argv.slice(2));
const production = args.has('--production');
const watch = args.has('--watch');

/** All files below `dir` whose name ends with one of `suffixes`. */
function filesUnder(dir, suffixes) {
  const found = [];
  let names = [];
  try {
    names = readdirSync(dir);
  } catch {
    return found;
  }
  for (const name of names) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) found.push(...filesUnder(path, suffixes));
    else if (suffixes.some((s) => name.endsWith(s))) found.push(path);
  }
  return found;
}

const { version } = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8'));

const common = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  sourcemap: !production,
  minify: production,
  logLevel: 'warning',
  external: ['vscode'],
  // `article --version` prints the package's version.
  define: { 'process.env.ARTICLE_VERSION': JSON.stringify(version) },
};

/**
 * parse5 (half of the extension's code, needed only for a paragraph with real markup) loads on
 * first use: the extension's `parse5` imports go to src/lazy/parse5.ts, whose own require is, in
 * the Node bundle, dist/parse5.js (`separate`), and in the web bundle parse5 inlined (evaluated on
 * first use: the web worker host loads one file).
 */
function lazyParse5({ separate }) {
  const shim = fileURLToPath(new URL('./src/lazy/parse5.ts', import.meta.url));
  return {
    name: 'lazy-parse5',
    setup(build) {
      build.onResolve({ filter: /^parse5$/ }, (args) => {
        if (args.importer !== shim) return { path: shim };
        return separate ? { path: './parse5.js', external: true } : undefined;
      });
    },
  };
}

const builds = [
  { ...common, entryPoints: { extension: 'src/extension.ts' }, outdir: 'dist', plugins: [lazyParse5({ separate: true })] },
  // parse5 for the Node bundle, loaded by src/lazy/parse5.ts on first use.
  { ...common, entryPoints: { parse5: 'node_modules/parse5/dist/index.js' }, outdir: 'dist' },
  // The Article Editor's page: its own browser bundle (webview/ has its own tsconfig with DOM).
  {
    ...common,
    platform: 'browser',
    format: 'iife',
    target: 'chrome120',
    external: [],
    entryPoints: { editor: 'webview/main.ts' },
    outdir: 'media',
    tsconfig: 'webview/tsconfig.json',
  },
  { ...common, entryPoints: { cli: 'src/cli.ts' }, outdir: 'dist', banner: { js: '#!/usr/bin/env node' } },
  // The pure core as a library: package.json "exports"."./core" (declarations: tsconfig.core.json).
  { ...common, entryPoints: { 'core/index': 'src/core/index.ts' }, outdir: 'dist' },
  // The CLI's worker threads (src/cli/workerMain.ts): only what a worker runs, always minified, so
  // each worker starts fast.
  { ...common, minify: true, entryPoints: { worker: 'src/cli/workerMain.ts' }, outdir: 'dist' },
  // The web entry (package.json `browser`) for the web worker extension host: no Node there, so
  // platform browser makes any `node:*` import (src/node, worker threads) a build error.
  {
    ...common,
    platform: 'browser',
    target: 'es2022',
    entryPoints: { extension: 'src/extension.web.ts' },
    outdir: 'dist/web',
    plugins: [lazyParse5({ separate: false })],
    define: { ...common.define, 'process.env.NODE_ENV': '"production"' },
  },
];

if (args.has('--tests')) {
  // Tests and benchmarks: one bundle per entry file, the tree mirrored under out/.
  // mocha, playwright-core, fast-check and markdown-it stay external (loaded from node_modules at run time).
  const entries = [
    ...filesUnder('test', ['.test.ts', 'index.ts', '.ui.ts']).filter((file) => !file.startsWith(join('test', 'web'))),
    ...filesUnder('bench', ['.ts']),
    ...filesUnder('test/support', ['.ts']),
  ];
  builds.push({
    ...common,
    sourcemap: true,
    minify: false,
    entryPoints: [...new Set(entries)],
    outdir: 'out',
    outbase: '.',
    external: ['vscode', 'mocha', 'playwright-core', 'fast-check', 'markdown-it'],
  });
  // The web tier (scripts/vscode-host.mjs test web): the integration suite's web-safe part in the
  // web worker extension host, one browser bundle with mocha's browser build inside; the suite's
  // Node imports point at stand-ins (node:assert/strict) or at stubs its Node-only test skips past.
  builds.push({
    ...common,
    platform: 'browser',
    target: 'es2022',
    sourcemap: 'inline',
    minify: false,
    entryPoints: { 'test/web/index': 'test/web/index.ts' },
    outdir: 'out',
    alias: { 'node:assert/strict': './test/web/assert.ts', 'node:fs': './test/web/nodeFs.ts' },
  });
}

if (watch) {
  for (const options of builds) {
    const ctx = await esbuild.context(options);
    await ctx.watch();
  }
  console.log('esbuild: watching');
} else {
  const started = Date.now();
  const results = await Promise.all(builds.map((options) => esbuild.build({ ...options, metafile: production })));
  console.log(`esbuild: built ${builds.length} bundle set(s)${production ? ' for production' : ''} in ${Date.now() - started} ms`);
  if (production) {
    for (const { metafile } of results) {
      for (const [file, { bytes }] of Object.entries(metafile.outputs)) console.log(`  ${file}  ${(bytes / 1024).toFixed(1)} KB`);
    }
  }
}
