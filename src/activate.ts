import type * as vscode from 'vscode';
import { ArticleCache } from './documents/articleCache';
import { registerDetection } from './features/detection';
import { registerExport } from './features/export';
import { registerLint } from './features/lint';
import { registerNormalize } from './features/normalize';
import { ArticleEditorProvider } from './editor/articleEditor';
import { registerOpenByDefault } from './editor/openByDefault';
import { registerOutlineView, type ArticleOutlineProvider } from './features/outlineView';
import { registerSymbols } from './features/symbols';
import { registerWalkthrough } from './features/walkthrough';
import { registerCorpus, type CorpusApi } from './features/corpus/register';

/** What the extension gives other code (its tests) through `getExtension(…).exports`. */
export interface ArticleEditorApi {
  readonly editors: ArticleEditorProvider;
  readonly outline: ArticleOutlineProvider;
  /** The corpus index, the Articles view and the status bar counts. */
  readonly corpus: CorpusApi;
  /** Which entry runs: `node` (dist/extension.js) or `web` (dist/web/extension.js, the web worker host). */
  readonly runtime: 'node' | 'web';
}

/**
 * Wires the parts together and does nothing else: the document service (one ArticleCache) goes
 * to the features and the Article Editor; the editor goes to the features that follow the active
 * article only as an ActiveArticleSource. Every registration's disposables end with the extension.
 * Shared by the Node entry (extension.ts) and the web entry (extension.web.ts), which differ only
 * in what they hand in before calling it.
 */
export function wire(context: vscode.ExtensionContext, runtime: ArticleEditorApi['runtime']): ArticleEditorApi {
  const articles = new ArticleCache();
  context.subscriptions.push(articles, ...registerDetection(), ...registerSymbols(articles), ...registerExport(articles), ...registerNormalize(articles));
  context.subscriptions.push(...registerLint(context.extensionUri, articles));
  const { editors, disposables: editorParts } = ArticleEditorProvider.register(context, articles);
  const { outline, disposables: outlineParts } = registerOutlineView(articles, editors);
  context.subscriptions.push(...editorParts, ...outlineParts, ...registerOpenByDefault(), ...registerWalkthrough());
  const { corpus, disposables: corpusParts } = registerCorpus(context.workspaceState, articles, editors);
  context.subscriptions.push(...corpusParts);
  return { editors, outline, corpus, runtime };
}
