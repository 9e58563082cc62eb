/**
 * "Article: Normalize Styling" (one undo step, only the blocks that differ), "Article: Preview
 * Normalization" (a diff, nothing written), "Article: Normalize Folder…" (dry run, then atomic
 * rewrites in each file's own encoding), and the document formatter for article files.
 */
import { basename } from 'node:path';
import * as vscode from 'vscode';
import { normalizeChecked, type CheckedNormalization } from '../core/normalize';
import { parseArticle } from '../core/parse';
import { encodeText, inputFiles, readTextFile, writeFileAtomic } from '../node/files';
import { getConfig } from '../config';
import { ARTICLE_LANGUAGE, localFolder, type ArticleCache } from './articles';

const PREVIEW_SCHEME = 'article-normalized';

function normalizationOf(articles: ArticleCache, document: vscode.TextDocument): CheckedNormalization {
  return normalizeChecked(articles.get(document), getConfig(document.uri).normalize, parseArticle);
}

function toTextEdits(document: vscode.TextDocument, result: CheckedNormalization): vscode.TextEdit[] {
  return result.edits.map((edit) => vscode.TextEdit.replace(new vscode.Range(document.positionAt(edit.start), document.positionAt(edit.end)), edit.text));
}

function unsafeMessage(document: vscode.TextDocument): void {
  void vscode.window.showErrorMessage(vscode.l10n.t('Normalizing {0} would change its text, so nothing was changed. Please report this file.', basename(document.uri.path)));
}

function targetDocument(uri?: vscode.Uri): Thenable<vscode.TextDocument> | vscode.TextDocument | undefined {
  if (uri instanceof vscode.Uri) return vscode.workspace.openTextDocument(uri);
  return vscode.window.activeTextEditor?.document;
}

/** Normalizes one document in place as one undo step; returns whether anything changed. */
async function normalizeDocument(articles: ArticleCache, uri?: vscode.Uri): Promise<boolean> {
  const document = await targetDocument(uri);
  if (!document) {
    void vscode.window.showWarningMessage(vscode.l10n.t('Open an article first.'));
    return false;
  }
  const result = normalizationOf(articles, document);
  if (result.edits.length === 0) {
    void vscode.window.setStatusBarMessage(vscode.l10n.t('The article is already in canonical form.'), 3000);
    return false;
  }
  if (!result.safe) {
    unsafeMessage(document);
    return false;
  }
  const edit = new vscode.WorkspaceEdit();
  edit.set(document.uri, toTextEdits(document, result));
  return vscode.workspace.applyEdit(edit);
}

/** The normalized text of the document named in the preview URI's query, for the diff's right side. */
class PreviewProvider implements vscode.TextDocumentContentProvider {
  constructor(private readonly articles: ArticleCache) {}

  async provideTextDocumentContent(uri: vscode.Uri): Promise<string> {
    const document = await vscode.workspace.openTextDocument(vscode.Uri.parse(uri.query));
    return normalizationOf(this.articles, document).text;
  }
}

/** Opens the diff of the document and its normalized form; a canonical article gets a message instead of an empty diff. */
async function previewNormalization(articles: ArticleCache, uri?: vscode.Uri): Promise<vscode.Uri | undefined> {
  const document = await targetDocument(uri);
  if (!document) {
    void vscode.window.showWarningMessage(vscode.l10n.t('Open an article first.'));
    return undefined;
  }
  if (normalizationOf(articles, document).edits.length === 0) {
    void vscode.window.showInformationMessage(vscode.l10n.t('{0} is already in canonical form: normalizing would change nothing.', basename(document.uri.path)));
    return undefined;
  }
  const preview = vscode.Uri.from({ scheme: PREVIEW_SCHEME, path: document.uri.path, query: document.uri.toString() });
  await vscode.commands.executeCommand('vscode.diff', document.uri, preview, vscode.l10n.t('{0} ↔ Normalized', basename(document.uri.path)), { preview: true });
  return preview;
}

export interface FolderNormalizeSummary {
  readonly wouldChange: string[];
  readonly normalized: number;
  readonly unchanged: number;
  readonly failed: number;
  readonly cancelled: boolean;
}

interface FolderNormalizeArgs {
  /** Only list what would change. */
  readonly dryRun?: boolean;
  /** Write without asking after the dry run. */
  readonly confirm?: boolean;
  readonly token?: vscode.CancellationToken;
}

async function normalizeFolder(log: vscode.OutputChannel, folder: vscode.Uri | undefined, args: FolderNormalizeArgs = {}): Promise<FolderNormalizeSummary | undefined> {
  const root = await localFolder(folder, vscode.l10n.t('Folder of articles to normalize'), vscode.l10n.t('Only folders on this machine can be normalized.'));
  if (!root) return undefined;
  const options = getConfig(root).normalize;
  const cancelled = (token: vscode.CancellationToken): boolean => token.isCancellationRequested || args.token?.isCancellationRequested === true;
  log.clear();

  // Dry run: which files would change.
  const scan = await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Checking articles'), cancellable: true },
    async (progress, token) => {
      const wouldChange: string[] = [];
      let unchanged = 0;
      let failed = 0;
      for await (const input of inputFiles([root.fsPath])) {
        if (cancelled(token)) return undefined;
        progress.report({ message: input.relative });
        const read = await readTextFile(input.path, true);
        if (!read.ok) {
          if (read.problem !== 'not-article') failed++;
          if (read.problem !== 'not-article') log.appendLine(`${vscode.l10n.t('failed')}: ${input.relative}: ${read.problem}`);
          continue;
        }
        const result = normalizeChecked(parseArticle(read.text), options, parseArticle);
        if (result.edits.length === 0) unchanged++;
        else if (!result.safe) {
          failed++;
          log.appendLine(`${vscode.l10n.t('failed')}: ${input.relative}: ${vscode.l10n.t('normalizing would change its text')}`);
        } else wouldChange.push(input.path);
      }
      return { wouldChange, unchanged, failed };
    },
  );
  if (!scan) return { wouldChange: [], normalized: 0, unchanged: 0, failed: 0, cancelled: true };
  log.appendLine(vscode.l10n.t('Would change {0} files:', scan.wouldChange.length));
  for (const path of scan.wouldChange) log.appendLine(`  ${vscode.workspace.asRelativePath(path, false)}`);
  const dry: FolderNormalizeSummary = { wouldChange: scan.wouldChange, normalized: 0, unchanged: scan.unchanged, failed: scan.failed, cancelled: false };
  if (args.dryRun || scan.wouldChange.length === 0) {
    if (scan.wouldChange.length === 0) void vscode.window.showInformationMessage(vscode.l10n.t('All {0} articles are already in canonical form.', scan.unchanged));
    return dry;
  }
  if (!args.confirm) {
    log.show(true);
    const go = vscode.l10n.t('Normalize');
    const answer = await vscode.window.showWarningMessage(
      vscode.l10n.t('{0} of {1} articles would change (listed in the output). Normalize them?', scan.wouldChange.length, scan.wouldChange.length + scan.unchanged),
      { modal: true },
      go,
    );
    if (answer !== go) return dry;
  }

  return vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Normalizing articles'), cancellable: true },
    async (progress, token) => {
      let normalized = 0;
      let failed = scan.failed;
      for (const path of scan.wouldChange) {
        if (cancelled(token)) break;
        progress.report({ message: vscode.workspace.asRelativePath(path, false), increment: 100 / scan.wouldChange.length });
        const open = vscode.workspace.textDocuments.find((d) => d.uri.fsPath === path);
        const read = await readTextFile(path, true);
        // An open document with unsaved changes is the user's: leave it.
        if (!read.ok || open?.isDirty) {
          failed++;
          log.appendLine(`${vscode.l10n.t('failed')}: ${path}: ${read.ok ? vscode.l10n.t('unsaved changes in an editor') : read.problem}`);
          continue;
        }
        const result = normalizeChecked(parseArticle(read.text), options, parseArticle);
        if (!result.safe) {
          failed++;
          continue;
        }
        try {
          await writeFileAtomic(path, encodeText(result.text, read.encoding, read.bom));
          normalized++;
        } catch (error) {
          failed++;
          log.appendLine(`${vscode.l10n.t('failed')}: ${path}: ${String(error)}`);
        }
      }
      const wasCancelled = cancelled(token);
      const line = wasCancelled
        ? vscode.l10n.t('Normalizing cancelled after {0} files.', normalized)
        : vscode.l10n.t('Normalized {0} articles; {1} already canonical, {2} failed.', normalized, scan.unchanged, failed);
      log.appendLine(line);
      const show = vscode.l10n.t('Show Log');
      const shown = failed > 0 ? vscode.window.showWarningMessage(line, show) : vscode.window.showInformationMessage(line, show);
      void shown.then((answer) => answer === show && log.show());
      return { wouldChange: scan.wouldChange, normalized, unchanged: scan.unchanged, failed, cancelled: wasCancelled };
    },
  );
}

export function registerNormalize(context: vscode.ExtensionContext, articles: ArticleCache): void {
  const log = vscode.window.createOutputChannel(vscode.l10n.t('Article Normalize'));
  const preview = new PreviewProvider(articles);
  context.subscriptions.push(
    log,
    vscode.workspace.registerTextDocumentContentProvider(PREVIEW_SCHEME, preview),
    vscode.commands.registerCommand('article.normalize', (uri?: vscode.Uri) => normalizeDocument(articles, uri)),
    vscode.commands.registerCommand('article.previewNormalization', (uri?: vscode.Uri) => previewNormalization(articles, uri)),
    vscode.commands.registerCommand('article.normalizeFolder', (folder?: vscode.Uri, args?: FolderNormalizeArgs) => normalizeFolder(log, folder, args)),
    vscode.languages.registerDocumentFormattingEditProvider({ language: ARTICLE_LANGUAGE }, {
      provideDocumentFormattingEdits(document) {
        const result = normalizationOf(articles, document);
        if (!result.safe) {
          unsafeMessage(document);
          return [];
        }
        return toTextEdits(document, result);
      },
    }),
  );
}
