import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { closeAllEditors, seedFiles, waitFor, workspaceFile } from './workspace';

const decoder = new TextDecoder();
const read = async (uri: vscode.Uri): Promise<string> => decoder.decode(await vscode.workspace.fs.readFile(uri));
const exists = async (uri: vscode.Uri): Promise<boolean> => vscode.workspace.fs.stat(uri).then(() => true, () => false);

interface Summary {
  exported: number;
  skipped: number;
  failed: number;
  cancelled: boolean;
}

/** The expected export written by hand (fixtures/expected), `path` left out: the workspace names files differently. */
async function expectedJson(seed: string): Promise<Record<string, unknown>> {
  const expected = JSON.parse(await read(workspaceFile(`fixtures/expected/${seed.replace(/\.txt$/, '')}.json`)));
  delete expected.path;
  return expected;
}

describe('Export Clean Text', function () {
  this.timeout(120000);
  afterEach(closeAllEditors);

  it('each seed in each format, in an editor beside the article', async function () {
    // 19 seeds × 4 formats, an editor each: on the shared 2-core machine under load, over 2 minutes.
    this.timeout(300000);
    for (const seed of await seedFiles()) {
      const uri = workspaceFile(seed);
      const expectedTxt = await read(workspaceFile(`fixtures/expected/${seed.replace(/\.txt$/, '')}.txt`));
      const json = await expectedJson(seed);

      const txt = await vscode.commands.executeCommand<vscode.TextDocument>('article.exportCleanText', uri, 'txt');
      assert.equal(txt.getText(), expectedTxt, seed);
      assert.equal(txt.languageId, 'plaintext');
      assert.equal(txt.isUntitled, true);

      const md = await vscode.commands.executeCommand<vscode.TextDocument>('article.exportCleanText', uri, 'md');
      assert.equal(md.languageId, 'markdown');
      assert.ok(md.getText().startsWith(`# ${String(json.title)}\n\n`), seed);

      const object = await vscode.commands.executeCommand<vscode.TextDocument>('article.exportCleanText', uri, 'json');
      const { path, ...rest } = JSON.parse(object.getText());
      assert.deepEqual(rest, json, seed);
      assert.equal(path, seed);

      const line = await vscode.commands.executeCommand<vscode.TextDocument>('article.exportCleanText', uri, 'jsonl');
      assert.equal(line.lineCount, 2, 'one line and the final line end');
      assert.deepEqual(JSON.parse(line.getText()).blocks, json.blocks);
      // Discard the four untitled results, so that no unsaved document outlives its editor.
      for (let i = 0; i < 4; i++) await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
      await closeAllEditors();
    }
  });

  it('with article.export.destination = file, saves next to the article', async () => {
    const config = vscode.workspace.getConfiguration('article');
    await config.update('export.destination', 'file', vscode.ConfigurationTarget.Workspace);
    const target = workspaceFile('000_5edd2806a98033fb.clean.txt');
    try {
      const written = await vscode.commands.executeCommand<vscode.Uri>('article.exportCleanText', workspaceFile('000_5edd2806a98033fb.txt'), 'txt');
      assert.equal(written.toString(), target.toString());
      assert.equal(await read(target), await read(workspaceFile('fixtures/expected/000_5edd2806a98033fb.txt')));
      const md = await vscode.commands.executeCommand<vscode.Uri>('article.exportCleanText', workspaceFile('000_5edd2806a98033fb.txt'), 'md');
      assert.equal(md.path.split('/').pop(), '000_5edd2806a98033fb.md');
      await vscode.workspace.fs.delete(md);
    } finally {
      await config.update('export.destination', undefined, vscode.ConfigurationTarget.Workspace);
      await vscode.workspace.fs.delete(target).then(undefined, () => undefined);
    }
  });
});

describe('Export Folder', function () {
  this.timeout(300000);
  const corpus = workspaceFile('fixtures/corpus');
  const BIG = 1000;

  before(async () => {
    const seed = await vscode.workspace.fs.readFile(workspaceFile('000_5edd2806a98033fb.txt'));
    await vscode.workspace.fs.writeFile(vscode.Uri.joinPath(corpus, 'notes.txt'), new TextEncoder().encode('just a note\nnothing more\n'));
    await vscode.workspace.fs.writeFile(vscode.Uri.joinPath(corpus, 'empty.txt'), new Uint8Array());
    for (const seedName of (await seedFiles()).slice(0, 5)) {
      await vscode.workspace.fs.copy(workspaceFile(seedName), vscode.Uri.joinPath(corpus, 'small', seedName));
    }
    // Enough articles that an export is still running when the test cancels it.
    for (let start = 0; start < BIG; start += 100) {
      await Promise.all(Array.from({ length: 100 }, (_, i) => vscode.workspace.fs.writeFile(vscode.Uri.joinPath(corpus, 'big', `a${String(start + i).padStart(4, '0')}.txt`), seed)));
    }
  });

  after(async () => {
    await vscode.workspace.fs.delete(corpus, { recursive: true });
  });

  it('exports every article below a folder into another folder, one file each', async () => {
    const out = workspaceFile('fixtures/out-json');
    const summary = await vscode.commands.executeCommand<Summary>('article.exportFolder', vscode.Uri.joinPath(corpus, 'small'), { format: 'json', destination: out });
    assert.deepEqual({ ...summary, destination: undefined }, { exported: 5, skipped: 0, failed: 0, cancelled: false, destination: undefined });
    const names = (await vscode.workspace.fs.readDirectory(out)).map(([name]) => name).sort();
    assert.equal(names.length, 5);
    assert.ok(names.every((name) => name.endsWith('.json')));
    assert.equal(JSON.parse(await read(vscode.Uri.joinPath(out, names[0]!))).title, '河南省“不忘初心、牢记使命”主题教育工作会议召开');
    await vscode.workspace.fs.delete(out, { recursive: true });
  });

  it('reports files that are not articles or cannot be read, and exports the rest into one JSONL file', async () => {
    const folder = workspaceFile('fixtures/mixed');
    await vscode.workspace.fs.copy(vscode.Uri.joinPath(corpus, 'small'), vscode.Uri.joinPath(folder, 'small'));
    await vscode.workspace.fs.copy(vscode.Uri.joinPath(corpus, 'notes.txt'), vscode.Uri.joinPath(folder, 'notes.txt'));
    await vscode.workspace.fs.copy(vscode.Uri.joinPath(corpus, 'empty.txt'), vscode.Uri.joinPath(folder, 'empty.txt'));
    const out = workspaceFile('fixtures/mixed.jsonl');
    try {
      const summary = await vscode.commands.executeCommand<Summary>('article.exportFolder', folder, { format: 'jsonl', destination: out });
      assert.equal(summary.exported, 5);
      assert.equal(summary.skipped, 1);
      assert.equal(summary.failed, 1);
      const lines = (await read(out)).trimEnd().split('\n');
      assert.equal(lines.length, 5);
      lines.forEach((line) => assert.ok(Array.isArray(JSON.parse(line).blocks)));
    } finally {
      await vscode.workspace.fs.delete(folder, { recursive: true });
      await vscode.workspace.fs.delete(out).then(undefined, () => undefined);
    }
  });

  it('cancelling stops the export and leaves no partial file', async () => {
    const out = workspaceFile('fixtures/big.jsonl');
    const parent = workspaceFile('fixtures');
    // Cancelled once the export is under way: after a hundred files have been looked at.
    let asked = 0;
    const token = { get isCancellationRequested() { return ++asked > 100; }, onCancellationRequested: new vscode.EventEmitter<void>().event };
    const summary = await vscode.commands.executeCommand<Summary>('article.exportFolder', vscode.Uri.joinPath(corpus, 'big'), { format: 'jsonl', destination: out, token });
    assert.equal(summary.cancelled, true);
    assert.ok(summary.exported < BIG, `stopped early (${summary.exported} exported)`);
    assert.equal(await exists(out), false, 'no partial JSONL file');
    const leftovers = (await vscode.workspace.fs.readDirectory(parent)).filter(([name]) => name.includes('.article-tmp-'));
    assert.deepEqual(leftovers, []);
  });

  it('cancelling a folder-per-article export leaves only complete files', async () => {
    const out = workspaceFile('fixtures/out-big');
    const source = new vscode.CancellationTokenSource();
    const running = vscode.commands.executeCommand<Summary>('article.exportFolder', vscode.Uri.joinPath(corpus, 'big'), { format: 'json', destination: out, token: source.token });
    await waitFor('the first exported files', async () => ((await vscode.workspace.fs.readDirectory(out).then((e) => e, () => [])).length >= 3 ? true : undefined), 60000);
    source.cancel();
    const summary = await running;
    assert.equal(summary.cancelled, true);
    const files = (await vscode.workspace.fs.readDirectory(out)).map(([name]) => name);
    assert.ok(files.length < BIG);
    assert.deepEqual(files.filter((name) => name.includes('.article-tmp-')), []);
    for (const name of files) JSON.parse(await read(vscode.Uri.joinPath(out, name)));
    await vscode.workspace.fs.delete(out, { recursive: true });
  });

  it("never replaces a source file, nor a file of the user's unless allowed", async () => {
    const folder = workspaceFile('fixtures/guard');
    const seeds = (await seedFiles()).slice(0, 2);
    for (const seed of seeds) await vscode.workspace.fs.copy(workspaceFile(seed), vscode.Uri.joinPath(folder, seed));
    const before = await Promise.all(seeds.map((seed) => vscode.workspace.fs.readFile(vscode.Uri.joinPath(folder, seed))));
    try {
      // Plain text into the source folder itself: every output would replace its own source.
      const into = await vscode.commands.executeCommand<Summary>('article.exportFolder', folder, { format: 'txt', destination: folder, overwrite: true });
      assert.equal(into.exported, 0);
      assert.equal(into.failed, 2);
      const after = await Promise.all(seeds.map((seed) => vscode.workspace.fs.readFile(vscode.Uri.joinPath(folder, seed))));
      assert.deepEqual(after, before, 'the sources are untouched');

      // A file of the user's where an output would go: kept unless replacing is allowed.
      const out = workspaceFile('fixtures/guard-out');
      const mine = vscode.Uri.joinPath(out, seeds[0]!.replace(/\.txt$/, '.md'));
      await vscode.workspace.fs.writeFile(mine, new TextEncoder().encode('my own notes\n'));
      const kept = await vscode.commands.executeCommand<Summary>('article.exportFolder', folder, { format: 'md', destination: out, overwrite: false });
      assert.equal(kept.exported, 1);
      assert.equal(kept.failed, 1);
      assert.equal(await read(mine), 'my own notes\n');
      const replaced = await vscode.commands.executeCommand<Summary>('article.exportFolder', folder, { format: 'md', destination: out, overwrite: true });
      assert.equal(replaced.exported, 2);
      assert.ok((await read(mine)).startsWith('# '));
      await vscode.workspace.fs.delete(out, { recursive: true });
    } finally {
      await vscode.workspace.fs.delete(folder, { recursive: true });
    }
  });
});
