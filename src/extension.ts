import * as vscode from 'vscode';
import { ArticleCache } from './documents/articleCache';
import { registerDetection } from './features/detection';
import { registerExport } from './features/export';
import { registerLint } from './features/lint';
import { registerNormalize } from './features/normalize';
import { ArticleEditorProvider } from './editor/articleEditor';
import { registerOpenByDefault } from './editor/openByDefault';
import { registerOutlineView, type ArticleOutlineProvider } from './features/outlineView';
import { registerSymbols } from './features/symbols';
import { registerCorpus, type CorpusApi } from './features/corpus/register';

/** What the extension gives other code (its tests) through `getExtension(…).exports`. */
export interface ArticleEditorApi {
  readonly editors: ArticleEditorProvider;
  readonly outline: ArticleOutlineProvider;
  /** The corpus index, the Articles view and the status bar counts. */
  readonly corpus: CorpusApi;
}

/**
 * Wires the parts together and does nothing else: the document service (one ArticleCache) goes
 * to the features and the Article Editor; the editor goes to the features that follow the active
 * article only as an ActiveArticleSource. Every registration's disposables end with the extension.
 */
export function activate(context: vscode.ExtensionContext): ArticleEditorApi {
  const articles = new ArticleCache();
  context.subscriptions.push(articles, ...registerDetection(), ...registerSymbols(articles), ...registerExport(articles), ...registerNormalize(articles));
  context.subscriptions.push(...registerLint(context.extensionUri, articles));
  const { editors, disposables: editorParts } = ArticleEditorProvider.register(context, articles);
  const { outline, disposables: outlineParts } = registerOutlineView(articles, editors);
  context.subscriptions.push(...editorParts, ...outlineParts, ...registerOpenByDefault());
  const { corpus, disposables: corpusParts } = registerCorpus(context.workspaceState, articles, editors);
  context.subscriptions.push(...corpusParts);
  return { editors, outline, corpus };
}

export function deactivate(): void {
  // Every registration is a disposable on the context.
}
