/**
 * The mapper (`article export --from-jsonl`) against the folder export, on the export benchmark's
 * corpus, in the same run (`npm run bench -- --filter mapper`):
 *
 * - folder: `node dist/cli.js export DIR --format jsonl` (default jobs);
 * - mapper, FILE: `node dist/cli.js export --from-jsonl RECORDS.jsonl` (default jobs), where
 *   RECORDS.jsonl holds one `{"path", "base64"}` record per file of DIR, in the folder walk's order
 *   and under the same paths (made once, kept in bench/.data/);
 * - mapper, stdin: the same records through a pipe (`--from-jsonl -`), as Spark's `RDD.pipe` feeds it.
 *
 * Each is a child process under bench/peak-rss.cjs (peak RSS, CPU of all threads); stdout goes to
 * a file in /dev/shm. Records/s and MB/s count the corpus's articles and bytes (the same for all
 * three, so they compare); the mapper's input is a third larger (base64). The contenders run in
 * rounds, each once a round, so that a shared machine's drifting load falls on all alike. Target
 * (the issue): the mapper's throughput at least the folder export's (median wall times of the
 * rounds; the CPU ratio is shown beside it). Its output must equal the folder export's byte for byte.
 */
import { spawnSync } from 'node:child_process';
import { closeSync, existsSync, openSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync, writeSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { ensureCorpus, repoRoot, type Corpus } from './export.bench';
import { registerBench, type BenchContext } from './harness';

const IDS = ['mapper.folder', 'mapper.file', 'mapper.stdin'];
const SINK_DIR = existsSync('/dev/shm') ? '/dev/shm' : tmpdir();
const MB = 1e6;
let serial = 0;

interface Records {
  readonly path: string;
  readonly bytes: number;
}

/** The corpus as base64 records, in the folder walk's order (names sorted), made once per corpus. */
function ensureRecords(root: string, corpus: Corpus): Records {
  const path = join(root, 'bench', '.data', `records-${corpus.files}.jsonl`);
  const markerPath = `${path}.marker`;
  const marker = JSON.stringify({ dir: corpus.dir, files: corpus.files, bytes: corpus.bytes, corpusMarker: readFileSync(join(corpus.dir, '.corpus.json'), 'utf8') });
  if (existsSync(path) && existsSync(markerPath) && readFileSync(markerPath, 'utf8') === marker) return { path, bytes: statSync(path).size };
  const fd = openSync(path, 'w');
  try {
    const walk = (folder: string): void => {
      for (const name of readdirSync(folder).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))) {
        const file = join(folder, name);
        if (statSync(file).isDirectory()) walk(file);
        else if (name.endsWith('.txt')) writeSync(fd, JSON.stringify({ path: file, base64: readFileSync(file).toString('base64') }) + '\n');
      }
    };
    walk(corpus.dir);
  } finally {
    closeSync(fd);
  }
  writeFileSync(markerPath, marker);
  return { path, bytes: statSync(path).size };
}

interface Run {
  readonly maxRssKb: number;
  readonly cpuMs: number;
  output: string;
}

function runOnce(root: string, args: readonly string[], stdin: string | undefined, runs: Run[]): void {
  const base = join(SINK_DIR, `article-mapper-bench-${process.pid}-${serial++}`);
  const usageFile = `${base}.usage.json`;
  const output = `${base}.jsonl`;
  const sink = openSync(output, 'w');
  const source = stdin === undefined ? 'ignore' : openSync(stdin, 'r');
  let child;
  try {
    // stdin through a pipe (shell `<` would hand the child a file): as an engine feeds it.
    child =
      stdin === undefined
        ? spawnSync(process.execPath, ['--require', join(root, 'bench', 'peak-rss.cjs'), ...args], { cwd: root, stdio: [source, sink, 'pipe'], env: { ...process.env, ARTICLE_BENCH_USAGE_FILE: usageFile } })
        : spawnSync('bash', ['-c', `cat "$0" | "${process.execPath}" --require "${join(root, 'bench', 'peak-rss.cjs')}" ${args.map((a) => `"${a}"`).join(' ')}`, stdin], {
            cwd: root,
            stdio: ['ignore', sink, 'pipe'],
            env: { ...process.env, ARTICLE_BENCH_USAGE_FILE: usageFile },
          });
  } finally {
    closeSync(sink);
    if (typeof source === 'number') closeSync(source);
  }
  if (child.status !== 0) {
    rmSync(output, { force: true });
    throw new Error(`bench: ${args.join(' ')} failed (exit ${child.status ?? child.signal})\n${child.stderr?.toString('utf8').slice(-2000) ?? ''}`);
  }
  const usage = JSON.parse(readFileSync(usageFile, 'utf8')) as { maxRssKb: number; userUs: number; systemUs: number };
  rmSync(usageFile, { force: true });
  const run: Run = { maxRssKb: usage.maxRssKb, cpuMs: (usage.userUs + usage.systemUs) / 1000, output };
  runs.push(run);
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

registerBench({
  name: 'The mapper (export --from-jsonl) against the folder export',
  budgetMs: 240_000,
  run(ctx: BenchContext) {
    if (!IDS.some((id) => ctx.selected(id))) return;
    const root = repoRoot();
    const cli = join(root, 'dist', 'cli.js');
    if (!existsSync(cli)) throw new Error('bench: dist/cli.js is missing (npm run build)');
    const corpus = ensureCorpus(root, 5000);
    const records = ensureRecords(root, corpus);
    ctx.note(`mapper: ${corpus.files} articles, ${(corpus.bytes / MB).toFixed(1)} MB (the export benchmark's corpus); as base64 records ${(records.bytes / MB).toFixed(1)} MB; ${availableParallelism()} cores`);

    interface Contender {
      readonly id: string;
      readonly label: string;
      readonly args: string[];
      readonly stdin?: string;
      readonly runs: Run[];
      readonly wallMs: number[];
      first?: Buffer;
    }
    const all: Contender[] = [
      { id: 'mapper.folder', label: 'folder export (export DIR --format jsonl)', args: [cli, 'export', corpus.dir, '--format', 'jsonl'], runs: [], wallMs: [] },
      { id: 'mapper.file', label: 'mapper (export --from-jsonl FILE)', args: [cli, 'export', '--from-jsonl', records.path], runs: [], wallMs: [] },
      { id: 'mapper.stdin', label: 'mapper (… | export --from-jsonl -)', args: [cli, 'export', '--from-jsonl', '-'], stdin: records.path, runs: [], wallMs: [] },
    ];
    const contenders = all.filter((c) => ctx.selected(c.id));
    const settle = (c: Contender): void => {
      for (const run of c.runs) {
        if (run.output === '') continue;
        if (c.first === undefined) c.first = readFileSync(run.output);
        rmSync(run.output, { force: true });
        run.output = '';
      }
    };
    // Rounds that run every contender once, in turn (a warm-up round first): a machine whose load
    // drifts (it is shared) then weighs on all of them alike, which runs one contender after the
    // other would not.
    const ROUNDS = 5;
    const deadline = performance.now() + 200_000;
    let rounds = 0;
    for (let round = -1; round < ROUNDS && performance.now() < deadline; round++) {
      for (let k = 0; k < contenders.length; k++) {
        const c = contenders[(k + Math.max(0, round)) % contenders.length]!;
        const t0 = performance.now();
        runOnce(root, c.args, c.stdin, c.runs);
        if (round >= 0) c.wallMs.push(performance.now() - t0);
        settle(c);
      }
      if (round >= 0) rounds++;
    }
    ctx.note(`mapper: ${rounds} rounds of every contender in turn, after one warm-up round`);
    const rows = contenders.map((c) => {
      const seconds = median(c.wallMs) / 1000;
      const lines = c.first === undefined ? NaN : c.first.toString('utf8').split('\n').length - 1;
      return [
        c.label,
        String(c.wallMs.length),
        (seconds * 1000).toFixed(0),
        (corpus.files / seconds).toFixed(0),
        (corpus.bytes / MB / seconds).toFixed(1),
        ((Math.max(...c.runs.map((r) => r.maxRssKb)) * 1024) / MB).toFixed(0),
        median(c.runs.map((r) => r.cpuMs)).toFixed(0),
        String(lines),
      ];
    });
    ctx.table({
      title: 'the mapper and the folder export on the same corpus (records/s and MB/s of articles; wall: median of the rounds; RSS: peak; CPU: median, all threads)',
      header: ['contender', 'runs', 'wall ms', 'records/s', 'MB/s', 'peak RSS MB', 'CPU ms', 'lines'],
      rows,
      right: [1, 2, 3, 4, 5, 6, 7],
    });
    const folder = contenders.find((c) => c.id === 'mapper.folder');
    for (const mapper of contenders.filter((c) => c !== folder)) {
      if (folder === undefined || folder.wallMs.length === 0 || mapper.wallMs.length === 0) continue;
      const wall = median(folder.wallMs) / median(mapper.wallMs);
      const cpu = median(folder.runs.map((r) => r.cpuMs)) / median(mapper.runs.map((r) => r.cpuMs));
      ctx.check({
        label: `throughput, ${mapper.label} / folder export (wall; CPU ${cpu.toFixed(2)}×)`,
        value: `${wall.toFixed(2)}×`,
        target: '≥ 1×',
        pass: wall >= 1,
      });
      if (folder.first !== undefined && mapper.first !== undefined) {
        const same = folder.first.equals(mapper.first);
        ctx.check({ label: `${mapper.label}: output equals the folder export's, byte for byte`, value: same ? 'equal' : 'different', target: 'equal', pass: same });
      }
    }
  },
});
