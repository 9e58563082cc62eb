#!/usr/bin/env node
// The activation time on opening an article, as the extension host records it (`npm run bench --
// --filter activation` runs this; bench/activation.bench.ts prints the result):
//
//   node scripts/bench-activation.mjs [--runs N] [--json]
//
// Packages the production .vsix (as `npm start` does), installs it into a fresh code-server, and
// per run starts code-server on an empty folder (no .txt, so `workspaceContains` activates
// nothing) with bench/activation-probe.ts as the extension host's test module: it opens the real
// seed from beside that folder and reads the host's own performance marks for the extension
// (code loading, the activate call). Also prints the size of both production bundles.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { packageExtension } from './package.mjs';
import { createStateDir, installCodeServer, launchBrowser, repoRoot, runCleanups, startCodeServer, stateEnv, workbenchUrl } from './vscode-host.mjs';

const RESULT = /^ARTICLE_BENCH_RESULT (\{.*\})\s*$/;
const argv = process.argv.slice(2);
const runs = Number(argv[argv.indexOf('--runs') + 1]) || 3;
const json = argv.includes('--json');
const say = (line) => (json ? process.stderr : process.stdout).write(line + '\n');

async function main() {
  const entry = await installCodeServer();
  await packageExtension({ quiet: true });
  const sizes = Object.fromEntries(['dist/extension.js', 'dist/web/extension.js'].map((file) => [file, statSync(join(repoRoot, file)).size]));

  const base = createStateDir('bench-activation');
  const extensionsDir = join(base, 'extensions');
  const install = spawnSync(process.execPath, [entry, '--user-data-dir', join(base, 'user-data'), '--extensions-dir', extensionsDir, '--install-extension', join(repoRoot, 'dist', 'article-editor.vsix'), '--force'], {
    cwd: base,
    env: stateEnv(base),
    stdio: json ? ['ignore', 'ignore', 'inherit'] : 'inherit',
  });
  if (install.status !== 0) throw new Error('code-server --install-extension failed');
  const installed = readdirSync(extensionsDir).find((name) => name.startsWith('article-editor.article-editor-'));
  if (!installed) throw new Error(`no article-editor folder in ${extensionsDir}`);
  const extension = join(extensionsDir, installed);

  const results = [];
  for (let run = 1; run <= runs; run++) {
    const stateDir = createStateDir('bench-activation-run');
    const workspace = join(stateDir, 'workspace');
    mkdirSync(workspace, { recursive: true });
    writeFileSync(join(workspace, 'README.md'), 'No article here: the probe opens ../article/.\n');
    mkdirSync(join(stateDir, 'article'));
    cpSync(join(repoRoot, 'seeds', '000_5edd2806a98033fb.txt'), join(stateDir, 'article', '000_5edd2806a98033fb.txt'));
    const server = await startCodeServer({ folder: workspace, stateDir, extensionsDir: join(stateDir, 'no-extensions') });
    const { page, close } = await launchBrowser({ stateDir });
    let result;
    let exit;
    const errors = [];
    const exited = new Promise((resolve) => (exit = resolve));
    await page.exposeFunction('codeAutomationLog', (type, args) => {
      const line = (Array.isArray(args) ? args : [args]).map(String).join(' ').replace(/^%c\[[^\]]*\]\s?/, '');
      if (type === 'error') errors.push(line.slice(0, 300));
      const match = RESULT.exec(line);
      if (match) result = JSON.parse(match[1]);
    });
    await page.exposeFunction('codeAutomationExit', (code) => exit(Number(code)));
    await page.goto(workbenchUrl({ port: server.port, folder: workspace, extensionDevelopmentPath: extension, extensionTestsPath: join(repoRoot, 'out', 'bench', 'activation-probe.js') }));
    const code = await Promise.race([exited, new Promise((resolve) => setTimeout(() => resolve('timeout'), 120_000))]);
    await close();
    await server.stop();
    if (code !== 0 || !result) throw new Error(`run ${run}: the probe ended with ${code} and ${result ? 'a' : 'no'} result${errors.length ? `:\n  ${errors.slice(-5).join('\n  ')}` : ''}`);
    say(`run ${run}: activation ${result.activationMs} ms (code loading ${result.codeLoadingMs} ms, activate() ${result.activateCallMs} ms; ${result.wallMs} ms with the context's set-up)`);
    results.push(result);
  }
  for (const [file, bytes] of Object.entries(sizes)) say(`${file}: ${(bytes / 1024).toFixed(1)} KB (production)`);
  if (json) console.log(JSON.stringify({ runs: results, sizes }));
}

main().then(
  async () => {
    await runCleanups();
    process.exit(0);
  },
  async (error) => {
    console.error(`[bench-activation] ${error?.message ?? error}`);
    await runCleanups();
    process.exit(1);
  },
);
