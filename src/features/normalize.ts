/**
 * "Article: Normalize Styling" (one undo step, only the blocks that differ), "Article: Preview
 * Normalization" (a diff, nothing written), "Article: Normalize Folder…" (dry run, then atomic
 * rewrites in each file's own encoding), and the document formatter for article files.
 */
import * as vscode from 'vscode';
import { runNormalize } from '../core/batch/normalize';
import { normalizeChecked, rewrittenBlocks, type CheckedNormalization } from '../core/normalize';
import { parseArticle } from '../core/parse';
import { getConfig } from '../config';
import { ARTICLE_LANGUAGE, type ArticleCache } from '../documents/articleCache';
import { encodeForWorkspace, pickFolder, workspaceFs } from './batchFs';
import { pathBasename as basename } from './paths';
import { problemLine } from './batchMessages';

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

/**
 * Normalizes one document in place as one undo step and says what changed (also when the Article
 * Editor's Normalize button ran it, whose page shows no diff); returns whether anything changed.
 */
async function normalizeDocument(articles: ArticleCache, uri?: vscode.Uri): Promise<boolean> {
  const document = await targetDocument(uri);
  if (!document) {
    void vscode.window.showWarningMessage(vscode.l10n.t('Open an article first.'));
    return false;
  }
  const name = basename(document.uri.path);
  const article = articles.get(document);
  const result = normalizationOf(articles, document);
  if (result.edits.length === 0) {
    void vscode.window.showInformationMessage(vscode.l10n.t('{0} is already in canonical form: nothing was changed.', name));
    return false;
  }
  if (!result.safe) {
    unsafeMessage(document);
    return false;
  }
  const { rewritten, blocks } = rewrittenBlocks(article, result.edits);
  const edit = new vscode.WorkspaceEdit();
  edit.set(document.uri, toTextEdits(document, result));
  const applied = await vscode.workspace.applyEdit(edit);
  if (applied) {
    void vscode.window.showInformationMessage(
      rewritten > 0
        ? vscode.l10n.t('Normalized {0}: {1} of {2} blocks rewritten (one undo step).', name, rewritten, blocks)
        : vscode.l10n.t('Normalized {0}: only the markup between blocks rewritten (one undo step).', name),
    );
  }
  return applied;
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
  /** For tests: runs after a file's new content is ready and before the check that it is unchanged. */
  readonly beforeReplace?: (uri: vscode.Uri) => Promise<void>;
}

async function normalizeFolder(log: vscode.OutputChannel, folder: vscode.Uri | undefined, args: FolderNormalizeArgs = {}): Promise<FolderNormalizeSummary | undefined> {
  const root = await pickFolder(folder, vscode.l10n.t('Folder of articles to normalize'));
  if (!root) return undefined;
  const options = getConfig(root).normalize;
  const fs = workspaceFs(root);
  const uriOf = (path: string): vscode.Uri => root.with({ path });
  const display = (path: string): string => vscode.workspace.asRelativePath(uriOf(path), false);
  const cancelled = (token: vscode.CancellationToken): boolean => token.isCancellationRequested || args.token?.isCancellationRequested === true;
  log.clear();

  // Dry run: which files would change.
  const scan = await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Checking articles'), cancellable: true },
    async (progress, token) => {
      const paths: string[] = [];
      const summary = await runNormalize({
        fs,
        paths: [root.path],
        options,
        write: false,
        encode: encodeForWorkspace,
        onChanged: (path) => paths.push(path),
        onProblem: (problem, skipped) => {
          if (!skipped) log.appendLine(problemLine(problem, skipped, display));
        },
        onProgress: (_done, path) => progress.report({ message: display(path) }),
        cancelled: () => cancelled(token),
      });
      return summary.cancelled ? undefined : { paths, unchanged: summary.unchanged, failed: summary.failed };
    },
  );
  if (!scan) return { wouldChange: [], normalized: 0, unchanged: 0, failed: 0, cancelled: true };
  const wouldChange = scan.paths.map((path) => uriOf(path).fsPath);
  log.appendLine(vscode.l10n.t('Would change {0} files:', scan.paths.length));
  for (const path of scan.paths) log.appendLine(`  ${display(path)}`);
  const dry: FolderNormalizeSummary = { wouldChange, normalized: 0, unchanged: scan.unchanged, failed: scan.failed, cancelled: false };
  if (args.dryRun || scan.paths.length === 0) {
    if (scan.paths.length === 0) void vscode.window.showInformationMessage(vscode.l10n.t('All {0} articles are already in canonical form.', scan.unchanged));
    return dry;
  }
  if (!args.confirm) {
    log.show(true);
    const go = vscode.l10n.t('Normalize');
    const answer = await vscode.window.showWarningMessage(
      vscode.l10n.t('{0} of {1} articles would change (listed in the output). Normalize them?', scan.paths.length, scan.paths.length + scan.unchanged),
      { modal: true },
      go,
    );
    if (answer !== go) return dry;
  }

  return vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Normalizing articles'), cancellable: true },
    async (progress, token) => {
      const summary = await runNormalize({
        fs,
        paths: scan.paths,
        options,
        write: true,
        encode: encodeForWorkspace,
        // An open document with unsaved changes is the user's: leave it.
        skip: (path) => (vscode.workspace.textDocuments.some((d) => d.isDirty && d.uri.toString() === uriOf(path).toString()) ? 'dirty' : undefined),
        onChanged: () => undefined,
        onProblem: (problem, skipped) => log.appendLine(problemLine(problem, skipped, display)),
        onProgress: (_done, path) => progress.report({ message: display(path), increment: 100 / scan.paths.length }),
        cancelled: () => cancelled(token),
        beforeReplace: args.beforeReplace && ((path) => args.beforeReplace!(uriOf(path))),
      });
      const normalized = summary.changed;
      const failed = scan.failed + summary.failed + summary.skipped;
      const line = summary.cancelled
        ? vscode.l10n.t('Normalizing cancelled after {0} files.', normalized)
        : vscode.l10n.t('Normalized {0} articles; {1} already canonical, {2} failed.', normalized, scan.unchanged, failed);
      log.appendLine(line);
      const show = vscode.l10n.t('Show Log');
      const shown = failed > 0 ? vscode.window.showWarningMessage(line, show) : vscode.window.showInformationMessage(line, show);
      void shown.then((answer) => answer === show && log.show());
      return { wouldChange, normalized, unchanged: scan.unchanged, failed, cancelled: summary.cancelled };
    },
  );
}

/** The normalize commands, preview and formatter; the returned disposables end them. */
export function registerNormalize(articles: ArticleCache): vscode.Disposable[] {
  const log = vscode.window.createOutputChannel(vscode.l10n.t('Article Normalize'));
  const preview = new PreviewProvider(articles);
  const disposables: vscode.Disposable[] = [
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
  ];
  return disposables;
}
