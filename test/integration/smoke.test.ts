/** The extension is there and starts, and the test workspace is the one the host prepared. */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';

const EXTENSION_ID = 'article-editor.article-editor';
const SEED = '000_5edd2806a98033fb.txt';

describe('smoke', () => {
  it(`${EXTENSION_ID} is present and activates`, async () => {
    const extension = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(extension, `${EXTENSION_ID} is not among the loaded extensions`);
    await extension.activate();
    assert.equal(extension.isActive, true);
  });

  it('the workspace folder contains the seed', async () => {
    const folder = vscode.workspace.workspaceFolders?.[0];
    assert.ok(folder, 'no workspace folder is open');
    const stat = await vscode.workspace.fs.stat(vscode.Uri.joinPath(folder.uri, SEED));
    assert.equal(stat.type, vscode.FileType.File);
    assert.ok(stat.size > 0, `${SEED} is empty`);
  });
});
