import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type * as Package from '../../scripts/package.mjs';
import { repoRoot } from '../support/seeds';

// What `npm run package` and `npm start` put into dist/article-editor.vsix (scripts/package.mjs).
describe('the .vsix (scripts/package.mjs, .vscodeignore)', () => {
  const root = repoRoot();
  let pkg: typeof Package;
  before(async () => {
    // Loaded at run time, not bundled into the test: the script finds the repository from its own URL.
    const url = pathToFileURL(join(root, 'scripts', 'package.mjs')).href;
    pkg = (await import(url)) as typeof Package;
  });

  it('holds exactly the files the installed extension runs: no source maps, no CLI', async () => {
    // The unit tier runs after a development build: the maps and the CLI exist to be left out.
    for (const file of ['media/editor.js.map', 'dist/extension.js.map', 'dist/cli.js']) assert.ok(existsSync(join(root, file)), `${file} exists`);
    const vsce = createRequire(join(root, 'package.json'))('@vscode/vsce') as {
      listFiles(options: { cwd: string; packageManager: string; readmePath: string }): Promise<string[]>;
    };
    const files = await vsce.listFiles({ cwd: root, packageManager: 'none', readmePath: 'dist/package/README.md' });
    // The package's README (made by scripts/package.mjs, present once it has run) is listed as itself.
    const kept = files.map((f) => f.replace(/\\/g, '/')).filter((f) => f !== 'dist/package/README.md');
    assert.deepEqual(kept.sort(), [
      'CHANGELOG.md',
      'LICENSE',
      'dist/extension.js',
      'dist/parse5.js',
      'dist/web/extension.js',
      'docs/rules.md',
      'l10n/bundle.l10n.zh-cn.json',
      'language-configuration.json',
      'media/articles.svg',
      'media/editor.css',
      'media/editor.js',
      'media/icon.png',
      'media/walkthrough/editor.png',
      'media/walkthrough/export-folder.png',
      'media/walkthrough/normalize.png',
      'media/walkthrough/open.png',
      'media/walkthrough/outline.png',
      'package.json',
      'package.nls.json',
      'package.nls.zh-cn.json',
      'syntaxes/article.tmLanguage.json',
    ]);
  });

  it("the package's README shows its images: each relative image link becomes a data: URL", () => {
    const readme = readFileSync(join(root, 'README.md'), 'utf8');
    const links = [...readme.matchAll(/!\[[^\]]*\]\(([^)\s]+)\)/g)].map((m) => m[1]!);
    assert.ok(links.length >= 1, 'the README has images');
    const inlined = pkg.inlineImages(readme, (link) => readFileSync(join(root, link)));
    assert.doesNotMatch(inlined, /!\[[^\]]*\]\((?!data:image\/png;base64,)/, 'every image is a data: URL');
    const first = /!\[[^\]]*\]\(data:image\/png;base64,([^)]+)\)/.exec(inlined)!;
    assert.deepEqual(Buffer.from(first[1]!, 'base64'), readFileSync(join(root, links[0]!)));
  });

  it('inlining leaves absolute URLs, anchors and non-images alone', () => {
    const text = '![a](https://example.com/x.png) ![b](#top) ![c](notes.txt) [d](docs/images/x.png)';
    assert.equal(pkg.inlineImages(text, () => Buffer.from('never read')), text);
    assert.equal(pkg.inlineImages('![pic](my%20dir/x.png)', (link) => Buffer.from(link)), `![pic](data:image/png;base64,${Buffer.from('my dir/x.png').toString('base64')})`);
  });

  it("`article --version` prints package.json's version, whatever the environment says", () => {
    const { version } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string };
    const result = spawnSync(process.execPath, [join(root, 'dist', 'cli.js'), '--version'], {
      encoding: 'utf8',
      env: { ...process.env, ARTICLE_VERSION: '9.9.9-from-the-environment' },
    });
    assert.equal(result.status, 0);
    assert.equal(result.stdout, `${version}\n`);
  });
});
