#!/usr/bin/env node
// The integration suite (out/test/integration/index.js) in desktop VS Code via @vscode/test-electron.
// Needs internet (it downloads VS Code into .vscode-test/) and a display (or xvfb-run); on an
// offline machine use `npm run test:vscode` (code-server, scripts/vscode-host.mjs) instead.
// Expects `npm run build` and `node esbuild.config.mjs --tests` to have run.
//
// Environment: VSCODE_VERSION (default "stable").
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { downloadAndUnzipVSCode, runTests, SilentReporter } from '@vscode/test-electron';
import { createWorkspace, repoRoot, runCleanups } from './vscode-host.mjs';

const extensionTestsPath = join(repoRoot, 'out', 'test', 'integration', 'index.js');
const version = process.env.VSCODE_VERSION || 'stable';

async function main() {
  if (!existsSync(extensionTestsPath)) {
    console.error('test-electron: out/test/integration/index.js is missing: run `npm run build && node esbuild.config.mjs --tests` first');
    return 1;
  }

  let vscodeExecutablePath;
  try {
    vscodeExecutablePath = await downloadAndUnzipVSCode({
      version,
      cachePath: join(repoRoot, '.vscode-test'),
      reporter: new SilentReporter(),
      timeout: 30_000,
    });
  } catch (error) {
    const reason = (error instanceof Error ? error.message : String(error)).split('\n')[0];
    console.error(`test-electron: desktop VS Code (${version}) could not be downloaded (${reason}); offline, run \`npm run test:vscode\` instead`);
    return 1;
  }

  // The same workspace layout as the code-server run: seeds/ at the root, test/fixtures/ as fixtures/.
  const workspace = createWorkspace();
  try {
    await runTests({
      vscodeExecutablePath,
      extensionDevelopmentPath: repoRoot,
      extensionTestsPath,
      launchArgs: [workspace, '--disable-extensions', '--disable-workspace-trust', '--skip-welcome', '--skip-release-notes'],
    });
    return 0;
  } catch (error) {
    console.error(`test-electron: ${error instanceof Error ? error.message : error}`);
    return 1;
  }
}

const code = await main();
await runCleanups();
process.exit(code);
