/**
 * The user's language choice for a file sticks while it is open, whichever way it was made:
 * the status bar's language picker, or "Article: Treat as Article File", across a switch to the
 * file's Article Editor tab and back.
 */
import { openWorkbench, type Workbench } from '../support/workbench';

const SEED = '000_5edd2806a98033fb.txt';

async function pickLanguage(wb: Workbench, label: string): Promise<void> {
  const widget = wb.page.locator('.quick-input-widget');
  const input = widget.locator('.quick-input-box input');
  await wb.page.keyboard.press('F1');
  await input.fill('>Change Language Mode');
  await widget.locator('.quick-input-list .monaco-list-row', { hasText: 'Change Language Mode' }).first().click();
  await widget.locator('.quick-input-list .monaco-list-row', { hasText: 'Auto Detect' }).first().waitFor();
  await input.fill(label);
  await widget.locator('.quick-input-list .monaco-list-row', { hasText: label }).first().click();
  await widget.waitFor({ state: 'hidden' });
}

/** Opens the file's Article Editor tab (a second tab of the same file), then the text editor's tab again. */
async function visitArticleEditorAndBack(wb: Workbench): Promise<void> {
  const tabs = wb.page.locator('.tabs-container .tab', { hasText: SEED });
  if ((await tabs.count()) < 2) await wb.runCommand('Article: Open in Article Editor');
  else await tabs.nth(1).click();
  await wb.page.locator('iframe.webview.ready').filter({ visible: true }).first().waitFor();
  // The text editor's tab is the first of the two tabs named after the file.
  await wb.page.locator('.tabs-container .tab', { hasText: SEED }).first().click();
  await wb.page.locator('.editor-instance .monaco-editor .view-lines').first().waitFor();
}

/** The status bar shows `label` now and still after two seconds (a late switch would show by then). */
async function assertStays(wb: Workbench, label: string): Promise<void> {
  await wb.waitForLanguageMode(label);
  await new Promise((resolve) => setTimeout(resolve, 2000));
  const mode = await wb.languageMode();
  if (mode !== label) throw new Error(`the language mode changed to ${mode}, expected ${label}`);
}

describe('UI: the language choice sticks', function () {
  this.timeout(240_000);
  let wb: Workbench;
  before(async () => {
    wb = await openWorkbench({ workspaceSettings: { 'files.autoSave': 'off' } });
  });
  after(async () => {
    await wb?.close();
  });

  it('Treat as Article after Plain Text survives a visit to the Article Editor tab', async () => {
    await wb.openFile(SEED);
    await wb.waitForLanguageMode('Article');
    await pickLanguage(wb, 'Plain Text');
    await wb.waitForLanguageMode('Plain Text');
    await wb.runCommand('Article: Treat as Article File');
    await wb.waitForLanguageMode('Article');
    await visitArticleEditorAndBack(wb);
    await wb.screenshot('language-back');
    await wb.waitForLanguageMode('Article');
    await assertStays(wb, 'Article');
  });

  it('Plain Text picked after that survives the visit too', async () => {
    await pickLanguage(wb, 'Plain Text');
    await wb.waitForLanguageMode('Plain Text');
    await visitArticleEditorAndBack(wb);
    await assertStays(wb, 'Plain Text');
  });
});
