import * as assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { repoRoot } from '../support/seeds';

// The layering rules of eslint.config.mjs: the core imports neither VS Code nor Node, the webview
// not the core, the features and the Article Editor not each other. Each case is linted with the rule exactly as the config sets it for that path.
describe('lint: what each part may import (eslint.config.mjs)', function () {
  this.timeout(120_000);
  const root = repoRoot();
  // Loaded at run time from node_modules (not bundled into the test).
  const load = createRequire(join(root, 'package.json'));

  interface Message {
    ruleId: string | null;
    message: string;
  }
  interface Eslint {
    ESLint: new (options: { cwd: string }) => { calculateConfigForFile(path: string): Promise<{ rules?: Record<string, unknown>; languageOptions?: { parserOptions?: Record<string, unknown> } }> };
    Linter: new (options: { cwd: string }) => { verify(code: string, config: unknown[], filename: string): Message[] };
  }
  const { ESLint, Linter } = load('eslint') as Eslint;
  const tseslint = load('typescript-eslint') as { parser: unknown };
  const eslint = new ESLint({ cwd: root });
  const linter = new Linter({ cwd: root });

  /** The messages of the config's no-restricted-imports for `code` placed at `file`. */
  async function importProblems(file: string, code: string): Promise<string[]> {
    const config = await eslint.calculateConfigForFile(file);
    const rule = config.rules?.['no-restricted-imports'];
    if (!rule) return [];
    const messages = linter.verify(code, [{ files: ['**/*.ts'], languageOptions: { parser: tseslint.parser }, rules: { 'no-restricted-imports': rule } }], join(root, file));
    return messages.map((m) => `${m.ruleId ?? 'parse'}: ${m.message}`);
  }

  const forbidden = async (file: string, code: string) => {
    const problems = await importProblems(file, code);
    assert.equal(problems.length, 1, `${file}: ${code} → ${problems.join('; ') || 'allowed'}`);
    assert.match(problems[0]!, /^no-restricted-imports: /);
  };
  const allowed = async (file: string, code: string) => assert.deepEqual(await importProblems(file, code), [], `${file}: ${code}`);

  it('the core may not import vscode, node:* or a Node built-in by its bare name', async () => {
    await forbidden('src/core/parse.ts', "import * as vscode from 'vscode';");
    await forbidden('src/core/parse.ts', "import { readFileSync } from 'node:fs';");
    await forbidden('src/core/parse.ts', "import * as path from 'path';");
    await forbidden('src/core/text.ts', "import { readFile } from 'fs/promises';");
    await forbidden('src/core/text.ts', "export { TextDecoder } from 'util';");
    await forbidden('src/core/text.ts', "import { Worker } from 'node:worker_threads';");
  });

  it('the core may not import the layers above it', async () => {
    await forbidden('src/core/outline.ts', "import { ArticleCache } from '../documents/articleCache';");
    await forbidden('src/core/outline.ts', "import { registerSymbols } from '../features/symbols';");
    await forbidden('src/core/outline.ts', "import { applyEdit } from '../editor/edits';");
    await forbidden('src/core/outline.ts', "import { readArticleFile } from '../node/files';");
    await forbidden('src/core/outline.ts', "import { settings } from '../config';");
  });

  it('the core may import itself and pure libraries', async () => {
    await allowed('src/core/parse.ts', "import { parseFragment } from 'parse5';\nimport { decodeHTML } from 'entities';\nimport { cleanText } from './text';");
  });

  it('the webview may not import the core, vscode or Node', async () => {
    await forbidden('webview/editor.ts', "import { parseArticle } from '../src/core/parse';");
    await forbidden('webview/blocks.ts', "import type { Article } from '../src/core/model';");
    await forbidden('webview/editor.ts', "import * as vscode from 'vscode';");
    await forbidden('webview/editor.ts', "import { join } from 'node:path';");
  });

  it('the webview may import itself and the message types of the protocol', async () => {
    await allowed('webview/editor.ts', "import type { HostMessage } from '../src/editor/protocol';\nimport { renderBlock } from './blocks';");
  });

  it('the adapters may import vscode, Node and the core', async () => {
    await allowed('src/features/export.ts', "import * as vscode from 'vscode';\nimport { readFile } from 'node:fs/promises';\nimport { exportArticle } from '../core/export';");
  });

  it('the features and the Article Editor may not import each other', async () => {
    await forbidden('src/features/outlineView.ts', "import type { ArticleEditorProvider } from '../editor/articleEditor';");
    await forbidden('src/features/corpus/status.ts', "import type { EditorSession } from '../../editor/articleEditor';");
    await forbidden('src/editor/articleEditor.ts', "import type { ArticleCache } from '../features/articles';");
    await forbidden('src/editor/articleEditor.ts', "import { nodeLabel } from '../features/symbols';");
    await forbidden('src/documents/articleCache.ts', "import { VIEW_TYPE } from '../editor/articleEditor';");
  });

  it('both may import the document service, the config and the core', async () => {
    await allowed('src/features/corpus/status.ts', "import type { ActiveArticleSource } from '../../documents/activeArticle';\nimport { getConfig } from '../../config';");
    await allowed('src/editor/articleEditor.ts', "import type { ArticleCache } from '../documents/articleCache';\nimport { editText } from '../core/edits';\nimport { editorView } from './edits';");
  });

  it('the lint is type-aware: the TypeScript project service, the type-checked rules', async () => {
    for (const file of ['src/extension.ts', 'src/core/parse.ts', 'webview/editor.ts', 'test/unit/parse.test.ts']) {
      const config = await eslint.calculateConfigForFile(file);
      const options = config.languageOptions?.parserOptions ?? {};
      assert.ok(options.projectService === true || typeof options.project === 'string', `${file} has type information`);
      for (const rule of ['@typescript-eslint/no-floating-promises', '@typescript-eslint/no-misused-promises', '@typescript-eslint/await-thenable']) {
        assert.deepEqual(config.rules?.[rule], [2], `${file}: ${rule}`);
      }
    }
  });
});
