/**
 * The document service: parsed articles of open documents, one parse per document version,
 * shared by the features and the Article Editor (which never import each other; extension.ts
 * hands both this cache). Typing in a paragraph updates the cached article in place of a new
 * parse (core/incremental).
 */
import * as vscode from 'vscode';
import { updateArticle } from '../core/incremental';
import type { Article } from '../core/model';
import { parseArticle } from '../core/parse';

/** The language id of article documents. */
export const ARTICLE_LANGUAGE = 'article';

export class ArticleCache implements vscode.Disposable {
  private readonly entries = new Map<string, { version: number; article: Article }>();
  private readonly subscriptions: vscode.Disposable[];
  /** How the last changes were taken in: counts for tests and benchmarks. */
  readonly stats = { incremental: 0, full: 0 };

  constructor() {
    this.subscriptions = [
      vscode.workspace.onDidCloseTextDocument((document) => this.entries.delete(document.uri.toString())),
      vscode.workspace.onDidChangeTextDocument((event) => this.onChange(event)),
    ];
  }

  private onChange(event: vscode.TextDocumentChangeEvent): void {
    const key = event.document.uri.toString();
    const entry = this.entries.get(key);
    if (!entry) return;
    const change = event.contentChanges.length === 1 ? event.contentChanges[0] : undefined;
    if (!change || entry.version !== event.document.version - 1) {
      this.entries.delete(key);
      return;
    }
    const document = event.document;
    const version = document.version;
    const edit = { start: change.rangeOffset, end: change.rangeOffset + change.rangeLength, text: change.text };
    // The article before, held weakly: an article never read as text must not keep all its
    // predecessors alive.
    const previous = new WeakRef(entry.article);
    const sourceOf = (): string => {
      if (document.version === version) return document.getText();
      const before = previous.deref();
      if (!before) throw new Error(`the text of ${document.uri.toString()} at version ${version} is gone`);
      return before.source.slice(0, edit.start) + edit.text + before.source.slice(edit.end);
    };
    const updated = updateArticle(entry.article, edit, sourceOf);
    if (updated) {
      this.stats.incremental++;
      this.entries.set(key, { version: event.document.version, article: updated });
    } else {
      this.entries.delete(key);
    }
  }

  get(document: vscode.TextDocument): Article {
    const key = document.uri.toString();
    const entry = this.entries.get(key);
    if (entry && entry.version === document.version) return entry.article;
    this.stats.full++;
    const article = parseArticle(document.getText());
    this.entries.set(key, { version: document.version, article });
    return article;
  }

  dispose(): void {
    for (const subscription of this.subscriptions) subscription.dispose();
    this.entries.clear();
  }
}
