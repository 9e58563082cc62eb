/**
 * Status bar counts of the active article, in the text editor and the Article Editor alike:
 * paragraphs, CJK characters, all characters and the reading time (`article.readingSpeed`); for a
 * selection in the text editor, the selection's counts.
 */
import * as vscode from 'vscode';
import { articleCounts, readingMinutes, selectionCounts, type Counts } from '../../core/corpus/counts';
import { getConfig } from '../../config';
import { ARTICLE_LANGUAGE, type ArticleCache } from '../../documents/articleCache';
import type { ActiveArticleSource } from '../../documents/activeArticle';

export interface StatusCounts extends Counts {
  readonly minutes: number;
  /** Counts of the selection rather than of the whole article. */
  readonly selection: boolean;
}

export class CorpusStatus implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('article.counts', vscode.StatusBarAlignment.Right, 100);
  private timer: ReturnType<typeof setTimeout> | undefined;
  /** What the item shows now; undefined while it is hidden (no active article). */
  current: StatusCounts | undefined;

  constructor(
    private readonly articles: ArticleCache,
    private readonly editors: ActiveArticleSource,
  ) {
    this.item.name = vscode.l10n.t('Article Counts');
  }

  get text(): string {
    return this.current ? this.item.text : '';
  }

  get tooltip(): string {
    return typeof this.item.tooltip === 'string' ? this.item.tooltip : '';
  }

  /** Updates soon (typing and moving the cursor come in bursts). */
  schedule(delay = 150): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => this.update(), delay);
  }

  update(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    const found = this.measure();
    this.current = found;
    if (!found) {
      this.item.hide();
      return;
    }
    const chars = found.chars.toLocaleString();
    const cjk = found.cjk.toLocaleString();
    const minutes = found.minutes;
    this.item.text = found.selection
      ? vscode.l10n.t('$(selection) {0} ¶ · {1} CJK · {2} chars · {3} min', found.paragraphs, cjk, chars, minutes)
      : vscode.l10n.t('$(book) {0} ¶ · {1} CJK · {2} chars · {3} min', found.paragraphs, cjk, chars, minutes);
    this.item.tooltip = found.selection
      ? vscode.l10n.t('Selection: {0} paragraphs, {1} CJK characters, {2} characters in all; about {3} min to read', found.paragraphs, cjk, chars, minutes)
      : vscode.l10n.t('Article: {0} paragraphs, {1} CJK characters, {2} characters in all; about {3} min to read', found.paragraphs, cjk, chars, minutes);
    this.item.show();
  }

  private measure(): StatusCounts | undefined {
    const session = this.editors.active;
    let document: vscode.TextDocument | undefined;
    let counts: Counts | undefined;
    let selection = false;
    if (session) {
      document = session.document;
      counts = articleCounts(this.articles.get(document));
    } else {
      const editor = vscode.window.activeTextEditor;
      if (!editor || editor.document.languageId !== ARTICLE_LANGUAGE) return undefined;
      document = editor.document;
      const article = this.articles.get(document);
      const selections = editor.selections.filter((s) => !s.isEmpty);
      if (selections.length > 0) {
        selection = true;
        let paragraphs = 0;
        let cjk = 0;
        let chars = 0;
        for (const s of selections) {
          const c = selectionCounts(article, document.offsetAt(s.start), document.offsetAt(s.end));
          paragraphs += c.paragraphs;
          cjk += c.cjk;
          chars += c.chars;
        }
        counts = { paragraphs, cjk, chars };
      } else {
        counts = articleCounts(article);
      }
    }
    return { ...counts, minutes: readingMinutes(counts.cjk, getConfig(document.uri).readingSpeed), selection };
  }

  dispose(): void {
    if (this.timer) clearTimeout(this.timer);
    this.item.dispose();
  }
}

export function registerCorpusStatus(articles: ArticleCache, editors: ActiveArticleSource): { status: CorpusStatus; disposables: vscode.Disposable[] } {
  const status = new CorpusStatus(articles, editors);
  const disposables: vscode.Disposable[] = [
    status,
    // Not in the same moment as the switch: counting a big article first would hold up the
    // views that clear themselves for the new one (the Article Outline).
    vscode.window.onDidChangeActiveTextEditor(() => status.schedule(0)),
    editors.onDidChangeActive(() => status.schedule(0)),
    vscode.window.onDidChangeTextEditorSelection((event) => {
      // A moving caret changes nothing the item shows; a selection (made or gone) does.
      if (event.textEditor === vscode.window.activeTextEditor && (status.current?.selection || event.selections.some((s) => !s.isEmpty))) status.schedule();
    }),
    vscode.workspace.onDidChangeTextDocument((event) => {
      // Counting is over the whole article: after a pause in typing, a longer one in a big article.
      if (event.contentChanges.length === 0) return;
      const d = event.document;
      status.schedule(300 + Math.min(1200, Math.round(d.offsetAt(d.lineAt(d.lineCount - 1).range.end) / 20_000)));
    }),
    // Detection switches a document to the article language after it opened.
    vscode.workspace.onDidOpenTextDocument(() => status.schedule()),
    vscode.workspace.onDidCloseTextDocument(() => status.schedule()),
    vscode.workspace.onDidChangeConfiguration((event) => {
      if (event.affectsConfiguration('article.readingSpeed')) status.update();
    }),
  ];
  status.update();
  return { status, disposables };
}
