#!/usr/bin/env node
// `npm test`: build, type-check, lint, the unit tier (mocha in Node), the fault-injection tier
// (test/fault: dist/cli.js as a child process in temp folders, killed, raced, on a full disk), then
// the integration, web (the extension in the web worker extension host) and UI tiers in a real
// VS Code (scripts/vscode-host.mjs). Ends with one line per tier and a total:
// "total: N passed, M failed". Exit code 0 only when every tier ran tests and none failed.
//
//   node scripts/test.mjs            everything
//   node scripts/test.mjs --unit     build, checks and unit tests only (no VS Code)
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const results = join(root, 'test-results');
const unitOnly = process.argv.includes('--unit');

function run(title, command, args, env = process.env) {
  console.log(`\n=== ${title}`);
  const started = Date.now();
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', shell: false, env });
  console.log(`=== ${title}: ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return result.status === 0;
}

function counts(tier) {
  try {
    const { passed, failed } = JSON.parse(readFileSync(join(results, `${tier}.json`), 'utf8'));
    return { passed: Number(passed) || 0, failed: Number(failed) || 0 };
  } catch {
    return undefined;
  }
}

mkdirSync(results, { recursive: true });
for (const name of ['unit.json', 'fault.json', 'integration.json', 'web.json', 'ui.json', 'summary.txt']) rmSync(join(results, name), { force: true });

const npx = (args) => ['npx', ['--no-install', ...args]];
const checks = [
  // The VS Code tiers' Debian packages: installed now as root, or the command to run (before minutes of checks).
  ...(unitOnly ? [] : [['Debian packages', process.execPath, ['scripts/vscode-host.mjs', 'prerequisites', 'test']]]),
  ['build', process.execPath, ['esbuild.config.mjs', '--tests']],
  ['typecheck', ...npx(['tsc', '-p', '.', '--noEmit'])],
  ['typecheck webview', ...npx(['tsc', '-p', 'webview', '--noEmit'])],
  ['lint', ...npx(['eslint', '.'])],
];
for (const [title, command, args] of checks) {
  if (!run(title, command, args)) {
    console.error(`\n${title} failed`);
    console.log('0 passed, 1 failed');
    process.exit(1);
  }
}

// Unit tier: mocha's JSON counts go to test-results/unit.json through a tiny reporter hook.
const exited = { unit: run('unit tests', ...npx(['mocha', '--config', '.mocharc.json', '--require', 'scripts/mocha-counts.cjs'])) };
// Fault-injection tier: its own mocha run (slow child processes), counted like the others.
exited.fault = run(
  'fault-injection tests',
  ...npx(['mocha', '--no-config', '--timeout', '180000', '--require', 'scripts/mocha-counts.cjs', 'out/test/fault/**/*.test.js']),
  { ...process.env, MOCHA_COUNTS_TIER: 'fault' },
);
if (!unitOnly) {
  const vscodeOk = run('VS Code tiers (integration, web, UI)', process.execPath, ['scripts/vscode-host.mjs', 'test']);
  exited.integration = vscodeOk;
  exited.web = vscodeOk;
  exited.ui = vscodeOk;
}

console.log('\n=== summary');
let passed = 0;
let failed = 0;
const lines = [];
for (const tier of unitOnly ? ['unit', 'fault'] : ['unit', 'fault', 'integration', 'web', 'ui']) {
  const c = counts(tier) ?? { passed: 0, failed: 1 };
  if (c.passed + c.failed === 0) c.failed = 1; // a tier that ran no test is a failure
  if (!exited[tier] && (tier === 'unit' || tier === 'fault') && c.failed === 0) c.failed = 1; // e.g. a failing hook
  lines.push(`${tier}: ${c.passed} passed, ${c.failed} failed`);
  passed += c.passed;
  failed += c.failed;
}
const ok = failed === 0 && Object.values(exited).every(Boolean);
lines.push(`total: ${passed} passed, ${failed} failed`);
console.log(lines.join('\n'));
// .ci/run repeats this as its closing lines.
writeFileSync(join(results, 'summary.txt'), lines.join('\n') + '\n');
process.exit(ok ? 0 : 1);
