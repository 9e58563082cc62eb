/**
 * Loaded by scripts/bench-activation.mjs as the extension host's `extensionTestsPath`: opens an
 * article (outside the workspace folder, so that nothing activated the extension before) and reads
 * the activation times the extension host itself recorded — its performance marks
 * `code/extHost/{will,did}LoadExtensionCode/ID` and `code/extHost/{will,did}ActivateExtension/ID`,
 * the same timestamps from which it reports code loading and the activate call to the workbench
 * (Developer: Show Running Extensions). The result goes back as one console line.
 */
import * as vscode from 'vscode';

const ID = 'article-editor.article-editor';
export const RESULT_PREFIX = 'ARTICLE_BENCH_RESULT ';

interface Mark {
  readonly name: string;
  readonly startTime: number;
}

function marks(): Mark[] {
  const perf = (globalThis as { MonacoPerformanceMarks?: { getMarks(): Mark[] } }).MonacoPerformanceMarks;
  if (!perf) throw new Error('the extension host keeps no performance marks (globalThis.MonacoPerformanceMarks)');
  return perf.getMarks();
}

function at(name: string): number | undefined {
  return marks().find((m) => m.name === `code/extHost/${name}/${ID}`)?.startTime;
}

async function until<T>(what: string, probe: () => T | undefined): Promise<T> {
  const deadline = Date.now() + 30_000;
  for (;;) {
    const value = probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

export async function run(): Promise<void> {
  const extension = vscode.extensions.getExtension(ID);
  if (!extension) throw new Error(`${ID} is not installed`);
  if (extension.isActive || at('willLoadExtensionCode') !== undefined) throw new Error(`${ID} was activated before the article was opened`);
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
  if (!folder) throw new Error('no workspace folder');
  const article = vscode.Uri.joinPath(folder, '..', 'article', '000_5edd2806a98033fb.txt');
  const document = await vscode.workspace.openTextDocument(article);
  await vscode.window.showTextDocument(document);
  const didActivate = await until('the activation', () => at('didActivateExtension'));
  const willLoad = at('willLoadExtensionCode')!;
  const didLoad = at('didLoadExtensionCode')!;
  const willActivate = at('willActivateExtension')!;
  await until('the article language', () => (vscode.workspace.textDocuments.find((d) => d.uri.toString() === article.toString())?.languageId === 'article' ? true : undefined));
  const result = {
    codeLoadingMs: didLoad - willLoad,
    activateCallMs: didActivate - willActivate,
    // What the host shows as the activation time: loading the code plus running activate().
    activationMs: didLoad - willLoad + (didActivate - willActivate),
    // From the first mark to the last, the extension context's set-up (storage) included.
    wallMs: didActivate - willLoad,
  };
  console.log(RESULT_PREFIX + JSON.stringify(result));
}
