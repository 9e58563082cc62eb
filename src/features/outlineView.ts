/**
 * The "Article Outline" view in the Explorer: the structure of the active article, for the text
 * editor and the Article Editor alike (VS Code gives custom editors no Outline). It follows the
 * cursor, and a click reveals the block: the range selected in the text editor, or the paragraph
 * scrolled into view in the Article Editor.
 */
import * as vscode from 'vscode';
import { buildOutline, flattenOutline, type OutlineNode } from '../core/outline';
import { getConfig } from '../config';
import type { ActiveArticleSource, ArticleSession } from '../documents/activeArticle';
import { ARTICLE_LANGUAGE, type ArticleCache } from '../documents/articleCache';
import { nodeDetail, nodeLabel } from './symbols';

const ICONS: Record<OutlineNode['kind'], string> = { title: 'file-text', heading: 'symbol-namespace', paragraph: 'symbol-string', image: 'file-media' };

export class ArticleOutlineProvider implements vscode.TreeDataProvider<OutlineNode>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<OutlineNode | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private document: vscode.TextDocument | undefined;
  private roots: OutlineNode[] = [];
  private readonly parents = new Map<OutlineNode, OutlineNode | undefined>();
  private byBlock = new Map<number, OutlineNode>();
  private refreshTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(private readonly articles: ArticleCache) {}

  get current(): vscode.TextDocument | undefined {
    return this.document;
  }

  /** The nodes as shown, depth first (for tests and for following the cursor). */
  get nodes(): OutlineNode[] {
    return flattenOutline(this.roots);
  }

  show(document: vscode.TextDocument | undefined): void {
    if (this.document === document && document) return;
    this.document = document;
    this.rebuild();
  }

  scheduleRefresh(document: vscode.TextDocument): void {
    if (document !== this.document) return;
    if (this.refreshTimer) clearTimeout(this.refreshTimer);
    this.refreshTimer = setTimeout(() => this.rebuild(), 300);
  }

  rebuild(): void {
    this.parents.clear();
    this.byBlock = new Map();
    this.roots = this.document ? buildOutline(this.articles.get(this.document), { sections: getConfig(this.document.uri).outlineSections }) : [];
    const walk = (nodes: readonly OutlineNode[], parent: OutlineNode | undefined): void => {
      for (const node of nodes) {
        this.parents.set(node, parent);
        this.byBlock.set(node.block, node);
        walk(node.children, node);
      }
    };
    walk(this.roots, undefined);
    void vscode.commands.executeCommand('setContext', 'article.outline.hasArticle', this.document !== undefined);
    this.changed.fire(undefined);
  }

  /** The deepest node whose range holds `offset`. */
  nodeAt(offset: number): OutlineNode | undefined {
    let found: OutlineNode | undefined;
    let list: readonly OutlineNode[] = this.roots;
    for (;;) {
      const hit = list.find((node) => node.span.start <= offset && offset <= node.span.end);
      if (!hit) return found;
      found = hit;
      list = hit.children;
    }
  }

  nodeOfBlock(block: number): OutlineNode | undefined {
    return this.byBlock.get(block);
  }

  getTreeItem(node: OutlineNode): vscode.TreeItem {
    const item = new vscode.TreeItem(nodeLabel(node), node.children.length > 0 ? vscode.TreeItemCollapsibleState.Expanded : vscode.TreeItemCollapsibleState.None);
    item.id = `${this.document?.uri.toString()}#${node.block}`;
    item.description = nodeDetail(node);
    item.iconPath = new vscode.ThemeIcon(ICONS[node.kind]);
    item.tooltip = node.kind === 'paragraph' || node.kind === 'heading' ? `${nodeLabel(node)}\n${nodeDetail(node)}` : undefined;
    if (this.document) item.command = { command: 'article.revealBlock', title: vscode.l10n.t('Reveal'), arguments: [this.document.uri, node.block] };
    return item;
  }

  getChildren(node?: OutlineNode): OutlineNode[] {
    return node ? node.children : this.roots;
  }

  getParent(node: OutlineNode): OutlineNode | undefined {
    return this.parents.get(node);
  }

  dispose(): void {
    if (this.refreshTimer) clearTimeout(this.refreshTimer);
    this.changed.dispose();
  }
}

/** The Article Outline view; the returned disposables end it. */
export function registerOutlineView(articles: ArticleCache, editors: ActiveArticleSource): { outline: ArticleOutlineProvider; disposables: vscode.Disposable[] } {
  const provider = new ArticleOutlineProvider(articles);
  const view = vscode.window.createTreeView('article.outline', { treeDataProvider: provider, showCollapseAll: true });

  /** Which article is active: the Article Editor's, else the text editor's. */
  const follow = (): void => {
    if (provider.current?.isClosed) provider.show(undefined);
    const session = editors.active;
    if (session) return provider.show(session.document);
    const editor = vscode.window.activeTextEditor;
    if (editor && editor.document.languageId === ARTICLE_LANGUAGE) return provider.show(editor.document);
    if (!editor && vscode.window.tabGroups.activeTabGroup.activeTab?.input instanceof vscode.TabInputCustom) return; // a custom editor of another kind: keep
    provider.show(undefined);
  };
  const reveal = (node: OutlineNode | undefined): void => {
    if (node && view.visible) void view.reveal(node, { select: true, focus: false, expand: true });
  };
  const watched = new WeakSet<ArticleSession>();

  const disposables: vscode.Disposable[] = [
    provider,
    view,
    vscode.window.onDidChangeActiveTextEditor(follow),
    // A document switched to the article language (detection) is the same editor, a new document.
    vscode.workspace.onDidOpenTextDocument((document) => {
      if (document.languageId === ARTICLE_LANGUAGE && vscode.window.activeTextEditor?.document.uri.toString() === document.uri.toString()) setTimeout(follow, 0);
    }),
    editors.onDidChangeActive((session) => {
      if (session && !watched.has(session)) {
        watched.add(session);
        session.onDidFocusBlock((viewIndex) => {
          const block = session.blockIndex(viewIndex);
          if (block !== undefined && provider.current === session.document) reveal(provider.nodeOfBlock(block));
        });
      }
      follow();
    }),
    vscode.workspace.onDidChangeTextDocument((event) => provider.scheduleRefresh(event.document)),
    vscode.workspace.onDidChangeConfiguration((event) => {
      if (event.affectsConfiguration('article.outline.sections')) provider.rebuild();
    }),
    // Closed, or closed and reopened in another language (detection): look again once that is through.
    vscode.workspace.onDidCloseTextDocument((document) => {
      if (document === provider.current) setTimeout(follow, 0);
    }),
    vscode.window.onDidChangeTextEditorSelection((event) => {
      if (event.textEditor.document !== provider.current) return;
      reveal(provider.nodeAt(event.textEditor.document.offsetAt(event.selections[0]!.active)));
    }),
    vscode.commands.registerCommand('article.revealBlock', async (uri: vscode.Uri, block: number) => {
      const session = [...editors.sessions].find((s) => s.document.uri.toString() === uri.toString() && s.panel.visible);
      if (session) {
        const index = session.viewIndexOf(block);
        if (index >= 0) session.reveal(index);
        else session.panel.reveal();
        return;
      }
      const document = await vscode.workspace.openTextDocument(uri);
      const article = articles.get(document);
      const target = article.blocks[block];
      const range = target
        ? new vscode.Range(document.positionAt(target.kind === 'paragraph' ? target.textStart : target.start), document.positionAt(target.kind === 'paragraph' ? target.textEnd : target.end))
        : new vscode.Range(document.positionAt(article.titleLine.start), document.positionAt(article.titleLine.end));
      const editor = await vscode.window.showTextDocument(document, { preserveFocus: false });
      editor.selection = new vscode.Selection(range.start, range.end);
      editor.revealRange(range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
    }),
  ];
  follow();
  return { outline: provider, disposables };
}
