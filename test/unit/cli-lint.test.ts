/** `article lint` run as a user runs it: dist/cli.js in a child process, on copies of the seeds. */
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArticle } from '../../src/core/parse';
import { decodeBytes } from '../../src/core/decode';
import { repoRoot, seedPath } from '../support/seeds';

const cli = (args: string[], env: NodeJS.ProcessEnv = { LANG: 'C', LC_ALL: '' }) => {
  const result = spawnSync(process.execPath, [join(repoRoot(), 'dist', 'cli.js'), ...args], { encoding: 'utf8', env: { ...process.env, ...env } });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
};

interface JsonEntry {
  path: string;
  problems: { code: string; severity: string; message: string; start: number; end: number }[];
}

/** A folder with copies of some seeds (nested) and a note that is not an article. */
function corpus(...names: string[]): string {
  const dir = mkdtempSync(join(tmpdir(), 'article-lint-'));
  mkdirSync(join(dir, 'sub'));
  names.forEach((name, i) => copyFileSync(seedPath(name), join(dir, i % 2 === 0 ? '' : 'sub', name)));
  writeFileSync(join(dir, 'notes.txt'), 'shopping list\n- milk\n- bread\n');
  return dir;
}

const texts = (bytes: Buffer): string[] => {
  const decoded = decodeBytes(bytes);
  assert.ok(decoded.ok);
  return parseArticle(decoded.text).blocks.filter((b) => b.kind === 'paragraph' && b.text !== '').map((b) => b.text.trim());
};

describe('CLI lint (dist/cli.js lint)', function () {
  this.timeout(60000);

  it('the clean seed: no problem, exit 0', () => {
    const r = cli(['lint', seedPath('000_5edd2806a98033fb.txt')]);
    assert.equal(r.code, 0, r.stderr);
    assert.equal(r.stdout, '');
    assert.match(r.stderr, /0 errors, 0 warnings, 0 infos in 1 files/);
  });

  it('a quirky seed: one line per problem with path, line, column, severity, message and code; exit 1', () => {
    const r = cli(['lint', seedPath('008_variant-f-unescaped-text.txt')]);
    assert.equal(r.code, 1);
    const lines = r.stdout.trimEnd().split('\n');
    assert.equal(lines.length, 5);
    assert.match(lines[0]!, /008_variant-f-unescaped-text\.txt:2:142: warning: "&" is text, not markup, but is not escaped: write it as "&amp;" \[unescaped-text\]$/);
  });

  it('only information (an image placeholder): exit 0', () => {
    const r = cli(['lint', seedPath('006_variant-ae-image-placeholder-html.txt')]);
    assert.equal(r.code, 0);
    assert.match(r.stdout, /info: a picture was here \(image placeholder\) \[image-placeholder\]/);
  });

  it('--json over a folder: an array of { path, problems } with offsets into the file’s text; non-articles skipped', () => {
    const dir = corpus('000_5edd2806a98033fb.txt', '010_variant-h-empty-paragraphs.txt', '012_variant-j-utf8-bom-crlf.txt');
    const r = cli(['lint', dir, '--json']);
    assert.equal(r.code, 1);
    const entries = JSON.parse(r.stdout) as JsonEntry[];
    assert.deepEqual(entries.map((e) => e.path.slice(dir.length + 1)), ['000_5edd2806a98033fb.txt', '012_variant-j-utf8-bom-crlf.txt', join('sub', '010_variant-h-empty-paragraphs.txt')]);
    assert.deepEqual(entries[0]!.problems, []);
    const empty = entries[2]!.problems;
    assert.equal(empty.length, 4);
    assert.deepEqual(Object.keys(empty[0]!).sort(), ['code', 'end', 'message', 'severity', 'start']);
    assert.deepEqual([empty[0]!.code, empty[0]!.severity, empty[0]!.message], ['empty-paragraph', 'warning', 'empty paragraph']);
    const text = readFileSync(entries[2]!.path, 'utf8');
    assert.match(text.slice(empty[0]!.start, empty[0]!.end), /^<div><span style='[^']*'> <\/span><\/div><div>&nbsp;<\/div>$/);
    // The BOM is not part of the text the offsets count in.
    const image = entries[1]!.problems.find((p) => p.code === 'image-placeholder')!;
    const bom = readFileSync(entries[1]!.path, 'utf8');
    assert.ok(bom.startsWith('\uFEFF'));
    assert.match(bom.slice(1).slice(image.start, image.end), /^-+ \r\n-+这里有图片-+ \r\n-+ $/);
    assert.match(r.stderr, /notes\.txt: not an article, skipped/);
  });

  it('--fix writes the fixes atomically in the file’s own encoding, keeps the text, and reports what is left', () => {
    const dir = corpus('008_variant-f-unescaped-text.txt', '010_variant-h-empty-paragraphs.txt', '012_variant-j-utf8-bom-crlf.txt', '009_variant-g-broken-paragraphs.txt');
    const files = ['008_variant-f-unescaped-text.txt', join('sub', '010_variant-h-empty-paragraphs.txt'), '012_variant-j-utf8-bom-crlf.txt', join('sub', '009_variant-g-broken-paragraphs.txt')];
    const before = files.map((f) => readFileSync(join(dir, f)));
    const r = cli(['lint', dir, '--fix']);
    assert.equal(r.code, 0, r.stdout + r.stderr);
    assert.match(r.stderr, /008_variant-f-unescaped-text\.txt: fixed \(5 problems\)/);
    assert.match(r.stdout, /012_variant-j-utf8-bom-crlf\.txt:3:1: info: a picture was here/);
    files.forEach((f, i) => {
      const after = readFileSync(join(dir, f));
      assert.deepEqual(texts(after), texts(before[i]!), `${f}: same text`);
    });
    const bom = readFileSync(join(dir, files[2]!));
    assert.deepEqual([...bom.subarray(0, 3)], [0xef, 0xbb, 0xbf], 'the BOM stays');
    assert.deepEqual(bom, before[2], 'a file with only information is left as it was');
    assert.match(readFileSync(join(dir, files[0]!), 'utf8'), /华信A&amp;B公司/);
    assert.deepEqual(readdirSync(dir).filter((n) => n.endsWith('.tmp')), [], 'no temporary file left');
    assert.equal(cli(['lint', dir]).code, 0, 'nothing left to warn about');
  });

  it('the same output with one job and with several', () => {
    const seeds = join(repoRoot(), 'seeds');
    const one = cli(['lint', seeds, '--json', '--jobs', '1']);
    const many = cli(['lint', seeds, '--json', '--jobs', '3']);
    assert.equal(one.code, 1);
    assert.equal(many.code, 1);
    assert.equal(many.stdout, one.stdout);
    assert.equal((JSON.parse(one.stdout) as JsonEntry[]).length, readdirSync(seeds).filter((n) => n.endsWith('.txt')).length);
    assert.equal(cli(['lint', seeds, '--jobs', '0']).code, 2);
  });

  it('--fix keeps a GB18030 file in GB18030', () => {
    const dir = mkdtempSync(join(tmpdir(), 'article-lint-gb-'));
    const path = join(dir, 'gb.txt');
    const original = readFileSync(seedPath('013_variant-j-gb18030.txt'));
    // An empty paragraph appended in the file's own encoding (ASCII is the same in GB18030).
    writeFileSync(path, Buffer.concat([original, Buffer.from("<div><span style='x'> </span></div>")]));
    const r = cli(['lint', path, '--fix']);
    assert.equal(r.code, 0, r.stderr);
    assert.deepEqual(readFileSync(path), original);
  });

  it('speaks Chinese where the locale is Chinese', () => {
    const r = cli(['lint', seedPath('010_variant-h-empty-paragraphs.txt')], { LC_ALL: 'zh_CN.UTF-8' });
    assert.match(r.stdout, /警告: 空段落 \[empty-paragraph\]/);
    assert.match(r.stderr, /1 个文件中有 0 个错误、4 个警告/);
  });

  it('no file is a usage error (exit 2); a missing file is named on stderr (exit 1), without a stack trace', () => {
    const none = cli(['lint']);
    assert.equal(none.code, 2);
    assert.match(none.stderr, /^article: no file given/);
    const missing = cli(['lint', '/nonexistent/a.txt']);
    assert.equal(missing.code, 1);
    assert.match(missing.stderr, /a\.txt: no such file/);
    assert.doesNotMatch(missing.stderr, /\n\s+at /);
  });
});
