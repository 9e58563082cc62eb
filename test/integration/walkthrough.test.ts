/** The getting-started walkthrough is contributed, and each step's button command does its step on the seeds. */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { closeAllEditors, waitFor, workspaceFile } from './workspace';

const EXTENSION_ID = 'article-editor.article-editor';

interface Walkthrough {
  id: string;
  steps: { id: string; description: string; media: { image: string } }[];
}

describe('walkthrough: Get Started with Article Editor', function () {
  this.timeout(120_000);
  after(closeAllEditors);

  it('is contributed with five steps, each with a picture and a button', () => {
    const manifest = vscode.extensions.getExtension(EXTENSION_ID)!.packageJSON as { contributes: { walkthroughs: Walkthrough[] } };
    const [walkthrough] = manifest.contributes.walkthroughs;
    assert.equal(walkthrough?.id, 'article.gettingStarted');
    assert.equal(walkthrough.steps.length, 5);
    for (const step of walkthrough.steps) assert.match(step.media.image, /^media\/walkthrough\/[\w-]+\.png$/);
  });

  it('its buttons open the seed, show the outline, open the Article Editor, preview normalizing a variant, export the folder', async () => {
    await closeAllEditors();
    const seed = workspaceFile('000_5edd2806a98033fb.txt');
    const opened = await vscode.commands.executeCommand<vscode.Uri>('article.walkthrough.openSample');
    assert.equal(opened?.toString(), seed.toString());
    const editor = await waitFor('the seed as an article', () => (vscode.window.activeTextEditor?.document.languageId === 'article' ? vscode.window.activeTextEditor : undefined));
    assert.equal(editor.document.uri.toString(), seed.toString());

    assert.equal((await vscode.commands.executeCommand<vscode.Uri>('article.walkthrough.showOutline'))?.toString(), seed.toString());

    await vscode.commands.executeCommand('article.walkthrough.openEditor');
    const custom = await waitFor('the Article Editor', () => {
      const input = vscode.window.tabGroups.activeTabGroup.activeTab?.input;
      return input instanceof vscode.TabInputCustom && input.viewType === 'article.editor' ? input : undefined;
    });
    assert.equal(custom.uri.toString(), seed.toString());

    await vscode.commands.executeCommand('article.walkthrough.previewNormalization');
    const diff = await waitFor('the normalization diff', () => {
      const input = vscode.window.tabGroups.activeTabGroup.activeTab?.input;
      return input instanceof vscode.TabInputTextDiff ? input : undefined;
    });
    assert.equal(diff.original.toString(), workspaceFile('002_variant-b-block-style.txt').toString());

    // Outside the exported folder, so that the folder walk never meets its own output.
    const out = vscode.Uri.joinPath(workspaceFile('.'), '..', `walkthrough-export-${Date.now()}`);
    try {
      const summary = await vscode.commands.executeCommand<{ exported: number; failed: number }>('article.walkthrough.exportFolder', { format: 'txt', destination: out, overwrite: true });
      assert.ok(summary && summary.exported >= 19, `exported ${summary?.exported}`);
      const written = await vscode.workspace.fs.readFile(vscode.Uri.joinPath(out, '000_5edd2806a98033fb.txt'));
      assert.match(new TextDecoder().decode(written), /^河南省“不忘初心、牢记使命”主题教育工作会议召开\n\n/);
    } finally {
      await vscode.workspace.fs.delete(out, { recursive: true }).then(undefined, () => undefined);
    }
  });
});
