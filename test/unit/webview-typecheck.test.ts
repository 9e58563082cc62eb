/**
 * The page (webview/) is type-checked: `npx tsc -p webview` covers every file of it, so a type
 * error anywhere in the page fails `npm run typecheck`.
 */
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { repoRoot } from '../support/seeds';

describe('the webview typecheck', function () {
  this.timeout(120_000);

  it('lists every webview/*.ts file and the protocol', () => {
    const root = repoRoot();
    const tsc = join(root, 'node_modules', 'typescript', 'bin', 'tsc');
    const listed = new Set(
      execFileSync(process.execPath, [tsc, '-p', 'webview', '--listFilesOnly'], { cwd: root, encoding: 'utf8' })
        .split(/\r?\n/)
        .filter((line) => line !== '')
        .map((line) => resolve(line)),
    );
    const page = readdirSync(join(root, 'webview')).filter((name) => name.endsWith('.ts'));
    assert.ok(page.length >= 5, `found ${page.length} page files`);
    const missing = [...page.map((name) => join(root, 'webview', name)), join(root, 'src', 'editor', 'protocol.ts')].filter((file) => !listed.has(resolve(file)));
    assert.deepEqual(missing, []);
  });
});
