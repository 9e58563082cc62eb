import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { buildOutline, flattenOutline } from '../../src/core/outline';
import { parseArticle } from '../../src/core/parse';
import type { EditorSession } from '../../src/editor/articleEditor';
import type { HostMessage } from '../../src/editor/protocol';
import type { ArticleEditorApi } from '../../src/extension';
import { closeAllEditors, openArticle, waitFor, workspaceFile } from './workspace';

async function api(): Promise<ArticleEditorApi> {
  const extension = vscode.extensions.getExtension<ArticleEditorApi>('article-editor.article-editor')!;
  return extension.activate();
}

/** Opens a file in the Article Editor and waits until its page has asked for (and got) the article. */
async function openInArticleEditor(uri: vscode.Uri): Promise<EditorSession> {
  await vscode.commands.executeCommand('vscode.openWith', uri, 'article.editor');
  const { editors } = await api();
  return waitFor('the Article Editor page to be ready', () => [...editors.sessions].find((s) => s.document.uri.toString() === uri.toString() && s.posted.some((m) => m.type === 'init')), 30000);
}

const lastUpdate = (session: EditorSession): Extract<HostMessage, { type: 'update' }> | undefined =>
  [...session.posted].reverse().find((m): m is Extract<HostMessage, { type: 'update' }> => m.type === 'update');

describe('Article Editor', function () {
  this.timeout(120000);
  const copy = workspaceFile('fixtures/editor-seed.txt');

  beforeEach(async () => {
    await vscode.workspace.fs.copy(workspaceFile('000_5edd2806a98033fb.txt'), copy, { overwrite: true });
  });

  afterEach(async () => {
    await closeAllEditors();
    await vscode.workspace.fs.delete(copy).then(undefined, () => undefined);
  });

  it('opens with the article\'s paragraphs as the page\'s blocks', async () => {
    const session = await openInArticleEditor(copy);
    const init = session.posted.find((m): m is Extract<HostMessage, { type: 'init' }> => m.type === 'init')!;
    assert.equal(init.title, '河南省“不忘初心、牢记使命”主题教育工作会议召开');
    assert.equal(init.blocks.length, 8);
    assert.ok(init.blocks[0]!.text.startsWith('　　6月6日'));
    assert.equal(init.readonly, false);
    assert.equal(vscode.window.tabGroups.activeTabGroup.activeTab?.input instanceof vscode.TabInputCustom, true);
  });

  it('an edit from the page changes only that paragraph\'s text; undo restores the file byte for byte', async () => {
    const session = await openInArticleEditor(copy);
    const document = session.document;
    const before = document.getText();
    const paragraph = parseArticle(before).blocks.filter((b) => b.kind === 'paragraph')[1]!;
    assert.equal(await session.handle({ type: 'edit', version: document.version, block: 1, from: 4, to: 4, text: '新<b>&' }), true);
    const after = document.getText();
    const at = paragraph.textStart + 4;
    assert.equal(after, before.slice(0, at) + '新&lt;b&gt;&amp;' + before.slice(at));
    assert.ok(at > paragraph.textStart && at < paragraph.textEnd, 'inside the paragraph\'s text');
    assert.equal(document.isDirty, true);
    // The page hears of it as one changed block.
    const update = await waitFor('the update', () => lastUpdate(session));
    assert.equal(update.from, 1);
    assert.equal(update.deleteCount, 1);
    assert.equal(update.blocks[0]!.text.slice(4, 9), '新<b>&');

    await session.handle({ type: 'undo' });
    await waitFor('undo', () => (document.getText() === before ? true : undefined));
    assert.equal(document.getText(), before);
  });

  it('split, merge, move, delete and insert through the same messages', async () => {
    const session = await openInArticleEditor(copy);
    const document = session.document;
    const before = document.getText();
    const texts = (): string[] => parseArticle(document.getText()).blocks.filter((b) => b.kind === 'paragraph').map((b) => b.text);
    const original = texts();
    await session.handle({ type: 'split', version: document.version, block: 0, at: 8 });
    assert.deepEqual(texts(), [original[0]!.slice(0, 8), original[0]!.slice(8), ...original.slice(1)]);
    await session.handle({ type: 'merge', version: document.version, block: 1 });
    assert.equal(document.getText(), before);
    await session.handle({ type: 'move', version: document.version, block: 2, direction: 1 });
    assert.deepEqual(texts(), [original[0], original[1], original[3], original[2], ...original.slice(4)]);
    await session.handle({ type: 'move', version: document.version, block: 3, direction: -1 });
    assert.equal(document.getText(), before);
    await session.handle({ type: 'insert', version: document.version, block: 0 });
    assert.deepEqual(texts(), [original[0], '', ...original.slice(1)]);
    await session.handle({ type: 'delete', version: document.version, block: 1 });
    assert.equal(document.getText(), before);
    await session.handle({ type: 'editTitle', version: document.version, from: 0, to: 3, text: '湖北省' });
    assert.equal(document.lineAt(0).text, '227湖北省“不忘初心、牢记使命”主题教育工作会议召开.txt');
  });

  it('an edit made elsewhere reaches the page as the changed block only', async () => {
    const session = await openInArticleEditor(copy);
    const document = session.document;
    const third = parseArticle(document.getText()).blocks.filter((b) => b.kind === 'paragraph')[3]!;
    const edit = new vscode.WorkspaceEdit();
    edit.insert(document.uri, document.positionAt(third.textStart + 2), '外部');
    await vscode.workspace.applyEdit(edit);
    const update = await waitFor('the update', () => {
      const u = lastUpdate(session);
      return u && u.version === document.version ? u : undefined;
    });
    assert.equal(update.from, 3);
    assert.equal(update.deleteCount, 1);
    assert.equal(update.blocks.length, 1);
    assert.ok(update.blocks[0]!.text.startsWith('　　外部'));
  });

  it('the Article Outline view shows the active Article Editor\'s outline', async () => {
    const session = await openInArticleEditor(copy);
    const { outline } = await api();
    await waitFor(`the outline of the editor`, () => (outline.current?.uri.toString() === copy.toString() ? true : undefined)).catch((error: Error) => {
      throw new Error(`${error.message}; it shows ${outline.current?.uri.toString()} (${outline.current?.languageId}), active editor: ${session.document.uri.toString()}`);
    });
    const expected = flattenOutline(buildOutline(parseArticle(session.document.getText())));
    assert.deepEqual(outline.nodes.map((n) => [n.kind, n.name, n.block]), expected.map((n) => [n.kind, n.name, n.block]));
    // A click on a paragraph reveals it in the page.
    await vscode.commands.executeCommand('article.revealBlock', copy, expected[3]!.block);
    const reveal = await waitFor('a reveal', () => [...session.posted].reverse().find((m) => m.type === 'reveal'));
    assert.deepEqual(reveal, { type: 'reveal', block: 2 });
  });

  it('is read-only where the document is (a read-only file system, like git: old versions)', async () => {
    const bytes = await vscode.workspace.fs.readFile(workspaceFile('000_5edd2806a98033fb.txt'));
    const files = new Map<string, Uint8Array>([['/seed.txt', bytes]]);
    const emitter = new vscode.EventEmitter<vscode.FileChangeEvent[]>();
    const provider: vscode.FileSystemProvider = {
      onDidChangeFile: emitter.event,
      watch: () => new vscode.Disposable(() => undefined),
      stat: (uri) => ({ type: vscode.FileType.File, ctime: 0, mtime: 0, size: files.get(uri.path)?.length ?? 0 }),
      readDirectory: () => [],
      createDirectory: () => undefined,
      readFile: (uri) => files.get(uri.path) ?? new Uint8Array(),
      writeFile: () => {
        throw vscode.FileSystemError.NoPermissions();
      },
      delete: () => undefined,
      rename: () => undefined,
    };
    const registration = vscode.workspace.registerFileSystemProvider('articlero', provider, { isReadonly: true });
    try {
      const uri = vscode.Uri.from({ scheme: 'articlero', path: '/seed.txt' });
      const session = await openInArticleEditor(uri);
      const init = session.posted.find((m): m is Extract<HostMessage, { type: 'init' }> => m.type === 'init')!;
      assert.equal(init.readonly, true);
      const before = session.document.getText();
      assert.equal(await session.handle({ type: 'edit', version: session.document.version, block: 0, from: 2, to: 2, text: '改' }), false);
      assert.equal(session.document.getText(), before);
    } finally {
      await closeAllEditors();
      registration.dispose();
    }
  });

  it('the Article Outline follows the text editor too, and reveals by selecting the text', async () => {
    const document = await openArticle('fixtures/editor-seed.txt');
    await vscode.window.showTextDocument(document);
    const { outline } = await api();
    await waitFor('the outline of the text editor', () => (outline.current?.uri.toString() === copy.toString() ? true : undefined));
    const blocks = parseArticle(document.getText()).blocks;
    const paragraph = blocks.filter((b) => b.kind === 'paragraph')[5]!;
    await vscode.commands.executeCommand('article.revealBlock', copy, blocks.indexOf(paragraph));
    const editor = vscode.window.activeTextEditor!;
    assert.equal(editor.document.uri.toString(), copy.toString());
    assert.equal(document.offsetAt(editor.selection.start), paragraph.textStart);
    assert.equal(document.offsetAt(editor.selection.end), paragraph.textEnd);
  });
});
