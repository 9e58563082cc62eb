/**
 * `article export --from-jsonl`: the mapper that Spark's `RDD.pipe` and Hadoop Streaming call
 * (dist/cli.js as a child process, as the engines run it).
 */
import * as assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { exportRecordLine, exportRecordLines, type RecordRun } from '../../src/core/batch/records';
import { DEFAULT_EXPORT_OPTIONS } from '../../src/core/export';
import { repoRoot, seedNames } from '../support/seeds';

const root = repoRoot();
const cliPath = join(root, 'dist', 'cli.js');
const env = { ...process.env, LANG: 'C', LC_ALL: '' };

function cli(args: string[], input?: string | Buffer, extraEnv: NodeJS.ProcessEnv = {}): { code: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, [cliPath, ...args], { input, encoding: 'utf8', env: { ...env, ...extraEnv }, maxBuffer: 2 ** 28 });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

function lines(stdout: string): string[] {
  assert.ok(stdout === '' || stdout.endsWith('\n'), 'the output ends with a newline');
  return stdout === '' ? [] : stdout.slice(0, -1).split('\n');
}

const seedBytes = (name: string): Buffer => readFileSync(join(root, 'seeds', name));
const base64Record = (path: string, bytes: Buffer): string => JSON.stringify({ path, base64: bytes.toString('base64') });

/** The folder export's JSONL lines of the seeds, by file name. */
function folderExport(): Map<string, string> {
  const r = cli(['export', join(root, 'seeds'), '--format', 'jsonl']);
  assert.equal(r.code, 0, r.stderr);
  const byName = new Map<string, string>();
  for (const line of lines(r.stdout)) {
    const record = JSON.parse(line) as { path: string };
    const name = record.path.slice(record.path.lastIndexOf('/') + 1);
    // The same record, named as the mapper's input names it.
    byName.set(name, JSON.stringify({ ...record, path: name }));
  }
  return byName;
}

describe('export --from-jsonl (the mapper)', function () {
  this.timeout(120_000);
  let dir: string;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'article-mapper-'));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('base64 records give exactly the folder export\'s records, in input order, with --jobs 1 and with workers', () => {
    const expected = folderExport();
    const names = seedNames();
    // Every seed 20 times over, shuffled by a fixed stride, each copy under its own path: enough
    // blocks for several workers, so that order is really at stake.
    const order: string[] = [];
    for (let i = 0; i < names.length * 20; i++) order.push(names[(i * 7) % names.length]!);
    const input = order.map((name, i) => base64Record(`${i}/${name}`, seedBytes(name))).join('\n') + '\n';
    for (const jobs of ['1', '2', '4']) {
      const r = cli(['export', '--from-jsonl', '-', '--jobs', jobs], input);
      assert.equal(r.code, 0, r.stderr);
      const out = lines(r.stdout);
      assert.equal(out.length, order.length, `--jobs ${jobs}: one line per record`);
      out.forEach((line, i) => {
        const record = JSON.parse(line) as { path: string };
        assert.equal(record.path, `${i}/${order[i]}`, `--jobs ${jobs}: record ${i} in place`);
        assert.equal(JSON.stringify({ ...record, path: order[i] }), expected.get(order[i]!), `--jobs ${jobs}: ${order[i]} as the folder export has it`);
      });
      assert.match(r.stderr, new RegExp(`records: exported ${order.length}, errors 0`));
    }
  });

  it('text records are exported like the same file', () => {
    const expected = folderExport();
    const name = '001_variant-a-seed-form.txt';
    const r = cli(['export', '--from-jsonl', '-'], JSON.stringify({ path: name, text: seedBytes(name).toString('utf8') }) + '\n');
    assert.equal(r.code, 0, r.stderr);
    assert.deepEqual(lines(r.stdout), [expected.get(name)]);
  });

  it('a GB18030 file survives as base64 (its text as a UTF-8 engine would mangle it does not)', () => {
    const name = '013_variant-j-gb18030.txt';
    const bytes = seedBytes(name);
    assert.throws(() => new TextDecoder('utf-8', { fatal: true }).decode(bytes), 'the seed is not UTF-8');
    const r = cli(['export', '--from-jsonl', '-'], base64Record(name, bytes) + '\n');
    assert.equal(r.code, 0, r.stderr);
    const [line] = lines(r.stdout);
    const record = JSON.parse(line!) as { title: string; blocks: { text?: string }[] };
    assert.equal(record.title, '青禾县举行2023年度“最美家乡人”颁奖典礼');
    assert.equal(line, folderExport().get(name));
  });

  it('answers every record it cannot export with an error record in its place, exits 0, and skips blank lines', () => {
    const good = base64Record('good.txt', seedBytes('001_variant-a-seed-form.txt'));
    const input = Buffer.concat([
      Buffer.from(
        [
          good,
          'not json',
          '',
          '   ',
          '[1, 2]',
          '42',
          JSON.stringify({ text: '标题\n  段落。' }),
          JSON.stringify({ path: 7, text: '标题\n  段落。' }),
          JSON.stringify({ path: 'none.txt' }),
          JSON.stringify({ path: 'both.txt', text: 'a', base64: 'YQ==' }),
          JSON.stringify({ path: 'number.txt', text: 5 }),
          JSON.stringify({ path: 'binary.txt', base64: Buffer.from('标题\n\0\0\0').toString('base64') }),
          JSON.stringify({ path: 'nul.txt', text: '标题\n  段落\0。' }),
          JSON.stringify({ path: 'empty.txt', text: '' }),
          JSON.stringify({ path: 'empty64.txt', base64: '' }),
          JSON.stringify({ path: 'prose.txt', text: 'Just a line of prose, no article.' }),
          JSON.stringify({ path: 'bad64.txt', base64: '*** not base64 ***' }),
          JSON.stringify({ path: 'cut.txt', base64: Buffer.from('标题\n  段落。').subarray(0, -1).toString('base64') }),
          '{"path": "latin1.txt", "text": "',
        ].join('\n'),
      ),
      Buffer.from([0xe9, 0x22, 0x7d, 0x0a]), // é in Latin-1 (not UTF-8), then "}
      Buffer.from(good + '\r\n'),
      Buffer.from(good), // the last line without a newline is a line too
    ]);
    const r = cli(['export', '--from-jsonl', '-', '--jobs', '2'], input);
    assert.equal(r.code, 0, r.stderr);
    assert.doesNotMatch(r.stderr, /\n\s+at /);
    const out = lines(r.stdout).map((line) => JSON.parse(line) as { path: string | null; error?: string; message?: string; title?: string });
    const summary = out.map((record) => [record.path, record.error ?? 'ok']);
    assert.deepEqual(summary, [
      ['good.txt', 'ok'],
      [null, 'bad-json'],
      [null, 'bad-record'],
      [null, 'bad-record'],
      [null, 'bad-record'],
      [null, 'bad-record'],
      ['none.txt', 'bad-record'],
      ['both.txt', 'bad-record'],
      ['number.txt', 'bad-record'],
      ['binary.txt', 'binary'],
      ['nul.txt', 'binary'],
      ['empty.txt', 'empty'],
      ['empty64.txt', 'empty'],
      ['prose.txt', 'not-article'],
      ['bad64.txt', 'bad-base64'],
      ['cut.txt', 'truncated'],
      [null, 'bad-json'],
      ['good.txt', 'ok'],
      ['good.txt', 'ok'],
    ]);
    for (const record of out) if (record.error !== undefined) assert.ok(record.message !== undefined && record.message.length > 0, `${record.error} has a message`);
    assert.match(out.find((record) => record.error === 'binary')!.message!, /binary data/);
    assert.match(r.stderr, /records: exported 3, errors 16/);
  });

  it('a line longer than the limit (about 86 MB) is skipped as it streams by and answered in its place', () => {
    const good = base64Record('good.txt', seedBytes('001_variant-a-seed-form.txt'));
    const input = `${good}\n{"path": "huge.txt", "base64": "${'QUFB'.repeat(23_000_000)}"}\n${good}\n`;
    const r = cli(['export', '--from-jsonl', '-'], input);
    assert.equal(r.code, 0, r.stderr);
    const out = lines(r.stdout).map((line) => JSON.parse(line) as { path: string; error?: string; message?: string });
    assert.deepEqual(out.map((record) => [record.path, record.error ?? 'ok']), [['good.txt', 'ok'], ['huge.txt', 'line-too-long'], ['good.txt', 'ok']]);
    assert.match(out[1]!.message!, /longer than 86 MB/);
  });

  it('error messages follow the locale (简体中文)', () => {
    const r = cli(['export', '--from-jsonl', '-'], 'not json\n', { LANG: 'zh_CN.UTF-8' });
    assert.equal(r.code, 0);
    assert.equal(JSON.parse(r.stdout).message, '不是 JSON 记录（或不是 UTF-8）');
    assert.match(r.stderr, /记录：已导出 0，错误 1/);
  });

  it('reads a FILE as it reads stdin (-), a UTF-8 BOM at its start included', () => {
    const input = seedNames().map((name) => base64Record(name, seedBytes(name))).join('\n') + '\n';
    const file = join(dir, 'records.jsonl');
    writeFileSync(file, '\ufeff' + input);
    const fromFile = cli(['export', '--from-jsonl', file]);
    const fromStdin = cli(['export', '--from-jsonl', '-'], input);
    assert.equal(fromFile.code, 0, fromFile.stderr);
    assert.equal(fromStdin.code, 0, fromStdin.stderr);
    assert.equal(lines(fromFile.stdout).length, seedNames().length);
    assert.equal(fromFile.stdout, fromStdin.stdout);
  });

  it('refuses what it cannot do with a usage message (exit 2), and a missing FILE with one line', () => {
    for (const args of [
      ['export', '--from-jsonl', '-', 'seeds'],
      ['export', '--from-jsonl', '-', '--format', 'md'],
      ['export', '--from-jsonl', '-', '--out', dir],
      ['export', '--from-jsonl', join(dir, 'missing.jsonl')],
      ['export', '--from-jsonl', dir],
    ]) {
      const r = cli(args, '');
      assert.equal(r.code, 2, args.join(' '));
      assert.match(r.stderr, /^article: /);
      assert.doesNotMatch(r.stderr, /\n\s+at /);
    }
    assert.match(cli(['--help']).stdout, /--from-jsonl FILE\|-/);
  });

  it('a reader that goes away (| head -1) ends it quietly, exit 0', () => {
    const record = base64Record('a.txt', seedBytes('000_5edd2806a98033fb.txt'));
    const file = join(dir, 'many.jsonl');
    writeFileSync(file, (record + '\n').repeat(2000));
    const r = spawnSync('bash', ['-o', 'pipefail', '-c', `"${process.execPath}" "${cliPath}" export --from-jsonl "${file}" | head -1`], { encoding: 'utf8', env });
    assert.equal(r.status, 0, r.stderr);
    assert.equal(r.stderr, '');
    assert.equal(lines(r.stdout).length, 1);
  });

  it('a stream of 100,000 records: every one out, in order, with the process\'s peak RSS bounded', async () => {
    const count = 100_000;
    const usageFile = join(dir, 'usage.json');
    const child = spawn(process.execPath, ['--require', join(root, 'bench', 'peak-rss.cjs'), cliPath, 'export', '--from-jsonl', '-', '--jobs', '2'], {
      env: { ...env, ARTICLE_BENCH_USAGE_FILE: usageFile },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    // About 2.3 KB a record: 230 MB in all, more than the bound below, written as the child takes it.
    const paragraph = '　　云川市召开优化营商环境工作推进会，会议强调要持续深化“放管服”改革，打造一流营商环境。'.repeat(8);
    const record = (i: number): string => JSON.stringify({ path: `r${i}.txt`, text: `${i}标题第${i}篇.txt\n<div><span style='font-size:16px'> ${paragraph}</span></div><div>&nbsp;</div><div><span style='font-size:16px'> ${paragraph}${i}</span></div>` }) + '\n';
    let inputBytes = 0;
    const writer = (async () => {
      for (let i = 0; i < count; i++) {
        const line = record(i);
        inputBytes += Buffer.byteLength(line);
        if (!child.stdin.write(line)) await new Promise((resolve) => child.stdin.once('drain', resolve));
      }
      child.stdin.end();
    })();
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (text: string) => (stderr += text));
    let seen = 0;
    let rest = '';
    let outOfOrder: string | undefined;
    child.stdout.setEncoding('utf8').on('data', (text: string) => {
      const parts = (rest + text).split('\n');
      rest = parts.pop()!;
      for (const line of parts) {
        const parsed = JSON.parse(line) as { path: string; error?: string; blocks?: { text: string }[] };
        if (outOfOrder === undefined && (parsed.path !== `r${seen}.txt` || parsed.error !== undefined || parsed.blocks?.[1]?.text.endsWith(String(seen)) !== true)) outOfOrder = line.slice(0, 200);
        seen++;
      }
    });
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    await writer;
    assert.equal(code, 0, stderr);
    assert.equal(outOfOrder, undefined, 'every record in place, exported');
    assert.equal(seen, count);
    assert.equal(rest, '');
    const usage = JSON.parse(readFileSync(usageFile, 'utf8')) as { maxRssKb: number };
    const peakMb = (usage.maxRssKb * 1024) / 1e6;
    assert.ok(inputBytes / 1e6 > 220, `the input is ${(inputBytes / 1e6).toFixed(0)} MB`);
    // Less than the input: a mapper that held its input or its output could not stay under it.
    assert.ok(peakMb < 180, `peak RSS ${peakMb.toFixed(0)} MB for ${(inputBytes / 1e6).toFixed(0)} MB of input`);
  });
});

describe('the mapper\'s records (core/batch/records)', () => {
  const run: RecordRun = {
    options: DEFAULT_EXPORT_OPTIONS,
    decodeBase64: (text) => Buffer.from(text, 'base64'),
    describe: (path, problem) => `${path ?? '-'}: ${problem}`,
  };
  const bytes = seedBytes('013_variant-j-gb18030.txt');
  const expected = exportRecordLine(JSON.stringify({ path: 'a.txt', base64: bytes.toString('base64') }), run)!;

  it('takes base64 as engines write it: padded or not, URL-safe, in MIME lines; refuses other characters', () => {
    assert.equal(expected.ok, true);
    const padded = bytes.toString('base64');
    const variants = [padded.replace(/=+$/, ''), bytes.toString('base64url'), padded.replace(/.{76}/g, '$&\n')];
    for (const base64 of variants) assert.deepEqual(exportRecordLine(JSON.stringify({ path: 'a.txt', base64 }), run), expected);
    for (const base64 of [padded.slice(0, 40) + '*' + padded.slice(40), padded + '=', 'AAAAA']) {
      assert.equal(JSON.parse(exportRecordLine(JSON.stringify({ path: 'a.txt', base64 }), run)!.output).error, 'bad-base64', base64.slice(-8));
    }
  });

  it('a block of lines: one output line per record in order, a line that is not UTF-8 answered in its place, blank lines none', () => {
    const good = JSON.stringify({ path: 'a.txt', base64: bytes.toString('base64') });
    const block = Buffer.concat([Buffer.from(`${good}\n\n`), Buffer.from([0x7b, 0xff, 0x7d, 0x0a]), Buffer.from(`\t \r\n${good}`)]);
    const result = exportRecordLines(block, run);
    assert.equal(result.output, expected.output + JSON.stringify({ path: null, error: 'bad-json', message: '-: bad-json' }) + '\n' + expected.output);
    assert.deepEqual([result.exported, result.failed], [2, 1]);
  });

  it('a text record with a BOM is the text without it', () => {
    const text = '标题\n  第一段。';
    assert.deepEqual(exportRecordLine(JSON.stringify({ path: 'b.txt', text: '\ufeff' + text }), run), exportRecordLine(JSON.stringify({ path: 'b.txt', text }), run));
  });
});
