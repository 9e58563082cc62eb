import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { closeAllEditors, documentWithLanguage, openArticle, seedFiles, workspaceFile } from './workspace';

describe('language detection', function () {
  this.timeout(60000);
  afterEach(closeAllEditors);

  it('every seed opens as article', async () => {
    const names = await seedFiles();
    assert.ok(names.length >= 10, `seeds in the workspace: ${names.length}`);
    for (const name of names) {
      const document = await openArticle(name);
      assert.equal(document.languageId, 'article', name);
    }
  });

  it('the GB18030 seed is read in its encoding, not as broken UTF-8', async () => {
    const document = await openArticle('013_variant-j-gb18030.txt');
    assert.equal(document.encoding, 'gb18030');
    assert.ok(!document.getText().includes('\uFFFD'));
    assert.match(document.lineAt(0).text, /青禾县/);
    assert.equal(document.isDirty, false);
  });

  it('a .txt file that is not an article stays Plain Text', async () => {
    for (const name of ['fixtures/not-article.txt', 'fixtures/not-article-2.txt']) {
      const uri = workspaceFile(name);
      await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
      // An article opened after it is switched; by then the plain file has been looked at too.
      await openArticle('000_5edd2806a98033fb.txt');
      const plain = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
      assert.equal(plain?.languageId, 'plaintext', name);
    }
  });

  it('"Treat as Article File" switches a plain-text document', async () => {
    const uri = workspaceFile('fixtures/not-article.txt');
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
    await vscode.commands.executeCommand('article.treatAsArticle');
    const document = await documentWithLanguage(uri, 'article');
    assert.equal(document.isDirty, false);
  });

  it('detection does not fight the user: switched back to Plain Text, an article stays so', async () => {
    // A copy of the seed of its own, so that the user's choice does not reach the other tests.
    const copy = workspaceFile('fixtures/switched-back.txt');
    await vscode.workspace.fs.writeFile(copy, await vscode.workspace.fs.readFile(workspaceFile('000_5edd2806a98033fb.txt')));
    try {
      const document = await openArticle('fixtures/switched-back.txt');
      const plain = await vscode.languages.setTextDocumentLanguage(document, 'plaintext');
      await openArticle('001_variant-a-seed-form.txt');
      assert.equal(plain.languageId, 'plaintext');
    } finally {
      await closeAllEditors();
      await vscode.workspace.fs.delete(copy);
    }
  });
});
