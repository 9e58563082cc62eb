#!/usr/bin/env node
// `npm run package`, and the packaging step of `npm start`: one path to dist/article-editor.vsix.
//
//   1. a production build (minified, no source maps) of the extension and its page;
//   2. the README for the package: the same text with its images (docs/images/*.png) inlined as
//      data: URLs, because the Extensions view shows only https: and data: images (its
//      webview's CSP and sanitizer), and an installed extension has no base URL for relative
//      links; the repository's README keeps its relative links;
//   3. vsce (its API, --no-dependencies: the bundles hold everything), files chosen by
//      .vscodeignore;
//   4. the .vsix's size and every file in it, with its size.
//
//   node scripts/package.mjs [--quiet]     --quiet prints only the size line
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, extname, join, relative, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);

export const VSIX = join(repoRoot, 'dist', 'article-editor.vsix');
/** The README that goes into the package (git-ignored, under dist/). */
export const PACKAGE_README = join(repoRoot, 'dist', 'package', 'README.md');

const IMAGE_TYPES = { '.png': 'image/png', '.jpg': 'image/jpeg', '.jpeg': 'image/jpeg', '.gif': 'image/gif', '.webp': 'image/webp' };

/**
 * The README with every relative image link `![alt](path)` replaced by a data: URL of the file
 * (`readImage(path)` gives its bytes). Links to other places and absolute URLs stay as they are.
 */
export function inlineImages(markdown, readImage) {
  return markdown.replace(/(!\[[^\]]*\]\()([^)\s]+)(\))/g, (whole, open, link, close) => {
    if (/^[a-z][a-z0-9+.-]*:/i.test(link) || link.startsWith('#') || link.startsWith('/')) return whole;
    const type = IMAGE_TYPES[extname(link).toLowerCase()];
    if (!type) return whole;
    return `${open}data:${type};base64,${readImage(decodeURI(link)).toString('base64')}${close}`;
  });
}

export const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;

/** Name and uncompressed size of every file in the .vsix (a zip), read with vsce's own yauzl. */
export async function vsixEntries(path) {
  const yauzl = createRequire(require.resolve('@vscode/vsce'))('yauzl');
  const zip = await new Promise((ok, fail) => yauzl.open(path, { lazyEntries: true }, (error, z) => (error ? fail(error) : ok(z))));
  return new Promise((ok, fail) => {
    const entries = [];
    zip.on('entry', (entry) => {
      entries.push({ name: entry.fileName, size: entry.uncompressedSize });
      zip.readEntry();
    });
    zip.on('end', () => ok(entries));
    zip.on('error', fail);
    zip.readEntry();
  });
}

function run(command, args) {
  const result = spawnSync(command, args, { cwd: repoRoot, stdio: 'inherit' });
  if (result.status !== 0) throw new Error(`\`${[command, ...args].join(' ')}\` failed (exit code ${result.status ?? result.signal})`);
}

/** Builds for production and packages VSIX; prints its size (and, unless quiet, its files). */
export async function packageExtension({ quiet = false } = {}) {
  run(process.execPath, [join(repoRoot, 'esbuild.config.mjs'), '--production']);

  const readme = readFileSync(join(repoRoot, 'README.md'), 'utf8');
  mkdirSync(dirname(PACKAGE_README), { recursive: true });
  writeFileSync(PACKAGE_README, inlineImages(readme, (link) => readFileSync(join(repoRoot, link))));

  const { createVSIX } = require('@vscode/vsce');
  await createVSIX({
    cwd: repoRoot,
    packagePath: VSIX,
    dependencies: false,
    readmePath: relative(repoRoot, PACKAGE_README),
    // The images are inlined above; there is no public repository to point links at.
    rewriteRelativeLinks: false,
    allowMissingRepository: true,
  });

  const size = statSync(VSIX).size;
  const entries = await vsixEntries(VSIX);
  console.log(`${relative(repoRoot, VSIX)}: ${kb(size)}, ${entries.length} files`);
  if (!quiet) {
    const width = Math.max(...entries.map((e) => e.name.length));
    for (const e of entries) console.log(`  ${e.name.padEnd(width)}  ${kb(e.size).padStart(10)}`);
  }
  return { path: VSIX, size, entries };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  packageExtension({ quiet: process.argv.includes('--quiet') }).catch((error) => {
    console.error(`package: ${error instanceof Error ? error.message : error}`);
    process.exit(1);
  });
}
