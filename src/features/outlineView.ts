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

/** How long a cleared view may wait for the tree to fetch its empty state before the outline is built anyway. */
const SHOW_CLEARED_MS = 250;
/** The refresh's delay after an edit: longer for big documents, whose rebuild costs more. */
const refreshDelay = (length: number): number => 300 + Math.min(1200, Math.round(length / 20_000));

/** What the provider needs of its view: is it on screen, and its message line. */
export interface OutlineViewPort {
  readonly visible: boolean;
  message?: string | undefined;
}

export class ArticleOutlineProvider implements vscode.TreeDataProvider<OutlineNode>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<OutlineNode | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private document: vscode.TextDocument | undefined;
  private roots: OutlineNode[] = [];
  private readonly parents = new Map<OutlineNode, OutlineNode | undefined>();
  private byBlock = new Map<number, OutlineNode>();
  private refreshTimer: ReturnType<typeof setTimeout> | undefined;
  private buildTimer: ReturnType<typeof setTimeout> | undefined;
  /** The document version the nodes show; undefined while they are not built for it. */
  private builtVersion: number | undefined;
  private isLoading = false;
  /** The view, once created (the provider comes first). */
  port: OutlineViewPort | undefined;

  constructor(private readonly articles: ArticleCache) {}

  /** True from a switch to another article until its outline is built: the view is empty and says so. */
  get loading(): boolean {
    return this.isLoading;
  }

  /** The view's message line (the loading notice), as the view shows it. */
  get message(): string | undefined {
    return this.port?.message;
  }

  get current(): vscode.TextDocument | undefined {
    return this.document;
  }

  /** The nodes as shown, depth first (for tests); builds them first where they are out of date. */
  get nodes(): OutlineNode[] {
    this.ensureBuilt();
    return flattenOutline(this.roots);
  }

  /**
   * Shows another document: the view is emptied and says it is loading at once, and the outline is
   * built only once the view has shown that (parsing a big article takes a while, and until then
   * the view would go on showing the previous article).
   */
  show(document: vscode.TextDocument | undefined): void {
    if (this.document === document && document) return;
    this.document = document;
    this.clearTimers();
    this.setRoots([]);
    this.builtVersion = undefined;
    this.isLoading = document !== undefined;
    if (this.port) this.port.message = document ? vscode.l10n.t('Loading the outline of {0}…', document.uri.path.slice(document.uri.path.lastIndexOf('/') + 1)) : undefined;
    void vscode.commands.executeCommand('setContext', 'article.outline.hasArticle', document !== undefined);
    this.changed.fire(undefined);
    // Built when the view fetches the empty tree (getChildren), or after a moment if it does not.
    if (document && this.visible) this.buildTimer = setTimeout(() => this.rebuild(), SHOW_CLEARED_MS);
  }

  /** After an edit: rebuilt after a pause in typing, and only while the view is on screen. */
  scheduleRefresh(document: vscode.TextDocument): void {
    if (document !== this.document) return;
    if (this.refreshTimer) clearTimeout(this.refreshTimer);
    this.refreshTimer = undefined;
    if (!this.visible) return; // built when it shows again (or is asked for its nodes)
    this.refreshTimer = setTimeout(() => this.rebuild(), refreshDelay(document.offsetAt(document.lineAt(document.lineCount - 1).range.end)));
  }

  /** The view came on screen: bring it up to date. */
  onDidShow(): void {
    if (this.document && this.builtVersion !== this.document.version) this.rebuild();
  }

  private get visible(): boolean {
    return this.port?.visible ?? true;
  }

  private ensureBuilt(): void {
    if (this.document && this.builtVersion !== this.document.version) this.rebuild();
  }

  private clearTimers(): void {
    if (this.refreshTimer) clearTimeout(this.refreshTimer);
    if (this.buildTimer) clearTimeout(this.buildTimer);
    this.refreshTimer = undefined;
    this.buildTimer = undefined;
  }

  rebuild(): void {
    this.clearTimers();
    const document = this.document;
    this.setRoots(document ? buildOutline(this.articles.get(document), { sections: getConfig(document.uri).outlineSections }) : []);
    this.builtVersion = document?.version;
    if (this.isLoading) {
      this.isLoading = false;
      if (this.port) this.port.message = undefined;
    }
    void vscode.commands.executeCommand('setContext', 'article.outline.hasArticle', document !== undefined);
    this.changed.fire(undefined);
  }

  private setRoots(roots: OutlineNode[]): void {
    this.parents.clear();
    this.byBlock = new Map();
    this.roots = roots;
    const walk = (nodes: readonly OutlineNode[], parent: OutlineNode | undefined): void => {
      for (const node of nodes) {
        this.parents.set(node, parent);
        this.byBlock.set(node.block, node);
        walk(node.children, node);
      }
    };
    walk(this.roots, undefined);
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
    if (node) return node.children;
    // The view has fetched the emptied tree of a switch: build the outline right after.
    if (this.isLoading) {
      if (this.buildTimer) clearTimeout(this.buildTimer);
      this.buildTimer = setTimeout(() => this.rebuild(), 0);
    }
    return this.roots;
  }

  getParent(node: OutlineNode): OutlineNode | undefined {
    return this.parents.get(node);
  }

  dispose(): void {
    this.clearTimers();
    this.changed.dispose();
  }
}

/** The Article Outline view; the returned disposables end it. */
export function registerOutlineView(articles: ArticleCache, editors: ActiveArticleSource): { outline: ArticleOutlineProvider; disposables: vscode.Disposable[] } {
  const provider = new ArticleOutlineProvider(articles);
  const view = vscode.window.createTreeView('article.outline', { treeDataProvider: provider, showCollapseAll: true });
  provider.port = view;

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
    if (node && view.visible && !provider.loading) void view.reveal(node, { select: true, focus: false, expand: true });
  };
  const watched = new WeakSet<ArticleSession>();

  const disposables: vscode.Disposable[] = [
    provider,
    view,
    view.onDidChangeVisibility((event) => {
      if (event.visible) provider.onDidShow();
    }),
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
      if (event.textEditor.document !== provider.current || !view.visible || provider.loading) return;
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
