/**
 * The lint in a real VS Code: the diagnostics of quirky seeds (code, link, severity, message),
 * a quick fix applied through the code action provider, fix all on save through
 * `editor.codeActionsOnSave`, and settings that re-lint without a reload.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { closeAllEditors, openArticle, waitFor, workspaceFile } from './workspace';

function lintDiagnostics(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'article');
}

/** The article diagnostics of `uri` once there are `count` of them. */
function diagnosticsWhen(uri: vscode.Uri, count: number, ms = 10000): Promise<vscode.Diagnostic[]> {
  return waitFor(`${count} article diagnostics on ${uri.path}`, () => {
    const found = lintDiagnostics(uri);
    return found.length === count ? found : undefined;
  }, ms);
}

const codeOf = (d: vscode.Diagnostic): string => (typeof d.code === 'object' ? String(d.code.value) : String(d.code));

describe('Lint', function () {
  this.timeout(120000);
  const articleConfig = (): vscode.WorkspaceConfiguration => vscode.workspace.getConfiguration('article');

  afterEach(async () => {
    await vscode.commands.executeCommand('workbench.action.files.revert');
    await closeAllEditors();
  });

  it('shows the problems of a quirky seed, each with its rule code linking to docs/rules.md', async () => {
    const document = await openArticle('008_variant-f-unescaped-text.txt');
    const found = await diagnosticsWhen(document.uri, 5);
    assert.deepEqual(found.map(codeOf), Array(5).fill('unescaped-text'));
    assert.ok(found.every((d) => d.severity === vscode.DiagnosticSeverity.Warning));
    const first = found.find((d) => document.getText(d.range) === '&')!;
    assert.ok(first, 'the raw & of A&B公司');
    assert.match(first.message, /"&" is text, not markup, but is not escaped: write it as "&amp;"|“&”是文字而不是标记/);
    const code = first.code as { value: string; target: vscode.Uri };
    assert.equal(code.target.path.split('/').slice(-2).join('/'), 'docs/rules.md');
    const line = Number(/^L(\d+)$/.exec(code.target.fragment)?.[1]);
    const docs = new TextDecoder().decode(await vscode.workspace.fs.readFile(code.target.with({ fragment: '' })));
    assert.equal(docs.split('\n')[line - 1], '## `unescaped-text`', 'the link points at the rule’s heading');

    const clean = await openArticle('000_5edd2806a98033fb.txt');
    await new Promise((resolve) => setTimeout(resolve, 1000));
    assert.deepEqual(lintDiagnostics(clean.uri), [], 'the real seed has no problem');
  });

  it('a quick fix from the code action provider removes an empty paragraph; fix all of the rule is offered', async () => {
    const document = await openArticle('010_variant-h-empty-paragraphs.txt');
    const found = await diagnosticsWhen(document.uri, 4);
    assert.ok(found.every((d) => codeOf(d) === 'empty-paragraph'));
    const target = found[0]!;
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', document.uri, target.range, vscode.CodeActionKind.QuickFix.value);
    const mine = actions.filter((a) => a.kind?.value === vscode.CodeActionKind.QuickFix.value);
    const preferred = mine.find((a) => a.isPreferred);
    assert.ok(preferred?.edit, `a preferred fix with an edit among ${JSON.stringify(actions.map((a) => [a.title, a.kind?.value, a.isPreferred]))}`);
    assert.ok(mine.some((a) => /empty-paragraph/.test(a.title) && a.edit), 'fix all empty-paragraph problems in this file');
    const before = document.getText();
    const removed = before.slice(document.offsetAt(target.range.start), document.offsetAt(target.range.end));
    assert.ok(await vscode.workspace.applyEdit(preferred.edit));
    assert.equal(document.getText(), before.replace(removed, ''));
    await diagnosticsWhen(document.uri, 3);

    const all = mine.find((a) => /empty-paragraph/.test(a.title) && !a.isPreferred)!;
    await vscode.commands.executeCommand('workbench.action.files.revert');
    await diagnosticsWhen(document.uri, 4);
    assert.ok(await vscode.workspace.applyEdit(all.edit!));
    await diagnosticsWhen(document.uri, 0);
  });

  it('fixes every fixable problem on save with editor.codeActionsOnSave: source.fixAll.article', async () => {
    const uri = workspaceFile('009_variant-g-broken-paragraphs.txt');
    const original = await vscode.workspace.fs.readFile(uri);
    const editorConfig = vscode.workspace.getConfiguration('editor', { languageId: 'article' });
    await editorConfig.update('codeActionsOnSave', { 'source.fixAll.article': 'explicit' }, vscode.ConfigurationTarget.Workspace, true);
    try {
      const document = await openArticle('009_variant-g-broken-paragraphs.txt');
      const editor = await vscode.window.showTextDocument(document);
      await diagnosticsWhen(document.uri, 4);
      // Type a problem of another rule: a half-width comma between two ideographs.
      const at = document.getText().indexOf('开幕式上，') + 4;
      await editor.edit((edit) => edit.replace(new vscode.Range(document.positionAt(at), document.positionAt(at + 1)), ','));
      assert.equal(document.isDirty, true);
      await vscode.commands.executeCommand('workbench.action.files.save');
      await waitFor('the save', () => (document.isDirty ? undefined : true));
      const saved = document.getText();
      assert.doesNotMatch(saved, /渗\n透/);
      assert.match(saved, /渗透，成为/);
      assert.match(saved, /Digital Silk Road/);
      assert.match(saved, /开幕式上，/);
      assert.equal(new TextDecoder().decode(await vscode.workspace.fs.readFile(uri)), saved, 'written to disk');
      await diagnosticsWhen(document.uri, 0);
    } finally {
      await editorConfig.update('codeActionsOnSave', undefined, vscode.ConfigurationTarget.Workspace, true);
      await vscode.workspace.fs.writeFile(uri, original);
    }
  });

  it('article.lint.rules and article.lint.enabled re-lint the open articles without a reload', async () => {
    const document = await openArticle('008_variant-f-unescaped-text.txt');
    await diagnosticsWhen(document.uri, 5);
    try {
      await articleConfig().update('lint.rules', { 'unescaped-text': 'error' }, vscode.ConfigurationTarget.Workspace);
      await waitFor('errors', () => (lintDiagnostics(document.uri).every((d) => d.severity === vscode.DiagnosticSeverity.Error) ? true : undefined));
      await articleConfig().update('lint.rules', { 'unescaped-text': 'off' }, vscode.ConfigurationTarget.Workspace);
      await diagnosticsWhen(document.uri, 0);
      await articleConfig().update('lint.rules', undefined, vscode.ConfigurationTarget.Workspace);
      await diagnosticsWhen(document.uri, 5);
      await articleConfig().update('lint.enabled', false, vscode.ConfigurationTarget.Workspace);
      await diagnosticsWhen(document.uri, 0);
    } finally {
      await articleConfig().update('lint.rules', undefined, vscode.ConfigurationTarget.Workspace);
      await articleConfig().update('lint.enabled', undefined, vscode.ConfigurationTarget.Workspace);
    }
    await diagnosticsWhen(document.uri, 5);
  });

  it('clears the diagnostics when the document stops being an article (closed, or switched to Plain Text)', async () => {
    const document = await openArticle('010_variant-h-empty-paragraphs.txt');
    await diagnosticsWhen(document.uri, 4);
    // A change of language closes the article document and opens a plain-text one.
    const plain = await vscode.languages.setTextDocumentLanguage(document, 'plaintext');
    try {
      await diagnosticsWhen(plain.uri, 0);
      await new Promise((resolve) => setTimeout(resolve, 600));
      assert.deepEqual(lintDiagnostics(plain.uri), [], 'and no late result brings them back');
    } finally {
      // Back to Article (detection leaves a document the user switched to Plain Text alone).
      await vscode.languages.setTextDocumentLanguage(plain, 'article');
    }
    await diagnosticsWhen(plain.uri, 4);
  });

  it('re-lints after typing (debounced) and keeps only the newest result', async () => {
    const document = await openArticle('000_5edd2806a98033fb.txt');
    const editor = await vscode.window.showTextDocument(document);
    await new Promise((resolve) => setTimeout(resolve, 600));
    assert.deepEqual(lintDiagnostics(document.uri), []);
    const at = document.getText().indexOf('6月6日') + 4;
    // Keystrokes in a row, a raw & each: the diagnostics are those of the last text.
    for (let i = 0; i < 3; i++) await editor.edit((edit) => edit.insert(document.positionAt(at + i), '&'));
    const found = await diagnosticsWhen(document.uri, 3);
    assert.deepEqual(found.map((d) => [codeOf(d), document.getText(d.range)]), Array(3).fill(['unescaped-text', '&']));
  });
});
