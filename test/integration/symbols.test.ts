import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { buildOutline, flattenOutline } from '../../src/core/outline';
import { parseArticle } from '../../src/core/parse';
import { closeAllEditors, openArticle, seedFiles } from './workspace';

function symbols(document: vscode.TextDocument): Thenable<vscode.DocumentSymbol[]> {
  return vscode.commands.executeCommand<vscode.DocumentSymbol[]>('vscode.executeDocumentSymbolProvider', document.uri);
}

function flatten(list: readonly vscode.DocumentSymbol[]): vscode.DocumentSymbol[] {
  return list.flatMap((s) => [s, ...flatten(s.children)]);
}

describe('document symbols (Outline, breadcrumbs, Go to Symbol)', function () {
  this.timeout(60000);
  after(closeAllEditors);

  it('the seed: the title as root and its eight paragraphs, with exact ranges', async () => {
    const document = await openArticle('000_5edd2806a98033fb.txt');
    const result = await symbols(document);
    assert.equal(result.length, 1);
    const [root] = result;
    assert.equal(root!.name, '河南省“不忘初心、牢记使命”主题教育工作会议召开');
    assert.equal(root!.kind, vscode.SymbolKind.File);
    assert.equal(document.getText(root!.selectionRange), document.lineAt(0).text);
    assert.equal(root!.children.length, 8);

    const first = root!.children[0]!;
    assert.equal(first.name, '6月6日，河南省委召开“不忘初心、牢记使命”主题教育工作会议，深入学习贯彻习近平…');
    assert.equal(first.kind, vscode.SymbolKind.String);
    assert.match(first.detail, /153/);
    // The symbol's range is the whole <div>…</div>, its selection exactly the paragraph's text.
    const whole = document.getText(first.range);
    assert.ok(whole.startsWith("<div><span style='font-size:16px;") && whole.endsWith('</span></div>'), whole.slice(0, 40));
    const text = document.getText(first.selectionRange);
    assert.ok(text.startsWith('　　6月6日') && text.endsWith('刘伟出席。'), text);

    const last = root!.children[7]!;
    assert.ok(document.getText(last.selectionRange).endsWith('在主会场参加会议。'));
    assert.equal(document.offsetAt(last.range.end), document.getText().length - '<div>&nbsp;</div>'.length);
  });

  it('every seed: symbols match the core outline, names and offsets', async () => {
    for (const name of await seedFiles()) {
      const document = await openArticle(name);
      const expected = flattenOutline(buildOutline(parseArticle(document.getText())));
      const actual = flatten(await symbols(document));
      assert.equal(actual.length, expected.length, name);
      actual.forEach((symbol, i) => {
        const node = expected[i]!;
        if (node.name !== '') assert.equal(symbol.name, node.name, `${name} #${i}`);
        assert.equal(document.offsetAt(symbol.range.start), node.span.start, `${name} #${i} start`);
        assert.equal(document.offsetAt(symbol.range.end), node.span.end, `${name} #${i} end`);
        assert.equal(document.offsetAt(symbol.selectionRange.start), node.selection.start, `${name} #${i} selection`);
        assert.equal(document.offsetAt(symbol.selectionRange.end), node.selection.end, `${name} #${i} selection end`);
      });
    }
  });

  it('image placeholders are symbols of their own; sections nest their paragraphs', async () => {
    const images = flatten(await symbols(await openArticle('006_variant-ae-image-placeholder-html.txt')));
    const image = images.find((s) => s.kind === vscode.SymbolKind.Object);
    assert.ok(image, 'an image symbol');
    assert.ok(image.name.length > 0);

    const speech = await symbols(await openArticle('017_speech-sections-outline.txt'));
    const headings = speech[0]!.children.filter((s) => s.kind === vscode.SymbolKind.Namespace);
    assert.ok(headings.length >= 2, 'top-level sections');
    assert.ok(headings.every((h) => h.children.length > 0), 'each section holds its paragraphs');
  });

  it('follows edits: a new paragraph appears as a new symbol', async () => {
    const document = await openArticle('001_variant-a-seed-form.txt');
    const before = (await symbols(document))[0]!.children.length;
    const edit = new vscode.WorkspaceEdit();
    edit.insert(document.uri, document.positionAt(document.getText().length), "<div><span style='x'> 　　新加的一段。</span></div>");
    assert.ok(await vscode.workspace.applyEdit(edit));
    const after = (await symbols(document))[0]!;
    assert.equal(after.children.length, before + 1);
    assert.equal(after.children.at(-1)!.name, '新加的一段。');
    await vscode.commands.executeCommand('workbench.action.files.revert');
  });
});
