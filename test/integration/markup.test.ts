/**
 * Inline markup through the Article Editor's host in a real extension host: the page is told
 * each paragraph's bold, italic and links; an edit across the bold keeps `<b>`; the format message
 * (Ctrl+B) writes `<b>` as one undo step, and the page hears of the new marks.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { EditorSession } from '../../src/editor/articleEditor';
import type { HostMessage } from '../../src/editor/protocol';
import type { ArticleEditorApi } from '../../src/extension';
import { closeAllEditors, waitFor, workspaceFile } from './workspace';

async function openInArticleEditor(uri: vscode.Uri): Promise<EditorSession> {
  await vscode.commands.executeCommand('vscode.openWith', uri, 'article.editor');
  const { editors } = await vscode.extensions.getExtension<ArticleEditorApi>('article-editor.article-editor')!.activate();
  return waitFor('the Article Editor page to be ready', () => [...editors.sessions].find((s) => s.document.uri.toString() === uri.toString() && s.posted.some((m) => m.type === 'init')), 30000);
}

type Update = Extract<HostMessage, { type: 'update' }>;
const updates = (session: EditorSession): Update[] => session.posted.filter((m): m is Update => m.type === 'update');

describe('Article Editor: inline markup', function () {
  this.timeout(120000);
  const copy = workspaceFile('fixtures/editor-markup.txt');
  const BOLD = '严格落实安全生产责任制';

  beforeEach(async () => {
    await vscode.workspace.fs.copy(workspaceFile('011_variant-i-other-markup.txt'), copy, { overwrite: true });
  });

  afterEach(async () => {
    await closeAllEditors();
    await vscode.workspace.fs.delete(copy).then(undefined, () => undefined);
  });

  /** The view block holding the bold, and where the bold is in its text. */
  function boldBlock(session: EditorSession): { block: number; text: string; from: number } {
    const init = session.posted.find((m): m is Extract<HostMessage, { type: 'init' }> => m.type === 'init')!;
    const block = init.blocks.findIndex((b) => b.text.includes(BOLD));
    const view = init.blocks[block]!;
    const from = view.text.indexOf(BOLD);
    assert.deepEqual(view.marks, [{ kind: 'bold', from, to: from + BOLD.length }], 'the page is told where the bold is');
    assert.equal(view.lossy, undefined, 'its markup is kept through edits');
    const link = init.blocks.find((b) => b.text.includes('市政府门户网站通知公告栏'))!;
    assert.deepEqual(link.marks?.map((m) => [m.kind, m.href]), [['link', 'http://www.example.com/yunchuan/zwgk/tzgg/']]);
    return { block, text: view.text, from };
  }

  it('an edit across the end of the bold keeps <b> around the text that stays, <BR/> as it was', async () => {
    const session = await openInArticleEditor(copy);
    const document = session.document;
    const { block, from } = boldBlock(session);
    const before = document.getText();
    // Select 责任制，加强 (the bold's last three characters and two after it) and type 新.
    const start = from + BOLD.length - 3;
    assert.equal(await session.handle({ type: 'edit', version: document.version, block, from: start, to: start + 6, text: '新' }), true);
    assert.equal(document.getText(), before.replace('<b>严格落实安全生产责任制</b>，加强对', '<b>严格落实安全生产新</b>对'));
    const update = await waitFor('the update', () => updates(session).at(-1));
    assert.deepEqual(update.blocks[0]!.marks, [{ kind: 'bold', from, to: from + 9 }]);
  });

  it('the format message (Ctrl+B) writes <b> as one undo step; the page hears of the new bold', async () => {
    const session = await openInArticleEditor(copy);
    const document = session.document;
    const { block, text } = boldBlock(session);
    const before = document.getText();
    const at = text.indexOf('值班电话');
    assert.equal(await session.handle({ type: 'format', version: document.version, block, from: at, to: at + 4, mark: 'bold' }), true);
    assert.equal(document.getText(), before.replace('<br>值班电话', '<br><b>值班电话</b>'));
    const update = await waitFor('the update', () => updates(session).at(-1));
    assert.equal(update.blocks[0]!.text, text, 'the text is the same');
    assert.ok(update.blocks[0]!.marks?.some((m) => m.kind === 'bold' && m.from === at && m.to === at + 4), 'the new bold');
    // Italic on part of the bold, then one undo takes back only that.
    const withBold = document.getText();
    assert.equal(await session.handle({ type: 'format', version: document.version, block, from: at, to: at + 2, mark: 'italic' }), true);
    assert.equal(document.getText(), before.replace('<br>值班电话', '<br><b><i>值班</i>电话</b>'));
    await session.handle({ type: 'undo' });
    await waitFor('undo', () => (document.getText() === withBold ? true : undefined));
    await session.handle({ type: 'undo' });
    await waitFor('undo', () => (document.getText() === before ? true : undefined));
  });

  it('a format message that cannot be made is refused with a reason', async () => {
    const session = await openInArticleEditor(copy);
    const document = session.document;
    const { block } = boldBlock(session);
    assert.equal(await session.handle({ type: 'format', version: document.version, block, from: 3, to: 3, mark: 'bold' }), false);
    assert.ok(session.posted.some((m) => m.type === 'error'));
    assert.equal(await session.handle({ type: 'format', version: document.version, block, from: 0, to: 2, mark: 'underline' }), false);
  });
});
