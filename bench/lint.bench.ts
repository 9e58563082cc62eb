/**
 * What the lint costs:
 *
 * - on the generated 15 MB article (seed form, 20,000 paragraphs), already parsed, as the editor
 *   lints it (the parse comes from the shared article cache): target ≤ 100 ms median; with the
 *   parse; and the same article with every `，` written half-width (a problem in nearly every
 *   paragraph, about 180,000 problems), where building the problems is most of the work;
 * - through the CLI on the 5,000-article generated corpus of the export benchmark
 *   (bench/.data/corpus-5000, shared with bench/export.bench.ts: same generator, parameters and
 *   marker file), `lint DIR --json` against `export DIR --format jsonl`: target no slower.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync, closeSync, openSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { lintArticle } from '../src/core/lint';
import { parseArticle } from '../src/core/parse';
import { bigArticle, megabytes, seedText } from './fixtures';
import { ensureCorpus, repoRoot } from './export.bench';
import { registerBench } from './harness';

// The export benchmark's corpus (bench/export.bench.ts makes it and keeps it in bench/.data/).
const ARTICLES = 5000;

const SINK_DIR = existsSync('/dev/shm') ? '/dev/shm' : tmpdir();

/**
 * One CLI run with stdout into a file in memory; `ok` are the exit codes that are not a failure.
 * The child's CPU time (all its threads, from bench/peak-rss.cjs) is added to `cpuMs`: on a busy
 * machine it compares the work done where wall times compare the queue.
 */
function runCli(root: string, args: readonly string[], ok: readonly number[], cpuMs: number[]): number {
  const output = join(SINK_DIR, `article-lint-bench-${process.pid}.out`);
  const usageFile = `${output}.usage.json`;
  const sink = openSync(output, 'w');
  try {
    const child = spawnSync(process.execPath, ['--require', join(root, 'bench', 'peak-rss.cjs'), join(root, 'dist', 'cli.js'), ...args], {
      cwd: root,
      stdio: ['ignore', sink, 'pipe'],
      maxBuffer: 2 ** 26,
      env: { ...process.env, ARTICLE_BENCH_USAGE_FILE: usageFile },
    });
    if (child.error !== undefined || child.status === null || !ok.includes(child.status)) {
      throw new Error(`bench: cli ${args.join(' ')} failed (${child.error?.message ?? `exit ${child.status ?? child.signal}`})\n${child.stderr?.toString('utf8').slice(-2000)}`);
    }
  } finally {
    closeSync(sink);
  }
  const usage = JSON.parse(readFileSync(usageFile, 'utf8')) as { userUs: number; systemUs: number };
  cpuMs.push((usage.userUs + usage.systemUs) / 1000);
  rmSync(usageFile, { force: true });
  const bytes = readFileSync(output).length;
  rmSync(output, { force: true });
  return bytes;
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

const IDS = ['lint.seed', 'lint.big', 'lint.big.parse', 'lint.big.quirky', 'lint.cli', 'lint.cli.export'];

registerBench({
  name: 'lint',
  budgetMs: 300_000,
  run(ctx) {
    if (!IDS.some((id) => ctx.selected(id))) return;
    if (ctx.selected('lint.seed')) {
      const seed = parseArticle(seedText());
      ctx.measure({ id: 'lint.seed', label: 'lintArticle, the real seed (parsed)', run: () => lintArticle(seed), inner: 'auto' });
    }
    if (['lint.big', 'lint.big.parse', 'lint.big.quirky'].some((id) => ctx.selected(id))) {
      const text = bigArticle().text;
      const article = parseArticle(text);
      const problems = lintArticle(article).length;
      ctx.note(`lint: the generated article, ${megabytes(text)}, ${article.blocks.length} blocks, ${problems} problems`);
      ctx.measure({ id: 'lint.big', label: 'lintArticle, 15 MB article (parsed, as the editor has it)', run: () => lintArticle(article), warmup: 2, reps: 9, targetMs: 100 });
      ctx.measure({ id: 'lint.big.parse', label: 'parse + lintArticle, 15 MB article', run: () => lintArticle(parseArticle(text)), warmup: 1, reps: 5 });
      if (ctx.selected('lint.big.quirky')) {
        const quirky = parseArticle(text.replace(/，/g, ','));
        ctx.note(`lint: the same with every ， half-width: ${lintArticle(quirky).length} problems`);
        ctx.measure({ id: 'lint.big.quirky', label: 'lintArticle, 15 MB article, a problem in nearly every paragraph', run: () => lintArticle(quirky), warmup: 1, reps: 5 });
      }
    }
    if (ctx.selected('lint.cli') || ctx.selected('lint.cli.export')) {
      const root = repoRoot();
      if (!existsSync(join(root, 'dist', 'cli.js'))) throw new Error('bench: dist/cli.js is missing (npm run build)');
      const corpus = ensureCorpus(root, ARTICLES);
      ctx.note(
        `lint: CLI on ${ARTICLES} generated articles (${(corpus.bytes / 1e6).toFixed(1)} MB, ${Number.isNaN(corpus.generatedMs) ? 'reused' : 'generated'}), ` +
          `load average ${loadavg()[0]!.toFixed(2)} on ${availableParallelism()} cores`,
      );
      let lintBytes = 0;
      const lintCpu: number[] = [];
      const exportCpu: number[] = [];
      const lint = ctx.measure({
        id: 'lint.cli',
        label: `node dist/cli.js lint DIR --json, ${ARTICLES} files`,
        run: () => (lintBytes = runCli(root, ['lint', corpus.dir, '--json'], [0, 1], lintCpu)),
        warmup: 1,
        reps: 3,
        budgetMs: 60_000,
        note: 'a child process',
      });
      const exported = ctx.measure({
        id: 'lint.cli.export',
        label: `node dist/cli.js export DIR --format jsonl (default jobs), ${ARTICLES} files`,
        run: () => runCli(root, ['export', corpus.dir, '--format', 'jsonl'], [0], exportCpu),
        warmup: 1,
        reps: 3,
        budgetMs: 60_000,
        note: 'a child process',
      });
      if (lintBytes > 0) ctx.note(`lint: the CLI's JSON is ${(lintBytes / 1e6).toFixed(1)} MB`);
      ctx.ratio('export jsonl / lint (CLI, same corpus): lint no slower', exported, lint, 1);
      if (lintCpu.length > 0 && exportCpu.length > 0) {
        ctx.table({
          title: 'the CLI runs: CPU time of the child process (all threads), median of all runs including the warm-up',
          header: ['contender', 'runs', 'wall ms (median)', 'child CPU ms'],
          rows: [
            ['lint --json', String(lintCpu.length), lint.medianMs.toFixed(0), median(lintCpu).toFixed(0)],
            ['export --format jsonl', String(exportCpu.length), exported.medianMs.toFixed(0), median(exportCpu).toFixed(0)],
          ],
          right: [1, 2, 3],
        });
      }
    }
  },
});
