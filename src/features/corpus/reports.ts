/**
 * "Article: Find Duplicate Articles" (a view of the groups, each member comparable side by side
 * with the first of its group in clean text) and "Article: Search Articles" (the clean text of every
 * article, hits listed by article title with the matching sentence; picking one opens the article
 * at the paragraph). Both read the files through `vscode.workspace.fs`, in short slices.
 */
import * as vscode from 'vscode';
import { DEFAULT_THRESHOLD, DuplicateFinder } from '../../core/corpus/duplicates';
import { cleanTextOf, searchArticle, type SearchHit } from '../../core/corpus/search';
import { decodeBytes } from '../../core/decode';
import type { Article } from '../../core/model';
import { parseArticle } from '../../core/parse';
import { getConfig } from '../../config';
import type { CorpusIndex, IndexedArticle } from './corpusIndex';
import { openArticleFile } from './articlesView';

const SLICE_MS = 15;
const READ_BATCH = 16;
// setImmediate in Node; the web worker extension host has only timers.
const yieldToHost = (): Promise<void> => new Promise((resolve) => (typeof setImmediate === 'function' ? setImmediate(resolve) : setTimeout(resolve, 0)));

/** Reads and parses each article in turn, handing control back to the host every few milliseconds. */
async function forEachArticle(files: readonly IndexedArticle[], token: vscode.CancellationToken, progress: vscode.Progress<{ message?: string; increment?: number }>, visit: (file: IndexedArticle, article: Article) => void): Promise<void> {
  let sliceStart = performance.now();
  for (let at = 0; at < files.length && !token.isCancellationRequested; at += READ_BATCH) {
    const batch = files.slice(at, at + READ_BATCH);
    const contents = await Promise.all(batch.map((file) => Promise.resolve(vscode.workspace.fs.readFile(file.uri)).then((bytes) => bytes, () => undefined)));
    sliceStart = performance.now();
    for (let i = 0; i < batch.length; i++) {
      const bytes = contents[i];
      if (!bytes) continue;
      const decoded = decodeBytes(bytes);
      if (decoded.ok) visit(batch[i]!, parseArticle(decoded.text));
      if (performance.now() - sliceStart > SLICE_MS) {
        await yieldToHost();
        sliceStart = performance.now();
      }
    }
    progress.report({ message: `${Math.min(at + READ_BATCH, files.length).toLocaleString()}/${files.length.toLocaleString()}`, increment: (batch.length * 100) / files.length });
  }
}

// Clean text as documents of their own, for the side-by-side diff.

export const CLEAN_SCHEME = 'article-clean';

export function cleanTextUri(uri: vscode.Uri): vscode.Uri {
  return vscode.Uri.from({ scheme: CLEAN_SCHEME, path: uri.path, query: uri.toString() });
}

class CleanTextProvider implements vscode.TextDocumentContentProvider {
  async provideTextDocumentContent(uri: vscode.Uri): Promise<string> {
    const decoded = decodeBytes(await vscode.workspace.fs.readFile(vscode.Uri.parse(uri.query)));
    return decoded.ok ? cleanTextOf(parseArticle(decoded.text)) + '\n' : '';
  }
}

// Duplicates.

export interface DuplicateReportGroup {
  readonly kind: 'exact' | 'near';
  readonly similarity: number;
  readonly files: readonly IndexedArticle[];
}

type DuplicateNode = { readonly kind: 'group'; readonly group: DuplicateReportGroup; readonly index: number } | { readonly kind: 'member'; readonly group: DuplicateReportGroup; readonly file: IndexedArticle; readonly first: boolean };

export class DuplicatesProvider implements vscode.TreeDataProvider<DuplicateNode>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChangeTreeData = this.changed.event;
  groups: readonly DuplicateReportGroup[] = [];

  show(groups: readonly DuplicateReportGroup[]): void {
    this.groups = groups;
    void vscode.commands.executeCommand('setContext', 'article.duplicates.shown', groups.length > 0);
    this.changed.fire();
  }

  getTreeItem(node: DuplicateNode): vscode.TreeItem {
    if (node.kind === 'group') {
      const { group } = node;
      const label =
        group.kind === 'exact'
          ? vscode.l10n.t('Exact duplicates: {0} files', group.files.length)
          : vscode.l10n.t('Near duplicates: {0} files, {1}% alike', group.files.length, Math.round(group.similarity * 100));
      const item = new vscode.TreeItem(label, vscode.TreeItemCollapsibleState.Expanded);
      item.id = `group:${node.index}:${group.files.map((f) => f.key).join('|')}`;
      item.description = group.files[0]!.entry.title;
      item.iconPath = new vscode.ThemeIcon(group.kind === 'exact' ? 'copy' : 'files');
      return item;
    }
    const { file } = node;
    const item = new vscode.TreeItem(file.entry.title || vscode.l10n.t('(untitled)'), vscode.TreeItemCollapsibleState.None);
    item.description = vscode.workspace.asRelativePath(file.uri);
    item.resourceUri = file.uri;
    item.iconPath = new vscode.ThemeIcon('file-text');
    item.contextValue = node.first ? 'article.duplicateFirst' : 'article.duplicateMember';
    item.command = { command: 'article.articles.open', title: vscode.l10n.t('Open'), arguments: [file.uri] };
    return item;
  }

  getChildren(node?: DuplicateNode): DuplicateNode[] {
    if (!node) return this.groups.map((group, index) => ({ kind: 'group', group, index }));
    if (node.kind === 'group') return node.group.files.map((file, i) => ({ kind: 'member', group: node.group, file, first: i === 0 }));
    return [];
  }

  dispose(): void {
    this.changed.dispose();
  }
}

/** Groups the indexed articles; undefined when cancelled. */
export async function findDuplicateArticles(index: CorpusIndex, threshold = DEFAULT_THRESHOLD): Promise<DuplicateReportGroup[] | undefined> {
  await index.whenIdle();
  const files = index.articles.sort((a, b) => (a.key < b.key ? -1 : 1));
  return vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Finding duplicate articles'), cancellable: true }, async (progress, token) => {
    const finder = new DuplicateFinder<IndexedArticle>();
    await forEachArticle(files, token, progress, (file, article) => finder.add(file, cleanTextOf(article)));
    if (token.isCancellationRequested) return undefined;
    return finder.groups(threshold).map((group) => ({ kind: group.kind, similarity: group.similarity, files: group.ids }));
  });
}

// Search.

export interface ArticleHits {
  readonly file: IndexedArticle;
  readonly hits: readonly SearchHit[];
}

export async function searchArticles(index: CorpusIndex, pattern: string): Promise<ArticleHits[] | undefined> {
  await index.whenIdle();
  const files = index.articles.sort((a, b) => (a.key < b.key ? -1 : 1));
  return vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Searching articles for “{0}”', pattern), cancellable: true }, async (progress, token) => {
    const found: ArticleHits[] = [];
    await forEachArticle(files, token, progress, (file, article) => {
      const hits = searchArticle(article, pattern, { maxHits: 20 });
      if (hits.length > 0) found.push({ file, hits });
    });
    return token.isCancellationRequested ? undefined : found;
  });
}

interface HitItem extends vscode.QuickPickItem {
  readonly uri?: vscode.Uri;
  readonly block?: number;
}

async function showSearch(index: CorpusIndex, given?: string): Promise<void> {
  const pattern = given ?? (await vscode.window.showInputBox({ title: vscode.l10n.t('Search Articles'), prompt: vscode.l10n.t('Text to find in the clean text of every article (any encoding, across the markup’s line breaks)') }));
  if (!pattern || pattern.trim() === '') return;
  const results = await searchArticles(index, pattern.trim());
  if (!results) return;
  if (results.length === 0) {
    void vscode.window.showInformationMessage(vscode.l10n.t('No article holds “{0}”.', pattern.trim()));
    return;
  }
  const items: HitItem[] = [];
  for (const { file, hits } of results) {
    items.push({ label: file.entry.title || vscode.workspace.asRelativePath(file.uri), kind: vscode.QuickPickItemKind.Separator });
    for (const hit of hits) {
      items.push({
        label: hit.sentence,
        description: hit.block < 0 ? vscode.l10n.t('title') : vscode.workspace.asRelativePath(file.uri),
        uri: file.uri,
        block: hit.block,
      });
    }
  }
  const total = results.reduce((n, r) => n + r.hits.length, 0);
  const picked = await vscode.window.showQuickPick(items, {
    title: vscode.l10n.t('“{0}”: {1} hits in {2} articles', pattern.trim(), total, results.length),
    matchOnDescription: true,
  });
  if (picked?.uri) await openAtBlock(picked.uri, picked.block ?? -1);
}

/** Opens the article at a paragraph: selected in the text editor, scrolled to in an open Article Editor. */
async function openAtBlock(uri: vscode.Uri, block: number): Promise<void> {
  const open = vscode.window.tabGroups.all.some((group) => group.tabs.some((tab) => tab.input instanceof vscode.TabInputCustom && tab.input.uri.toString() === uri.toString()));
  if (!open && getConfig(uri).openByDefault) await openArticleFile(uri, { preview: false });
  await vscode.commands.executeCommand('article.revealBlock', uri, block);
}

export interface Reports {
  readonly duplicates: DuplicatesProvider;
  findDuplicates(): Promise<readonly DuplicateReportGroup[] | undefined>;
  search(pattern: string): Promise<ArticleHits[] | undefined>;
}

export function registerReports(index: CorpusIndex): { reports: Reports; disposables: vscode.Disposable[] } {
  const duplicates = new DuplicatesProvider();
  const findDuplicates = async (): Promise<readonly DuplicateReportGroup[] | undefined> => {
    const groups = await findDuplicateArticles(index);
    if (!groups) return undefined;
    duplicates.show(groups);
    if (groups.length === 0) void vscode.window.showInformationMessage(vscode.l10n.t('No duplicate articles among {0} articles.', index.articles.length));
    else void vscode.commands.executeCommand('article.duplicates.focus');
    return groups;
  };
  const disposables: vscode.Disposable[] = [
    duplicates,
    vscode.window.createTreeView('article.duplicates', { treeDataProvider: duplicates }),
    vscode.workspace.registerTextDocumentContentProvider(CLEAN_SCHEME, new CleanTextProvider()),
    vscode.commands.registerCommand('article.findDuplicates', findDuplicates),
    vscode.commands.registerCommand('article.duplicates.clear', () => duplicates.show([])),
    vscode.commands.registerCommand('article.duplicates.compare', (node?: DuplicateNode) => {
      if (node?.kind !== 'member') return undefined;
      const first = node.group.files[0]!;
      const name = (file: IndexedArticle): string => file.uri.path.slice(file.uri.path.lastIndexOf('/') + 1);
      return vscode.commands.executeCommand('vscode.diff', cleanTextUri(first.uri), cleanTextUri(node.file.uri), vscode.l10n.t('{0} ↔ {1} (clean text)', name(first), name(node.file)));
    }),
    vscode.commands.registerCommand('article.searchArticles', (pattern?: string) => showSearch(index, typeof pattern === 'string' ? pattern : undefined)),
  ];
  return { reports: { duplicates, findDuplicates, search: (pattern) => searchArticles(index, pattern) }, disposables };
}
