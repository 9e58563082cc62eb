/**
 * The document service: parsed articles of open documents, one parse per document version,
 * shared by the features and the Article Editor (which never import each other; extension.ts
 * hands both this cache). Typing in a paragraph updates the cached article in place of a new
 * parse (core/incremental), and not at each keystroke: the keys of a burst of typing at one place
 * are gathered into one edit, applied when someone next asks for the article (an update moves
 * every block after the edit, which in a big article costs more than a keystroke should).
 */
import * as vscode from 'vscode';
import { foldEdit, updateArticle, type SourceEdit } from '../core/incremental';
import type { Article } from '../core/model';
import { parseArticle } from '../core/parse';

/** The language id of article documents. */
export const ARTICLE_LANGUAGE = 'article';

/** An edit not yet applied to the cached article: what it replaced and the document version after it. */
interface Pending {
  readonly edit: SourceEdit;
  readonly version: number;
}

interface Entry {
  /** The document version `article` was parsed or updated for. */
  readonly version: number;
  readonly article: Article;
  /** Keys typed since, gathered into one edit of `article`'s source, making the document's `pending.version`. */
  readonly pending?: Pending;
}

export class ArticleCache implements vscode.Disposable {
  private readonly entries = new Map<string, Entry>();
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
    const found = this.entries.get(key);
    if (!found) return;
    const change = event.contentChanges.length === 1 ? event.contentChanges[0] : undefined;
    if (!change || (found.pending?.version ?? found.version) !== event.document.version - 1) {
      this.entries.delete(key);
      return;
    }
    const edit = { start: change.rangeOffset, end: change.rangeOffset + change.rangeLength, text: change.text };
    const folded = found.pending && foldEdit(found.pending.edit, edit);
    if (folded) {
      this.entries.set(key, { version: found.version, article: found.article, pending: { edit: folded, version: event.document.version } });
      return;
    }
    // Typing somewhere else: the keys before are applied, this one waits.
    const entry = found.pending ? this.apply(key, event.document, found.article, found.pending) : found;
    if (entry) this.entries.set(key, { version: entry.version, article: entry.article, pending: { edit, version: event.document.version } });
  }

  /** `article` with `pending` applied, as the entry of `key`; undefined (and no entry) where only a full parse can tell. */
  private apply(key: string, document: vscode.TextDocument, article: Article, pending: Pending): Entry | undefined {
    const { edit, version } = pending;
    // The article before, held weakly: an article never read as text must not keep all its
    // predecessors alive.
    const previous = new WeakRef(article);
    const sourceOf = (): string => {
      if (document.version === version) return document.getText();
      const before = previous.deref();
      if (!before) throw new Error(`the text of ${document.uri.toString()} at version ${version} is gone`);
      return before.source.slice(0, edit.start) + edit.text + before.source.slice(edit.end);
    };
    const updated = updateArticle(article, edit, sourceOf);
    if (!updated) {
      this.entries.delete(key);
      return undefined;
    }
    this.stats.incremental++;
    const entry = { version, article: updated };
    this.entries.set(key, entry);
    return entry;
  }

  get(document: vscode.TextDocument): Article {
    const key = document.uri.toString();
    let entry = this.entries.get(key);
    if (entry?.pending && entry.pending.version === document.version) entry = this.apply(key, document, entry.article, entry.pending);
    if (entry && !entry.pending && entry.version === document.version) return entry.article;
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
