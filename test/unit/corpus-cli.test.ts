import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { repoRoot, seedPath } from '../support/seeds';

const cli = (...args: string[]) => {
  const result = spawnSync(process.execPath, [join(repoRoot(), 'dist', 'cli.js'), ...args], { encoding: 'utf8', env: { ...process.env, LANG: 'C', LC_ALL: '' } });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
};

describe('CLI duplicates and search', () => {
  let dir = '';
  const SEED = '000_5edd2806a98033fb.txt';

  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'article-corpus-cli-'));
    copyFileSync(seedPath(SEED), join(dir, 'a.txt'));
    copyFileSync(seedPath(SEED), join(dir, 'b.txt'));
    // The same article without its last paragraph, under another id.
    const seed = readFileSync(seedPath(SEED), 'utf8');
    const last = seed.lastIndexOf('<div><span');
    writeFileSync(join(dir, 'c.txt'), seed.slice(0, last));
    copyFileSync(seedPath('017_speech-sections-outline.txt'), join(dir, 'd.txt'));
    copyFileSync(seedPath('013_variant-j-gb18030.txt'), join(dir, 'e.txt'));
    copyFileSync(seedPath('009_variant-g-broken-paragraphs.txt'), join(dir, 'f.txt'));
    writeFileSync(join(dir, 'notes.txt'), 'shopping list\nmilk\n');
  });

  after(() => rmSync(dir, { recursive: true, force: true }));

  it('duplicates --json: exact copies and the cut copy in one group, the others in none', () => {
    const r = cli('duplicates', dir, '--json');
    assert.equal(r.code, 0, r.stderr);
    const groups = JSON.parse(r.stdout) as { kind: string; similarity: number; paths: string[] }[];
    assert.equal(groups.length, 1, r.stdout);
    assert.equal(groups[0]!.kind, 'near');
    assert.ok(groups[0]!.similarity >= 0.8 && groups[0]!.similarity <= 1);
    assert.deepEqual(groups[0]!.paths.map((p) => p.slice(dir.length + 1)).sort(), ['a.txt', 'b.txt', 'c.txt']);
  });

  it('duplicates: exact copies alone are an exact group; the text report names the files', () => {
    const r = cli('duplicates', join(dir, 'a.txt'), join(dir, 'b.txt'), join(dir, 'd.txt'));
    assert.equal(r.code, 0, r.stderr);
    assert.equal(r.stdout, `exact duplicates (2 files):\n  ${join(dir, 'a.txt')}\n  ${join(dir, 'b.txt')}\n`);
    assert.match(r.stderr, /3 articles, 1 groups/);
  });

  it('duplicates --threshold 1 keeps only what is wholly contained; a bad threshold is a usage error', () => {
    const strict = JSON.parse(cli('duplicates', dir, '--json', '--threshold', '1').stdout) as { kind: string; paths: string[] }[];
    assert.ok(strict.every((g) => g.paths.every((p) => /[abc]\.txt$/.test(p))));
    for (const bad of ['0', '1.5', 'x', '']) {
      const r = cli('duplicates', dir, '--threshold', bad);
      assert.equal(r.code, 2, bad);
      assert.match(r.stderr, /--threshold/);
      assert.doesNotMatch(r.stderr, /at .*\.js/);
    }
  });

  it('search finds text in GB18030 files and across the markup’s line breaks, with paragraph and sentence', () => {
    const r = cli('search', '最美家乡人', dir);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /e\.txt {2}青禾县举行2023年度“最美家乡人”颁奖典礼/);
    assert.match(r.stdout, /\n {2}title {2}/);
    const json = JSON.parse(cli('search', '各领域渗透', dir, '--json').stdout) as { path: string; hits: { paragraph: number; sentence: string; start: number; end: number }[] }[];
    assert.equal(json.length, 1);
    assert.equal(json[0]!.path, join(dir, 'f.txt'));
    const hit = json[0]!.hits[0]!;
    assert.equal(hit.paragraph, 2);
    assert.equal(hit.sentence.slice(hit.start, hit.end), '各领域渗透');
  });

  it('search exits 1 when nothing is found, 2 without a pattern or paths', () => {
    assert.equal(cli('search', '这段文字不存在于任何文章', dir).code, 1);
    assert.equal(cli('search').code, 2);
    assert.equal(cli('search', '河南').code, 2);
    assert.equal(cli('duplicates').code, 2);
  });

  it('--help lists both commands', () => {
    assert.match(cli('--help').stdout, /duplicates PATH\.\.\. \[--json\] \[--threshold T\][\s\S]*search PATTERN PATH\.\.\./);
  });
});
