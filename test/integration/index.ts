/**
 * The integration suite's entry point, loaded by the extension host as `extensionTestsPath`
 * (code-server via scripts/vscode-host.mjs, or desktop VS Code via scripts/test-electron.mjs).
 *
 * Runs mocha (BDD) over every `*.test.js` bundle beside this one (out/test/integration/**),
 * writes test-results/integration.json = {"passed","failed","pending"} and rejects when a test
 * failed. The workspace is a temp copy of seeds/ (files at its root) with test/fixtures/ as
 * `fixtures/`. Tests must use only the `vscode` API, so they run the same in either host.
 */
import { existsSync, mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import Mocha from 'mocha';

function testFiles(dir: string): string[] {
  const found: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) found.push(...testFiles(path));
    else if (name.endsWith('.test.js')) found.push(path);
  }
  return found;
}

/** The nearest folder above `dir` whose package.json is this extension's. */
function repoRoot(dir: string): string {
  for (;;) {
    const manifest = join(dir, 'package.json');
    if (existsSync(manifest) && (JSON.parse(readFileSync(manifest, 'utf8')) as { name?: string }).name === 'article-editor') return dir;
    if (dirname(dir) === dir) throw new Error(`no article-editor package.json above ${__dirname}`);
    dir = dirname(dir);
  }
}

export function run(): Promise<void> {
  const mocha = new Mocha({ ui: 'bdd', reporter: 'spec', timeout: 30_000, color: false });
  const files = testFiles(__dirname);
  for (const file of files) mocha.addFile(file);
  const results = join(repoRoot(__dirname), 'test-results');

  return new Promise((resolve, reject) => {
    try {
      const runner = mocha.run((failures) => {
        const { passes = 0, pending = 0 } = runner.stats ?? {};
        mkdirSync(results, { recursive: true });
        writeFileSync(join(results, 'integration.json'), JSON.stringify({ passed: passes, failed: failures, pending }) + '\n');
        if (failures > 0) reject(new Error(`${failures} integration test(s) failed`));
        else if (files.length === 0) reject(new Error(`no *.test.js next to ${__filename}`));
        else resolve();
      });
    } catch (error) {
      // A test file that throws while loading.
      mkdirSync(results, { recursive: true });
      writeFileSync(join(results, 'integration.json'), JSON.stringify({ passed: 0, failed: 1, pending: 0 }) + '\n');
      reject(error instanceof Error ? error : new Error(String(error)));
    }
  });
}
