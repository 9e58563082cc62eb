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

/** The corpus features; the returned disposables end them. */
export function registerCorpus(state: vscode.Memento, articles: ArticleCache, editors: ActiveArticleSource): { corpus: CorpusApi; disposables: vscode.Disposable[] } {
  const index = new CorpusIndex(state);
  const view = registerArticlesView(index);
  const decorations = registerTitleDecorations(index, view.view);
  const status = registerCorpusStatus(articles, editors);
  const reports = registerReports(index);
  const disposables = [index, ...view.disposables, ...registerWorkspaceSymbols(index), ...decorations.disposables, ...status.disposables, ...reports.disposables];
  // Indexing starts once activation is through, in the background.
  setTimeout(() => void index.refresh(), 0);
  return {
    corpus: { index, articles: view.view, status: status.status, reports: reports.reports, decorations: decorations.decorations },
    disposables,
  };
}
