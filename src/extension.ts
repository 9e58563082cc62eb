import * as vscode from 'vscode';

export function activate(_context: vscode.ExtensionContext): void {
  // Features are registered here as they land.
}

export function deactivate(): void {
  // Nothing to release: every registration is a disposable on the context.
}
