/**
 * The folder-job engine (src/core/batch) over an in-memory file system shaped like
 * `vscode.workspace.fs`: the rules the CLI and the extension share, without either of them.
 */
import * as assert from 'node:assert/strict';
import { runExport } from '../../src/core/batch/export';
import type { Problem } from '../../src/core/batch/problems';
import { runNormalize, runNormalizeCheckJob, type NormalizeCheckJob } from '../../src/core/batch/normalize';
import { DEFAULT_EXPORT_OPTIONS } from '../../src/core/export';
import { DEFAULT_NORMALIZE_OPTIONS } from '../../src/core/normalize';
import { MemoryFs } from '../support/memoryFs';
import { readSeed } from '../support/seeds';

const SEED = readSeed('000_5edd2806a98033fb.txt');
const BLOCK = readSeed('002_variant-b-block-style.txt');
const encode = (text: string): Uint8Array => new TextEncoder().encode(text);

function corpus(): MemoryFs {
  const fs = new MemoryFs();
  fs.write('/c/a.txt', SEED);
  fs.write('/c/sub/b.txt', BLOCK);
  fs.write('/c/notes.txt', 'just a note\n');
  fs.write('/c/.hidden/x.txt', SEED);
  return fs;
}

describe('folder-job engine: export', () => {
  it('streams articles in walk order, skips non-articles, reports unreadable folders and goes on', async () => {
    const fs = corpus();
    fs.write('/c/locked/z.txt', SEED);
    fs.unreadable.add('/c/locked');
    const outputs: string[] = [];
    const problems: [Problem, boolean][] = [];
    const summary = await runExport({
      fs,
      paths: ['/c'],
      format: 'jsonl',
      options: DEFAULT_EXPORT_OPTIONS,
      destination: { kind: 'stream', write: async (output) => void outputs.push(String(output)) },
      onProblem: (problem, skipped) => problems.push([problem, skipped]),
    });
    assert.deepEqual(outputs.map((line) => JSON.parse(line).path), ['/c/a.txt', '/c/sub/b.txt']);
    assert.deepEqual(problems, [[{ path: '/c/locked', problem: 'unreadable-folder', detail: 'EACCES' }, false], [{ path: '/c/notes.txt', problem: 'not-article', detail: undefined }, true]]);
    assert.deepEqual(summary, { exported: 2, skipped: 1, failed: 1, cancelled: false });
  });

  it('into the source folder: no source replaced (by path, where the file system has no inodes)', async () => {
    const fs = corpus();
    const problems: Problem[] = [];
    const summary = await runExport({ fs, paths: ['/c'], format: 'txt', options: DEFAULT_EXPORT_OPTIONS, destination: { kind: 'folder', out: '/c', overwrite: true }, onProblem: (p) => problems.push(p) });
    assert.equal(summary.exported, 0);
    assert.deepEqual(problems.filter((p) => p.problem === 'source').map((p) => p.path), ['/c/a.txt', '/c/sub/b.txt']);
    assert.equal(fs.text('/c/a.txt'), SEED);
  });

  it('two inputs with one output name: refused before anything is written', async () => {
    const fs = corpus();
    fs.write('/c/A.TXT', SEED);
    const summary = await runExport({ fs, paths: ['/c'], format: 'md', options: DEFAULT_EXPORT_OPTIONS, destination: { kind: 'folder', out: '/o', overwrite: false }, onProblem: () => undefined });
    assert.deepEqual(summary.refused, undefined, 'A.md and a.md differ here');
    const fs2 = corpus();
    fs2.write('/c/a.TXT', SEED);
    const refused = await runExport({ fs: fs2, paths: ['/c'], format: 'md', options: DEFAULT_EXPORT_OPTIONS, destination: { kind: 'folder', out: '/o', overwrite: false }, onProblem: () => undefined });
    assert.deepEqual(refused.refused, { problem: 'collision', paths: ['/c/a.TXT', '/c/a.txt'] });
    assert.deepEqual([...fs2.files.keys()].filter((p) => p.startsWith('/o/')), []);
  });

  it('files already in the destination: the question is asked once, with them; "no" keeps them', async () => {
    const fs = corpus();
    fs.write('/o/a.md', 'mine\n');
    const asked: (readonly string[])[] = [];
    const summary = await runExport({
      fs,
      paths: ['/c'],
      format: 'md',
      options: DEFAULT_EXPORT_OPTIONS,
      destination: { kind: 'folder', out: '/o', overwrite: async (existing) => (asked.push(existing), false) },
      onProblem: () => undefined,
    });
    assert.deepEqual(asked, [['/o/a.md']]);
    assert.equal(fs.text('/o/a.md'), 'mine\n');
    assert.equal(summary.exported, 1);
    assert.equal(summary.failed, 1);
    assert.deepEqual([...fs.files.keys()].filter((p) => p.includes('article-tmp')), []);
  });

  it('a symlinked folder is reported, not followed, where links cannot be resolved', async () => {
    const fs = corpus();
    fs.write('/elsewhere/e.txt', SEED);
    fs.links.set('/c/link', '/elsewhere');
    const problems: Problem[] = [];
    await runExport({ fs, paths: ['/c'], format: 'jsonl', options: DEFAULT_EXPORT_OPTIONS, destination: { kind: 'stream', write: async () => undefined }, onProblem: (p) => problems.push(p) });
    assert.ok(problems.some((p) => p.path === '/c/link' && p.problem === 'symlink'));
  });
});

describe('folder-job engine: normalize', () => {
  const run = (fs: MemoryFs, extra: Partial<Parameters<typeof runNormalize>[0]> = {}) => {
    const problems: Problem[] = [];
    const changed: string[] = [];
    const summary = runNormalize({ fs, paths: ['/c'], options: DEFAULT_NORMALIZE_OPTIONS, write: true, encode, onChanged: (p) => changed.push(p), onProblem: (p) => problems.push(p), ...extra });
    return summary.then((s) => ({ summary: s, problems, changed }));
  };

  it('replaces a changed file only if it is unchanged since it was read', async () => {
    const fs = corpus();
    const { problems, changed } = await run(fs, {
      beforeReplace: async (path) => {
        if (path === '/c/sub/b.txt') fs.write(path, BLOCK + '\n');
      },
    });
    assert.deepEqual(changed, []);
    assert.deepEqual(problems.filter((p) => p.problem !== 'not-article'), [{ path: '/c/sub/b.txt', problem: 'changed', detail: undefined }]);
    assert.equal(fs.text('/c/sub/b.txt'), BLOCK + '\n');
  });

  it('leaves read-only files, symbolic links (unresolvable here) and files the caller names busy alone', async () => {
    const fs = new MemoryFs();
    fs.write('/c/ro.txt', BLOCK, true);
    fs.write('/c/busy.txt', BLOCK);
    fs.write('/target/t.txt', BLOCK);
    fs.links.set('/c/link.txt', '/target/t.txt');
    fs.write('/c/ok.txt', BLOCK);
    const { problems, changed } = await run(fs, { skip: (path) => (path === '/c/busy.txt' ? 'dirty' : undefined) });
    assert.deepEqual(changed, ['/c/ok.txt']);
    assert.deepEqual(problems.map((p) => [p.path, p.problem]), [['/c/busy.txt', 'dirty'], ['/c/link.txt', 'symlink'], ['/c/ro.txt', 'read-only']]);
    assert.equal(fs.text('/c/ro.txt'), BLOCK);
    assert.equal(fs.text('/target/t.txt'), BLOCK);
  });

  it('the dry run in batches elsewhere (the CLI\'s workers) reports the same files, problems and counts in the same order as the loop', async () => {
    const fs = new MemoryFs();
    fs.write('/c/a.txt', SEED);
    fs.write('/c/b-busy.txt', BLOCK);
    fs.write('/c/c.txt', BLOCK);
    fs.write('/c/d-notes.txt', 'just a note\n');
    fs.write('/c/e.txt', BLOCK, true);
    for (let i = 0; i < 20; i++) fs.write(`/c/f/${String(i).padStart(2, '0')}.txt`, i % 3 === 0 ? SEED : BLOCK);
    const skip = (path: string) => (path === '/c/b-busy.txt' ? ('dirty' as const) : undefined);
    const loop = await run(fs, { write: false, skip });
    const batches: number[] = [];
    // Batches finish out of order: the later one first.
    const check = async (jobs: NormalizeCheckJob[]) => {
      batches.push(jobs.length);
      await new Promise((resolve) => setTimeout(resolve, batches.length % 2 === 1 ? 20 : 0));
      return Promise.all(jobs.map((job) => runNormalizeCheckJob(fs, job)));
    };
    const batched = await run(fs, { write: false, skip, check, batchSize: 4, inFlight: 3 });
    assert.ok(batches.length >= 5, 'the checks ran in batches');
    assert.deepEqual(batched, loop);
    assert.ok(loop.changed.length > 5 && loop.problems.length >= 2, 'something to compare');
  });

  it('removes stale temporary files of dead processes in the folders it writes to, not those of live ones', async () => {
    const fs = corpus();
    fs.write('/c/.a.txt.article-tmp-99999-dead', 'x');
    fs.write(`/c/.a.txt.article-tmp-${fs.pid}-live`, 'x');
    await run(fs);
    assert.equal(fs.files.has('/c/.a.txt.article-tmp-99999-dead'), false);
    assert.equal(fs.files.has(`/c/.a.txt.article-tmp-${fs.pid}-live`), true);
  });
});
