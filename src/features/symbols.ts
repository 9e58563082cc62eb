/**
 * Outline, breadcrumbs and Go to Symbol for article documents: the title as root, paragraphs
 * (nested under section headings) and image placeholders beneath it.
 */
import * as vscode from 'vscode';
import { buildOutline, nodeLabel as coreNodeLabel, type OutlineNode } from '../core/outline';
import { getConfig } from '../config';
import { ARTICLE_LANGUAGE, type ArticleCache } from '../documents/articleCache';

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

/** The document symbols of articles; the returned disposables end them. */
export function registerSymbols(articles: ArticleCache): vscode.Disposable[] {
  const provider: vscode.DocumentSymbolProvider = {
    provideDocumentSymbols(document) {
      const article = articles.get(document);
      const tree = buildOutline(article, { sections: getConfig(document.uri).outlineSections });
      return tree.map((node) => toSymbol(document, node));
    },
  };
  const register = (): vscode.Disposable => vscode.languages.registerDocumentSymbolProvider({ language: ARTICLE_LANGUAGE }, provider, { label: vscode.l10n.t('Article') });
  let registration = register();
  return [
    // VS Code asks a provider again when one is registered: registering anew is how the Outline
    // and breadcrumbs take a changed `article.outline.sections` without an edit or a reload.
    vscode.workspace.onDidChangeConfiguration((event) => {
      if (!event.affectsConfiguration('article.outline.sections')) return;
      registration.dispose();
      registration = register();
    }),
    new vscode.Disposable(() => {
      registration.dispose();
    }),
  ];
}
