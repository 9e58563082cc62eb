/**
 * Settings take effect without a reload: changing `article.*` in the workspace settings changes
 * what the Outline, the Article Outline view and the status bar counts show at once.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { articleCounts, readingMinutes } from '../../src/core/corpus/counts';
import { parseArticle } from '../../src/core/parse';
import type { ArticleEditorApi } from '../../src/extension';
import { closeAllEditors, openArticle, waitFor } from './workspace';

async function api(): Promise<ArticleEditorApi> {
  return vscode.extensions.getExtension<ArticleEditorApi>('article-editor.article-editor')!.activate();
}

const config = (): vscode.WorkspaceConfiguration => vscode.workspace.getConfiguration('article');
const set = (key: string, value: unknown): Thenable<void> => config().update(key, value, vscode.ConfigurationTarget.Workspace);

/** Whether the top level under the title holds a node with children (a section with its paragraphs). */
const nested = (children: readonly { children: readonly unknown[] }[]): boolean => children.some((c) => c.children.length > 0);

describe('settings follow a change without a reload', function () {
  this.timeout(60000);
  after(async () => {
    await set('outline.sections', undefined);
    await set('readingSpeed', undefined);
    await closeAllEditors();
  });

  it('article.outline.sections: the document symbols and the Article Outline nest sections, then not', async () => {
    const { outline } = await api();
    const document = await openArticle('017_speech-sections-outline.txt');
    const symbols = async (): Promise<vscode.DocumentSymbol[]> => (await vscode.commands.executeCommand<vscode.DocumentSymbol[]>('vscode.executeDocumentSymbolProvider', document.uri)) ?? [];
    const shown = (): boolean | undefined => (outline.current?.uri.toString() === document.uri.toString() && outline.nodes.length > 1 ? nested(outline.getChildren()[0]!.children) : undefined);

    await set('outline.sections', true);
    assert.ok(nested((await symbols())[0]!.children), 'symbols: sections hold their paragraphs');
    assert.equal(await waitFor('the Article Outline of the speech', shown), true, 'Article Outline: sections hold their paragraphs');

    await set('outline.sections', false);
    assert.equal(nested((await symbols())[0]!.children), false, 'symbols: flat under the title');
    await waitFor('the Article Outline, flat', () => (shown() === false ? true : undefined));

    await set('outline.sections', true);
    await waitFor('the Article Outline, nested again', () => (shown() === true ? true : undefined));
  });

  it('article.readingSpeed: the status bar reading time', async () => {
    const { corpus } = await api();
    const document = await openArticle('000_5edd2806a98033fb.txt');
    // The counts of this article (not those of the one shown before: the item follows a moment later).
    const { cjk } = articleCounts(parseArticle(document.getText()));
    const counts = await waitFor('the counts of the seed', () => (corpus.status.current?.cjk === cjk ? corpus.status.current : undefined));
    assert.ok(counts.cjk > 100, `${counts.cjk} CJK characters`);

    await set('readingSpeed', 10);
    const slow = readingMinutes(counts.cjk, 10);
    await waitFor(`${slow} min at 10 a minute`, () => (corpus.status.current?.minutes === slow ? true : undefined));
    assert.match(corpus.status.text, new RegExp(`· ${slow} (min|分钟)$`));

    await set('readingSpeed', 100000);
    await waitFor('1 min at 100000 a minute', () => (corpus.status.current?.minutes === 1 ? true : undefined));
    assert.match(corpus.status.text, /· 1 (min|分钟)$/);
  });
});
