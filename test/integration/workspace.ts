/** Helpers for integration tests: files of the test workspace, waiting on the editor's state. */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';

/** The workspace file with this path relative to the (first) workspace folder. */
export function workspaceFile(relativePath: string): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'the tests need a workspace folder');
  return vscode.Uri.joinPath(folder.uri, ...relativePath.split('/'));
}

/** Names of the `.txt` files at the top of the workspace folder (the seeds). */
export async function seedFiles(): Promise<string[]> {
  const folder = vscode.workspace.workspaceFolders![0]!;
  const entries = await vscode.workspace.fs.readDirectory(folder.uri);
  return entries.filter(([name, type]) => type === vscode.FileType.File && name.endsWith('.txt')).map(([name]) => name).sort();
}

/** Polls `probe` until it returns something other than undefined, or fails after `ms`. */
export async function waitFor<T>(what: string, probe: () => T | undefined | Promise<T | undefined>, ms = 10000): Promise<T> {
  const until = Date.now() + ms;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** The open document for `uri` once it has the language `languageId`. */
export function documentWithLanguage(uri: vscode.Uri, languageId: string, ms = 10000): Promise<vscode.TextDocument> {
  return waitFor(`${uri.path} as ${languageId}`, () =>
    vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString() && d.languageId === languageId),
  ms);
}

/** Opens a workspace file in an editor and waits until the extension has recognised it as an article. */
export async function openArticle(relativePath: string): Promise<vscode.TextDocument> {
  const uri = workspaceFile(relativePath);
  await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
  return documentWithLanguage(uri, 'article');
}

export async function closeAllEditors(): Promise<void> {
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
}
