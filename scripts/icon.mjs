#!/usr/bin/env node
// Renders media/icon.svg (the extension's icon, drawn by hand) to media/icon.png, 128×128, with
// Debian's Chromium through playwright-core (as the UI tests use it). The Marketplace and vsce
// want a PNG; the SVG is the source. Run after changing the SVG: `node scripts/icon.mjs`.
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createStateDir, launchBrowser, runCleanups } from './vscode-host.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const svg = readFileSync(join(root, 'media', 'icon.svg'), 'utf8');
try {
  const { page } = await launchBrowser({ stateDir: createStateDir('icon'), viewport: { width: 128, height: 128 } });
  await page.setContent(`<html><body style="margin:0;background:transparent">${svg}</body></html>`);
  await page.locator('svg').screenshot({ path: join(root, 'media', 'icon.png'), omitBackground: true });
  console.log('media/icon.png: 128×128 from media/icon.svg');
} finally {
  await runCleanups();
}
