/**
 * Parsed articles of open documents, one parse per document version, shared by every feature.
 */
import * as vscode from 'vscode';
import type { Article } from '../core/model';
import { parseArticle } from '../core/parse';

export const ARTICLE_LANGUAGE = 'article';

export class ArticleCache implements vscode.Disposable {
  private readonly entries = new Map<string, { version: number; article: Article }>();
  private readonly subscription: vscode.Disposable;

  constructor() {
    this.subscription = vscode.workspace.onDidCloseTextDocument((document) => this.entries.delete(document.uri.toString()));
  }

  get(document: vscode.TextDocument): Article {
    const key = document.uri.toString();
    const entry = this.entries.get(key);
    if (entry && entry.version === document.version) return entry.article;
    const article = parseArticle(document.getText());
    this.entries.set(key, { version: document.version, article });
    return article;
  }

  dispose(): void {
    this.subscription.dispose();
    this.entries.clear();
  }
}
