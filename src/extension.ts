import * as vscode from 'vscode';
import { ArticleCache } from './features/articles';
import { registerDetection } from './features/detection';
import { registerExport } from './features/export';
import { registerNormalize } from './features/normalize';
import { registerSymbols } from './features/symbols';

export function activate(context: vscode.ExtensionContext): void {
  const articles = new ArticleCache();
  context.subscriptions.push(articles);
  registerDetection(context);
  registerSymbols(context, articles);
  registerExport(context, articles);
  registerNormalize(context, articles);
}

export function deactivate(): void {
  // Every registration is a disposable on the context.
}
