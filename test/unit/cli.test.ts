import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import iconv from 'iconv-lite';
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

describe('CLI export of folders', function () {
  this.timeout(60000);
  const seeds = join(repoRoot(), 'seeds');

  /** A corpus in a temp folder: two nested articles, a plain note, a binary file. */
  function corpus(): string {
    const dir = mkdtempSync(join(tmpdir(), 'article-corpus-'));
    mkdirSync(join(dir, 'a', 'b'), { recursive: true });
    copyFileSync(join(seeds, '000_5edd2806a98033fb.txt'), join(dir, 'a', 'seed.txt'));
    copyFileSync(join(seeds, '005_variant-d-plain-text.txt'), join(dir, 'a', 'b', 'plain.txt'));
    writeFileSync(join(dir, 'notes.txt'), 'shopping list\n- milk\n- bread\n');
    writeFileSync(join(dir, 'broken.txt'), Buffer.from([0x00, 0x01, 0x02, 0xff, 0x00]));
    return dir;
  }

  it('jsonl to stdout: one line per article, non-articles skipped, unreadable files named; exit 1', () => {
    const dir = corpus();
    const r = cli('export', dir, '--format', 'jsonl');
    assert.equal(r.code, 1);
    const lines = r.stdout.trimEnd().split('\n').map((line) => JSON.parse(line));
    // Sorted walk: a/b/plain.txt before a/seed.txt.
    assert.deepEqual(lines.map((o) => o.title), ['青禾县召开防汛抗旱工作会议', '河南省“不忘初心、牢记使命”主题教育工作会议召开']);
    assert.match(r.stderr, /notes\.txt: not an article, skipped/);
    assert.match(r.stderr, /broken\.txt: binary data/);
    assert.match(r.stderr, /exported 2, skipped 1, failed 1/);
  });

  it('--out mirrors the folders, one file per article, no temporary files left; sources untouched', () => {
    const dir = corpus();
    const out = join(dir, 'out');
    const before = readFileSync(join(dir, 'a', 'seed.txt'));
    const r = cli('export', join(dir, 'a'), '--format', 'md', '--out', out);
    assert.equal(r.code, 0, r.stderr);
    assert.deepEqual(readdirSync(out, { recursive: true }).map(String).sort(), ['b', join('b', 'plain.md'), 'seed.md']);
    assert.match(readFileSync(join(out, 'seed.md'), 'utf8'), /^# 河南省/);
    assert.deepEqual(readFileSync(join(dir, 'a', 'seed.txt')), before);
  });

  it('never writes over a source file', () => {
    const dir = corpus();
    const r = cli('export', join(dir, 'a'), '--format', 'txt', '--out', join(dir, 'a'));
    assert.equal(r.code, 1);
    assert.match(r.stderr, /would overwrite a source file/);
    assert.equal(readFileSync(join(dir, 'a', 'seed.txt'), 'utf8'), readFileSync(join(seeds, '000_5edd2806a98033fb.txt'), 'utf8'));
  });

  it('the same output with one job and with several', () => {
    const one = cli('export', seeds, '--format', 'jsonl', '--jobs', '1');
    const many = cli('export', seeds, '--format', 'jsonl', '--jobs', '3');
    assert.equal(one.code, 0);
    assert.equal(many.stdout, one.stdout);
    assert.equal(one.stdout.trimEnd().split('\n').length, readdirSync(seeds).filter((n) => n.endsWith('.txt')).length);
  });

  it('json of a folder is one array', () => {
    const r = cli('export', seeds, '--format', 'json', '--jobs', '2');
    const value = JSON.parse(r.stdout);
    assert.ok(Array.isArray(value) && value.length > 10);
  });

  it('txt options: indent and images', () => {
    const r = cli('export', join(seeds, '006_variant-ae-image-placeholder-html.txt'), '--format', 'txt', '--indent', 'fullwidth', '--image-marker', '（图）');
    assert.equal(r.code, 0);
    assert.match(r.stdout, /\n\n（图）\n\n/);
    assert.match(r.stdout, /\n\n　　4月28日/);
  });

  it('bad options exit 2', () => {
    for (const args of [['--format', 'xml'], ['--format', 'txt', '--jobs', '0'], ['--format', 'txt', '--indent', 'tabs'], ['--format', 'txt', '--images', 'keep']]) {
      const r = cli('export', seeds, ...args);
      assert.equal(r.code, 2, args.join(' '));
      assert.doesNotMatch(r.stderr, /\n\s+at /);
    }
  });
});

describe('CLI normalize', function () {
  this.timeout(60000);
  const seeds = join(repoRoot(), 'seeds');

  function copyOfSeeds(): string {
    const dir = mkdtempSync(join(tmpdir(), 'article-normalize-'));
    for (const name of readdirSync(seeds).filter((n) => n.endsWith('.txt'))) copyFileSync(join(seeds, name), join(dir, name));
    writeFileSync(join(dir, 'notes.txt'), 'just notes\n  indented line\n');
    return dir;
  }

  it('--check with worker threads lists the same files, problems and summary as with one job', () => {
    const dir = copyOfSeeds();
    const one = cli('normalize', dir, '--check', '--jobs', '1');
    const many = cli('normalize', dir, '--check', '--jobs', '3');
    assert.equal(one.code, 1);
    assert.equal(many.code, one.code);
    assert.equal(many.stdout, one.stdout);
    assert.equal(many.stderr, one.stderr);
    assert.ok(one.stdout.split('\n').length > 3, 'several files would change');
  });

  it('--check lists what would change and exits 1; changes nothing', () => {
    const dir = copyOfSeeds();
    const before = readFileSync(join(dir, '002_variant-b-block-style.txt'));
    const r = cli('normalize', dir, '--check');
    assert.equal(r.code, 1);
    assert.match(r.stdout, /002_variant-b-block-style\.txt/);
    assert.doesNotMatch(r.stdout, /000_5edd2806a98033fb\.txt/, 'the real seed is canonical');
    assert.deepEqual(readFileSync(join(dir, '002_variant-b-block-style.txt')), before);
    assert.match(r.stderr, /notes\.txt: not an article/);
  });

  it('--write rewrites in place, keeping encoding, BOM and line ends; then --check finds nothing', () => {
    const dir = copyOfSeeds();
    rmSync(join(dir, 'notes.txt'));
    const w = cli('normalize', dir, '--write');
    assert.equal(w.code, 0, w.stderr);
    const c = cli('normalize', dir, '--check');
    assert.equal(c.code, 0, c.stdout);
    const gb = readFileSync(join(dir, '013_variant-j-gb18030.txt'));
    assert.throws(() => new TextDecoder('utf-8', { fatal: true }).decode(gb), 'still GB18030');
    assert.match(new TextDecoder('gb18030').decode(gb), /^5青禾县举行/);
    const bom = readFileSync(join(dir, '012_variant-j-utf8-bom-crlf.txt'));
    assert.deepEqual([...bom.subarray(0, 3)], [0xef, 0xbb, 0xbf]);
    assert.match(bom.toString('utf8'), /\r\n/);
    assert.deepEqual(readdirSync(dir).filter((n) => n.endsWith('.tmp')), []);
  });

  it('--write keeps the bytes of text it does not change: GB18030 A6 D9 stays A6 D9', () => {
    const dir = mkdtempSync(join(tmpdir(), 'article-normalize-gb-'));
    const file = join(dir, 'gb.txt');
    // U+FE10 is A6 D9 in GBK; encoding the text again would write it as 84 31 82 36.
    const text = "7竖排标点.txt\n<div><span style='font-size:16px;display:block'> 　　这是竖排逗号︐在段落里。</span></div><div>&nbsp;</div><div><span style='font-size:16px;display:block'> 　　第二段A&B公司。</span></div>";
    const encoded = Buffer.from(iconv.encode(text, 'gb18030'));
    const four = Buffer.from([0x84, 0x31, 0x82, 0x36]);
    const at = encoded.indexOf(four);
    assert.ok(at > 0, 'iconv-lite writes U+FE10 as four bytes');
    const bytes = Buffer.concat([encoded.subarray(0, at), Buffer.from([0xa6, 0xd9]), encoded.subarray(at + 4)]);
    assert.equal(new TextDecoder('gb18030').decode(bytes), text, 'A6 D9 reads as U+FE10');
    writeFileSync(file, bytes);
    const r = cli('normalize', file, '--write');
    assert.equal(r.code, 0, r.stderr);
    const after = readFileSync(file);
    assert.notDeepEqual(after, bytes, 'the block style was normalized');
    assert.ok(after.includes(Buffer.from([0xa6, 0xd9])), 'A6 D9 kept');
    assert.ok(!after.includes(four), 'not re-encoded as four bytes');
    assert.match(new TextDecoder('gb18030').decode(after), /这是竖排逗号︐在段落里。/);
    assert.match(new TextDecoder('gb18030').decode(after), /第二段A&amp;B公司。/);
  });

  it('settings as flags: --layout blockPerLine --indent none', () => {
    const dir = copyOfSeeds();
    const file = join(dir, '000_5edd2806a98033fb.txt');
    assert.equal(cli('normalize', file, '--write', '--layout', 'blockPerLine', '--indent', 'none').code, 0);
    const lines = readFileSync(file, 'utf8').split('\n');
    assert.equal(lines.length, 9, 'the title and one line per paragraph');
    assert.ok(lines.slice(1).every((line) => /^<div><span style='[^']+'> [^　]/.test(line)));
  });

  it('usage: --check or --write is required; bad values exit 2', () => {
    for (const args of [['normalize', seeds], ['normalize', seeds, '--check', '--write'], ['normalize', seeds, '--check', '--layout', 'wide']]) {
      const r = cli(...args);
      assert.equal(r.code, 2, args.join(' '));
    }
  });

  it('a file that cannot be read is named and left alone; exit 1', () => {
    const dir = mkdtempSync(join(tmpdir(), 'article-normalize-bad-'));
    writeFileSync(join(dir, 'bin.txt'), Buffer.from([0, 1, 2, 0xff]));
    const r = cli('normalize', join(dir, 'bin.txt'), '--write');
    assert.equal(r.code, 1);
    assert.match(r.stderr, /bin\.txt: binary data/);
    assert.deepEqual([...readFileSync(join(dir, 'bin.txt'))], [0, 1, 2, 0xff]);
  });
});

describe('CLI: export never replaces what it must not (issue 8, section 1)', function () {
  this.timeout(60000);
  const seeds = join(repoRoot(), 'seeds');
  const seedA = readFileSync(join(seeds, '001_variant-a-seed-form.txt'));
  const seedB = readFileSync(join(seeds, '002_variant-b-block-style.txt'));
  const inDir = (dir: string, ...args: string[]) => {
    const result = spawnSync(process.execPath, [join(repoRoot(), 'dist', 'cli.js'), ...args], { cwd: dir, encoding: 'utf8', env: { ...process.env, LANG: 'C', LC_ALL: '' } });
    return { code: result.status, stdout: result.stdout, stderr: result.stderr };
  };
  function folder(): string {
    const dir = mkdtempSync(join(tmpdir(), 'article-guard-'));
    mkdirSync(join(dir, 'src'));
    writeFileSync(join(dir, 'src', 'a.txt'), seedA);
    writeFileSync(join(dir, 'src', 'b.txt'), seedB);
    return dir;
  }
  const unchanged = (dir: string): void => {
    assert.deepEqual(readFileSync(join(dir, 'src', 'a.txt')), seedA, 'a.txt untouched');
    assert.deepEqual(readFileSync(join(dir, 'src', 'b.txt')), seedB, 'b.txt untouched');
  };

  it('--out the source folder itself, as a symlink to it, or as /proc/self/cwd/src: no source replaced', () => {
    const dir = folder();
    symlinkSync(join(dir, 'src'), join(dir, 'link'));
    for (const out of ['src', 'link', '/proc/self/cwd/src', './src/']) {
      const r = inDir(dir, 'export', 'src', '--format', 'txt', '--out', out);
      assert.equal(r.code, 1, out);
      assert.match(r.stderr, /a\.txt: the output would overwrite a source file/, out);
      unchanged(dir);
    }
  });

  it('a.txt and a.TXT in one folder: refused before anything is written (exit 2, naming both)', () => {
    const dir = folder();
    writeFileSync(join(dir, 'src', 'a.TXT'), seedB);
    const r = inDir(dir, 'export', 'src', '--format', 'txt', '--out', 'src');
    assert.equal(r.code, 2);
    assert.match(r.stderr, /src\/a\.TXT and src\/a\.txt would be exported to the same file; nothing written/);
    unchanged(dir);
    const o = inDir(dir, 'export', 'src', '--format', 'md', '--out', 'o');
    assert.equal(o.code, 2);
    assert.deepEqual(readdirSync(join(dir, 'o')), [], 'nothing written');
  });

  it('export d1 d2 --out d2 leaves d2 alone', () => {
    const dir = folder();
    mkdirSync(join(dir, 'd2'));
    writeFileSync(join(dir, 'd2', 'x.txt'), seedB);
    const r = inDir(dir, 'export', 'src', 'd2', '--format', 'txt', '--out', 'd2');
    assert.equal(r.code, 1);
    assert.deepEqual(readFileSync(join(dir, 'd2', 'x.txt')), seedB);
    assert.deepEqual(readdirSync(join(dir, 'd2')), ['x.txt'], 'no .txt output is put where the walk would take it for a source');
  });

  it('two named inputs with one output name: exit 2 naming both, nothing written', () => {
    const dir = folder();
    mkdirSync(join(dir, 'd1'));
    mkdirSync(join(dir, 'd2'));
    writeFileSync(join(dir, 'd1', 'x.txt'), seedA);
    writeFileSync(join(dir, 'd2', 'x.txt'), seedB);
    const r = inDir(dir, 'export', 'd1/x.txt', 'd2/x.txt', '--format', 'json', '--out', 'o');
    assert.equal(r.code, 2);
    assert.match(r.stderr, /d1\/x\.txt and d2\/x\.txt would be exported to the same file/);
    assert.deepEqual(readdirSync(join(dir, 'o')), []);
  });

  it("a user's own file in --out is replaced only with --overwrite", () => {
    const dir = folder();
    mkdirSync(join(dir, 'o'));
    writeFileSync(join(dir, 'o', 'b.md'), 'my notes\n');
    const r = inDir(dir, 'export', 'src', '--format', 'md', '--out', 'o');
    assert.equal(r.code, 1);
    assert.match(r.stderr, /o\/b\.md: exists already; not replaced \(use --overwrite\)/);
    assert.equal(readFileSync(join(dir, 'o', 'b.md'), 'utf8'), 'my notes\n');
    assert.ok(readFileSync(join(dir, 'o', 'a.md'), 'utf8').startsWith('# '), 'the other file is written');
    const again = inDir(dir, 'export', 'src', '--format', 'md', '--out', 'o', '--overwrite');
    assert.equal(again.code, 0, again.stderr);
    assert.ok(readFileSync(join(dir, 'o', 'b.md'), 'utf8').startsWith('# '));
  });

  it('never writes outside --out, not through a symlinked subfolder', () => {
    const dir = folder();
    mkdirSync(join(dir, 'src', 'sub'));
    writeFileSync(join(dir, 'src', 'sub', 'c.txt'), seedA);
    mkdirSync(join(dir, 'elsewhere'));
    mkdirSync(join(dir, 'o'));
    symlinkSync(join(dir, 'elsewhere'), join(dir, 'o', 'sub'));
    const r = inDir(dir, 'export', 'src', '--format', 'md', '--out', 'o');
    assert.equal(r.code, 1);
    assert.match(r.stderr, /o\/sub\/c\.md: would be written outside the output folder/);
    assert.deepEqual(readdirSync(join(dir, 'elsewhere')), []);
  });

  it("--out '' is a usage error; a missing --format says it is required and lists the formats; --out afile says what failed", () => {
    const dir = folder();
    const empty = inDir(dir, 'export', 'src', '--format', 'md', '--out', '');
    assert.equal(empty.code, 2);
    assert.match(empty.stderr, /--out needs a folder name/);
    const noFormat = inDir(dir, 'export', 'src');
    assert.equal(noFormat.code, 2);
    assert.match(noFormat.stderr, /--format is required: txt, md, json or jsonl/);
    writeFileSync(join(dir, 'afile'), 'x');
    const file = inDir(dir, 'export', 'src', '--format', 'md', '--out', 'afile');
    assert.equal(file.code, 2);
    assert.match(file.stderr, /--out afile: cannot be used as the output folder \(EEXIST\); nothing written/);
    assert.doesNotMatch(file.stderr, /cannot be read/);
  });

  it('--check escapes newlines and terminal escape codes in file names', () => {
    const dir = folder();
    writeFileSync(join(dir, 'src', 'evil\n\x1b[31mname.txt'), seedB);
    const r = inDir(dir, 'normalize', 'src', '--check');
    assert.match(r.stdout, /src\/evil\\n\\x1b\[31mname\.txt\n/);
    assert.ok(!(r.stdout + r.stderr).includes('\x1b'), 'no raw escape code');
  });
});
