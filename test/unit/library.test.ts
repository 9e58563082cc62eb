/**
 * The core as a library: `require('article-editor/core')` through package.json's "exports", from
 * a project that has the package in its node_modules (a symlink to this checkout, as `npm install
 * ../article-editor` makes), and its type declarations checked by tsc the way a consumer's would be.
 */
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { repoRoot } from '../support/seeds';

describe('the core as a library (article-editor/core)', function () {
  this.timeout(120_000);
  const root = repoRoot();
  let project: string;
  before(() => {
    project = mkdtempSync(join(tmpdir(), 'article-library-'));
    mkdirSync(join(project, 'node_modules'));
    symlinkSync(root, join(project, 'node_modules', 'article-editor'), 'dir');
    writeFileSync(join(project, 'package.json'), JSON.stringify({ name: 'pipeline', private: true }));
  });
  after(() => rmSync(project, { recursive: true, force: true }));

  it('exports an article by the package name: bytes in (GB18030 too), the JSONL record out', () => {
    // Resolved at run time from the consumer's folder, so Node (not the test's bundler) reads "exports".
    const core = createRequire(join(project, 'pipeline.js'))('article-editor/core');
    const bytes = readFileSync(join(root, 'seeds', '013_variant-j-gb18030.txt'));
    const decoded = core.decodeBytes(bytes);
    assert.equal(decoded.ok, true);
    assert.equal(decoded.encoding, 'gb18030');
    const article = core.parseArticle(decoded.text);
    assert.equal(core.rebuild(article), decoded.text, 'lossless: the source rebuilt from the article');
    const record = JSON.parse(core.exportArticle(article, 'a/b.txt', 'jsonl'));
    assert.equal(record.path, 'a/b.txt');
    assert.equal(record.title, '青禾县举行2023年度“最美家乡人”颁奖典礼');
    assert.ok(record.blocks.length > 0 && record.blocks.every((b: { type: string }) => ['paragraph', 'heading', 'image'].includes(b.type)));
    // A paragraph's clean text from its HTML: tags out, entities decoded, white space at its ends gone.
    assert.equal(core.cleanText(core.cleanHtmlText(' 　　A&amp;B <b>公司</b>\u3000')), 'A&B 公司');
    const line = core.exportRecordLine(JSON.stringify({ path: 'x.txt', base64: bytes.toString('base64') }), {
      options: core.DEFAULT_EXPORT_OPTIONS,
      decodeBase64: (text: string) => Buffer.from(text, 'base64'),
      describe: (_path: string | null, problem: string) => problem,
    });
    assert.equal(JSON.parse(line.output).title, record.title);
    // Only the core is exposed: the package's insides stay private.
    assert.throws(() => createRequire(join(project, 'pipeline.js'))('article-editor/dist/cli.js'), /ERR_PACKAGE_PATH_NOT_EXPORTED|not exported/);
  });

  it('has type declarations a TypeScript consumer compiles against', () => {
    if (!existsSync(join(root, 'dist', 'core', 'index.d.ts'))) {
      // `npm run build` writes them; a bare `node esbuild.config.mjs` does not.
      const built = spawnSync(process.execPath, [join(root, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', join(root, 'tsconfig.core.json')], { encoding: 'utf8' });
      assert.equal(built.status, 0, built.stdout + built.stderr);
    }
    writeFileSync(
      join(project, 'pipeline.ts'),
      [
        "import { decodeBytes, parseArticle, exportArticle, type ExportedArticle } from 'article-editor/core';",
        'export function toRecord(bytes: Uint8Array, path: string): ExportedArticle | string {',
        '  const decoded = decodeBytes(bytes);',
        '  if (!decoded.ok) return decoded.problem;',
        "  return JSON.parse(exportArticle(parseArticle(decoded.text), path, 'jsonl')) as ExportedArticle;",
        '}',
        // A wrong use must not compile: the declarations are real types, not `any`.
        '// @ts-expect-error: the format is one of txt, md, json, jsonl',
        "exportArticle(parseArticle(''), 'p', 'xml');",
        '',
      ].join('\n'),
    );
    const tsc = spawnSync(
      process.execPath,
      [join(root, 'node_modules', 'typescript', 'bin', 'tsc'), '--noEmit', '--strict', '--module', 'node16', '--moduleResolution', 'node16', '--target', 'es2022', join(project, 'pipeline.ts')],
      { cwd: project, encoding: 'utf8' },
    );
    assert.equal(tsc.status, 0, tsc.stdout + tsc.stderr);
  });
});
