/**
 * "Article: Export Clean Text" for one article and "Article: Export Folder…" for every article file
 * below a folder. Formats, the indent and the image marker come from the core; this file only asks,
 * reports and writes.
 */
import { basename, dirname, extname, join } from 'node:path';
import * as vscode from 'vscode';
import { decodeBytes } from '../core/decode';
import { exportArticle, FORMAT_EXTENSIONS, type ExportFormat } from '../core/export';
import type { Article } from '../core/model';
import { parseArticle } from '../core/parse';
import { AtomicStream, inputFiles, outputPath, readTextFile, writeFileAtomic, type ReadProblem } from '../node/files';
import { getConfig } from '../config';
import { localFolder, type ArticleCache } from './articles';

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
  const picked = await vscode.window.showQuickPick(formatItems(), { title, placeHolder: vscode.l10n.t('Export as') });
  return picked?.format;
}

/** How a file is named in what the export writes: relative to its workspace folder where it has one. */
function displayPath(uri: vscode.Uri): string {
  return vscode.workspace.asRelativePath(uri, false);
}

function problemText(problem: ReadProblem | 'overwrite' | 'write', detail?: string): string {
  switch (problem) {
    case 'missing':
      return vscode.l10n.t('the file does not exist');
    case 'folder':
      return vscode.l10n.t('it is a folder');
    case 'empty':
      return vscode.l10n.t('the file is empty');
    case 'binary':
      return vscode.l10n.t('binary data, not text');
    case 'encoding':
      return vscode.l10n.t('neither UTF-8 nor GB18030 text');
    case 'too-large':
      return vscode.l10n.t('the file is too large');
    case 'truncated':
      return vscode.l10n.t('ends in the middle of a character: the file looks truncated');
    case 'not-article':
      return vscode.l10n.t('not an article');
    case 'overwrite':
      return vscode.l10n.t('the output would overwrite the source file');
    case 'unreadable':
    case 'write':
      return vscode.l10n.t('cannot be read or written ({0})', detail ?? '');
  }
}

/** Where "save next to the article" puts a format's output: `name.clean.txt`, `name.md`, … */
export function exportTarget(source: vscode.Uri, format: ExportFormat): vscode.Uri {
  const name = basename(source.path, extname(source.path));
  const extension = FORMAT_EXTENSIONS[format];
  const file = extension.toLowerCase() === extname(source.path).toLowerCase() ? `${name}.clean${extension}` : `${name}${extension}`;
  return vscode.Uri.joinPath(source, '..', file);
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
  try {
    const decoded = decodeBytes(await vscode.workspace.fs.readFile(target));
    if (decoded.ok) return { uri: target, article: parseArticle(decoded.text), untitled: false };
    void vscode.window.showErrorMessage(vscode.l10n.t('Cannot export {0}: {1}', basename(target.path), problemText(decoded.problem)));
  } catch (error) {
    void vscode.window.showErrorMessage(vscode.l10n.t('Cannot export {0}: {1}', basename(target.path), problemText('unreadable', String(error))));
  }
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
    const result = await vscode.workspace.openTextDocument({ content: text, language: LANGUAGE_OF[chosen] });
    await vscode.window.showTextDocument(result, { viewColumn: vscode.ViewColumn.Beside, preview: false });
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
  await writeFileAtomic(target.fsPath, text);
  const open = vscode.l10n.t('Open');
  void vscode.window.showInformationMessage(vscode.l10n.t('Exported to {0}', basename(target.path)), open).then((answer) => {
    if (answer === open) void vscode.window.showTextDocument(target);
  });
  return target;
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
}

async function exportFolder(log: vscode.OutputChannel, folder: vscode.Uri | undefined, args: FolderExportArgs = {}): Promise<FolderExportSummary | undefined> {
  folder = await localFolder(folder, vscode.l10n.t('Folder of articles to export'), vscode.l10n.t('Only folders on this machine can be exported.'));
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
        defaultUri: vscode.Uri.file(join(dirname(folder.fsPath), `${basename(folder.fsPath)}.jsonl`)),
        filters: { [vscode.l10n.t('JSON Lines')]: ['jsonl'] },
      });
    } else {
      destination = (await vscode.window.showOpenDialog({ canSelectFolders: true, canSelectFiles: false, canSelectMany: false, openLabel: vscode.l10n.t('Export Here') }))?.[0];
    }
    if (!destination) return undefined;
  }
  const target = destination;
  const options = getConfig(folder).export;
  log.clear();
  log.appendLine(vscode.l10n.t('Exporting {0} as {1} to {2}', folder.fsPath, format, target.fsPath));

  return vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Exporting articles'), cancellable: true },
    async (progress, token) => {
      let exported = 0;
      let skipped = 0;
      let failed = 0;
      const stream = oneFile ? await AtomicStream.create(target.fsPath) : undefined;
      try {
        for await (const input of inputFiles([folder.fsPath])) {
          if (token.isCancellationRequested || args.token?.isCancellationRequested) break;
          progress.report({ message: vscode.l10n.t('{0} done: {1}', exported + skipped + failed, input.relative) });
          const read = await readTextFile(input.path, true);
          if (!read.ok) {
            if (read.problem === 'not-article') skipped++;
            else failed++;
            log.appendLine(`${read.problem === 'not-article' ? vscode.l10n.t('skipped') : vscode.l10n.t('failed')}: ${input.relative}: ${problemText(read.problem, read.detail)}`);
            continue;
          }
          const path = displayPath(vscode.Uri.file(input.path));
          const text = exportArticle(parseArticle(read.text), path, format, options);
          try {
            if (stream) await stream.write(text);
            else {
              const file = outputPath(target.fsPath, input, FORMAT_EXTENSIONS[format]);
              if (file === input.path) throw Object.assign(new Error('overwrite'), { code: 'overwrite' });
              await writeFileAtomic(file, text);
            }
            exported++;
          } catch (error) {
            failed++;
            const code = (error as NodeJS.ErrnoException).code;
            log.appendLine(`${vscode.l10n.t('failed')}: ${input.relative}: ${code === 'overwrite' ? problemText('overwrite') : problemText('write', code ?? String(error))}`);
          }
        }
        const cancelled = token.isCancellationRequested || args.token?.isCancellationRequested === true;
        if (stream) await (cancelled ? stream.abort() : stream.commit());
        const summary = { exported, skipped, failed, cancelled, destination: target };
        const line = cancelled
          ? vscode.l10n.t('Export cancelled after {0} articles.', exported)
          : vscode.l10n.t('Exported {0} articles; {1} skipped (not articles), {2} failed.', exported, skipped, failed);
        log.appendLine(line);
        const show = vscode.l10n.t('Show Log');
        const shown = failed > 0 ? vscode.window.showWarningMessage(line, show) : vscode.window.showInformationMessage(line, show);
        void shown.then((answer) => answer === show && log.show());
        return summary;
      } catch (error) {
        await stream?.abort();
        throw error;
      }
    },
  );
}

export function registerExport(context: vscode.ExtensionContext, articles: ArticleCache): void {
  const log = vscode.window.createOutputChannel(vscode.l10n.t('Article Export'));
  context.subscriptions.push(
    log,
    vscode.commands.registerCommand('article.exportCleanText', (uri?: vscode.Uri, format?: string) => exportOne(articles, uri, format)),
    vscode.commands.registerCommand('article.exportFolder', (folder?: vscode.Uri, args?: FolderExportArgs) => exportFolder(log, folder, args)),
  );
}
