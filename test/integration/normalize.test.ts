import * as assert from 'node:assert/strict';
import { chmodSync, linkSync, lstatSync, readFileSync, statSync, symlinkSync } from 'node:fs';
import * as vscode from 'vscode';
import { normalizeEdits } from '../../src/core/normalize';
import { parseArticle } from '../../src/core/parse';
import { closeAllEditors, openArticle, seedFiles, waitFor, workspaceFile } from './workspace';

const texts = (source: string): string[] => parseArticle(source).blocks.filter((b) => b.kind === 'paragraph' && b.text !== '').map((b) => b.text);
const canonical = (source: string): boolean => normalizeEdits(parseArticle(source)).length === 0;

interface Summary {
  wouldChange: string[];
  normalized: number;
  unchanged: number;
  failed: number;
  cancelled: boolean;
}

describe('Normalize Styling', function () {
  this.timeout(180000);
  afterEach(async () => {
    await vscode.commands.executeCommand('workbench.action.files.revert');
    await closeAllEditors();
  });

  it('each seed: the result is canonical with the same text; undo restores it byte for byte', async () => {
    for (const seed of await seedFiles()) {
      const document = await openArticle(seed);
      await vscode.window.showTextDocument(document);
      const before = document.getText();
      const changed = await vscode.commands.executeCommand<boolean>('article.normalize');
      const after = document.getText();
      assert.ok(canonical(after), `${seed} is canonical after the command`);
      assert.deepEqual(texts(after).map((t) => t), texts(before), `${seed}: paragraph texts kept`);
      assert.equal(document.lineAt(0).text.startsWith(before.split(/\r?\n/)[0]!.split('<')[0]!), true, 'title line kept');
      if (canonical(before)) {
        assert.equal(changed, false, `${seed} was canonical: no edit`);
        assert.equal(document.isDirty, false, `${seed} was canonical: not dirty`);
        continue;
      }
      assert.equal(changed, true);
      assert.equal(document.isDirty, true);
      await vscode.commands.executeCommand('undo');
      assert.equal(document.getText(), before, `${seed}: one undo restores the file`);
      await vscode.commands.executeCommand('workbench.action.files.revert');
    }
  });

  it('Format Document gives the same result', async () => {
    const document = await openArticle('011_variant-i-other-markup.txt');
    const editor = await vscode.window.showTextDocument(document);
    const edits = await vscode.commands.executeCommand<vscode.TextEdit[]>('vscode.executeFormatDocumentProvider', document.uri, { tabSize: 4, insertSpaces: true });
    assert.ok(edits && edits.length > 0);
    await editor.edit((builder) => edits.forEach((e) => builder.replace(e.range, e.newText)));
    assert.ok(canonical(document.getText()));
    const formatted = document.getText();
    await vscode.commands.executeCommand('workbench.action.files.revert');
    await vscode.commands.executeCommand('article.normalize');
    assert.equal(document.getText(), formatted);
  });

  it('keeps the cursor in a block it does not change', async () => {
    const document = await openArticle('008_variant-f-unescaped-text.txt');
    const editor = await vscode.window.showTextDocument(document);
    const at = document.getText().indexOf('11月15日');
    editor.selection = new vscode.Selection(document.positionAt(at), document.positionAt(at + 2));
    await vscode.commands.executeCommand('article.normalize');
    assert.equal(document.getText(editor.selection), '11');
  });

  it('Preview Normalization opens a diff and changes nothing', async () => {
    const document = await openArticle('002_variant-b-block-style.txt');
    await vscode.window.showTextDocument(document);
    const before = document.getText();
    const preview = await vscode.commands.executeCommand<vscode.Uri>('article.previewNormalization');
    const tab = await waitFor('the diff editor', () => {
      const input = vscode.window.tabGroups.activeTabGroup.activeTab?.input;
      return input instanceof vscode.TabInputTextDiff ? input : undefined;
    });
    assert.equal(tab.original.toString(), document.uri.toString());
    assert.equal(tab.modified.toString(), preview.toString());
    const right = await vscode.workspace.openTextDocument(preview);
    assert.ok(canonical(right.getText()));
    assert.notEqual(right.getText(), before);
    assert.equal(document.getText(), before);
    assert.equal(document.isDirty, false);
  });

  it('Preview Normalization of a canonical article opens no diff', async () => {
    const seed = (await seedFiles()).find((name) => name.startsWith('000_'))!;
    const document = await openArticle(seed);
    await vscode.window.showTextDocument(document);
    assert.ok(canonical(document.getText()), 'the real seed is canonical');
    const preview = await vscode.commands.executeCommand<vscode.Uri | undefined>('article.previewNormalization');
    assert.equal(preview, undefined);
    const input = vscode.window.tabGroups.activeTabGroup.activeTab?.input;
    assert.ok(input instanceof vscode.TabInputText && input.uri.toString() === document.uri.toString(), 'the article stays the active tab');
  });
});

describe('Normalize Folder', function () {
  this.timeout(180000);
  const folder = workspaceFile('fixtures/normalize-corpus');

  before(async () => {
    for (const seed of await seedFiles()) await vscode.workspace.fs.copy(workspaceFile(seed), vscode.Uri.joinPath(folder, 'sub', seed));
  });

  after(async () => {
    await vscode.workspace.fs.delete(folder, { recursive: true });
  });

  it('a dry run lists what would change and writes nothing; then the run rewrites exactly those, in their encodings', async () => {
    const files = (await seedFiles()).map((seed) => vscode.Uri.joinPath(folder, 'sub', seed));
    const bytesBefore = await Promise.all(files.map((f) => vscode.workspace.fs.readFile(f)));
    const dry = await vscode.commands.executeCommand<Summary>('article.normalizeFolder', folder, { dryRun: true });
    const expected = files.filter((f, i) => {
      const bytes = bytesBefore[i]!;
      const text = f.path.endsWith('gb18030.txt') ? new TextDecoder('gb18030').decode(bytes) : new TextDecoder().decode(bytes).replace(/^\uFEFF/, '');
      return !canonical(text);
    });
    assert.deepEqual(dry.wouldChange.slice().sort(), expected.map((f) => f.fsPath).sort());
    assert.ok(dry.wouldChange.length >= 5);
    const bytesAfterDry = await Promise.all(files.map((f) => vscode.workspace.fs.readFile(f)));
    assert.deepEqual(bytesAfterDry, bytesBefore, 'the dry run wrote nothing');

    const run = await vscode.commands.executeCommand<Summary>('article.normalizeFolder', folder, { confirm: true });
    assert.equal(run.normalized, expected.length);
    assert.equal(run.failed, 0);
    const again = await vscode.commands.executeCommand<Summary>('article.normalizeFolder', folder, { dryRun: true });
    assert.deepEqual(again.wouldChange, []);
    const gb = await vscode.workspace.fs.readFile(vscode.Uri.joinPath(folder, 'sub', '013_variant-j-gb18030.txt'));
    assert.match(new TextDecoder('gb18030').decode(gb), /^5青禾县/);
    assert.throws(() => new TextDecoder('utf-8', { fatal: true }).decode(gb));
  });

  it('skips a file changed since it was read and a dirty open document; temporary files are named .NAME.article-tmp-PID-RAND', async () => {
    const guard = workspaceFile('fixtures/normalize-guard');
    const seed = '002_variant-b-block-style.txt';
    const changed = vscode.Uri.joinPath(guard, 'changed.txt');
    const dirty = vscode.Uri.joinPath(guard, 'dirty.txt');
    const plain = vscode.Uri.joinPath(guard, 'plain.txt');
    for (const uri of [changed, dirty, plain]) await vscode.workspace.fs.copy(workspaceFile(seed), uri);
    const saved = new TextEncoder().encode('1保存的新内容.txt\n<div><span>刚刚保存。</span></div>\n');
    const tempNames: string[] = [];
    try {
      const document = await vscode.workspace.openTextDocument(dirty);
      const editor = await vscode.window.showTextDocument(document);
      await editor.edit((builder) => builder.insert(new vscode.Position(1, 0), '<div>未保存</div>'));
      assert.equal(document.isDirty, true);
      const original = await vscode.workspace.fs.readFile(dirty);
      const run = await vscode.commands.executeCommand<Summary>('article.normalizeFolder', guard, {
        confirm: true,
        beforeReplace: async (uri: vscode.Uri) => {
          tempNames.push(...(await vscode.workspace.fs.readDirectory(guard)).map(([name]) => name).filter((name) => name.startsWith('.')));
          // Another program saves the file between the read and the replace.
          if (uri.path === changed.path) await vscode.workspace.fs.writeFile(changed, saved);
        },
      });
      assert.equal(run.normalized, 1, 'only plain.txt');
      assert.equal(run.failed, 2);
      assert.deepEqual([...(await vscode.workspace.fs.readFile(changed))], [...saved], 'the save is kept');
      assert.deepEqual(await vscode.workspace.fs.readFile(dirty), original, "the dirty document's file is left alone");
      assert.ok(canonical(new TextDecoder().decode(await vscode.workspace.fs.readFile(plain))));
      assert.ok(tempNames.length >= 1);
      for (const name of tempNames) assert.match(name, /^\.(changed|plain)\.txt\.article-tmp-\d+-[0-9a-z]+$/);
      const left = (await vscode.workspace.fs.readDirectory(guard)).map(([name]) => name).filter((name) => name.startsWith('.'));
      assert.deepEqual(left, [], 'no temporary file left');
    } finally {
      await vscode.commands.executeCommand('workbench.action.files.revert');
      await closeAllEditors();
      await vscode.workspace.fs.delete(guard, { recursive: true });
    }
  });

  it('on this machine: keeps a file\'s mode, writes through a symbolic link to its target, leaves a hard-linked file alone', async function () {
    // Node's file system: the web worker host (the web tier) has none, and no modes or links to keep.
    if (typeof process === 'undefined') this.skip();
    const folder = workspaceFile('fixtures/normalize-links');
    const elsewhere = workspaceFile('fixtures/normalize-elsewhere');
    const seed = '002_variant-b-block-style.txt';
    const own = vscode.Uri.joinPath(folder, 'own.txt');
    const target = vscode.Uri.joinPath(elsewhere, 'target.txt');
    const link = vscode.Uri.joinPath(folder, 'link.txt');
    const linked = vscode.Uri.joinPath(folder, 'linked.txt');
    try {
      for (const uri of [own, target, linked]) await vscode.workspace.fs.copy(workspaceFile(seed), uri);
      chmodSync(own.fsPath, 0o640);
      symlinkSync(target.fsPath, link.fsPath);
      linkSync(linked.fsPath, vscode.Uri.joinPath(elsewhere, 'second-name.txt').fsPath);
      const linkedBefore = await vscode.workspace.fs.readFile(linked);
      const run = await vscode.commands.executeCommand<Summary>('article.normalizeFolder', folder, { confirm: true });
      assert.equal(run.normalized, 2, 'own.txt, and link.txt through its link');
      assert.equal(statSync(own.fsPath).mode & 0o777, 0o640, 'the mode is kept');
      assert.ok(canonical(readFileSync(own.fsPath, 'utf8')));
      assert.ok(lstatSync(link.fsPath).isSymbolicLink(), 'the link stays a link');
      assert.ok(canonical(readFileSync(target.fsPath, 'utf8')), 'its target is normalized');
      assert.deepEqual(await vscode.workspace.fs.readFile(linked), linkedBefore, 'a file with another hard link is left alone');
      assert.equal(statSync(linked.fsPath).nlink, 2);
    } finally {
      await vscode.workspace.fs.delete(folder, { recursive: true });
      await vscode.workspace.fs.delete(elsewhere, { recursive: true });
    }
  });
});
