/**
 * The Articles view: every article file of the workspace by its title, with its list index,
 * paragraph and character counts; sorted (a setting and a toolbar toggle), grouped by workspace
 * folder when there are several, narrowed by a title filter typed into an input box (live, as
 * you type). Files that could not be read are listed with the reason; files sharing a title or a
 * list index carry a warning.
 *
 * The filter is an input box of our own rather than the tree's built-in find: the built-in find
 * matches the label fuzzily and only highlights (or hides) rows already rendered, it cannot be
 * set from a command or a test, and it is gone when the view is hidden; ours is a plain
 * case-insensitive substring of the title, stays until cleared, and shows in the view's title.
 */
import * as vscode from 'vscode';
import { compareRows, findConflicts, matchesFilter, SORT_MODES, type ArticleRow, type RowConflicts, type SortMode } from '../../core/corpus/entry';
import { getConfig } from '../../config';
import { DEFAULT_MAX_BYTES } from '../../core/decode';
import { problemText as fileProblemText } from '../batchMessages';
import type { CorpusIndex, IndexedFile } from './corpusIndex';

export type ArticlesNode = { readonly kind: 'folder'; readonly folder: vscode.WorkspaceFolder } | { readonly kind: 'file'; readonly file: IndexedFile; readonly row: ArticleRow };

/** Why a file could not be indexed, in the words the folder jobs use for the same problems. */
export function problemText(file: IndexedFile): string {
  if (file.entry.kind !== 'failed') return '';
  const { problem, detail } = file.entry;
  return fileProblemText(problem, problem === 'too-large' ? (detail ?? String(DEFAULT_MAX_BYTES)) : detail);
}

function fileName(uri: vscode.Uri): string {
  return uri.path.slice(uri.path.lastIndexOf('/') + 1);
}

function folderKey(uri: vscode.Uri): string {
  return uri.with({ path: uri.path.slice(0, uri.path.lastIndexOf('/')) }).toString();
}

const SORT_LABELS = (): Record<SortMode, string> => ({
  index: vscode.l10n.t('by list index'),
  title: vscode.l10n.t('by title'),
  file: vscode.l10n.t('by file name'),
});

export class ArticlesProvider implements vscode.TreeDataProvider<ArticlesNode>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<ArticlesNode | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private filterText = '';
  private sorted: Extract<ArticlesNode, { kind: 'file' }>[] = [];
  private conflictMap = new Map<string, RowConflicts>();
  view: vscode.TreeView<ArticlesNode> | undefined;

  constructor(private readonly index: CorpusIndex) {}

  get filter(): string {
    return this.filterText;
  }

  set filter(text: string) {
    this.filterText = text;
    void vscode.commands.executeCommand('setContext', 'article.articles.filtered', text.trim() !== '');
    this.rebuild();
  }

  get sort(): SortMode {
    return getConfig().articlesSort;
  }

  /** The rows as shown (filtered and sorted, folders flattened in order): next/previous follow it. */
  get rows(): readonly Extract<ArticlesNode, { kind: 'file' }>[] {
    return this.sorted;
  }

  conflicts(key: string): RowConflicts | undefined {
    return this.conflictMap.get(key);
  }

  rebuild(): void {
    const rows = this.index.entries.map((file) => ({
      kind: 'file' as const,
      file,
      row: {
        key: file.key,
        name: fileName(file.uri),
        folder: folderKey(file.uri),
        title: file.entry.kind === 'article' ? file.entry.title : '',
        listIndex: file.entry.kind === 'article' ? file.entry.listIndex : null,
      },
    }));
    this.conflictMap = findConflicts(rows.filter((r) => r.file.entry.kind === 'article').map((r) => r.row));
    const compare = compareRows(this.sort);
    const folders = vscode.workspace.workspaceFolders ?? [];
    const folderIndex = (file: IndexedFile): number => vscode.workspace.getWorkspaceFolder(file.uri)?.index ?? folders.length;
    this.sorted = rows
      .filter((r) => r.file.entry.kind === 'failed' ? this.filterText.trim() === '' || matchesFilter(r.row.name, this.filterText) : matchesFilter(r.row.title, this.filterText))
      .sort((a, b) => folderIndex(a.file) - folderIndex(b.file) || compare(a.row, b.row));
    if (this.view) {
      const count = this.sorted.length;
      const total = rows.length;
      this.view.description = this.filterText.trim() !== ''
        ? vscode.l10n.t('“{0}”: {1} of {2}', this.filterText.trim(), count, total)
        : vscode.l10n.t('{0} articles, {1}', total, SORT_LABELS()[this.sort]);
      this.view.message = total > 0 && count === 0 ? vscode.l10n.t('No article title contains “{0}”.', this.filterText.trim()) : undefined;
    }
    this.changed.fire(undefined);
  }

  getTreeItem(node: ArticlesNode): vscode.TreeItem {
    if (node.kind === 'folder') {
      const item = new vscode.TreeItem(node.folder.name, vscode.TreeItemCollapsibleState.Expanded);
      item.id = `folder:${node.folder.uri.toString()}`;
      item.iconPath = vscode.ThemeIcon.Folder;
      item.resourceUri = node.folder.uri;
      return item;
    }
    const { file, row } = node;
    const name = row.name;
    if (file.entry.kind !== 'article') {
      const item = new vscode.TreeItem(name, vscode.TreeItemCollapsibleState.None);
      item.id = file.key;
      item.description = problemText(file);
      item.tooltip = `${vscode.workspace.asRelativePath(file.uri)}\n${problemText(file)}`;
      item.iconPath = new vscode.ThemeIcon('error', new vscode.ThemeColor('list.errorForeground'));
      item.contextValue = 'article.failedFile';
      item.resourceUri = file.uri;
      item.command = { command: 'revealInExplorer', title: vscode.l10n.t('Reveal in Explorer'), arguments: [file.uri] };
      return item;
    }
    const entry = file.entry;
    const title = entry.title !== '' ? entry.title : vscode.l10n.t('(untitled)');
    const item = new vscode.TreeItem(title, vscode.TreeItemCollapsibleState.None);
    item.id = file.key;
    const parts: string[] = [];
    if (entry.listIndex !== null) parts.push(`#${entry.listIndex}`);
    parts.push(vscode.l10n.t('{0} ¶', entry.paragraphs), vscode.l10n.t('{0} chars', entry.chars.toLocaleString()));
    item.description = parts.join(' · ');
    const conflicts = this.conflictMap.get(file.key);
    const lines = [title, `${vscode.workspace.asRelativePath(file.uri)}`, vscode.l10n.t('{0} paragraphs, {1} characters ({2} CJK)', entry.paragraphs, entry.chars.toLocaleString(), entry.cjk.toLocaleString())];
    if (conflicts) lines.push(...conflictLines(conflicts));
    item.tooltip = lines.join('\n');
    item.iconPath = conflicts ? new vscode.ThemeIcon('warning', new vscode.ThemeColor('list.warningForeground')) : new vscode.ThemeIcon('file-text');
    item.contextValue = 'article.articleFile';
    item.resourceUri = file.uri;
    item.command = { command: 'article.articles.open', title: vscode.l10n.t('Open'), arguments: [file.uri] };
    return item;
  }

  getChildren(node?: ArticlesNode): ArticlesNode[] {
    const folders = vscode.workspace.workspaceFolders ?? [];
    if (!node) {
      if (folders.length > 1) {
        const used = new Set(this.sorted.map((r) => vscode.workspace.getWorkspaceFolder(r.file.uri)?.uri.toString()));
        return folders.filter((folder) => used.has(folder.uri.toString())).map((folder) => ({ kind: 'folder', folder }));
      }
      return this.sorted;
    }
    if (node.kind === 'folder') return this.sorted.filter((r) => vscode.workspace.getWorkspaceFolder(r.file.uri)?.uri.toString() === node.folder.uri.toString());
    return [];
  }

  getParent(node: ArticlesNode): ArticlesNode | undefined {
    if (node.kind === 'folder' || (vscode.workspace.workspaceFolders ?? []).length < 2) return undefined;
    const folder = vscode.workspace.getWorkspaceFolder(node.file.uri);
    return folder ? { kind: 'folder', folder } : undefined;
  }

  dispose(): void {
    this.changed.dispose();
  }
}

/** What a file's warning says: the other files with its title or its list index. */
export function conflictLines(conflicts: RowConflicts): string[] {
  const lines: string[] = [];
  if (conflicts.sameTitle.length > 0) lines.push(vscode.l10n.t('⚠ Same title as {0}', conflicts.sameTitle.map((r) => r.name).join(', ')));
  if (conflicts.sameIndex.length > 0) lines.push(vscode.l10n.t('⚠ Same list index as {0}', conflicts.sameIndex.map((r) => r.name).join(', ')));
  return lines;
}

/** The URI of the article in the active editor: the text editor's, or the Article Editor's tab. */
export function activeArticleUri(): vscode.Uri | undefined {
  const input = vscode.window.tabGroups.activeTabGroup.activeTab?.input;
  if (input instanceof vscode.TabInputCustom || input instanceof vscode.TabInputText) return input.uri;
  return vscode.window.activeTextEditor?.document.uri;
}

/** Opens an article file as `article.editor.openByDefault` says: in the Article Editor, or the text editor. */
export async function openArticleFile(uri: vscode.Uri, options: { preview?: boolean; preserveFocus?: boolean } = {}): Promise<void> {
  const inEditor = getConfig(uri).openByDefault;
  if (inEditor) await vscode.commands.executeCommand('vscode.openWith', uri, 'article.editor', { preview: options.preview ?? true, preserveFocus: options.preserveFocus ?? false });
  else await vscode.window.showTextDocument(uri, { preview: options.preview ?? true, preserveFocus: options.preserveFocus ?? false });
}

export function registerArticlesView(index: CorpusIndex): { view: ArticlesProvider; disposables: vscode.Disposable[] } {
  const provider = new ArticlesProvider(index);
  const view = vscode.window.createTreeView('article.articles', { treeDataProvider: provider, showCollapseAll: false });
  provider.view = view;
  void vscode.commands.executeCommand('setContext', 'article.articles.filtered', false);

  const step = async (delta: 1 | -1): Promise<void> => {
    const rows = provider.rows.filter((r) => r.file.entry.kind === 'article');
    if (rows.length === 0) return;
    const current = activeArticleUri()?.toString();
    const at = rows.findIndex((r) => r.file.key === current);
    const next = at < 0 ? (delta > 0 ? 0 : rows.length - 1) : at + delta;
    if (next < 0 || next >= rows.length) {
      void vscode.window.setStatusBarMessage(delta > 0 ? vscode.l10n.t('This is the last article.') : vscode.l10n.t('This is the first article.'), 3000);
      return;
    }
    const target = rows[next]!;
    await openArticleFile(target.file.uri);
    if (view.visible) void view.reveal(target, { select: true, focus: false });
  };

  const disposables: vscode.Disposable[] = [
    provider,
    view,
    index.onDidChange(() => provider.rebuild()),
    vscode.workspace.onDidChangeConfiguration((event) => {
      if (event.affectsConfiguration('article.articles.sort')) provider.rebuild();
    }),
    vscode.workspace.onDidChangeWorkspaceFolders(() => provider.rebuild()),
    vscode.commands.registerCommand('article.articles.open', (uri: vscode.Uri) => openArticleFile(uri)),
    vscode.commands.registerCommand('article.articles.sort', async (mode?: SortMode) => {
      const next = mode && SORT_MODES.includes(mode) ? mode : SORT_MODES[(SORT_MODES.indexOf(provider.sort) + 1) % SORT_MODES.length]!;
      const target = vscode.workspace.workspaceFolders ? vscode.ConfigurationTarget.Workspace : vscode.ConfigurationTarget.Global;
      await vscode.workspace.getConfiguration('article').update('articles.sort', next, target);
      provider.rebuild();
    }),
    vscode.commands.registerCommand('article.articles.filter', async (text?: string) => {
      if (typeof text === 'string') {
        provider.filter = text;
        return;
      }
      const before = provider.filter;
      const box = vscode.window.createInputBox();
      box.title = vscode.l10n.t('Filter Articles by Title');
      box.placeholder = vscode.l10n.t('Part of a title (Latin letters in any case)');
      box.value = before;
      box.onDidChangeValue((value) => (provider.filter = value));
      box.onDidAccept(() => box.hide());
      box.onDidHide(() => box.dispose());
      box.show();
    }),
    vscode.commands.registerCommand('article.articles.clearFilter', () => (provider.filter = '')),
    vscode.commands.registerCommand('article.articles.refresh', () => index.refresh()),
    vscode.commands.registerCommand('article.articles.export', (node?: ArticlesNode) => {
      if (node?.kind === 'file') return vscode.commands.executeCommand('article.exportCleanText', node.file.uri);
      return undefined;
    }),
    vscode.commands.registerCommand('article.articles.normalize', (node?: ArticlesNode) => {
      if (node?.kind === 'file') return vscode.commands.executeCommand('article.normalize', node.file.uri);
      return undefined;
    }),
    vscode.commands.registerCommand('article.articles.reveal', (node?: ArticlesNode) => {
      if (node?.kind === 'file') return vscode.commands.executeCommand('revealInExplorer', node.file.uri);
      return undefined;
    }),
    vscode.commands.registerCommand('article.nextArticle', () => step(1)),
    vscode.commands.registerCommand('article.previousArticle', () => step(-1)),
  ];
  provider.rebuild();
  return { view: provider, disposables };
}
