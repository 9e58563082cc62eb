/**
 * What the commands say and where they put things (issue 10, point 9): the Export Folder
 * destination picker (a title, new folders), the summary naming the destination with a button to
 * show it, and the Article Editor's Normalize button saying what it changed. The notifications and
 * pickers are VS Code's; the tests stand in for the user by replacing `vscode.window`'s functions
 * for the time of a test (the extension and its tests share one `vscode` API object).
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { EditorSession } from '../../src/editor/articleEditor';
import type { ArticleEditorApi } from '../../src/extension';
import { closeAllEditors, waitFor, workspaceFile } from './workspace';

async function api(): Promise<ArticleEditorApi> {
  const extension = vscode.extensions.getExtension<ArticleEditorApi>('article-editor.article-editor')!;
  return extension.activate();
}

type Window = typeof vscode.window;

/** Replaces `vscode.window[name]` until `restore()`. */
function replace<K extends keyof Window>(name: K, fake: Window[K]): { restore(): void } {
  const window = vscode.window as { -readonly [P in keyof Window]: Window[P] };
  const original = window[name];
  window[name] = fake;
  return { restore: () => void (window[name] = original) };
}

interface Shown {
  readonly message: string;
  readonly buttons: string[];
}

/** Records the information and warning messages shown until `restore()`; answers none. */
function recordMessages(): { shown: Shown[]; restore(): void } {
  const shown: Shown[] = [];
  const fake = (message: string, ...rest: unknown[]): Thenable<undefined> => {
    shown.push({ message, buttons: rest.filter((r): r is string => typeof r === 'string') });
    return Promise.resolve(undefined);
  };
  const a = replace('showInformationMessage', fake as Window['showInformationMessage']);
  const b = replace('showWarningMessage', fake as Window['showWarningMessage']);
  return { shown, restore: () => (a.restore(), b.restore()) };
}

interface Summary {
  readonly exported: number;
  readonly destination: vscode.Uri;
}

describe('feedback: Export Folder\'s destination and summary', function () {
  this.timeout(60000);
  const corpus = workspaceFile('fixtures/feedback-corpus');
  const articles = vscode.Uri.joinPath(corpus, 'articles');

  before(async () => {
    for (const name of ['000_5edd2806a98033fb.txt', '017_speech-sections-outline.txt']) {
      await vscode.workspace.fs.copy(workspaceFile(name), vscode.Uri.joinPath(articles, name), { overwrite: true });
    }
  });

  after(async () => {
    await vscode.workspace.fs.delete(corpus, { recursive: true }).then(undefined, () => undefined);
  });

  it('the picker has a title and offers a new folder beside the articles; the summary says where the files went, with a button to show them', async () => {
    let asked: { title?: string; labels: string[] } | undefined;
    const pick = replace('showQuickPick', ((items: readonly vscode.QuickPickItem[], options?: vscode.QuickPickOptions) => {
      asked = { title: options?.title, labels: items.map((i) => i.label) };
      return Promise.resolve(items[0]);
    }) as unknown as Window['showQuickPick']);
    const messages = recordMessages();
    try {
      const summary = await vscode.commands.executeCommand<Summary>('article.exportFolder', articles, { format: 'txt' });
      assert.ok(asked, 'a destination picker');
      assert.ok(asked.title && asked.title.length > 0, 'the picker has a title');
      assert.match(asked.labels[0]!, /articles-txt/);
      assert.ok(asked.labels.some((l) => /New folder…|新建文件夹…/.test(l)), asked.labels.join(' | '));
      const expected = vscode.Uri.joinPath(corpus, 'articles-txt');
      assert.equal(summary.destination.toString(), expected.toString());
      assert.equal(summary.exported, 2);
      const names = (await vscode.workspace.fs.readDirectory(expected)).map(([name]) => name).sort();
      assert.deepEqual(names, ['000_5edd2806a98033fb.txt', '017_speech-sections-outline.txt']);
      const summaryLine = await waitFor('the summary', () => messages.shown.find((s) => s.message.includes('articles-txt')));
      assert.ok(summaryLine.message.includes(vscode.workspace.asRelativePath(expected, false)), summaryLine.message);
      assert.ok(summaryLine.buttons.some((b) => /Reveal Folder|显示文件夹/.test(b)), summaryLine.buttons.join(' | '));
    } finally {
      pick.restore();
      messages.restore();
    }
  });

  it('"New folder…" asks for the new folder\'s name and place with a titled dialog; the export creates it', async () => {
    const target = vscode.Uri.joinPath(corpus, 'chosen', 'new-folder');
    let dialogTitle: string | undefined;
    const pick = replace('showQuickPick', ((items: readonly (vscode.QuickPickItem & { how?: string })[]) => Promise.resolve(items.find((i) => i.how === 'new'))) as unknown as Window['showQuickPick']);
    const save = replace('showSaveDialog', (options?: vscode.SaveDialogOptions) => {
      dialogTitle = options?.title;
      return Promise.resolve(target);
    });
    const messages = recordMessages();
    try {
      const summary = await vscode.commands.executeCommand<Summary>('article.exportFolder', articles, { format: 'md' });
      assert.ok(dialogTitle && dialogTitle.length > 0, 'the dialog has a title');
      assert.equal(summary.destination.toString(), target.toString());
      const names = (await vscode.workspace.fs.readDirectory(target)).map(([name]) => name).sort();
      assert.deepEqual(names, ['000_5edd2806a98033fb.md', '017_speech-sections-outline.md']);
    } finally {
      pick.restore();
      save.restore();
      messages.restore();
    }
  });
});

describe('feedback: the Article Editor\'s Normalize button says what changed', function () {
  this.timeout(60000);
  const copy = workspaceFile('fixtures/feedback-normalize.txt');

  before(async () => {
    await vscode.workspace.fs.copy(workspaceFile('002_variant-b-block-style.txt'), copy, { overwrite: true });
  });

  after(async () => {
    await closeAllEditors();
    await vscode.workspace.fs.delete(copy).then(undefined, () => undefined);
  });

  it('"Normalized …: N of M blocks rewritten", then "already in canonical form"', async () => {
    await vscode.commands.executeCommand('vscode.openWith', copy, 'article.editor');
    const { editors } = await api();
    const session = await waitFor<EditorSession>('the page', () => [...editors.sessions].find((s) => s.document.uri.toString() === copy.toString() && s.posted.some((m) => m.type === 'init')), 30000);
    const messages = recordMessages();
    try {
      const before = session.document.getText();
      assert.equal(await session.handle({ type: 'command', command: 'article.normalize' }), true);
      assert.notEqual(session.document.getText(), before, 'the button changed the file');
      const first = await waitFor('the message', () => messages.shown[0]);
      assert.match(first.message, /feedback-normalize\.txt/);
      assert.match(first.message, /(\d+) of (\d+) blocks rewritten|重写了 \d+ 个块中的 \d+ 个/);
      assert.equal(await session.handle({ type: 'command', command: 'article.normalize' }), true);
      const second = await waitFor('the second message', () => messages.shown[1]);
      assert.match(second.message, /already in canonical form|已是规范格式/);
    } finally {
      messages.restore();
    }
  });
});
