/**
 * The extension's web entry (`browser`: dist/web/extension.js), for the web worker extension host
 * of VS Code for the Web (vscode.dev, github.dev, code-server's browser host). No Node there: every
 * file, local or not, goes through `vscode.workspace.fs`, GB18030 through `vscode.workspace.decode`
 * and `encode`. esbuild builds it for the browser, so an import of Node's modules fails the build.
 */
import type * as vscode from 'vscode';
import { wire, type ArticleEditorApi } from './activate';

export type { ArticleEditorApi } from './activate';

export function activate(context: vscode.ExtensionContext): ArticleEditorApi {
  return wire(context, 'web');
}

export function deactivate(): void {
  // Every registration is a disposable on the context.
}
