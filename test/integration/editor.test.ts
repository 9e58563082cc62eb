import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { buildOutline, flattenOutline } from '../../src/core/outline';
import { parseArticle } from '../../src/core/parse';
import { viewIndex } from '../../src/core/edits';
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

  it('a typing burst from the page ("你好世界hello", one edit a keystroke) goes back with one undo', async () => {
    const session = await openInArticleEditor(copy);
    const document = session.document;
    const before = document.getText();
    const start = document.version;
    let at = 4;
    for (const ch of '你好世界hello') {
      assert.equal(await session.handle({ type: 'edit', version: document.version, block: 2, from: at, to: at, text: ch }), true);
      at += ch.length;
    }
    assert.equal(document.version, start + 9, 'one document change a keystroke');
    assert.ok(document.getText().includes('你好世界hello'));
    await session.handle({ type: 'undo' });
    await waitFor('one undo', () => (document.getText() === before ? true : undefined));
    await session.handle({ type: 'redo' });
    await waitFor('one redo', () => (document.getText().includes('你好世界hello') ? true : undefined));
    await session.handle({ type: 'undo' });
    await waitFor('undo again', () => (document.getText() === before ? true : undefined));
  });

  it('split, merge, move, delete and insert through the same messages', async () => {
    const session = await openInArticleEditor(copy);
    const document = session.document;
    const before = document.getText();
    const texts = (): string[] => parseArticle(document.getText()).blocks.filter((b) => b.kind === 'paragraph').map((b) => b.text);
    const original = texts();
    await session.handle({ type: 'split', version: document.version, block: 0, at: 8 });
    // The second half gets the paragraph's indent, as a new paragraph does.
    assert.deepEqual(texts(), [original[0]!.slice(0, 8), '　　' + original[0]!.slice(8), ...original.slice(1)]);
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

  it('moving the image block of seed 006 up and down keeps its placeholder lines whole, on disk too', async () => {
    const file = workspaceFile('fixtures/editor-006.txt');
    await vscode.workspace.fs.copy(workspaceFile('006_variant-ae-image-placeholder-html.txt'), file, { overwrite: true });
    try {
      const session = await openInArticleEditor(file);
      const document = session.document;
      const original = document.getText();
      const kinds = (): string[] => {
        const a = parseArticle(document.getText());
        return viewIndex(a).map((i) => (a.blocks[i]!.kind === 'image' ? 'image' : a.blocks[i]!.text.slice(2, 6)));
      };
      const before = kinds();
      assert.deepEqual(before, ['4月28', '记者在位', 'image', '图为市民', '市住房城']);
      const onDisk = async (): Promise<string> => {
        await document.save();
        return new TextDecoder().decode(await vscode.workspace.fs.readFile(file));
      };
      const wholePlaceholder = (text: string): void => {
        const lines = text.split('\n');
        const dashes = lines.filter((line) => line.includes('-----'));
        assert.deepEqual(dashes, ['---------------------------------------- ', '-------------------这里有图片------------ ', '---------------------------------------- '], 'the placeholder\'s three lines, each on its own');
      };
      assert.equal(await session.handle({ type: 'move', version: document.version, block: 2, direction: -1 }), true);
      assert.deepEqual(kinds(), [before[0], 'image', before[1], before[3], before[4]]);
      wholePlaceholder(await onDisk());
      assert.equal(await session.handle({ type: 'move', version: document.version, block: 1, direction: 1 }), true);
      assert.deepEqual(kinds(), before);
      assert.equal(await onDisk(), original, 'up then down gives the file back byte for byte');
      assert.equal(await session.handle({ type: 'move', version: document.version, block: 2, direction: 1 }), true);
      assert.deepEqual(kinds(), [before[0], before[1], before[3], 'image', before[4]]);
      wholePlaceholder(await onDisk());
      // The paragraph just above the image (now the caption) moved down past it.
      assert.equal(await session.handle({ type: 'move', version: document.version, block: 2, direction: 1 }), true);
      assert.deepEqual(kinds(), before);
      wholePlaceholder(await onDisk());
      assert.equal(await onDisk(), original);
    } finally {
      await closeAllEditors();
      await vscode.workspace.fs.delete(file).then(undefined, () => undefined);
    }
  });

  describe('forged messages from the page', () => {
    const lastError = (session: EditorSession): string | undefined => [...session.posted].reverse().find((m): m is Extract<HostMessage, { type: 'error' }> => m.type === 'error')?.message;

    it('a title edit reaching past the title (to: 1e9) and NaN or out-of-block offsets are refused; the page hears why', async () => {
      const session = await openInArticleEditor(copy);
      const document = session.document;
      const before = document.getText();
      const title = parseArticle(before).title;
      const posted = session.posted.length;
      assert.equal(await session.handle({ type: 'editTitle', version: document.version, from: 0, to: 1e9, text: '标题' }), false);
      assert.equal(await session.handle({ type: 'editTitle', version: document.version, from: 0, to: title.length + 1, text: '标题' }), false);
      assert.equal(await session.handle({ type: 'edit', version: document.version, block: 0, from: NaN, to: NaN, text: '字' }), false);
      assert.equal(await session.handle({ type: 'edit', version: document.version, block: 0, from: 1.5, to: 2, text: '字' }), false);
      assert.equal(await session.handle({ type: 'edit', version: document.version, block: 0, from: 3, to: 2, text: '字' }), false);
      assert.equal(await session.handle({ type: 'edit', version: document.version, block: 0, from: 0, to: 100000, text: '' }), false);
      assert.equal(await session.handle({ type: 'edit', version: document.version, block: 99, from: 0, to: 0, text: '字' }), false);
      assert.equal(await session.handle({ type: 'split', version: document.version, block: 0, at: -1 }), false);
      assert.equal(await session.handle({ type: 'move', version: document.version, block: 0, direction: -1 }), false);
      assert.equal(await session.handle({ type: 'edit', version: String(document.version), block: 0, from: 0, to: 0, text: '字' }), false);
      assert.equal(await session.handle({ type: 'edit', version: document.version, block: 0, from: 0, to: 0 }), false);
      assert.equal(await session.handle('edit'), false);
      assert.equal(document.getText(), before, 'the document is as it was');
      assert.equal(document.isDirty, false);
      assert.ok(lastError(session), 'the page is told');
      assert.ok(session.posted.slice(posted).filter((m) => m.type === 'error').length >= 12, 'for every refused message');
      // A title edit within the title still works.
      assert.equal(await session.handle({ type: 'editTitle', version: document.version, from: 0, to: title.length, text: '新标题' }), true);
      assert.equal(document.lineAt(0).text, '227新标题.txt');
    });

    it('the command message runs only the toolbar\'s commands', async () => {
      let ran = 0;
      const forged = vscode.commands.registerCommand('articleTest.forged', () => ran++);
      try {
        const session = await openInArticleEditor(copy);
        for (const command of ['articleTest.forged', 'workbench.action.closeAllEditors', 'article.normalizeFolder']) {
          assert.equal(await session.handle({ type: 'command', command }), false, command);
        }
        assert.equal(ran, 0);
        assert.equal(vscode.window.tabGroups.activeTabGroup.activeTab?.input instanceof vscode.TabInputCustom, true, 'the editor is still open');
      } finally {
        forged.dispose();
      }
    });

    it('an edit made against an older version is rebased where its block did not change, dropped where it did', async () => {
      const session = await openInArticleEditor(copy);
      const document = session.document;
      const seen = document.version;
      const texts = (): string[] => parseArticle(document.getText()).blocks.filter((b) => b.kind === 'paragraph').map((b) => b.text);
      const original = texts();
      // The page types ahead: two edits against the same version, the second on top of the first.
      assert.equal(await session.handle({ type: 'edit', version: seen, block: 1, from: 2, to: 2, text: '甲' }), true);
      assert.equal(await session.handle({ type: 'edit', version: seen, block: 1, from: 3, to: 3, text: '乙' }), true);
      assert.equal(texts()[1], original[1]!.slice(0, 2) + '甲乙' + original[1]!.slice(2));
      const typed = document.version;
      await waitFor('the page to hear of its typing', () => (session.posted.some((m) => m.type === 'update' && m.version === typed) ? true : undefined));
      // Meanwhile paragraph 3 changes elsewhere.
      const third = parseArticle(document.getText()).blocks.filter((b) => b.kind === 'paragraph')[3]!;
      const external = new vscode.WorkspaceEdit();
      external.insert(document.uri, document.positionAt(third.textStart + 2), '外部');
      await vscode.workspace.applyEdit(external);
      await waitFor('the page to be told', () => (session.posted.some((m) => m.type === 'update' && m.version === document.version) ? true : undefined));
      const afterExternal = document.getText();
      // An edit the page made before it heard of that, in a paragraph that did not change: rebased.
      assert.equal(await session.handle({ type: 'edit', version: typed, block: 5, from: 2, to: 2, text: '丙' }), true);
      assert.equal(texts()[5], original[5]!.slice(0, 2) + '丙' + original[5]!.slice(2));
      // One in the paragraph that changed: dropped, and the page hears why.
      const now = document.getText();
      assert.equal(await session.handle({ type: 'edit', version: typed, block: 3, from: 2, to: 2, text: '丁' }), false);
      assert.equal(document.getText(), now);
      assert.match(lastError(session) ?? '', /changed|修改/);
      assert.ok(afterExternal.includes('外部'));
      // A version the document never had.
      assert.equal(await session.handle({ type: 'edit', version: document.version + 1000, block: 0, from: 0, to: 0, text: '戊' }), false);
      assert.equal(document.getText(), now);
    });

    it('undo from a page whose panel is not the active one does nothing', async () => {
      const session = await openInArticleEditor(copy);
      const document = session.document;
      assert.equal(await session.handle({ type: 'edit', version: document.version, block: 0, from: 2, to: 2, text: '改' }), true);
      const edited = document.getText();
      await vscode.window.showTextDocument(document, vscode.ViewColumn.Beside);
      await waitFor('the panel to be inactive', () => (session.panel.active ? undefined : true));
      assert.equal(await session.handle({ type: 'undo' }), false);
      assert.equal(document.getText(), edited);
    });
  });
});
