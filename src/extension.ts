import * as vscode from 'vscode';
import { ArticleCache } from './documents/articleCache';
import { registerDetection } from './features/detection';
import { registerExport } from './features/export';
import { registerLint } from './features/lint';
import { registerNormalize } from './features/normalize';
import { ArticleEditorProvider } from './editor/articleEditor';
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

export function activate(context: vscode.ExtensionContext): ArticleEditorApi {
  const articles = new ArticleCache();
  context.subscriptions.push(articles);
  registerDetection(context);
  registerSymbols(context, articles);
  registerExport(context, articles);
  registerNormalize(context, articles);
  context.subscriptions.push(...registerLint(context.extensionUri, articles));
  const editors = ArticleEditorProvider.register(context, articles);
  const outline = registerOutlineView(context, articles, editors);
  registerOpenByDefault(context);
  const corpus = registerCorpus(context, articles, editors);
  return { editors, outline, corpus };
}

/** `article.editor.openByDefault`: article files opened in the text editor reopen in the Article Editor. */
function registerOpenByDefault(context: vscode.ExtensionContext): void {
  const reopened = new Set<string>();
  const consider = (editor: vscode.TextEditor | undefined): void => {
    if (!editor || editor.document.languageId !== 'article' || editor.document.uri.scheme !== 'file') return;
    if (!vscode.workspace.getConfiguration('article', editor.document.uri).get<boolean>('editor.openByDefault', false)) return;
    const key = editor.document.uri.toString();
    // Once per document and session: "Reopen Editor With… Text Editor" then stays as the user chose.
    if (reopened.has(key)) return;
    reopened.add(key);
    void vscode.commands.executeCommand('vscode.openWith', editor.document.uri, 'article.editor');
  };
  context.subscriptions.push(vscode.window.onDidChangeActiveTextEditor(consider));
  consider(vscode.window.activeTextEditor);
}

export function deactivate(): void {
  // Every registration is a disposable on the context.
}
