/**
 * The corpus features, wired: the index of the workspace's article files, the Articles view,
 * workspace symbols, Explorer tooltips, the status bar counts, duplicates and search.
 */
import * as vscode from 'vscode';
import type { ArticleCache } from '../../documents/articleCache';
import type { ActiveArticleSource } from '../../documents/activeArticle';
import { CorpusIndex } from './corpusIndex';
import { registerArticlesView, type ArticlesProvider } from './articlesView';
import { registerTitleDecorations, registerWorkspaceSymbols, type TitleDecorations } from './navigation';
import { registerCorpusStatus, type CorpusStatus } from './status';
import { registerReports, type Reports } from './reports';

/** What the corpus features give the extension's API (for tests). */
export interface CorpusApi {
  readonly index: CorpusIndex;
  readonly articles: ArticlesProvider;
  readonly status: CorpusStatus;
  readonly reports: Reports;
  readonly decorations: TitleDecorations;
}

export function registerCorpus(context: vscode.ExtensionContext, articles: ArticleCache, editors: ActiveArticleSource): CorpusApi {
  const index = new CorpusIndex(context.workspaceState);
  context.subscriptions.push(index);
  const view = registerArticlesView(context, index);
  registerWorkspaceSymbols(context, index);
  const decorations = registerTitleDecorations(context, index, view);
  const status = registerCorpusStatus(context, articles, editors);
  const reports = registerReports(context, index);
  // Indexing starts once activation is through, in the background.
  setTimeout(() => void index.refresh(), 0);
  return { index, articles: view, status, reports, decorations };
}
