/**
 * The "Get Started with Article Editor" walkthrough as a user meets it: opened from the Command
 * Palette (Welcome: Open Walkthrough…), each step expanded and its button clicked, on the seeds.
 * Each step's result is saved as test-results/walkthrough-*.png: `npm run screenshots` copies them
 * into media/walkthrough/, the walkthrough's own pictures.
 */
import * as assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { openWorkbench, type Workbench } from '../support/workbench';

const TITLE = 'Get Started with Article Editor';

async function openWalkthrough(workbench: Workbench): Promise<void> {
  const page = workbench.page;
  // Welcome: Open Walkthrough… asks for the walkthrough in a second pick, so the palette stays open.
  const widget = page.locator('.quick-input-widget');
  await page.keyboard.press('F1');
  const input = widget.locator('.quick-input-box input');
  await input.waitFor();
  await input.fill('>Welcome: Open Walkthrough...');
  await widget.locator('.quick-input-list .monaco-list-row', { hasText: 'Open Walkthrough' }).first().click();
  const pick = widget.locator('.quick-input-list .monaco-list-row', { hasText: TITLE });
  await pick.first().waitFor();
  await pick.first().click();
  await page.locator('.gettingStartedContainer', { hasText: TITLE }).first().waitFor();
}

/** Expands the step titled `step` and clicks its button labelled `button`. */
async function clickStep(page: Page, step: string, button: string): Promise<void> {
  const title = page.locator('.gettingStartedContainer .getting-started-step', { hasText: step }).first();
  await title.click();
  const link = page.locator('.gettingStartedContainer .getting-started-step.expanded .monaco-button', { hasText: button }).first();
  await link.waitFor();
  await link.click();
}

describe('Getting started: the walkthrough', function () {
  this.timeout(240_000);
  let wb: Workbench | undefined;

  before(async () => {
    wb = await openWorkbench();
  });

  afterEach(async function () {
    if (this.currentTest?.state === 'failed') await wb?.screenshot('walkthrough-failed').catch(() => undefined);
  });

  after(async () => {
    await wb?.close();
  });

  it('is listed in the Welcome page and each step\'s button does its step on the seeds', async () => {
    const workbench = wb!;
    const page = workbench.page;

    await openWalkthrough(workbench);
    await workbench.screenshot('walkthrough');

    await clickStep(page, 'Open an article', 'Open the Sample Article');
    await page.locator('.tabs-container .tab', { hasText: '000_5edd2806a98033fb.txt' }).first().waitFor();
    await workbench.waitForLanguageMode('Article');
    await workbench.screenshot('walkthrough-open');

    await openWalkthrough(workbench);
    await clickStep(page, 'See its outline', 'Show the Outline');
    await page.locator('.pane:has(.pane-header[aria-label^="Outline"]) .monaco-list-row', { hasText: '河南省' }).first().waitFor();
    await workbench.collapseSection('Explorer Section');
    await workbench.screenshot('walkthrough-outline');

    await openWalkthrough(workbench);
    await clickStep(page, 'Open the Article Editor', 'Open in the Article Editor');
    const frame = page.locator('iframe.webview.ready').filter({ visible: true }).contentFrame().locator('iframe#active-frame').contentFrame();
    await frame.locator('body', { hasText: '6月6日，河南省委召开' }).first().waitFor();
    await workbench.screenshot('walkthrough-editor');

    await openWalkthrough(workbench);
    await clickStep(page, 'Normalize the markup', 'Preview the Normalization');
    await page.locator('.tabs-container .tab', { hasText: '↔' }).first().waitFor();
    await page.locator('.monaco-diff-editor .modified .view-line', { hasText: 'span' }).first().waitFor();
    await workbench.screenshot('walkthrough-normalize');

    await openWalkthrough(workbench);
    await clickStep(page, 'Export a folder', "Export the Sample's Folder");
    // Export Folder on the seeds' folder asks for the format first.
    await page.locator('.quick-input-widget .quick-input-title', { hasText: 'Export Folder' }).waitFor();
    const format = page.locator('.quick-input-widget .quick-input-list .monaco-list-row', { hasText: 'Plain text' });
    await format.first().waitFor();
    assert.equal(await page.locator('.quick-input-widget .quick-input-list .monaco-list-row').count(), 4, 'txt, md, json, jsonl');
    await workbench.screenshot('walkthrough-export-folder');
    await page.keyboard.press('Escape');
  });
});
