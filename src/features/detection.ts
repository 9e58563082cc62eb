/**
 * Switches plain-text `.txt` documents that hold an article to the `article` language, and offers
 * "Article: Treat as Article File" for the rest. A document the user has switched back to Plain
 * Text is left alone.
 */
import * as vscode from 'vscode';
import { decodeBytes } from '../core/decode';
import { isArticleText } from '../core/detect';
import { getConfig } from '../config';
import { ARTICLE_LANGUAGE } from '../documents/articleCache';

const TXT = /\.txt$/i;

/**
 * Older articles are GB18030, which VS Code reads as broken UTF-8 unless told. Where the bytes
 * are not UTF-8 but are GB18030, the (unmodified) document is read again in that encoding;
 * saving keeps it.
 */
async function reopenAsGb18030(document: vscode.TextDocument): Promise<vscode.TextDocument> {
  if (document.isDirty || document.encoding !== 'utf8') return document;
  try {
    const decoded = decodeBytes(await vscode.workspace.fs.readFile(document.uri));
    if (decoded.ok && decoded.encoding === 'gb18030') return await vscode.workspace.openTextDocument(document.uri, { encoding: 'gb18030' });
  } catch {
    // Unreadable or gone: leave the document as it is.
  }
  return document;
}

/** The language's name in the language picker (the first alias in package.json). */
const ARTICLE_LANGUAGE_NAME = 'Article';

/**
 * Switches a document to Article the way the status bar's language picker does: the editor then
 * remembers it as the user's choice. (`setTextDocumentLanguage` changes only the document, and the
 * editor puts back the language last picked for it when its tab is shown again.) Where the document
 * has no text editor to show it in, the document alone is switched.
 */
async function treatAsArticle(document: vscode.TextDocument): Promise<void> {
  let editor: vscode.TextEditor | undefined;
  try {
    editor = await vscode.window.showTextDocument(document, { preview: false });
  } catch {
    editor = undefined;
  }
  if (editor && vscode.window.activeTextEditor === editor) {
    await vscode.commands.executeCommand('workbench.action.editor.changeLanguageMode', ARTICLE_LANGUAGE_NAME);
    if (vscode.window.activeTextEditor?.document.languageId === ARTICLE_LANGUAGE) return;
  }
  const current = vscode.workspace.textDocuments.find((d) => d.uri.toString() === document.uri.toString()) ?? document;
  if (current.languageId !== ARTICLE_LANGUAGE) await vscode.languages.setTextDocumentLanguage(current, ARTICLE_LANGUAGE);
}

/** Detection of articles among plain-text documents; the returned disposables end it. */
export function registerDetection(): vscode.Disposable[] {
  // Documents this session switched; seeing one as plaintext again while it stays open means the
  // user chose that. A language change closes and reopens the document in one go; a real close
  // forgets the choice (checked once the events of that change are through).
  const switched = new Set<string>();
  const closing = new Set<string>();

  const consider = async (document: vscode.TextDocument): Promise<void> => {
    if (document.languageId !== 'plaintext' || !TXT.test(document.uri.path)) return;
    const key = document.uri.toString();
    if (switched.has(key) || !getConfig(document.uri).detect) return;
    if (document.getText().includes('\uFFFD')) document = await reopenAsGb18030(document);
    if (!isArticleText(document.getText())) return;
    switched.add(key);
    try {
      await vscode.languages.setTextDocumentLanguage(document, ARTICLE_LANGUAGE);
    } catch {
      // The document closed before it could be switched: nothing to do.
    }
  };

  const disposables: vscode.Disposable[] = [
    vscode.workspace.onDidCloseTextDocument((document) => {
      const key = document.uri.toString();
      if (!switched.has(key)) return;
      closing.add(key);
      setTimeout(() => {
        if (closing.delete(key)) switched.delete(key);
      }, 0);
    }),
    vscode.workspace.onDidOpenTextDocument((document) => {
      closing.delete(document.uri.toString());
      void consider(document);
    }),
    // Detection turned on: the plain-text documents already open are looked at now.
    vscode.workspace.onDidChangeConfiguration((event) => {
      if (event.affectsConfiguration('article.detect')) for (const document of vscode.workspace.textDocuments) void consider(document);
    }),
    vscode.commands.registerCommand('article.treatAsArticle', async (uri?: vscode.Uri) => {
      const document = uri instanceof vscode.Uri ? await vscode.workspace.openTextDocument(uri) : vscode.window.activeTextEditor?.document;
      if (!document) {
        void vscode.window.showInformationMessage(vscode.l10n.t('Open a text file first.'));
        return;
      }
      switched.add(document.uri.toString());
      await treatAsArticle(document);
    }),
  ];
  for (const document of vscode.workspace.textDocuments) void consider(document);
  return disposables;
}
