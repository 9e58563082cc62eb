/**
 * The corpus features in a real VS Code: the Articles view's rows for the seeds and their update
 * when files change, workspace symbols by title and heading, the status bar counts.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { articleCounts, readingMinutes, selectionCounts } from '../../src/core/corpus/counts';
import { decodeBytes } from '../../src/core/decode';
import { parseArticle } from '../../src/core/parse';
import type { ArticleEditorApi } from '../../src/extension';
import { closeAllEditors, openArticle, seedFiles, waitFor, workspaceFile } from './workspace';

async function api(): Promise<ArticleEditorApi> {
  return vscode.extensions.getExtension<ArticleEditorApi>('article-editor.article-editor')!.activate();
}

async function seedArticle(name: string): Promise<ReturnType<typeof parseArticle>> {
  const decoded = decodeBytes(await vscode.workspace.fs.readFile(workspaceFile(name)));
  assert.ok(decoded.ok, name);
  return parseArticle(decoded.text);
}

const SEED = '000_5edd2806a98033fb.txt';
const SEED_TITLE = '河南省“不忘初心、牢记使命”主题教育工作会议召开';
const encode = (text: string): Uint8Array => new TextEncoder().encode(text);
const article = (line1: string, ...paragraphs: string[]): Uint8Array =>
  encode(`${line1}\n` + paragraphs.map((p) => `<div><span style='font-size:16px'> 　　${p}</span></div><div>&nbsp;</div>`).join(''));

describe('corpus: Articles view, workspace symbols, status bar counts', function () {
  this.timeout(120000);
  const added = workspaceFile('fixtures/corpus-added.txt');

  after(async () => {
    await closeAllEditors();
    await vscode.workspace.fs.delete(added).then(undefined, () => undefined);
    const { corpus } = await api();
    corpus.articles.filter = '';
  });

  it('lists every seed by its title, list index and counts', async () => {
    const { corpus } = await api();
    await corpus.index.whenIdle();
    const rows = corpus.articles.rows;
    for (const name of await seedFiles()) {
      const row = rows.find((r) => r.file.uri.toString() === workspaceFile(name).toString());
      assert.ok(row, `${name} is listed`);
      const expected = await seedArticle(name);
      const item = corpus.articles.getTreeItem(row);
      assert.equal(item.label, expected.title, name);
      const description = String(item.description);
      if (expected.listIndex !== null) assert.ok(description.startsWith(`#${expected.listIndex} `), `${name}: ${description}`);
      const counts = articleCounts(expected);
      assert.ok(description.includes(counts.chars.toLocaleString()), `${name}: ${description}`);
    }
    // Sorted by list index: the indexes shown never go down among the seeds at the root.
    const indexes = rows.filter((r) => r.file.entry.kind === 'article' && r.file.entry.listIndex !== null).map((r) => (r.file.entry.kind === 'article' ? r.file.entry.listIndex! : 0));
    assert.deepEqual(indexes, [...indexes].sort((a, b) => a - b));
    // Not-an-article text files are not listed.
    assert.ok(!rows.some((r) => r.file.uri.path.endsWith('/not-article.txt')));
    const { stats } = corpus.index;
    console.log(`      index: ${stats.files} .txt files, ${stats.read} read, first rows ${stats.firstRowsMs.toFixed(0)} ms, total ${stats.totalMs.toFixed(0)} ms, longest slice ${stats.longestSliceMs.toFixed(1)} ms`);
  });

  it('lists a file that cannot be read as an article with the reason', async () => {
    const { corpus } = await api();
    const broken = workspaceFile('fixtures/corpus-binary.txt');
    try {
      await vscode.workspace.fs.writeFile(broken, new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0, 0, 0, 0, 1, 2, 3]));
      const row = await waitFor('the binary file listed', () => corpus.articles.rows.find((r) => r.file.uri.toString() === broken.toString()));
      const item = corpus.articles.getTreeItem(row);
      assert.equal(item.label, 'corpus-binary.txt');
      assert.equal(item.description, 'binary data, not text');
      assert.equal(item.contextValue, 'article.failedFile');
    } finally {
      await vscode.workspace.fs.delete(broken).then(undefined, () => undefined);
    }
  });

  it('follows files created, changed and deleted, reading only the file that changed', async () => {
    const { corpus } = await api();
    await corpus.index.whenIdle();
    const readsBefore = corpus.index.stats.watcherReads;
    await vscode.workspace.fs.writeFile(added, article('901新加入的文章标题.txt', '第一段文字。', '第二段文字。'));
    const row = await waitFor('the new file in the Articles view', () => corpus.articles.rows.find((r) => r.file.uri.toString() === added.toString() && r.file.entry.kind === 'article'));
    assert.equal(corpus.articles.getTreeItem(row).label, '新加入的文章标题');
    await vscode.workspace.fs.writeFile(added, article('901改过的文章标题.txt', '只有一段。'));
    const changed = await waitFor('the changed title', () => corpus.articles.rows.find((r) => r.file.uri.toString() === added.toString() && corpus.articles.getTreeItem(r).label === '改过的文章标题'));
    assert.match(String(corpus.articles.getTreeItem(changed).description), /^#901 · 1 /);
    await corpus.index.whenIdle();
    // Two events for one file: nothing else was read again.
    assert.ok(corpus.index.stats.watcherReads - readsBefore <= 3, `${corpus.index.stats.watcherReads - readsBefore} reads`);
    await vscode.workspace.fs.delete(added);
    await waitFor('the deleted file gone', () => (corpus.articles.rows.some((r) => r.file.uri.toString() === added.toString()) ? undefined : true));
  });

  it('the filter narrows the rows to titles holding the text', async () => {
    const { corpus } = await api();
    await corpus.index.whenIdle();
    const all = corpus.articles.rows.length;
    await vscode.commands.executeCommand('article.articles.filter', '云川');
    const rows = corpus.articles.rows;
    assert.ok(rows.length > 0 && rows.length < all, `${rows.length} of ${all}`);
    for (const row of rows) {
      const label = corpus.articles.getTreeItem(row).label;
      assert.match(typeof label === 'string' ? label : (label?.label ?? ''), /云川/);
    }
    await vscode.commands.executeCommand('article.articles.filter', '');
    assert.equal(corpus.articles.rows.length, all);
  });

  it('the cache holds every indexed file with its stamp once saved', async () => {
    const { corpus } = await api();
    await corpus.index.whenIdle();
    await corpus.index.save();
    const plan = corpus.index.planAgainstCache();
    assert.deepEqual({ read: plan.read, removed: plan.removed }, { read: [], removed: [] });
    assert.ok(plan.reuse.length >= (await seedFiles()).length);
  });

  it('Go to Symbol in Workspace finds articles by title and by section heading', async () => {
    const { corpus } = await api();
    await corpus.index.whenIdle();
    const byTitle = await vscode.commands.executeCommand<vscode.SymbolInformation[]>('vscode.executeWorkspaceSymbolProvider', '主题教育工作会议');
    const seed = byTitle.find((s) => s.name === SEED_TITLE && s.location.uri.toString() === workspaceFile(SEED).toString());
    assert.ok(seed, JSON.stringify(byTitle.map((s) => s.name)));
    assert.equal(seed.kind, vscode.SymbolKind.File);
    assert.equal(seed.location.range.start.line, 0);
    const byHeading = await vscode.commands.executeCommand<vscode.SymbolInformation[]>('vscode.executeWorkspaceSymbolProvider', '客观认识当前经济形势');
    const heading = byHeading.find((s) => s.location.uri.toString() === workspaceFile('017_speech-sections-outline.txt').toString());
    assert.ok(heading, JSON.stringify(byHeading.map((s) => s.name)));
    assert.equal(heading.name, '一、客观认识当前经济形势');
    const document = await vscode.workspace.openTextDocument(heading.location.uri);
    assert.ok(document.getText(new vscode.Range(heading.location.range.start, heading.location.range.start.translate(0, 30))).includes('一、客观认识当前经济形势'));
  });

  it('the status bar counts the active article, a selection, and the Article Editor’s article', async () => {
    const { corpus } = await api();
    const document = await openArticle(SEED);
    const parsed = parseArticle(document.getText());
    const whole = articleCounts(parsed);
    const shown = await waitFor('the counts of the seed', () => (corpus.status.current?.chars === whole.chars && !corpus.status.current.selection ? corpus.status.current : undefined));
    assert.deepEqual(shown, { ...whole, minutes: readingMinutes(whole.cjk, 400), selection: false });
    assert.ok(corpus.status.text.includes(whole.chars.toLocaleString()), corpus.status.text);

    const editor = vscode.window.activeTextEditor!;
    const block = parsed.blocks.find((b) => b.kind === 'paragraph')!;
    editor.selection = new vscode.Selection(document.positionAt(block.textStart), document.positionAt(block.textStart + 12));
    const part = selectionCounts(parsed, block.textStart, block.textStart + 12);
    const selected = await waitFor('the counts of the selection', () => (corpus.status.current?.selection ? corpus.status.current : undefined));
    assert.deepEqual(selected, { ...part, minutes: readingMinutes(part.cjk, 400), selection: true });

    await vscode.commands.executeCommand('vscode.openWith', document.uri, 'article.editor');
    const inEditor = await waitFor('the counts in the Article Editor', async () => ((await api()).editors.active && corpus.status.current && !corpus.status.current.selection ? corpus.status.current : undefined), 30000);
    assert.equal(inEditor.chars, whole.chars);
    assert.equal(inEditor.paragraphs, whole.paragraphs);
    await closeAllEditors();
    await waitFor('the counts hidden without an article', () => (corpus.status.current === undefined ? true : undefined));
  });

  it('Find Duplicate Articles groups a copy and a cut copy with the seed; the diff compares their clean text', async () => {
    const { corpus } = await api();
    const copy = workspaceFile('fixtures/corpus-dup-copy.txt');
    const cut = workspaceFile('fixtures/corpus-dup-cut.txt');
    const seed = await vscode.workspace.fs.readFile(workspaceFile(SEED));
    const text = new TextDecoder().decode(seed);
    try {
      await vscode.workspace.fs.writeFile(copy, seed);
      await vscode.workspace.fs.writeFile(cut, encode(text.slice(0, text.lastIndexOf('<div><span'))));
      await waitFor('the copies indexed', () => (corpus.index.get(copy) && corpus.index.get(cut) ? true : undefined));
      const groups = await corpus.reports.findDuplicates();
      assert.ok(groups);
      const group = groups.find((g) => g.files.some((f) => f.uri.toString() === workspaceFile(SEED).toString()));
      assert.ok(group, JSON.stringify(groups.map((g) => g.files.map((f) => f.uri.path))));
      assert.equal(group.kind, 'near');
      assert.deepEqual(group.files.map((f) => f.uri.toString()).sort(), [copy, cut, workspaceFile(SEED)].map(String).sort());
      // The same title twice: a warning on the files, in the view and in the Explorer.
      const decoration = corpus.decorations.provideFileDecoration(copy);
      assert.equal(decoration?.badge, '!');
      assert.ok(String(decoration?.tooltip).startsWith(SEED_TITLE), String(decoration?.tooltip));
      assert.ok(corpus.articles.conflicts(copy.toString())?.sameTitle.length);

      const [groupNode] = corpus.reports.duplicates.getChildren().filter((n) => n.kind === 'group' && n.group === group);
      const member = corpus.reports.duplicates.getChildren(groupNode).find((n) => n.kind === 'member' && !n.first);
      await vscode.commands.executeCommand('article.duplicates.compare', member);
      const tab = await waitFor('the clean-text diff', () => {
        const input = vscode.window.tabGroups.activeTabGroup.activeTab?.input;
        return input instanceof vscode.TabInputTextDiff ? input : undefined;
      });
      assert.equal(tab.original.scheme, 'article-clean');
      const left = await vscode.workspace.openTextDocument(tab.original);
      assert.ok(left.getText().startsWith(`${SEED_TITLE}\n6月6日，河南省委召开`), left.getText().slice(0, 60));
    } finally {
      await closeAllEditors();
      await vscode.workspace.fs.delete(copy).then(undefined, () => undefined);
      await vscode.workspace.fs.delete(cut).then(undefined, () => undefined);
    }
  });

  it('Search Articles finds clean text in every encoding, with the article and the sentence', async () => {
    const { corpus } = await api();
    const results = await corpus.reports.search('最美家乡人');
    assert.ok(results);
    const gb = results.find((r) => r.file.uri.toString() === workspaceFile('013_variant-j-gb18030.txt').toString());
    assert.ok(gb, 'the GB18030 seed');
    assert.equal(gb.file.entry.title, '青禾县举行2023年度“最美家乡人”颁奖典礼');
    assert.ok(gb.hits.some((h) => h.block >= 0 && h.sentence.includes('最美家乡人')));
    const broken = await corpus.reports.search('各领域渗透');
    assert.deepEqual(broken?.map((r) => r.file.uri.toString()), [workspaceFile('009_variant-g-broken-paragraphs.txt').toString()]);
    // Opening a hit selects its paragraph in the text editor.
    const [found] = broken;
    const hit = found?.hits[0];
    assert.ok(found && hit, 'a hit in the broken-paragraph seed');
    await vscode.commands.executeCommand('article.revealBlock', found.file.uri, hit.block);
    const editor = await waitFor('the text editor', () => vscode.window.activeTextEditor);
    assert.ok(editor.document.getText(editor.selection).includes('渗\n透'));
    await closeAllEditors();
  });

  it('next and previous article follow the Articles view’s order', async () => {
    const { corpus } = await api();
    await corpus.index.whenIdle();
    const rows = corpus.articles.rows.filter((r) => r.file.entry.kind === 'article');
    await vscode.window.showTextDocument(rows[0]!.file.uri);
    await vscode.commands.executeCommand('article.nextArticle');
    await waitFor('the second article', () => (vscode.window.activeTextEditor?.document.uri.toString() === rows[1]!.file.uri.toString() ? true : undefined));
    await vscode.commands.executeCommand('article.previousArticle');
    await waitFor('the first article again', () => (vscode.window.activeTextEditor?.document.uri.toString() === rows[0]!.file.uri.toString() ? true : undefined));
    await closeAllEditors();
  });
});
