#!/usr/bin/env node
// `npm run screenshots`: the README's pictures (docs/images/) and the walkthrough's
// (media/walkthrough/) are the UI tests' screenshots, never pasted by hand. This runs the UI tier
// (which saves them as test-results/NAME.png) and copies each named one into place.
//
//   node scripts/screenshots.mjs            run the UI tier, then copy
//   node scripts/screenshots.mjs --copy     only copy what the last UI run left in test-results/
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** test-results/<UI test's name>.png → where it is shown. */
export const SCREENSHOTS = {
  outline: 'docs/images/outline.png',
  export: 'docs/images/export.png',
  'editor-open': 'docs/images/editor.png',
  'editor-outline': 'docs/images/editor-outline.png',
  articles: 'docs/images/articles.png',
  'walkthrough-open': 'media/walkthrough/open.png',
  'walkthrough-outline': 'media/walkthrough/outline.png',
  'walkthrough-editor': 'media/walkthrough/editor.png',
  'walkthrough-normalize': 'media/walkthrough/normalize.png',
  'walkthrough-export-folder': 'media/walkthrough/export-folder.png',
};

if (!process.argv.includes('--copy')) {
  const steps = [
    ['npm', ['run', 'build']],
    [process.execPath, ['esbuild.config.mjs', '--tests']],
    [process.execPath, ['scripts/vscode-host.mjs', 'test', 'ui']],
  ];
  for (const [command, args] of steps) {
    const run = spawnSync(command, args, { cwd: root, stdio: 'inherit' });
    if (run.status !== 0) {
      console.error(`screenshots: \`${[command, ...args].join(' ')}\` failed; nothing copied`);
      process.exit(1);
    }
  }
}

const missing = [];
for (const [name, target] of Object.entries(SCREENSHOTS)) {
  const source = join(root, 'test-results', `${name}.png`);
  if (!existsSync(source)) {
    missing.push(name);
    continue;
  }
  mkdirSync(dirname(join(root, target)), { recursive: true });
  copyFileSync(source, join(root, target));
  console.log(`test-results/${name}.png → ${target}`);
}
if (missing.length > 0) {
  console.error(`screenshots: no test-results/${missing.join('.png, ')}.png (did their UI tests pass?)`);
  process.exit(1);
}
