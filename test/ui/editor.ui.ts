/**
 * The Article Editor on the real seed in a real workbench, as a person uses it: open the seed from
 * the Explorer, "Article: Open in Article Editor", read the title, paragraphs and counts, type into
 * a paragraph and see the text reach the document (the text editor, the Article Outline), type
 * markup and see it stay text, undo with Ctrl+Z.
 */
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { buildOutline, flattenOutline } from '../../src/core/outline';
import { parseArticle } from '../../src/core/parse';
import { editorView } from '../../src/editor/edits';
import { articlePage, textOf, until } from '../support/articlePage';
import { openWorkbench, repoRoot, type Workbench } from '../support/workbench';

const SEED = '000_5edd2806a98033fb.txt';
const TITLE = '河南省“不忘初心、牢记使命”主题教育工作会议召开';
const TYPED = '测试';
const MARKUP = `<img src=x onerror="document.body.dataset.pwned='1'"><script>document.body.dataset.pwned='2'</script>`;
/** The paragraphs' hidden `　　` indent (shown as `text-indent`, not as text). */
const INDENT = '\u3000\u3000';

/** The seed's source as the core reads it, and what the Article Editor should show for it. */
function expectedFor(source: string): { title: string; paragraphs: string[]; counts: number[]; total: number; names: string[] } {
  const article = parseArticle(source);
  const view = editorView(article);
  const [root] = buildOutline(article);
  assert.ok(root, 'the core built no outline');
  return {
    title: article.title,
    paragraphs: view.blocks.map((block) => block.text ?? ''),
    counts: view.blocks.map((block) => block.chars),
    total: view.blocks.reduce((sum, block) => sum + block.chars, 0),
    names: [root.name, ...flattenOutline(root.children).map((node) => node.name)],
  };
}

function withoutIndent(text: string): string {
  return text.startsWith(INDENT) ? text.slice(INDENT.length) : text;
}

/** The rows of the tree view whose pane header is `name` (all rendered: the Article Outline is short). */
async function treeRows(page: Page, name: string): Promise<{ label: string; description: string; level: number }[]> {
  const pane = page.locator(`.pane:has(.pane-header[aria-label^="${name}"])`);
  return pane.locator('.monaco-list-row').evaluateAll((rows) =>
    rows
      .map((row) => ({
        index: Number(row.getAttribute('data-index')),
        level: Number(row.getAttribute('aria-level') ?? '1'),
        label: row.querySelector('.label-name')?.textContent ?? '',
        description: row.querySelector('.label-description')?.textContent ?? '',
      }))
      .sort((a, b) => a.index - b.index)
      .map(({ label, description, level }) => ({ label, description, level })),
  );
}

describe('Article Editor on the seed', function () {
  this.timeout(180_000);
  let wb: Workbench | undefined;
  const source = readFileSync(join(repoRoot, 'seeds', SEED), 'utf8').replace(/^\uFEFF/, '');
  const seed = expectedFor(source);
  /** Paragraph 2's text (view block 1) after typing, as the page shows it (no indent). */
  let typedShown = '';

  before(async () => {
    // The web workbench saves after a second by default: off, so that unsaved edits stay unsaved.
    wb = await openWorkbench({ workspaceSettings: { 'files.autoSave': 'off' } });
  });

  afterEach(async function () {
    if (this.currentTest?.state === 'failed') await wb?.screenshot('editor-failed').catch(() => undefined);
  });

  after(async () => {
    await wb?.close();
  });

  it('opens the seed in the Article Editor and shows its title, paragraphs and counts', async () => {
    const workbench = wb!;
    const page = workbench.page;
    assert.equal(seed.title, TITLE);
    assert.equal(seed.paragraphs.length, 8, 'the core finds 8 paragraphs in the seed');

    await workbench.openFile(SEED);
    await workbench.waitForLanguageMode('Article');
    await workbench.runCommand('Article: Open in Article Editor');

    const editor = articlePage(page);
    const title = editor.getByRole('textbox', { name: 'Title', exact: true });
    await title.waitFor();
    assert.equal(await textOf(title), TITLE);
    const fields = editor.locator('.blocks .block.paragraph [role="textbox"]');
    await fields.nth(seed.paragraphs.length - 1).waitFor();
    assert.deepEqual(
      await fields.evaluateAll((els) => els.map((el) => el.textContent ?? '')),
      seed.paragraphs.map(withoutIndent),
      'the paragraphs show the clean text, indents hidden',
    );
    assert.deepEqual(
      await fields.evaluateAll((els) => els.map((el) => el.getAttribute('aria-label'))),
      seed.paragraphs.map((_, i) => `Paragraph ${i + 1}`),
    );
    const counts = editor.locator('.blocks .block.paragraph .count');
    assert.deepEqual(await counts.allTextContents(), seed.counts.map(String), 'per-paragraph counts');
    assert.equal(await counts.first().getAttribute('title'), `${seed.counts[0]} chars`);
    const total = editor.locator('.toolbar .total');
    assert.equal(await textOf(total), `${seed.total.toLocaleString('en-US')} chars in all`);
    // The toolbar's buttons.
    assert.deepEqual(await editor.locator('.toolbar button').allTextContents(), ['Export Clean Text', 'Normalize Styling', 'Preview Normalization', 'B', 'I']);
    await page.locator('.tabs-container .tab.active', { hasText: SEED }).waitFor();
    await workbench.screenshot('editor-open');
  });

  it('types into the second paragraph: the tab turns dirty and the text editor shows the text', async () => {
    const workbench = wb!;
    const page = workbench.page;
    const editor = articlePage(page);
    const second = editor.getByRole('textbox', { name: 'Paragraph 2', exact: true });
    const before = withoutIndent(seed.paragraphs[1]!);
    // Somewhere in the text of its first line.
    await second.click({ position: { x: 160, y: 12 } });
    await page.keyboard.insertText(TYPED);

    typedShown = await until('paragraph 2 after typing', () => textOf(second), (text) => text.includes(TYPED));
    const at = typedShown.indexOf(TYPED);
    assert.equal(typedShown.slice(0, at) + typedShown.slice(at + TYPED.length), before, 'the typed text went in at the caret, the rest unchanged');
    assert.ok(at > 0 && at < before.length, `the caret was inside the text (at ${at})`);
    const counts = editor.locator('.blocks .block.paragraph .count');
    assert.equal(await textOf(counts.nth(1)), String(seed.counts[1]! + TYPED.length));
    await until('the total', () => textOf(editor.locator('.toolbar .total')), (text) => text === `${(seed.total + TYPED.length).toLocaleString('en-US')} chars in all`);
    await page.locator('.tabs-container .tab.active.dirty', { hasText: SEED }).waitFor();
    await workbench.screenshot('editor-typed');

    await workbench.runCommand('Article: Open in Text Editor');
    const lines = page.locator('.editor-group-container.active .monaco-editor .view-lines');
    await page.locator('.editor-group-container.active .tab.active', { hasText: SEED }).waitFor();
    await workbench.waitForLanguageMode('Article');
    // The body is one long line, wrapped; the view lines' text runs on across the wraps.
    const around = typedShown.slice(Math.max(0, at - 10), at + TYPED.length + 10);
    await lines.filter({ hasText: around }).waitFor();
    assert.ok((await textOf(lines)).includes(typedShown), 'the text editor shows paragraph 2 with the typed text');
    await page.locator('.editor-group-container.active .tab.active.dirty', { hasText: SEED }).waitFor();
    await workbench.screenshot('editor-text');
  });

  it('lists the title and the paragraph names in the Article Outline', async () => {
    const workbench = wb!;
    const page = workbench.page;
    await workbench.runCommand('Article: Open in Article Editor');
    await articlePage(page).getByRole('textbox', { name: 'Paragraph 2', exact: true }).filter({ hasText: TYPED }).waitFor();

    await workbench.runCommand('Explorer: Focus on Article Outline View');
    await workbench.collapseSection('Explorer Section');
    const paragraph = seed.paragraphs[1]!;
    const edited = source.replace(withoutIndent(paragraph), typedShown);
    assert.notEqual(edited, source);
    const expected = expectedFor(edited);
    const rows = await until(
      'the Article Outline rows',
      () => treeRows(page, 'Article Outline'),
      (rows) => rows.length === expected.names.length,
    );
    assert.deepEqual(
      rows.map((row) => row.label),
      expected.names,
      'the title, then the paragraph names (the first 40 characters of each, paragraph 2 as typed)',
    );
    assert.deepEqual(
      rows.map((row) => row.level),
      expected.names.map((_, i) => (i === 0 ? 1 : 2)),
    );
    assert.deepEqual(
      rows.map((row) => row.description),
      [expected.total, ...expected.counts].map((n) => `${n} chars`),
    );
    await workbench.screenshot('editor-outline');
  });

  it('shows typed markup as text and runs none of it; the file gets it escaped', async () => {
    const workbench = wb!;
    const page = workbench.page;
    const editor = articlePage(page);
    const third = editor.getByRole('textbox', { name: 'Paragraph 3', exact: true });
    const before = withoutIndent(seed.paragraphs[2]!);
    await third.click({ position: { x: 240, y: 12 } });
    await page.keyboard.insertText(MARKUP);

    const shown = await until('paragraph 3 after typing markup', () => textOf(third), (text) => text.includes(MARKUP));
    const at = shown.indexOf(MARKUP);
    assert.equal(shown.slice(0, at) + shown.slice(at + MARKUP.length), before);
    const expectedChars = seed.counts[2]! + [...MARKUP].length;
    assert.equal(await textOf(editor.locator('.blocks .block.paragraph .count').nth(2)), String(expectedChars));
    // The host has the edit once the Article Outline shows the paragraph's new count.
    await until(
      'the Article Outline count of paragraph 3',
      async () => (await treeRows(page, 'Article Outline'))[3]?.description,
      (description) => description === `${expectedChars} chars`,
    );

    assert.equal(await editor.locator('.blocks img, .blocks script, .title img, .title script').count(), 0, 'no element made from the typed markup');
    assert.equal(await third.locator('*').count(), 0, 'the paragraph holds only text');
    assert.equal(await editor.locator('body[data-pwned]').count(), 0, 'no typed script ran');
    await workbench.screenshot('editor-markup');

    await workbench.runCommand('File: Save');
    await page.locator('.tabs-container .tab.active:not(.dirty)', { hasText: SEED }).waitFor();
    const saved = readFileSync(join(workbench.workspace, SEED), 'utf8');
    assert.ok(saved.includes('&lt;img src=x onerror="document.body.dataset.pwned=\'1\'"&gt;&lt;script&gt;'), 'the file holds the markup escaped');
    assert.ok(!saved.includes('<img'), 'no raw <img> in the file');
    assert.ok(!saved.includes('<script'), 'no raw <script> in the file');
    assert.equal(await editor.locator('body[data-pwned]').count(), 0, 'no typed script ran');
  });

  it('undoes with Ctrl+Z in the page, one edit at a time', async () => {
    const workbench = wb!;
    const page = workbench.page;
    const editor = articlePage(page);
    const third = editor.getByRole('textbox', { name: 'Paragraph 3', exact: true });
    const second = editor.getByRole('textbox', { name: 'Paragraph 2', exact: true });
    await third.click({ position: { x: 40, y: 12 } });

    await page.keyboard.press('Control+z');
    await until('paragraph 3 after Ctrl+Z', () => textOf(third), (text) => text === withoutIndent(seed.paragraphs[2]!));
    assert.equal(await textOf(editor.locator('.blocks .block.paragraph .count').nth(2)), String(seed.counts[2]));
    assert.equal(await textOf(second), typedShown, 'one Ctrl+Z undoes one edit');
    await page.locator('.tabs-container .tab.active.dirty', { hasText: SEED }).waitFor();

    await page.keyboard.press('Control+z');
    await until('paragraph 2 after a second Ctrl+Z', () => textOf(second), (text) => text === withoutIndent(seed.paragraphs[1]!));
    await until('the total', () => textOf(editor.locator('.toolbar .total')), (text) => text === `${seed.total.toLocaleString('en-US')} chars in all`);
    // The document is the seed's again: the Article Outline (refreshed 300 ms after a change) shows its names.
    await until(
      'the Article Outline after undo',
      async () => (await treeRows(page, 'Article Outline')).map((row) => row.label),
      (labels) => JSON.stringify(labels) === JSON.stringify(seed.names),
    );
    await workbench.screenshot('editor-undo');
    assert.deepEqual(workbench.pageErrors, [], 'no uncaught errors in the workbench');
  });

  it('moves the image block of seed 006 up and down (Alt+↑, the ↓ button): the file keeps its placeholder lines whole', async () => {
    const workbench = wb!;
    const page = workbench.page;
    const name = '006_variant-ae-image-placeholder-html.txt';
    const file = join(workbench.workspace, name);
    const original = readFileSync(file, 'utf8');
    const expected = expectedFor(original);
    // The folder tree was collapsed for the Article Outline: open it again to pick the file.
    const explorer = page.locator('.pane-header[aria-label^="Explorer Section"]').first();
    if ((await explorer.getAttribute('aria-expanded')) === 'false') await explorer.click();
    await workbench.openFile(name);
    await workbench.waitForLanguageMode('Article');
    await workbench.runCommand('Article: Open in Article Editor');
    const editor = articlePage(page);
    await editor.getByRole('textbox', { name: 'Title', exact: true }).filter({ hasText: expected.title }).waitFor();
    const kinds = (): Promise<string[]> =>
      editor.locator('.blocks .block').evaluateAll((els) => els.map((el) => (el.classList.contains('image') ? 'image' : (el.querySelector('[role="textbox"]')?.textContent ?? '').slice(0, 4))));
    const before = await kinds();
    assert.deepEqual(before, ['4月28', '记者在位', 'image', '图为市民', '市住房城']);
    const placeholder = ['---------------------------------------- ', '-------------------这里有图片------------ ', '---------------------------------------- '];
    const saved = async (): Promise<string> => {
      await workbench.runCommand('File: Save');
      await page.locator('.tabs-container .tab.active:not(.dirty)', { hasText: name }).waitFor();
      return readFileSync(file, 'utf8');
    };

    // Alt+↑ on the image.
    await editor.locator('.blocks .block.image .figure').click();
    await page.keyboard.press('Alt+ArrowUp');
    await until('the image one block up', kinds, (now) => now[1] === 'image');
    assert.deepEqual(await kinds(), [before[0], 'image', before[1], before[3], before[4]]);
    await workbench.screenshot('editor-image-up');
    const up = await saved();
    assert.deepEqual(up.split('\n').filter((line) => line.includes('-----')), placeholder, 'the placeholder\'s three lines, each on a line of its own');
    assert.ok(!/<\/div>-|- <div/.test(up), 'no dash line glued to a paragraph');
    assert.deepEqual(expectedFor(up).paragraphs, [expected.paragraphs[0], '', expected.paragraphs[1], expected.paragraphs[3], expected.paragraphs[4]], 'the core reads the same blocks back');

    // The image's ↓ button (shown on hover) moves it back: the file is the seed again, byte for byte.
    const image = editor.locator('.blocks .block.image');
    await image.hover();
    await image.locator('button.tool-down').click();
    await until('the image back in its place', kinds, (now) => now[2] === 'image');
    assert.deepEqual(await kinds(), before);
    assert.equal(await saved(), original);

    // The paragraph just above the image moved down past it.
    const above = editor.getByRole('textbox', { name: 'Paragraph 2', exact: true });
    await above.click({ position: { x: 40, y: 12 } });
    await page.keyboard.press('Alt+ArrowDown');
    await until('the paragraph below the image', kinds, (now) => now[1] === 'image');
    await workbench.screenshot('editor-paragraph-down');
    const down = await saved();
    assert.deepEqual(down.split('\n').filter((line) => line.includes('-----')), placeholder);
    assert.deepEqual(expectedFor(down).paragraphs, [expected.paragraphs[0], '', expected.paragraphs[1], expected.paragraphs[3], expected.paragraphs[4]]);
    assert.deepEqual(workbench.pageErrors, [], 'no uncaught errors in the workbench');
  });
});
