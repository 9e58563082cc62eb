/**
 * Editing as a writer expects, in the real workbench: Ctrl+Z takes back what was typed without
 * pause (in the Article Editor and in the text editor), Enter at the end of a plain-text paragraph
 * makes a paragraph to type into, a new paragraph keeps the article's `　　`, and two Alt+↑ pressed
 * back to back both land. The file on disk is checked after each step (File: Save).
 */
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FrameLocator } from 'playwright-core';
import { parseArticle } from '../../src/core/parse';
import { editorView } from '../../src/editor/edits';
import { articlePage, textOf, until } from '../support/articlePage';
import { openWorkbench, type Workbench } from '../support/workbench';

const SEED = '000_5edd2806a98033fb.txt';
const PLAIN = '005_variant-d-plain-text.txt';
const BURST = '你好世界hello';
const INDENT = '\u3000\u3000';

/** The texts of the paragraphs as the page shows them (indents hidden). */
function fieldTexts(editor: FrameLocator): Promise<string[]> {
  return editor.locator('.blocks .block.paragraph [role="textbox"]').evaluateAll((els) => els.map((el) => el.textContent ?? ''));
}

/** The shown paragraphs' texts of a file's text, as the core reads them. */
function paragraphsOf(source: string): string[] {
  return editorView(parseArticle(source)).blocks.map((b) => b.text);
}

describe('Editing in the Article Editor as a writer expects', function () {
  this.timeout(180_000);
  let wb: Workbench | undefined;

  /** Saves the active editor and returns the file's text on disk. */
  async function saved(name: string): Promise<string> {
    const workbench = wb!;
    await workbench.runCommand('File: Save');
    await workbench.page.locator('.tabs-container .tab.active:not(.dirty)', { hasText: name }).waitFor();
    // The tab may show clean while the write is still under way (undo back to the saved text):
    // read until the file is whole (not empty) and the same twice in a row.
    const read = (): string => readFileSync(join(workbench.workspace, name), 'utf8').replace(/^\uFEFF/, '');
    let text = read();
    for (let tries = 0; tries < 50; tries++) {
      await workbench.page.waitForTimeout(100);
      const again = read();
      if (again !== '' && again === text) break;
      text = again;
    }
    return text;
  }

  async function openInArticleEditor(name: string): Promise<FrameLocator> {
    const workbench = wb!;
    await workbench.openFile(name);
    await workbench.waitForLanguageMode('Article');
    await workbench.runCommand('Article: Open in Article Editor');
    const editor = articlePage(workbench.page);
    await editor.locator('.blocks .block.paragraph [role="textbox"]').first().waitFor();
    return editor;
  }

  before(async () => {
    wb = await openWorkbench({ workspaceSettings: { 'files.autoSave': 'off' } });
  });

  afterEach(async function () {
    if (this.currentTest?.state === 'failed') await wb?.screenshot(`editing-failed-${this.currentTest.title.slice(0, 30).replace(/\W+/g, '-')}`).catch(() => undefined);
  });

  after(async () => {
    await wb?.close();
  });

  it('Ctrl+Z in the page takes back "你好世界hello" typed without pause, all of it; Ctrl+Y puts it back', async () => {
    const workbench = wb!;
    const page = workbench.page;
    const original = readFileSync(join(workbench.workspace, SEED), 'utf8');
    const editor = await openInArticleEditor(SEED);
    const second = editor.getByRole('textbox', { name: 'Paragraph 2', exact: true });
    const before = await textOf(second);
    await second.click({ position: { x: 160, y: 12 } });
    await page.keyboard.type(BURST, { delay: 40 });
    const typed = await until('paragraph 2 after typing', () => textOf(second), (text) => text.includes(BURST));
    assert.equal(typed.replace(BURST, ''), before);
    // Every keystroke reached the document: the file saved now holds the word.
    assert.ok(paragraphsOf(await saved(SEED))[1]!.includes(BURST), 'the saved file holds what was typed');

    await page.keyboard.press('Control+z');
    await until('paragraph 2 after one Ctrl+Z', () => textOf(second), (text) => text === before);
    assert.equal(await saved(SEED), original, 'one Ctrl+Z: the file is as it was');

    await page.keyboard.press('Control+y');
    await until('paragraph 2 after Ctrl+Y', () => textOf(second), (text) => text === typed);
    assert.ok(paragraphsOf(await saved(SEED))[1]!.includes(BURST), 'one Ctrl+Y: the word is back');
    await page.keyboard.press('Control+z');
    await until('paragraph 2 after Ctrl+Z again', () => textOf(second), (text) => text === before);
    assert.equal(await saved(SEED), original);
  });

  it('Ctrl+Z in the text editor takes back a burst typed in the page, all of it', async () => {
    const workbench = wb!;
    const page = workbench.page;
    const original = readFileSync(join(workbench.workspace, SEED), 'utf8');
    const editor = articlePage(page);
    const third = editor.getByRole('textbox', { name: 'Paragraph 3', exact: true });
    await third.click({ position: { x: 120, y: 12 } });
    await page.keyboard.type(BURST, { delay: 40 });
    await until('paragraph 3 after typing', () => textOf(third), (text) => text.includes(BURST));
    await until('the tab turns dirty', () => page.locator('.tabs-container .tab.active.dirty', { hasText: SEED }).count(), (n) => n === 1);

    await workbench.runCommand('Article: Open in Text Editor');
    await workbench.waitForLanguageMode('Article');
    const lines = page.locator('.editor-group-container.active .monaco-editor .view-lines');
    await lines.filter({ hasText: BURST }).waitFor();
    await lines.click({ position: { x: 20, y: 5 } });
    await page.keyboard.press('Control+z');
    await until('the text editor after one Ctrl+Z', () => textOf(lines), (text) => !text.includes('你') && !text.includes('hello'));
    assert.equal(await saved(SEED), original, 'one Ctrl+Z in the text editor: the file is as it was');
  });

  it('a new paragraph in the seed keeps the article’s `　　` (Enter at a paragraph’s end, then typing)', async () => {
    const workbench = wb!;
    const page = workbench.page;
    const original = readFileSync(join(workbench.workspace, SEED), 'utf8');
    const editor = await openInArticleEditor(SEED);
    const count = (await fieldTexts(editor)).length;
    const first = editor.getByRole('textbox', { name: 'Paragraph 1', exact: true });
    await first.click({ position: { x: 40, y: 12 } });
    await page.keyboard.press('Control+End');
    await page.keyboard.press('Enter');
    await until('a new paragraph', async () => (await fieldTexts(editor)).length, (n) => n === count + 1);
    await page.keyboard.type('新段落', { delay: 40 });
    const second = editor.getByRole('textbox', { name: 'Paragraph 2', exact: true });
    await until('the new paragraph 2', () => textOf(second), (text) => text === '新段落');
    const onDisk = await saved(SEED);
    const paragraphs = paragraphsOf(onDisk);
    assert.equal(paragraphs[1], `${INDENT}新段落`, 'the new paragraph starts with `　　` in the file');
    assert.deepEqual([paragraphs[0], ...paragraphs.slice(2)], paragraphsOf(original), 'every other paragraph as it was');
    assert.ok(onDisk.includes(`> ${INDENT}新段落</span></div><div>&nbsp;</div>`), 'in the seed’s markup');
  });

  it('two Alt+↑ pressed back to back both land (the page and the file agree)', async () => {
    const workbench = wb!;
    const page = workbench.page;
    const editor = articlePage(page);
    const start = await fieldTexts(editor);
    const moving = start[3]!;
    const fourth = editor.getByRole('textbox', { name: 'Paragraph 4', exact: true });
    await fourth.click({ position: { x: 60, y: 12 } });
    await page.keyboard.press('Alt+ArrowUp');
    await page.keyboard.press('Alt+ArrowUp');
    const expected = [start[0]!, moving, start[1]!, start[2]!, ...start.slice(4)];
    await until('the page after two moves', () => fieldTexts(editor), (texts) => JSON.stringify(texts) === JSON.stringify(expected));
    // Nothing more arrives later: the page stays as it is.
    await new Promise((resolve) => setTimeout(resolve, 1000));
    assert.deepEqual(await fieldTexts(editor), expected);
    const onDisk = paragraphsOf(await saved(SEED)).map((t) => (t.startsWith(INDENT) ? t.slice(INDENT.length) : t));
    assert.deepEqual(onDisk, expected, 'the file holds both moves');
  });

  it('plain text (D): Enter at the end of a paragraph makes a paragraph, the caret in it, and typing goes there', async () => {
    const workbench = wb!;
    const page = workbench.page;
    const original = readFileSync(join(workbench.workspace, PLAIN), 'utf8');
    const before = paragraphsOf(original);
    const editor = await openInArticleEditor(PLAIN);
    const first = editor.getByRole('textbox', { name: 'Paragraph 1', exact: true });
    await first.click({ position: { x: 40, y: 12 } });
    await page.keyboard.press('Control+End');
    await page.keyboard.press('Enter');
    await until('a new, empty paragraph 2', async () => (await fieldTexts(editor)).slice(0, 2), (texts) => texts.length === 2 && texts[1] === '');
    await page.keyboard.type('新的一段', { delay: 40 });
    const second = editor.getByRole('textbox', { name: 'Paragraph 2', exact: true });
    await until('paragraph 2', () => textOf(second), (text) => text === '新的一段');
    assert.equal(await textOf(first), before[0], 'paragraph 1 unchanged');
    const onDisk = await saved(PLAIN);
    assert.deepEqual(paragraphsOf(onDisk), [before[0], '新的一段', ...before.slice(1)]);
    assert.ok(onDisk.includes('\n  新的一段\n'), 'a paragraph line of its own: two spaces, then the text');

    // Ctrl+Enter too.
    await second.click({ position: { x: 10, y: 12 } });
    await page.keyboard.press('Control+Enter');
    await until('a new, empty paragraph 3', async () => (await fieldTexts(editor))[2], (text) => text === '');
    await page.keyboard.type('又一段', { delay: 40 });
    await until('paragraph 3', () => textOf(editor.getByRole('textbox', { name: 'Paragraph 3', exact: true })), (text) => text === '又一段');
    assert.deepEqual(paragraphsOf(await saved(PLAIN)), [before[0], '新的一段', '又一段', ...before.slice(1)]);
    assert.deepEqual(workbench.pageErrors, [], 'no uncaught errors in the workbench');
  });
});
