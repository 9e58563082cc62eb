/**
 * The Outline of the real seed in a real workbench: the title as root and one row per paragraph,
 * named as the core names them.
 */
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildOutline, flattenOutline } from '../../src/core/outline';
import { parseArticle } from '../../src/core/parse';
import { openWorkbench, repoRoot, type Workbench } from '../support/workbench';

const SEED = '000_5edd2806a98033fb.txt';
const TITLE = '河南省“不忘初心、牢记使命”主题教育工作会议召开';

describe('Outline of the seed', function () {
  this.timeout(180_000);
  let wb: Workbench | undefined;

  before(async () => {
    wb = await openWorkbench();
  });

  afterEach(async function () {
    if (this.currentTest?.state === 'failed') await wb?.screenshot('outline-failed').catch(() => undefined);
  });

  after(async () => {
    await wb?.close();
  });

  it('opens the seed from the Explorer as an Article and shows its outline', async () => {
    const workbench = wb!;
    await workbench.openFile(SEED);
    await workbench.waitForLanguageMode('Article');

    await workbench.runCommand('Explorer: Focus on Outline View');
    await workbench.collapseSection('Explorer Section');
    const rows = await workbench.outlineRows();
    await workbench.screenshot('outline');

    const source = readFileSync(join(repoRoot, 'seeds', SEED), 'utf8').replace(/^\uFEFF/, '');
    const [root] = buildOutline(parseArticle(source));
    assert.ok(root, 'the core built no outline for the seed');
    assert.equal(root.name, TITLE);
    const expected = flattenOutline(root.children);
    assert.ok(expected.length > 0, 'the core found no paragraphs in the seed');

    assert.deepEqual(rows[0], { label: TITLE, level: 1 }, 'the first Outline row is the title');
    assert.deepEqual(
      rows.slice(1).map((row) => row.label),
      expected.map((node) => node.name),
      'the Outline rows below the title are the paragraph names',
    );
  });
});
