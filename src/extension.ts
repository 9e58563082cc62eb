/**
 * The extension's Node entry (`main`: dist/extension.js), for desktop VS Code, remote and
 * code-server hosts. It hands the folder jobs the command line tool's Node adapter for folders of
 * this machine (modes, owners and links kept) and wires the rest as the web entry does.
 */
import type * as vscode from 'vscode';
import { wire, type ArticleEditorApi } from './activate';
import { useLocalFiles } from './features/batchFs';
import { nodeFs } from './node/batchFs';

export type { ArticleEditorApi } from './activate';

export function activate(context: vscode.ExtensionContext): ArticleEditorApi {
  context.subscriptions.push(useLocalFiles(() => nodeFs));
  return wire(context, 'node');
}

export function deactivate(): void {
  // Every registration is a disposable on the context.
}
