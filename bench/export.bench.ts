/**
 * The CLI's JSONL export of a whole folder, against two baselines on the same files in the same run:
 *
 * - ours: `node dist/cli.js export DIR --format jsonl`, with the default `--jobs` and with `--jobs 1`;
 * - parse5-naive: `parse5.parseFragment` per file, the text of each `<span>` as a paragraph;
 * - html-to-text: its default options, each non-empty line a paragraph.
 *
 * Every contender is a child process (bench/export-baselines.ts for the baselines) started through
 * bench/peak-rss.cjs, which reports the process's peak RSS and CPU time (worker threads included).
 * Its stdout goes to a file in memory (/dev/shm), as fast a sink as `> /dev/null` but one that can
 * be counted afterwards, outside the timed region: bytes, and lines (one per article).
 *
 * The corpus is generated once into bench/.data/corpus-<count>/ (10 folders of 500 files, every
 * variant A–J in turn, about 80 MB for 5,000 articles) and reused while its marker file matches the
 * generator's parameters and output. A corpus a quarter the size shows whether the CLI's peak RSS
 * grows with the corpus.
 *
 * Targets (the project's issue): ours at least 2.5× faster than parse5-naive; peak RSS under 200 MB
 * on the 80 MB corpus and not growing with the corpus's size.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import iconv from 'iconv-lite';
import { decodeBytes } from '../src/core/decode';
import { isArticleText } from '../src/core/detect';
import { generateCorpus, type CorpusEntry, type CorpusOptions } from '../test/support/generate';
import { registerBench, type BenchContext, type Measurement } from './harness';

/** The wanted speed-up of the CLI (default jobs) over parse5-naive. */
const PARSE5_RATIO = 2.5;
/** Peak RSS of the CLI on the big corpus must stay under this (MB = 10^6 bytes, as everywhere here). */
const RSS_LIMIT_MB = 200;
/** "Not growing with the corpus": peak RSS on the big corpus at most this times that on the small one. */
const RSS_GROWTH_LIMIT = 1.25;

const SEED = 0xa57;
/** About 16 KB an article: 5,000 articles make about 80 MB. */
const GENERATOR: CorpusOptions = { paragraphs: 29, sentences: [3, 10] };
/**
 * The second corpus, another mix of variants: mostly plain text (D) and the seed form with image
 * placeholders and broken-up paragraphs, few but long paragraphs, and 70 % of the files in GB18030.
 */
const MIX_GENERATOR: CorpusOptions = {
  variants: ['D', 'A', 'D', 'E', 'G', 'D', 'J', 'M', 'D', 'B'],
  paragraphs: 17,
  sentences: [8, 24],
  gb18030: 0.7,
};

/** A corpus the benchmark generates: its folder name under bench/.data/ and the generator's options. */
interface CorpusSpec {
  readonly name: string;
  readonly options: CorpusOptions;
  readonly describe: string;
}

const MAIN_CORPUS: CorpusSpec = { name: 'corpus', options: GENERATOR, describe: 'variants A–J in turn, UTF-8' };
const MIX_CORPUS: CorpusSpec = { name: 'corpus-mix', options: MIX_GENERATOR, describe: 'mostly plain text (D), long paragraphs, 70 % GB18030' };
const FILES_PER_FOLDER = 500;
/** Bump when the layout of the corpus on disk changes. */
const LAYOUT_VERSION = 1;

let articleCount = 5000;

/** Articles of the big corpus (`--articles N`); the small one has a quarter as many. */
export function setExportArticles(count: number): void {
  articleCount = count;
}

// ---------------------------------------------------------------------------------------------
// Where things are

export function repoRoot(): string {
  for (const candidate of [resolve(__dirname, '..', '..'), process.cwd()]) {
    if (existsSync(join(candidate, 'bench', 'peak-rss.cjs'))) return candidate;
  }
  throw new Error('bench: cannot find the repository (bench/peak-rss.cjs); run from its root');
}

function requireFile(path: string, hint: string): string {
  if (!existsSync(path)) throw new Error(`bench: ${path} is missing (${hint})`);
  return path;
}

// ---------------------------------------------------------------------------------------------
// The corpus

export interface Corpus {
  readonly dir: string;
  readonly files: number;
  readonly bytes: number;
  /** Files the CLI's reader takes for articles (decoded, and detected as articles): the lines an export should write. */
  readonly articles: number;
  /** Generation and writing time; NaN when an existing corpus was reused. */
  readonly generatedMs: number;
}

interface Marker {
  readonly params: string;
  readonly files: number;
  readonly bytes: number;
  readonly articles: number;
}

/** Changes when the generator's output does (it is checked on its first articles). */
function fingerprint(options: CorpusOptions): string {
  const hash = createHash('sha256');
  for (const entry of generateCorpus(SEED, 10, options)) hash.update(entry.name).update('\0').update(entry.encoding).update('\0').update(entry.text).update('\0');
  return hash.digest('hex').slice(0, 16);
}

/** A generated article's bytes: UTF-8, or GB18030 where the generator says so. */
function encodeEntry(entry: CorpusEntry): Buffer {
  return entry.encoding === 'gb18030' ? iconv.encode(entry.text, 'gb18030') : Buffer.from(entry.text, 'utf8');
}

/**
 * The export benchmark's corpus of `count` articles under bench/.data/ (the main one is shared by
 * the lint bench), generated when it is not there or out of date.
 */
export function ensureCorpus(root: string, count: number, spec: CorpusSpec = MAIN_CORPUS): Corpus {
  const dir = join(root, 'bench', '.data', `${spec.name}-${count}`);
  const markerPath = join(dir, '.corpus.json');
  const params = JSON.stringify({
    generator: 'test/support/generate.ts generateCorpus',
    seed: SEED,
    count,
    options: spec.options,
    filesPerFolder: FILES_PER_FOLDER,
    layout: LAYOUT_VERSION,
    fingerprint: fingerprint(spec.options),
  });
  try {
    const marker = JSON.parse(readFileSync(markerPath, 'utf8')) as Marker;
    if (marker.params === params && typeof marker.articles === 'number') return { dir, files: marker.files, bytes: marker.bytes, articles: marker.articles, generatedMs: NaN };
  } catch {
    // no corpus yet, or an unreadable marker: generate it
  }
  const t0 = performance.now();
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  let bytes = 0;
  let articles = 0;
  const corpus = generateCorpus(SEED, count, spec.options);
  corpus.forEach((entry, i) => {
    const folder = join(dir, `part-${String(Math.floor(i / FILES_PER_FOLDER)).padStart(2, '0')}`);
    if (i % FILES_PER_FOLDER === 0) mkdirSync(folder, { recursive: true });
    const data = encodeEntry(entry);
    const decoded = decodeBytes(data);
    if (decoded.ok && isArticleText(decoded.text)) articles++;
    writeFileSync(join(folder, entry.name), data);
    bytes += data.length;
  });
  // The marker last: an interrupted generation is started again.
  const marker: Marker = { params, files: count, bytes, articles };
  writeFileSync(markerPath, JSON.stringify(marker, null, 2) + '\n');
  return { dir, files: count, bytes, articles, generatedMs: performance.now() - t0 };
}

// ---------------------------------------------------------------------------------------------
// Running a contender

interface Usage {
  readonly maxRssKb: number;
  readonly userUs: number;
  readonly systemUs: number;
}

interface Outcome {
  /** The harness's repetition (negative: warm-up). */
  readonly rep: number;
  readonly usage: Usage;
  /** Where the run's stdout went, until it is counted (outside the timed region). */
  output: string | undefined;
  bytes: number;
  lines: number;
  /** Counted on the first run only: articles whose line has no block at all. */
  withoutText?: number;
}

interface Contender {
  readonly id: string;
  readonly label: string;
  readonly corpus: Corpus;
  readonly args: readonly string[];
  readonly outcomes: Outcome[];
  /** Exit statuses that mean success (`normalize --check` exits 1 when a file would change). */
  readonly okStatus?: readonly number[];
  /** Its stdout is one JSON line per article (not so for the floor and `normalize --check`). */
  readonly jsonl?: boolean;
}

/** The sink of stdout: a file in memory (tmpfs) where there is one, like `> /dev/null` plus a copy. */
const SINK_DIR = existsSync('/dev/shm') ? '/dev/shm' : tmpdir();
let serial = 0;

function countLines(out: Buffer): number {
  let lines = 0;
  for (let at = out.indexOf(10); at >= 0; at = out.indexOf(10, at + 1)) lines++;
  return lines;
}

/** Articles whose JSON line has no block. */
function countWithoutText(out: Buffer): number {
  let without = 0;
  for (const line of out.toString('utf8').split('\n')) {
    if (line === '') continue;
    const article = JSON.parse(line) as { blocks?: unknown[] };
    if (!Array.isArray(article.blocks) || article.blocks.length === 0) without++;
  }
  return without;
}

/** Counts the bytes and lines of the runs not counted yet, and removes their output. */
function settle(contender: Contender): void {
  for (const outcome of contender.outcomes) {
    if (outcome.output === undefined) continue;
    const out = readFileSync(outcome.output);
    rmSync(outcome.output, { force: true });
    outcome.output = undefined;
    outcome.bytes = out.length;
    outcome.lines = countLines(out);
    if (outcome === contender.outcomes[0] && contender.jsonl !== false) outcome.withoutText = countWithoutText(out);
  }
}

/** One run, timed by the harness: the child writes its JSONL to the sink; its usage is read back. */
function runOnce(root: string, contender: Contender, rep: number): Outcome {
  const base = join(SINK_DIR, `article-bench-${process.pid}-${serial++}`);
  const usageFile = `${base}.usage.json`;
  const output = `${base}.jsonl`;
  const sink = openSync(output, 'w');
  let child;
  try {
    child = spawnSync(process.execPath, ['--require', join(root, 'bench', 'peak-rss.cjs'), ...contender.args], {
      cwd: root,
      stdio: ['ignore', sink, 'pipe'],
      maxBuffer: 2 ** 26,
      env: { ...process.env, ARTICLE_BENCH_USAGE_FILE: usageFile },
    });
  } finally {
    closeSync(sink);
  }
  if (child.error !== undefined || !(contender.okStatus ?? [0]).includes(child.status ?? -1)) {
    rmSync(output, { force: true });
    const stderr = child.stderr?.toString('utf8').trim() ?? '';
    throw new Error(
      `bench: ${contender.label} failed (${child.error?.message ?? `exit ${child.status ?? child.signal}`})\n${stderr.slice(-2000)}`,
    );
  }
  const usage = JSON.parse(readFileSync(usageFile, 'utf8')) as Usage;
  rmSync(usageFile, { force: true });
  const outcome: Outcome = { rep, usage, output, bytes: NaN, lines: NaN };
  contender.outcomes.push(outcome);
  return outcome;
}

function measureContender(
  ctx: BenchContext,
  root: string,
  contender: Contender,
  reps: number,
  budgetMs: number,
): Measurement {
  try {
    return ctx.measure({
      id: contender.id,
      label: `${contender.label}, ${contender.corpus.files} files`,
      // Untimed: the previous run's output is counted here.
      setup: (rep) => {
        settle(contender);
        return rep;
      },
      run: (rep) => runOnce(root, contender, rep),
      warmup: 1,
      reps,
      budgetMs,
      note: 'a child process; cpu ms is this process only, the child’s is in the table below',
    });
  } finally {
    settle(contender);
  }
}

// ---------------------------------------------------------------------------------------------
// Figures

const MB = 1e6;

function mb(bytes: number): string {
  return (bytes / MB).toFixed(1);
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  if (sorted.length === 0) return NaN;
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** Peak RSS over all the contender's runs, in MB (getrusage's maxrss is in KiB). */
function peakRssMb(contender: Contender): number {
  return (Math.max(...contender.outcomes.map((o) => o.usage.maxRssKb)) * 1024) / MB;
}

function cpuMs(contender: Contender): number {
  const timed = contender.outcomes.filter((o) => o.rep >= 0);
  return median((timed.length > 0 ? timed : contender.outcomes).map((o) => (o.usage.userUs + o.usage.systemUs) / 1000));
}

function row(contender: Contender, m: Measurement): string[] {
  if (m.skipped !== undefined || contender.outcomes.length === 0) {
    return [`${contender.corpus.files} files, ${mb(contender.corpus.bytes)} MB`, contender.label, '', '', '', '', '', '', '', m.skipped ?? ''];
  }
  const last = contender.outcomes[contender.outcomes.length - 1]!;
  return [
    `${contender.corpus.files} files, ${mb(contender.corpus.bytes)} MB`,
    contender.label,
    String(m.reps),
    m.medianMs.toFixed(0),
    (contender.corpus.bytes / MB / (m.medianMs / 1000)).toFixed(1),
    peakRssMb(contender).toFixed(0),
    cpuMs(contender).toFixed(0),
    String(last.lines),
    mb(last.bytes),
    String(contender.outcomes[0]!.withoutText ?? ''),
  ];
}

// ---------------------------------------------------------------------------------------------

/** Total CPU of ours (default jobs) at most this times the read-and-decode floor's. */
const FLOOR_CPU_RATIO = 2;

/** The contenders' ids on one corpus: `export.` + kind, or `export.mix.` + kind on the second corpus. */
const KINDS = ['cli', 'cli.jobs1', 'parse5', 'html-to-text', 'floor', 'normalize'] as const;
type Kind = (typeof KINDS)[number];

function idOf(prefix: string, kind: Kind): string {
  return `${prefix}.${kind}`;
}

interface CorpusRun {
  readonly corpus: Corpus;
  readonly measured: [Contender, Measurement][];
  readonly by: Partial<Record<Kind, [Contender, Measurement]>>;
}

/** Median CPU ms of a contender's timed runs, as a pseudo-measurement, for a ratio of CPU times. */
function cpuMeasurement(contender: Contender, m: Measurement): Measurement {
  return { ...m, medianMs: cpuMs(contender) };
}

function benchCorpus(ctx: BenchContext, root: string, prefix: string, corpus: Corpus, jobs: number, cli: string, baselines: string, reps: number): CorpusRun {
  const contender = (kind: Kind, label: string, args: string[], extra: Partial<Contender> = {}): Contender => ({ id: idOf(prefix, kind), label, corpus, args, outcomes: [], ...extra });
  const ours = (extra: string[]): string[] => [cli, 'export', corpus.dir, '--format', 'jsonl', ...extra];
  const list: [Kind, Contender, number][] = [
    ['floor', contender('floor', 'read-and-decode floor', [baselines, 'floor', corpus.dir], { jsonl: false }), 3],
    ['cli', contender('cli', `ours, default jobs (${jobs})`, ours([])), reps],
    ['cli.jobs1', contender('cli.jobs1', 'ours, --jobs 1', ours(['--jobs', '1'])), 3],
    ['normalize', contender('normalize', 'ours, normalize --check', [cli, 'normalize', corpus.dir, '--check'], { jsonl: false, okStatus: [0, 1] }), 3],
    ['parse5', contender('parse5', 'parse5-naive', [baselines, 'parse5', corpus.dir]), 3],
    ['html-to-text', contender('html-to-text', 'html-to-text', [baselines, 'html-to-text', corpus.dir]), 3],
  ];
  const measured: [Contender, Measurement][] = [];
  const by: Partial<Record<Kind, [Contender, Measurement]>> = {};
  for (const [kind, c, n] of list) {
    if (!ctx.selected(c.id)) continue;
    const m = measureContender(ctx, root, c, n, 40_000);
    measured.push([c, m]);
    by[kind] = [c, m];
  }
  return { corpus, measured, by };
}

function judgeCorpus(ctx: BenchContext, run: CorpusRun, jobs: number, what: string): void {
  const { by, corpus } = run;
  const ours = by.cli;
  const one = by['cli.jobs1'];
  const parse5 = by.parse5;
  const floor = by.floor;
  const normalize = by.normalize;
  if (parse5 && ours) ctx.ratio(`${what}: parse5-naive / ours (default jobs, ${jobs}), wall`, parse5[1], ours[1], PARSE5_RATIO);
  if (parse5 && one) ctx.ratio(`${what}: parse5-naive / ours (--jobs 1), wall`, parse5[1], one[1]);
  if (parse5 && ours) ctx.ratio(`${what}: parse5-naive / ours (default jobs), CPU`, cpuMeasurement(...parse5), cpuMeasurement(...ours));
  if (by['html-to-text'] && ours) ctx.ratio(`${what}: html-to-text / ours (default jobs, ${jobs}), wall`, by['html-to-text'][1], ours[1]);
  if (floor && ours && floor[0].outcomes.length > 0 && ours[0].outcomes.length > 0) {
    const ratio = cpuMs(ours[0]) / cpuMs(floor[0]);
    ctx.check({
      label: `${what}: CPU of ours (default jobs) / CPU of the read-and-decode floor`,
      value: `${cpuMs(ours[0]).toFixed(0)} / ${cpuMs(floor[0]).toFixed(0)} ms = ${ratio.toFixed(2)}×`,
      target: `≤ ${FLOOR_CPU_RATIO}×`,
      pass: ratio <= FLOOR_CPU_RATIO,
    });
    ctx.ratio(`${what}: ours (default jobs) / read-and-decode floor, wall (how far from the floor)`, ours[1], floor[1]);
  }
  if (one && floor && one[0].outcomes.length > 0 && floor[0].outcomes.length > 0) {
    ctx.note(`export: ${what}: CPU of ours --jobs 1 / floor = ${(cpuMs(one[0]) / cpuMs(floor[0])).toFixed(2)}×`);
  }
  if (normalize && ours) ctx.ratio(`${what}: ours export (default jobs) / normalize --check, wall (≥ 1: normalize no slower)`, ours[1], normalize[1], 1);
  for (const [c, m] of run.measured) {
    if (m.skipped !== undefined || c.outcomes.length === 0 || c.jsonl === false) continue;
    // The baselines write every file; ours the files its reader takes for articles.
    const expected = c.id.includes('.cli') ? c.corpus.articles : c.corpus.files;
    const bad = c.outcomes.filter((o) => o.lines !== expected);
    ctx.check({
      label: `${what}: ${c.label}: one JSON line per ${c.id.includes('.cli') ? 'article' : 'file'}`,
      value: bad.length === 0 ? `${expected} lines` : `${bad[0]!.lines} lines`,
      target: `${expected}`,
      pass: bad.length === 0,
    });
  }
  for (const c of [ours?.[0], one?.[0]]) {
    if (c === undefined || c.outcomes.length === 0) continue;
    const peak = peakRssMb(c);
    ctx.check({
      label: `${what}: peak RSS, ${c.label}, ${mb(corpus.bytes)} MB corpus`,
      value: `${peak.toFixed(0)} MB`,
      target: `< ${RSS_LIMIT_MB} MB`,
      pass: peak < RSS_LIMIT_MB,
    });
  }
}

registerBench({
  name: 'CLI export of a folder to JSONL',
  // Generating the corpus the first time, then minutes of export by design: not the run's budget.
  budgetMs: 600_000,
  run(ctx) {
    const wanted = (prefix: string): boolean => KINDS.some((kind) => ctx.selected(idOf(prefix, kind)));
    const wantSmall = ctx.selected('export.small.cli') || ctx.selected('export.small.cli.jobs1');
    if (!wanted('export') && !wanted('export.mix') && !wantSmall) return;
    const root = repoRoot();
    const cli = requireFile(join(root, 'dist', 'cli.js'), 'npm run build');
    const baselines = requireFile(join(root, 'out', 'bench', 'export-baselines.js'), 'node esbuild.config.mjs --tests');
    const jobs = Math.max(1, Math.min(availableParallelism(), 8)); // the CLI's defaultJobs()

    ctx.note(`export: load average ${loadavg()[0]!.toFixed(2)} (1 min) at its start; the machine has ${availableParallelism()} cores`);
    const smallCount = Math.max(1, Math.round(articleCount / 4));
    const big = wanted('export') ? ensureCorpus(root, articleCount) : undefined;
    const mix = wanted('export.mix') ? ensureCorpus(root, articleCount, MIX_CORPUS) : undefined;
    const small = wantSmall ? ensureCorpus(root, smallCount) : undefined;
    for (const [corpus, spec] of [[small, MAIN_CORPUS], [big, MAIN_CORPUS], [mix, MIX_CORPUS]] as const) {
      if (corpus === undefined) continue;
      ctx.note(
        `export: ${corpus.files} articles (generateCorpus(0x${SEED.toString(16)}, ${corpus.files}, ${JSON.stringify(spec.options)}), ` +
          `${spec.describe}), ${mb(corpus.bytes)} MB in bench/.data/${spec.name}-${corpus.files}/; ` +
          (Number.isNaN(corpus.generatedMs) ? 'reused' : `generated and written in ${(corpus.generatedMs / 1000).toFixed(1)} s`),
      );
    }

    const measured: [Contender, Measurement][] = [];
    // The small corpus first (a quick warm-up of the machine too); peak RSS is what it is for.
    const smallRuns: Contender[] = [];
    if (small !== undefined) {
      for (const c of [
        { id: 'export.small.cli', label: `ours, default jobs (${jobs})`, corpus: small, args: [cli, 'export', small.dir, '--format', 'jsonl'], outcomes: [] },
        { id: 'export.small.cli.jobs1', label: 'ours, --jobs 1', corpus: small, args: [cli, 'export', small.dir, '--format', 'jsonl', '--jobs', '1'], outcomes: [] },
      ] satisfies Contender[]) {
        if (!ctx.selected(c.id)) continue;
        measured.push([c, measureContender(ctx, root, c, 3, 20_000)]);
        smallRuns.push(c);
      }
    }
    const runs: [CorpusRun, string][] = [];
    if (big !== undefined) runs.push([benchCorpus(ctx, root, 'export', big, jobs, cli, baselines, 5), 'corpus 1 (A–J)']);
    if (mix !== undefined) runs.push([benchCorpus(ctx, root, 'export.mix', mix, jobs, cli, baselines, 3), 'corpus 2 (mix)']);
    for (const [run] of runs) measured.push(...run.measured);

    ctx.table({
      title:
        'export to JSONL, each contender a process of its own (wall ms: median of the runs; RSS: peak over all runs; ' +
        'CPU: median, all threads; lines and output: last run; no text: articles without any block)',
      header: ['corpus', 'contender', 'runs', 'wall ms', 'MB/s', 'peak RSS MB', 'CPU ms', 'lines', 'out MB', 'no text'],
      rows: measured.map(([c, m]) => row(c, m)),
      right: [2, 3, 4, 5, 6, 7, 8, 9],
    });

    for (const [run, what] of runs) judgeCorpus(ctx, run, jobs, what);

    const bigRun = runs.find(([run]) => run.corpus === big)?.[0];
    for (const smallRun of smallRuns) {
      const bigC = bigRun?.by[smallRun.id === 'export.small.cli' ? 'cli' : 'cli.jobs1']?.[0];
      if (bigC === undefined || bigC.outcomes.length === 0 || smallRun.outcomes.length === 0 || small === undefined || big === undefined) continue;
      const growth = peakRssMb(bigC) / peakRssMb(smallRun);
      ctx.check({
        label: `peak RSS growth, ${bigC.label}: ${big.files} vs ${small.files} files`,
        value: `${peakRssMb(bigC).toFixed(0)} / ${peakRssMb(smallRun).toFixed(0)} MB = ${growth.toFixed(2)}×`,
        target: `≤ ${RSS_GROWTH_LIMIT}×`,
        pass: growth <= RSS_GROWTH_LIMIT,
      });
    }
  },
});
