import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { repoRoot, seedPath } from '../support/seeds';

const cli = (...args: string[]) => {
  const result = spawnSync(process.execPath, [join(repoRoot(), 'dist', 'cli.js'), ...args], { encoding: 'utf8', env: { ...process.env, LANG: 'C', LC_ALL: '' } });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
};

describe('CLI (dist/cli.js)', () => {
  const seed = seedPath('000_5edd2806a98033fb.txt');

  it('--help prints usage and exits 0', () => {
    const r = cli('--help');
    assert.equal(r.code, 0);
    assert.match(r.stdout, /outline FILE/);
  });

  it('outline --json gives the symbol tree with offsets', () => {
    const r = cli('outline', seed, '--json');
    assert.equal(r.code, 0);
    const [root] = JSON.parse(r.stdout);
    assert.equal(root.kind, 'title');
    assert.equal(root.name, '河南省“不忘初心、牢记使命”主题教育工作会议召开');
    assert.equal(root.children.length, 8);
    assert.deepEqual(Object.keys(root.children[0]).sort(), ['chars', 'children', 'end', 'kind', 'name', 'selectionEnd', 'selectionStart', 'start']);
  });

  it('outline prints a readable tree', () => {
    const r = cli('outline', seed);
    assert.equal(r.code, 0);
    assert.equal(r.stdout.trim().split('\n').length, 9);
  });

  it('export --format json gives the FORMAT.md shape; several files give an array', () => {
    const one = JSON.parse(cli('export', seed, '--format', 'json').stdout);
    assert.equal(one.listIndex, 227);
    assert.equal(one.titleLine, '227河南省“不忘初心、牢记使命”主题教育工作会议召开.txt');
    assert.equal(one.blocks.length, 8);
    assert.ok(one.blocks.every((b: { type: string; text: string }) => b.type === 'paragraph' && !b.text.startsWith('　')));
    const two = JSON.parse(cli('export', seed, seedPath('005_variant-d-plain-text.txt'), '--format', 'json').stdout);
    assert.equal(two.length, 2);
  });

  it('usage errors exit 2 with a message and no stack trace', () => {
    for (const args of [[], ['frobnicate'], ['outline'], ['export', seed], ['export', seed, '--format', 'xml'], ['--bogus']]) {
      const r = cli(...args);
      assert.equal(r.code, 2, args.join(' '));
      assert.match(r.stderr, /^article: /);
      assert.doesNotMatch(r.stderr, /\n\s+at /);
    }
  });

  it('unreadable input exits 2 with a clear message', () => {
    const dir = mkdtempSync(join(tmpdir(), 'article-cli-'));
    writeFileSync(join(dir, 'empty.txt'), '');
    writeFileSync(join(dir, 'bin.txt'), Buffer.from([0, 1, 2, 3, 0, 0xff]));
    for (const [file, message] of [['missing.txt', /no such file/], ['empty.txt', /empty/], ['bin.txt', /binary/], ['.', /folder/]] as const) {
      const r = cli('outline', join(dir, file));
      assert.equal(r.code, 2);
      assert.match(r.stderr, message);
      assert.doesNotMatch(r.stderr, /\n\s+at /);
    }
  });

  it('speaks Chinese where the locale is Chinese', () => {
    const result = spawnSync(process.execPath, [join(repoRoot(), 'dist', 'cli.js'), 'outline', '/nonexistent.txt'], { encoding: 'utf8', env: { ...process.env, LC_ALL: 'zh_CN.UTF-8' } });
    assert.match(result.stderr, /文件不存在/);
  });
});
