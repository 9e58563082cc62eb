/**
 * Inline markup in the Article Editor, in a real workbench with its default auto save: the seed
 * with hand-edited markup (011) shows its bold as bold and its link as a link; typing across the
 * end of the bold keeps `<b>` around what stays and `<BR/>` as it was, on disk; a selection that
 * holds all of the bold gets a note before it is deleted; Ctrl+B on a selection writes `<b>`
 * (and does not toggle the workbench's sidebar); a click on the link does not open it.
 */
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Locator } from 'playwright-core';
import { articlePage, until } from '../support/articlePage';
import { openWorkbench, type Workbench } from '../support/workbench';

const SEED = '011_variant-i-other-markup.txt';
const BOLD = '严格落实安全生产责任制';
const LINK = '市政府门户网站通知公告栏';

/** Selects the first occurrence of `text` in the field (across its elements), as a drag would. */
async function select(field: Locator, text: string): Promise<void> {
  await field.click();
  const found = await field.evaluate((el, wanted) => {
    const doc = el.ownerDocument;
    const nodes: { data: string }[] = [];
    const walker = doc.createTreeWalker(el, 4 /* NodeFilter.SHOW_TEXT */);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) nodes.push(n);
    const start = nodes.map((n) => n.data).join('').indexOf(wanted);
    if (start < 0 || nodes.length === 0) return false;
    const at = (offset: number): [unknown, number] => {
      for (const n of nodes) {
        if (offset <= n.data.length) return [n, offset];
        offset -= n.data.length;
      }
      const last = nodes[nodes.length - 1]!;
      return [last, last.data.length];
    };
    const [a, ao] = at(start);
    const [b, bo] = at(start + wanted.length);
    doc.getSelection()?.setBaseAndExtent(a, ao, b, bo);
    return true;
  }, text);
  assert.ok(found, `"${text}" is in the paragraph`);
}

/** A computed style of the element. */
function computed(locator: Locator, property: 'fontWeight' | 'textDecorationLine'): Promise<string> {
  return locator.evaluate((el, name) => el.ownerDocument.defaultView?.getComputedStyle(el)[name] ?? '', property);
}

describe('Article Editor: inline markup shown and kept', function () {
  this.timeout(180_000);
  let wb: Workbench | undefined;
  let file = '';

  before(async () => {
    // As a writer has it in code-server: saved about a second after each edit.
    wb = await openWorkbench({ workspaceSettings: { 'files.autoSave': 'afterDelay', 'files.autoSaveDelay': 1000 } });
    file = join(wb.workspace, SEED);
  });

  afterEach(async function () {
    if (this.currentTest?.state === 'failed') await wb?.screenshot('markup-failed').catch(() => undefined);
  });

  after(async () => {
    await wb?.close();
  });

  const disk = (): string => readFileSync(file, 'utf8');

  it('shows bold as bold, the link as a link, <br> as a line break', async () => {
    const workbench = wb!;
    await workbench.openFile(SEED);
    await workbench.waitForLanguageMode('Article');
    await workbench.runCommand('Article: Open in Article Editor');
    const editor = articlePage(workbench.page);
    const bold = editor.locator('.blocks .text b', { hasText: BOLD });
    await bold.waitFor();
    assert.equal(await bold.textContent(), BOLD);
    const weight = await computed(bold, 'fontWeight');
    assert.ok(Number(weight) >= 700, `bold is drawn bold (font-weight ${weight})`);
    const link = editor.locator('.blocks .text a', { hasText: LINK });
    assert.equal(await link.getAttribute('href'), 'http://www.example.com/yunchuan/zwgk/tzgg/');
    const decoration = await computed(link, 'textDecorationLine');
    assert.equal(decoration, 'underline', 'the link is underlined');
    const field = editor.locator('.blocks .text', { has: editor.locator('b', { hasText: BOLD }) });
    assert.match((await field.textContent()) ?? '', /安全检查。\n值班电话：0000-1234567\n传真/, 'both <br> and <BR/> are line breaks');
    // Markup that is shown needs no hint; a paragraph with only entities has none either.
    assert.equal(await editor.locator('.count.rich').count(), 0);
    await workbench.screenshot('markup-shown');
  });

  it('a click on the link puts the caret there and opens nothing', async () => {
    const workbench = wb!;
    const editor = articlePage(workbench.page);
    await editor.locator('.blocks .text a', { hasText: LINK }).click();
    const active = await editor.locator('.blocks .text:focus').textContent();
    assert.match(active ?? '', /详见市政府门户网站通知公告栏。/);
    await new Promise((resolve) => setTimeout(resolve, 500));
    assert.equal(await workbench.page.locator('.monaco-dialog-box').count(), 0, 'no "open external website" dialog');
  });

  it('a selection that holds all of the bold says so before it is deleted', async () => {
    const workbench = wb!;
    const editor = articlePage(workbench.page);
    const field = editor.locator('.blocks .text', { has: editor.locator('b', { hasText: BOLD }) });
    await select(field, `理念，${BOLD}，`);
    const note = editor.locator('.block .note');
    await note.waitFor();
    assert.match((await note.textContent()) ?? '', /removes its markup: bold/);
    await select(field, '安全生产');
    await note.waitFor({ state: 'detached' });
  });

  it('typing across the end of the bold keeps <b> around what stays; <BR/> keeps its bytes', async () => {
    const workbench = wb!;
    const page = workbench.page;
    const editor = articlePage(page);
    const before = disk();
    assert.ok(before.includes(`<b>${BOLD}</b>，加强对人员`));
    const field = editor.locator('.blocks .text', { has: editor.locator('b', { hasText: BOLD }) });
    await select(field, '责任制，加强');
    await page.keyboard.insertText('新');
    const saved = await until('the file on disk', async () => disk(), (text) => text !== before);
    assert.ok(saved.includes('<b>严格落实安全生产新</b>对人员密集场所'), `<b> kept around the surviving text: ${saved.slice(saved.indexOf('理念'), saved.indexOf('理念') + 60)}`);
    assert.equal(saved, before.replace('<b>严格落实安全生产责任制</b>，加强对人员', '<b>严格落实安全生产新</b>对人员'), 'nothing else changed: <br> and <BR/> as they were');
    await editor.locator('.blocks .text b', { hasText: '严格落实安全生产新' }).waitFor();
    await workbench.screenshot('markup-typed');
  });

  it('Ctrl+B on a selection writes <b> to the file (the sidebar stays), Ctrl+B again takes it off', async () => {
    const workbench = wb!;
    const page = workbench.page;
    const editor = articlePage(page);
    const sidebar = page.locator('.part.sidebar');
    assert.ok(await sidebar.isVisible(), 'the sidebar is open');
    const before = disk();
    const field = editor.locator('.blocks .text', { hasText: '值班电话' });
    await select(field, '值班电话');
    await page.keyboard.press('Control+b');
    const saved = await until('the file on disk', async () => disk(), (text) => text !== before);
    assert.equal(saved, before.replace('<br>值班电话：', '<br><b>值班电话</b>：'));
    await editor.locator('.blocks .text b', { hasText: '值班电话' }).waitFor();
    assert.ok(await sidebar.isVisible(), 'Ctrl+B in the page is bold, not the workbench’s sidebar toggle');
    await workbench.screenshot('markup-bold');
    // The selection is still there: Ctrl+B again makes it plain.
    await page.keyboard.press('Control+b');
    await until('the file on disk', async () => disk(), (text) => text === before);
  });
});
