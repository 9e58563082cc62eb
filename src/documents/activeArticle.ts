/**
 * The active article of the Article Editor, as the features see it: the outline view and the
 * status bar counts follow it without importing src/editor. extension.ts passes the editor's
 * provider, which has this shape, to them.
 */
import type * as vscode from 'vscode';

/** One open Article Editor, as far as the features need it. */
export interface ArticleSession {
  /** The document it shows (as it is now: a language change replaces the object). */
  readonly document: vscode.TextDocument;
  readonly panel: { readonly visible: boolean; reveal(): void };
  /** The block the caret moved into, as an index into the editor's view. */
  readonly onDidFocusBlock: vscode.Event<number>;
  /** The article block index behind a view index. */
  blockIndex(view: number): number | undefined;
  /** The view index of an article block, or -1. */
  viewIndexOf(block: number): number;
  /** Scrolls the view block into sight. */
  reveal(view: number): void;
}

/** Where the active Article Editor is found: `active` and its change, and every open one. */
export interface ActiveArticleSource {
  readonly active: ArticleSession | undefined;
  readonly onDidChangeActive: vscode.Event<ArticleSession | undefined>;
  readonly sessions: Iterable<ArticleSession>;
}
