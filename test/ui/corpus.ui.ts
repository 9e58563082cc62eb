/**
 * The Articles view in a real workbench: the seed listed by its title (not its opaque file name),
 * and the title filter narrowing the list as you type.
 */
import * as assert from 'node:assert/strict';
import { openWorkbench, type Workbench } from '../support/workbench';

const TITLE = '河南省“不忘初心、牢记使命”主题教育工作会议召开';

describe('Articles view', function () {
  this.timeout(180_000);
  let wb: Workbench | undefined;

  before(async () => {
    wb = await openWorkbench();
  });

  afterEach(async function () {
    if (this.currentTest?.state === 'failed') await wb?.screenshot('articles-failed').catch(() => undefined);
  });

  after(async () => {
    await wb?.close();
  });

  const pane = () => wb!.page.locator('.pane:has(.pane-header[aria-label^="Articles"])');
  const labels = async (): Promise<string[]> =>
    pane()
      .locator('.monaco-list-row .label-name')
      .evaluateAll((nodes) => nodes.map((node) => node.textContent ?? ''));

  it('lists the seed by its title, with its list index and counts', async () => {
    const page = wb!.page;
    await page.locator('.activitybar .action-item a[aria-label^="Articles"]').first().click();
    const row = pane().locator('.monaco-list-row', { hasText: TITLE }).first();
    await row.waitFor({ timeout: 60_000 });
    const text = (await row.textContent()) ?? '';
    assert.ok(text.includes('#227'), text);
    assert.ok(!(await labels()).some((label) => label.endsWith('.txt') && label.startsWith('000_')), 'rows show titles, not file names');
    await wb!.screenshot('articles');
  });

  it('the filter narrows the list to titles holding the text', async () => {
    const page = wb!.page;
    const before = await labels();
    assert.ok(before.length > 3, before.join(' | '));
    // The palette, then the command's own input box in the same widget (so not workbench.runCommand, which waits for it to close).
    await page.keyboard.press('F1');
    const input = page.locator('.quick-input-widget .quick-input-box input');
    await input.waitFor();
    await input.fill('>Article: Filter Articles by Title');
    await page.locator('.quick-input-widget .quick-input-list .monaco-list-row', { hasText: 'Filter Articles by Title' }).first().waitFor();
    await input.press('Enter');
    await page.locator('.quick-input-widget .quick-input-title', { hasText: 'Filter Articles by Title' }).waitFor();
    await input.fill('云川');
    await page.waitForFunction(
      // A string: the project's TypeScript has no DOM library.
      `[...document.querySelectorAll('.pane .monaco-list-row .label-name')].filter((n) => n.closest('.pane')?.querySelector('.pane-header[aria-label^="Articles"]')).every((n) => n.textContent.includes('云川'))`,
    );
    const after = await labels();
    assert.ok(after.length > 0 && after.length < before.length, `${after.length} of ${before.length}`);
    assert.ok(after.every((label) => label.includes('云川')), after.join(' | '));
    await wb!.screenshot('articles-filtered');
    await input.press('Enter');
  });
});
