/**
 * The web tier's own checks: that this suite really runs in the web worker extension host with the
 * extension's browser entry, and that what needs Node is not there.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { ArticleEditorApi } from '../../src/extension';

const EXTENSION_ID = 'article-editor.article-editor';

describe('VS Code for the Web (web worker extension host)', () => {
  it('runs without Node: no process, no require of Node modules, a worker global scope', () => {
    assert.equal(typeof process, 'undefined', 'process is Node');
    assert.equal(typeof (globalThis as { importScripts?: unknown }).importScripts, 'function', 'a web worker has importScripts');
    assert.equal(vscode.env.uiKind, vscode.UIKind.Web);
  });

  it('the extension runs its browser entry in the same host as this suite', async () => {
    const extension = vscode.extensions.getExtension<ArticleEditorApi>(EXTENSION_ID);
    assert.ok(extension);
    const api = await extension.activate();
    assert.equal(api.runtime, 'web', 'dist/web/extension.js, not dist/extension.js');
    assert.equal(extension.extensionKind, vscode.ExtensionKind.UI, 'the web worker host is on the UI side');
    assert.equal((extension.packageJSON as { browser?: string }).browser, './dist/web/extension.js');
  });
});
