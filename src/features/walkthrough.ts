/**
 * The buttons of the "Get Started with Article Editor" walkthrough (package.json
 * `contributes.walkthroughs`): each does its step on the sample article of the open folder — the
 * real scraped seed `000_5edd2806a98033fb.txt` of `seeds/` (the folder `npm start` serves), else
 * the first article file found. Hidden from the Command Palette: they exist for the walkthrough.
 */
import * as vscode from 'vscode';

/** The seed the walkthrough shows: the real scraped article of `seeds/`. */
export const SAMPLE_NAME = '000_5edd2806a98033fb.txt';
/** The seed the normalize step shows: a scraper variant (`display:block` styles) that normalizing changes. */
export const VARIANT_NAME = '002_variant-b-block-style.txt';

async function exists(uri: vscode.Uri): Promise<boolean> {
  return Promise.resolve(vscode.workspace.fs.stat(uri)).then(
    (stat) => (stat.type & vscode.FileType.File) !== 0,
    () => false,
  );
}

/** A seed of the open folders (at a folder's top or in its `seeds/`), else the first `.txt` found. */
export async function findSample(name = SAMPLE_NAME): Promise<vscode.Uri | undefined> {
  for (const folder of vscode.workspace.workspaceFolders ?? []) {
    for (const candidate of [vscode.Uri.joinPath(folder.uri, name), vscode.Uri.joinPath(folder.uri, 'seeds', name)]) {
      if (await exists(candidate)) return candidate;
    }
  }
  const [first] = await vscode.workspace.findFiles('**/*.txt', '**/node_modules/**', 1);
  return first;
}

/** The active article (unless `name` asks for a seed), else the seed opened in a text editor; a plain message when the folder has none. */
async function sampleEditor(name?: string): Promise<vscode.TextEditor | undefined> {
  const active = vscode.window.activeTextEditor;
  if (!name && active?.document.languageId === 'article') return active;
  const sample = await findSample(name);
  if (!sample) {
    void vscode.window.showInformationMessage(vscode.l10n.t('Open a folder with article files first (for example seeds/ of Article Editor).'));
    return undefined;
  }
  return vscode.window.showTextDocument(await vscode.workspace.openTextDocument(sample), { preview: false });
}

export function registerWalkthrough(): vscode.Disposable[] {
  return [
    vscode.commands.registerCommand('article.walkthrough.openSample', async () => (await sampleEditor())?.document.uri),
    vscode.commands.registerCommand('article.walkthrough.showOutline', async () => {
      const editor = await sampleEditor();
      if (!editor) return undefined;
      await vscode.commands.executeCommand('outline.focus');
      return editor.document.uri;
    }),
    vscode.commands.registerCommand('article.walkthrough.openEditor', async () => {
      const editor = await sampleEditor();
      if (!editor) return undefined;
      await vscode.commands.executeCommand('article.openInArticleEditor', editor.document.uri);
      return editor.document.uri;
    }),
    vscode.commands.registerCommand('article.walkthrough.previewNormalization', async () => {
      const editor = await sampleEditor(VARIANT_NAME);
      if (!editor) return undefined;
      await vscode.commands.executeCommand('article.previewNormalization', editor.document.uri);
      return editor.document.uri;
    }),
    // The folder of the sample (seeds/); `args` (format, destination, …) go to Export Folder as given.
    vscode.commands.registerCommand('article.walkthrough.exportFolder', async (args?: unknown) => {
      const sample = await findSample();
      const folder = sample ? vscode.Uri.joinPath(sample, '..') : undefined;
      return vscode.commands.executeCommand('article.exportFolder', folder, args);
    }),
  ];
}
