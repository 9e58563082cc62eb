/**
 * The Article Outline view while the active article changes (issue 10, point 8): it never goes on
 * showing the previous article while a big one is parsed; it empties and says it is loading at
 * once, then shows the new outline.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { OutlineNode } from '../../src/core/outline';
import type { ArticleEditorApi } from '../../src/extension';
import { generateBigArticle } from '../support/generate';
import { closeAllEditors, openArticle, waitFor, workspaceFile } from './workspace';

async function api(): Promise<ArticleEditorApi> {
  const extension = vscode.extensions.getExtension<ArticleEditorApi>('article-editor.article-editor')!;
  return extension.activate();
}

/** Every name in the tree the view would show now (what `getChildren` gives it), depth first. */
function shownNames(outline: ArticleEditorApi['outline']): string[] {
  const names: string[] = [];
  const walk = (nodes: readonly OutlineNode[]): void => {
    for (const node of nodes) {
      names.push(node.name);
      walk(node.children);
    }
  };
  walk(outline.getChildren());
  return names;
}

describe('Article Outline view: switching articles', function () {
  this.timeout(120000);
  const big = workspaceFile('fixtures/outline-big.txt');

  before(async () => {
    await vscode.workspace.fs.writeFile(big, new TextEncoder().encode(generateBigArticle(3000).text));
  });

  after(async () => {
    await closeAllEditors();
    await vscode.workspace.fs.delete(big).then(undefined, () => undefined);
  });

  it('right after switching to another file it shows none of the previous article, says it is loading, then the new outline', async () => {
    const { outline } = await api();
    const speech = await openArticle('017_speech-sections-outline.txt');
    // The view on screen, as a user has it (it does no work while hidden).
    await vscode.commands.executeCommand('article.outline.focus').then(undefined, () => undefined);
    // The view's items first: fetching them is what lets a loading outline build.
    await waitFor('the outline of 017', () => (shownNames(outline).includes('一、客观认识当前经济形势') && !outline.loading && outline.current?.uri.toString() === speech.uri.toString() ? true : undefined));
    const previous = new Set(shownNames(outline).slice(1)); // the paragraphs and headings of 017

    // What the view holds at each moment it is told to refresh, and when the editor changes.
    const moments: { what: string; names: string[]; message: string | undefined; loading: boolean }[] = [];
    const look = (what: string): void => {
      moments.push({ what, names: shownNames(outline), message: outline.message, loading: outline.loading });
    };
    const subscriptions = [outline.onDidChangeTreeData(() => look('refresh')), vscode.window.onDidChangeActiveTextEditor(() => look('editor'))];
    try {
      const document = await openArticle('fixtures/outline-big.txt');
      await waitFor('the big article\'s outline', () => (shownNames(outline).length > 100 && !outline.loading && outline.current?.uri.toString() === document.uri.toString() ? true : undefined), 60000);
      const switched = moments.findIndex((m) => m.what === 'editor');
      assert.ok(switched >= 0, JSON.stringify(moments.map((m) => m.what)));
      // From the moment the editor changed: never a node of 017.
      for (const moment of moments.slice(switched)) {
        const stale = moment.names.filter((name) => previous.has(name));
        assert.deepEqual(stale, [], `the view still showed 017 at a ${moment.what}`);
      }
      // Empty and saying so while the big article loads, before its outline shows.
      const loadingAt = moments.findIndex((m) => m.loading && m.names.length === 0 && m.message?.includes('outline-big.txt') === true);
      const shownAt = moments.findIndex((m) => m.names.length > 100);
      assert.ok(loadingAt >= 0, `no loading state: ${JSON.stringify(moments.map((m) => [m.what, m.names.length, m.message]))}`);
      assert.ok(shownAt > loadingAt, `the outline showed before the loading state: ${JSON.stringify(moments.map((m) => [m.what, m.names.length, m.message]))}`);
      assert.equal(outline.message, undefined);
    } finally {
      for (const subscription of subscriptions) subscription.dispose();
    }
  });
});
