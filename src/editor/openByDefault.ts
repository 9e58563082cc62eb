/**
 * `article.editor.openByDefault`: article files opened in the text editor reopen in the Article
 * Editor. The setting is read each time an editor becomes active, so a change applies at once.
 */
import * as vscode from 'vscode';
import { getConfig } from '../config';
import { ARTICLE_LANGUAGE } from '../documents/articleCache';
import { VIEW_TYPE } from './articleEditor';

/** Reopens article files in the Article Editor when the setting says so; the returned disposables end it. */
export function registerOpenByDefault(): vscode.Disposable[] {
  const reopened = new Set<string>();
  const consider = (editor: vscode.TextEditor | undefined): void => {
    if (!editor || editor.document.languageId !== ARTICLE_LANGUAGE || editor.document.uri.scheme !== 'file') return;
    if (!getConfig(editor.document.uri).openByDefault) return;
    const key = editor.document.uri.toString();
    // Once per document and session: "Reopen Editor With… Text Editor" then stays as the user chose.
    if (reopened.has(key)) return;
    reopened.add(key);
    void vscode.commands.executeCommand('vscode.openWith', editor.document.uri, VIEW_TYPE);
  };
  const disposables = [vscode.window.onDidChangeActiveTextEditor(consider)];
  consider(vscode.window.activeTextEditor);
  return disposables;
}
