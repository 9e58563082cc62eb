/**
 * Outline, breadcrumbs and Go to Symbol for article documents: the title as root, paragraphs
 * (nested under section headings) and image placeholders beneath it.
 */
import * as vscode from 'vscode';
import { buildOutline, nodeLabel as coreNodeLabel, type OutlineNode } from '../core/outline';
import { getConfig } from '../config';
import { ARTICLE_LANGUAGE, type ArticleCache } from './articles';

const KINDS: Record<OutlineNode['kind'], vscode.SymbolKind> = {
  title: vscode.SymbolKind.File,
  heading: vscode.SymbolKind.Namespace,
  paragraph: vscode.SymbolKind.String,
  image: vscode.SymbolKind.Object,
};

/** What the outline shows for a node; never empty (VS Code refuses empty symbol names). */
export function nodeLabel(node: OutlineNode): string {
  return coreNodeLabel(node, { image: vscode.l10n.t('Image'), untitled: vscode.l10n.t('(untitled)'), empty: vscode.l10n.t('(empty)') });
}

export function nodeDetail(node: OutlineNode): string {
  return node.kind === 'image' ? '' : vscode.l10n.t('{0} chars', node.chars);
}

function toSymbol(document: vscode.TextDocument, node: OutlineNode): vscode.DocumentSymbol {
  const range = new vscode.Range(document.positionAt(node.span.start), document.positionAt(node.span.end));
  const selection = new vscode.Range(document.positionAt(node.selection.start), document.positionAt(node.selection.end));
  const symbol = new vscode.DocumentSymbol(nodeLabel(node), nodeDetail(node), KINDS[node.kind], range, selection);
  symbol.children = node.children.map((child) => toSymbol(document, child));
  return symbol;
}

export function registerSymbols(context: vscode.ExtensionContext, articles: ArticleCache): void {
  const provider: vscode.DocumentSymbolProvider = {
    provideDocumentSymbols(document) {
      const article = articles.get(document);
      const tree = buildOutline(article, { sections: getConfig(document.uri).outlineSections });
      return tree.map((node) => toSymbol(document, node));
    },
  };
  context.subscriptions.push(
    vscode.languages.registerDocumentSymbolProvider({ language: ARTICLE_LANGUAGE }, provider, { label: vscode.l10n.t('Article') }),
  );
}
