/**
 * "Article: Export Clean Text" for one article and "Article: Export Folder…" for every article file
 * below a folder. Formats, the indent and the image marker come from the core; this file only asks,
 * reports and writes.
 */
import * as vscode from 'vscode';
import { runExport, type ExportSummary } from '../core/batch/export';
import { errorCode } from '../core/batch/fs';
import { readArticleFile } from '../core/batch/read';
import { exportArticle, FORMAT_EXTENSIONS, type ExportFormat } from '../core/export';
import type { Article } from '../core/model';
import { parseArticle } from '../core/parse';
import { getConfig } from '../config';
import type { ArticleCache } from '../documents/articleCache';
import { pickFolder, workspaceFs } from './batchFs';
import { problemLine, problemText } from './batchMessages';
import { pathBasename as basename, pathExtname as extname } from './paths';

const LANGUAGE_OF: Record<ExportFormat, string> = { txt: 'plaintext', md: 'markdown', json: 'json', jsonl: 'jsonl' };

interface FormatItem extends vscode.QuickPickItem {
  readonly format: ExportFormat;
}

function formatItems(): FormatItem[] {
  return [
    { format: 'txt', label: vscode.l10n.t('Plain text'), description: '.txt' },
    { format: 'md', label: vscode.l10n.t('Markdown'), description: '.md' },
    { format: 'json', label: vscode.l10n.t('JSON'), description: '.json' },
    { format: 'jsonl', label: vscode.l10n.t('JSON Lines'), description: '.jsonl' },
  ];
}

async function pickFormat(title: string, format?: string): Promise<ExportFormat | undefined> {
  if (format && format in FORMAT_EXTENSIONS) return format as ExportFormat;
  // Stays open when focus moves (a walkthrough button's page takes it back as the pick opens).
  const picked = await vscode.window.showQuickPick(formatItems(), { title, placeHolder: vscode.l10n.t('Export as'), ignoreFocusOut: true });
  return picked?.format;
}

/** How a file is named in what the export writes: relative to its workspace folder where it has one. */
function displayPath(uri: vscode.Uri): string {
  return vscode.workspace.asRelativePath(uri, false);
}

/** Where "save next to the article" puts a format's output: `name.clean.txt`, `name.md`, … */
export function exportTarget(source: vscode.Uri, format: ExportFormat): vscode.Uri {
  const name = basename(source.path, extname(source.path));
  const extension = FORMAT_EXTENSIONS[format];
  const file = extension.toLowerCase() === extname(source.path).toLowerCase() ? `${name}.clean${extension}` : `${name}${extension}`;
  return vscode.Uri.joinPath(source, '..', file);
}

/**
 * A new untitled document holding `text`. An untitled document closed a moment ago can still be
 * known to the extension host under the name VS Code hands out again (Untitled-1), and
 * `openTextDocument` then gives back that one with its old text (seen in the web worker host):
 * the text is checked, and asked for again once the host has caught up.
 */
async function untitledWith(text: string, language: string): Promise<vscode.TextDocument> {
  for (let attempt = 0; ; attempt++) {
    const document = await vscode.workspace.openTextDocument({ content: text, language });
    if (document.getText() === text || attempt === 20) return document;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** The article to export: the open document's text (what the user sees, saved or not), else the file's. */
async function articleSource(articles: ArticleCache, uri: vscode.Uri | undefined): Promise<{ uri: vscode.Uri; article: Article; untitled: boolean } | undefined> {
  const target = uri instanceof vscode.Uri ? uri : (vscode.window.activeTextEditor?.document.uri ?? activeCustomEditorUri());
  if (!target) {
    void vscode.window.showWarningMessage(vscode.l10n.t('Open an article first.'));
    return undefined;
  }
  const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === target.toString());
  // An open document that shows U+FFFD was read in the wrong encoding: the file's bytes decide then.
  if (open && (open.isDirty || open.isUntitled || !open.getText().includes('\uFFFD'))) {
    return { uri: target, article: articles.get(open), untitled: open.isUntitled };
  }
  const read = await readArticleFile(workspaceFs(target), target.path, { requireArticle: false });
  if (read.ok) return { uri: target, article: parseArticle(read.text), untitled: false };
  void vscode.window.showErrorMessage(vscode.l10n.t('Cannot export {0}: {1}', basename(target.path), problemText(read.problem, read.detail)));
  return undefined;
}

async function exportOne(articles: ArticleCache, uri: vscode.Uri | undefined, format?: string): Promise<vscode.TextDocument | vscode.Uri | undefined> {
  const source = await articleSource(articles, uri);
  if (!source) return undefined;
  const chosen = await pickFormat(vscode.l10n.t('Export Clean Text'), format);
  if (!chosen) return undefined;
  const config = getConfig(source.uri);
  const text = exportArticle(source.article, displayPath(source.uri), chosen, config.export);
  if (config.exportDestination === 'editor' || source.untitled) {
    const result = await untitledWith(text, LANGUAGE_OF[chosen]);
    await vscode.window.showTextDocument(result, { viewColumn: vscode.ViewColumn.Beside, preview: false });
    await wrapActiveEditor(result);
    return result;
  }
  const target = exportTarget(source.uri, chosen);
  try {
    await vscode.workspace.fs.stat(target);
    const overwrite = vscode.l10n.t('Overwrite');
    const answer = await vscode.window.showWarningMessage(vscode.l10n.t('{0} exists. Overwrite it?', basename(target.path)), { modal: true }, overwrite);
    if (answer !== overwrite) return undefined;
  } catch {
    // No such file yet.
  }
  // Through vscode.workspace.fs, whatever the scheme: a temporary file beside it, then a rename.
  const fs = workspaceFs(target);
  let temp;
  try {
    temp = await fs.writeTemp(target.path, text);
    await fs.commit(temp);
  } catch (error) {
    if (temp) await fs.discard(temp);
    void vscode.window.showErrorMessage(vscode.l10n.t('Cannot export {0}: {1}', basename(target.path), problemText('write', errorCode(error))));
    return undefined;
  }
  const open = vscode.l10n.t('Open');
  void vscode.window.showInformationMessage(vscode.l10n.t('Exported to {0}', basename(target.path)), open).then((answer) => {
    if (answer === open) void vscode.window.showTextDocument(target);
  });
  return target;
}

/**
 * Turns word wrap on for the editor just opened on `document` where the settings leave it off:
 * clean text is one long line a paragraph. VS Code's own toggle, so it holds for this document
 * only (as if the user pressed Alt+Z) and changes no setting.
 */
async function wrapActiveEditor(document: vscode.TextDocument): Promise<void> {
  if (vscode.window.activeTextEditor?.document !== document) return;
  if (vscode.workspace.getConfiguration('editor', document).get<string>('wordWrap') !== 'off') return;
  // The command acts on the active editor: this one, right after showTextDocument.
  await vscode.commands.executeCommand('editor.action.toggleWordWrap');
}

function activeCustomEditorUri(): vscode.Uri | undefined {
  const input = vscode.window.tabGroups.activeTabGroup.activeTab?.input;
  return input instanceof vscode.TabInputCustom ? input.uri : undefined;
}

export interface FolderExportSummary {
  readonly exported: number;
  readonly skipped: number;
  readonly failed: number;
  readonly cancelled: boolean;
  readonly destination: vscode.Uri;
}

interface FolderExportArgs {
  readonly format?: ExportFormat;
  /** A folder for one file per article, or (jsonl) a file for one JSON Lines file. */
  readonly destination?: vscode.Uri;
  /** Cancels the export like the notification's Cancel button does (for callers such as tests). */
  readonly token?: vscode.CancellationToken;
  /** Whether files already in the destination folder may be replaced; by default the user is asked. */
  readonly overwrite?: boolean;
}

/** Asks once whether the files already in the destination may be replaced. */
async function askOverwrite(existing: readonly string[]): Promise<boolean> {
  const replace = vscode.l10n.t('Replace');
  const answer = await vscode.window.showWarningMessage(
    vscode.l10n.t('{0} files in the destination exist already (e.g. {1}). Replace them? Source articles are never replaced.', existing.length, basename(existing[0] ?? '')),
    { modal: true },
    replace,
  );
  return answer === replace;
}

async function exportFolder(log: vscode.OutputChannel, folder: vscode.Uri | undefined, args: FolderExportArgs = {}): Promise<FolderExportSummary | undefined> {
  folder = await pickFolder(folder, vscode.l10n.t('Folder of articles to export'));
  if (!folder) return undefined;
  const format = args.format ?? (await pickFormat(vscode.l10n.t('Export Folder'), undefined));
  if (!format) return undefined;
  let destination = args.destination;
  let oneFile = destination !== undefined && extname(destination.path).toLowerCase() === '.jsonl';
  if (!destination) {
    if (format === 'jsonl') {
      const single = vscode.l10n.t('One JSON Lines file');
      const many = vscode.l10n.t('A folder, one file per article');
      const how = await vscode.window.showQuickPick([single, many], { title: vscode.l10n.t('Export Folder') });
      if (!how) return undefined;
      oneFile = how === single;
    }
    if (oneFile) {
      destination = await vscode.window.showSaveDialog({
        defaultUri: vscode.Uri.joinPath(folder, '..', `${basename(folder.path)}.jsonl`),
        filters: { [vscode.l10n.t('JSON Lines')]: ['jsonl'] },
      });
    } else {
      destination = await pickDestinationFolder(folder, format);
    }
    if (!destination) return undefined;
  }
  const target = destination;
  const source = folder;
  const options = getConfig(folder).export;
  const fs = workspaceFs(folder);
  const display = (path: string): string => vscode.workspace.asRelativePath(folder.with({ path }), false);
  log.clear();
  log.appendLine(vscode.l10n.t('Exporting {0} as {1} to {2}', display(folder.path), format, display(target.path)));

  return vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Exporting articles'), cancellable: true },
    async (progress, token) => {
      const cancelled = (): boolean => token.isCancellationRequested || args.token?.isCancellationRequested === true;
      // One JSON Lines file: gathered, then written whole (vscode.workspace.fs cannot append), so a
      // cancelled export writes nothing at all.
      const lines: string[] = [];
      const summary: ExportSummary = await runExport({
        fs,
        paths: [source.path],
        format,
        options,
        destination: oneFile
          ? { kind: 'stream', write: async (output) => void lines.push(typeof output === 'string' ? output : new TextDecoder().decode(output)) }
          : { kind: 'folder', out: target.path, overwrite: args.overwrite ?? askOverwrite },
        name: (input) => display(input.path),
        onProblem: (problem, skipped) => log.appendLine(problemLine(problem, skipped, display)),
        onProgress: (done, input) => progress.report({ message: vscode.l10n.t('{0} done: {1}', done, input.relative) }),
        cancelled,
      });
      let { exported, failed } = summary;
      const wasCancelled = summary.cancelled || cancelled();
      if (summary.refused) {
        const refused = summary.refused;
        log.appendLine('paths' in refused
          ? vscode.l10n.t('{0} and {1} would be exported to the same file; nothing was written.', display(refused.paths[0]!), display(refused.paths[1]!))
          : problemLine({ path: refused.path, problem: refused.problem, detail: refused.detail }, false, display));
        failed++;
      }
      if (oneFile && !wasCancelled && !summary.refused) {
        let temp;
        try {
          temp = await fs.writeTemp(target.path, lines.join(''));
          await fs.commit(temp);
        } catch (error) {
          if (temp) await fs.discard(temp);
          log.appendLine(problemLine({ path: target.path, problem: 'write', detail: errorCode(error) }, false, display));
          failed += exported;
          exported = 0;
        }
      }
      const where = displayPath(target);
      const line = wasCancelled
        ? vscode.l10n.t('Export cancelled after {0} articles.', exported)
        : vscode.l10n.t('Exported {0} articles to {1}; {2} skipped (not articles), {3} failed.', exported, where, summary.skipped, failed);
      log.appendLine(line);
      const show = vscode.l10n.t('Show Log');
      const reveal = oneFile ? vscode.l10n.t('Open') : vscode.l10n.t('Reveal Folder');
      const buttons = exported > 0 && !wasCancelled ? [reveal, show] : [show];
      const shown = failed > 0 ? vscode.window.showWarningMessage(line, ...buttons) : vscode.window.showInformationMessage(line, ...buttons);
      void shown.then((answer) => {
        if (answer === show) log.show();
        else if (answer === reveal) void revealDestination(target, oneFile);
      });
      return { exported, skipped: summary.skipped, failed, cancelled: wasCancelled, destination: target };
    },
  );
}

interface DestinationItem extends vscode.QuickPickItem {
  readonly how: 'suggested' | 'new' | 'existing';
}

/** `NAME-FORMAT` beside the folder of articles, or `NAME-FORMAT-2`, … where that is taken. */
async function suggestedFolder(folder: vscode.Uri, format: ExportFormat): Promise<vscode.Uri> {
  const base = `${basename(folder.path)}-${format}`;
  for (let n = 1; ; n++) {
    const candidate = vscode.Uri.joinPath(folder, '..', n === 1 ? base : `${base}-${n}`);
    try {
      await vscode.workspace.fs.stat(candidate);
    } catch {
      return candidate;
    }
  }
}

/**
 * Where a folder export writes: a new folder beside the source (suggested, one click), a new folder
 * named and placed by the user (a save dialog: in the browser's workbench VS Code's own file
 * dialog, where a new name can be typed; the export creates it), or an existing folder.
 */
async function pickDestinationFolder(folder: vscode.Uri, format: ExportFormat): Promise<vscode.Uri | undefined> {
  const suggested = await suggestedFolder(folder, format);
  const items: DestinationItem[] = [
    { how: 'suggested', label: `$(new-folder) ${vscode.l10n.t('New folder {0}', basename(suggested.path))}`, description: vscode.l10n.t('beside {0}', displayPath(folder)) },
    { how: 'new', label: `$(new-folder) ${vscode.l10n.t('New folder…')}`, description: vscode.l10n.t('name it and choose where') },
    { how: 'existing', label: `$(folder-opened) ${vscode.l10n.t('Existing folder…')}` },
  ];
  const picked = await vscode.window.showQuickPick(items, { title: vscode.l10n.t('Export Folder: where should the exported files go?'), placeHolder: vscode.l10n.t('Destination of the exported files') });
  if (!picked) return undefined;
  if (picked.how === 'suggested') return suggested;
  if (picked.how === 'new') {
    return vscode.window.showSaveDialog({ title: vscode.l10n.t('New folder for the exported files'), defaultUri: suggested, saveLabel: vscode.l10n.t('Create Folder') });
  }
  const chosen = await vscode.window.showOpenDialog({
    title: vscode.l10n.t('Folder for the exported files'),
    defaultUri: vscode.Uri.joinPath(folder, '..'),
    canSelectFolders: true,
    canSelectFiles: false,
    canSelectMany: false,
    openLabel: vscode.l10n.t('Export Here'),
  });
  return chosen?.[0];
}

/** Shows where an export went: the folder in the Explorer (in a new window where it is outside the workspace), or the JSON Lines file. */
async function revealDestination(target: vscode.Uri, oneFile: boolean): Promise<void> {
  if (oneFile) {
    await vscode.window.showTextDocument(target);
    return;
  }
  if (vscode.workspace.getWorkspaceFolder(target)) await vscode.commands.executeCommand('revealInExplorer', target);
  else await vscode.commands.executeCommand('vscode.openFolder', target, { forceNewWindow: true });
}

/** The export commands; the returned disposables end them. */
export function registerExport(articles: ArticleCache): vscode.Disposable[] {
  const log = vscode.window.createOutputChannel(vscode.l10n.t('Article Export'));
  const disposables: vscode.Disposable[] = [
    log,
    vscode.commands.registerCommand('article.exportCleanText', (uri?: vscode.Uri, format?: string) => exportOne(articles, uri, format)),
    vscode.commands.registerCommand('article.exportFolder', (folder?: vscode.Uri, args?: FolderExportArgs) => exportFolder(log, folder, args)),
  ];
  return disposables;
}
