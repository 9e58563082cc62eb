/**
 * The folder normalize job, for the CLI and the extension alike: walk, read, normalize (checked:
 * a result that would change a character of text is refused), and either list what would change
 * or replace each file safely ({@link replaceFile}), with progress, cancellation and a summary.
 */
import { normalizeChecked, type NormalizeOptions } from '../normalize';
import { parseArticle } from '../parse';
import type { BatchFs } from './fs';
import { isSkip, type FileProblem, type Problem } from './problems';
import { readArticleFile, type ArticleFile } from './read';
import { replaceWithEdits, type Encode } from './replace';

export type { Encode } from './replace';
import { TempCleaner } from './temps';
import { walkInputs } from './walk';

/**
 * A file whose encoding was guessed rather than certain is never rewritten: said in the dry run
 * too, so that `--check` lists it ({@link replaceWithEdits} refuses it again when writing).
 */
export function encodingRefusal(read: ArticleFile): FileProblem | undefined {
  return read.certain ? undefined : 'guessed-encoding';
}

/** One file's dry run (`--check`), as sent to a worker. */
export interface NormalizeCheckJob {
  readonly seq: number;
  readonly path: string;
  readonly options: NormalizeOptions;
}

export type NormalizeCheckResult =
  | { readonly seq: number; readonly ok: true; readonly changed: boolean }
  | { readonly seq: number; readonly ok: false; readonly problem: FileProblem; readonly detail?: string };

/** Reads and normalizes one file without writing it: would it change, or why may it not be normalized? */
export async function runNormalizeCheckJob(fs: BatchFs, job: NormalizeCheckJob): Promise<NormalizeCheckResult> {
  const { seq, path } = job;
  const read = await readArticleFile(fs, path, { requireArticle: true });
  if (!read.ok) return { seq, ok: false, problem: read.problem, detail: read.detail };
  const result = normalizeChecked(parseArticle(read.text), job.options, parseArticle);
  if (result.edits.length === 0) return { seq, ok: true, changed: false };
  const refusal = !result.safe ? 'unsafe' : encodingRefusal(read);
  if (refusal) return { seq, ok: false, problem: refusal };
  return { seq, ok: true, changed: true };
}

export interface NormalizeRun {
  readonly fs: BatchFs;
  readonly paths: readonly string[];
  readonly options: NormalizeOptions;
  /** Replace the files (else only say which would change). */
  readonly write: boolean;
  readonly encode: Encode;
  /** A reason to leave a file alone before reading it (the extension: unsaved changes in an editor). */
  readonly skip?: (path: string) => FileProblem | undefined;
  /** A file that would change (`write: false`) or was normalized. */
  readonly onChanged: (path: string) => void;
  readonly onProblem: (problem: Problem, skipped: boolean) => void;
  readonly onProgress?: (done: number, path: string) => void;
  readonly cancelled?: () => boolean;
  /** For tests: runs just before the final "unchanged?" check of each replaced file. */
  readonly beforeReplace?: (path: string) => Promise<void>;
  /**
   * The dry run only (`write: false`): runs a batch of checks elsewhere (the CLI's worker threads),
   * {@link batchSize} files at a time with at most {@link inFlight} batches under way; results are
   * still reported in the walk's order.
   */
  readonly check?: (jobs: NormalizeCheckJob[]) => Promise<NormalizeCheckResult[]>;
  readonly batchSize?: number;
  readonly inFlight?: number;
}

export interface NormalizeSummary {
  readonly changed: number;
  readonly unchanged: number;
  readonly skipped: number;
  readonly failed: number;
  readonly cancelled: boolean;
}

/** The counts of a normalize run, and how a problem counts (a skip or a failure, reported either way). */
function newTally(run: NormalizeRun): { counts: { changed: number; unchanged: number; skipped: number; failed: number }; done: () => number; fail: (problem: Problem) => void; cancelled: () => boolean; summary: () => NormalizeSummary } {
  const counts = { changed: 0, unchanged: 0, skipped: 0, failed: 0 };
  const cancelled = (): boolean => run.cancelled?.() === true;
  return {
    counts,
    done: () => counts.changed + counts.unchanged + counts.skipped + counts.failed,
    fail: (problem) => {
      const skip = isSkip(problem.problem);
      if (skip) counts.skipped++;
      else counts.failed++;
      run.onProblem(problem, skip);
    },
    cancelled,
    summary: () => ({ ...counts, cancelled: cancelled() }),
  };
}

export async function runNormalize(run: NormalizeRun): Promise<NormalizeSummary> {
  const { fs } = run;
  const tally = newTally(run);
  const { cancelled, fail } = tally;
  if (!run.write && run.check) return checkBatched(run, run.check);
  const cleaner = new TempCleaner(fs);
  const walk = walkInputs(fs, run.paths, run.write ? { onFolder: (folder) => cleaner.clean(folder) } : {});
  for await (const event of walk) {
    if (cancelled()) break;
    if (!event.file) {
      fail(event.problem);
      continue;
    }
    const path = event.file.path;
    run.onProgress?.(tally.done(), path);
    const busy = run.skip?.(path);
    if (busy) {
      fail({ path, problem: busy });
      continue;
    }
    const read = await readArticleFile(fs, path, { requireArticle: true });
    if (!read.ok) {
      fail({ path, problem: read.problem, detail: read.detail });
      continue;
    }
    const result = normalizeChecked(parseArticle(read.text), run.options, parseArticle);
    if (result.edits.length === 0) {
      tally.counts.unchanged++;
      continue;
    }
    const refusal = !result.safe ? 'unsafe' : encodingRefusal(read);
    if (refusal) {
      fail({ path, problem: refusal });
      continue;
    }
    if (!run.write) {
      tally.counts.changed++;
      run.onChanged(path);
      continue;
    }
    const replaced = await replaceWithEdits(fs, path, read, result.fineEdits, run.encode, run.beforeReplace && (() => run.beforeReplace!(path)));
    if (replaced.problem) {
      fail({ path, problem: replaced.problem, detail: replaced.detail });
      continue;
    }
    tally.counts.changed++;
    run.onChanged(path);
  }
  return tally.summary();
}

/** The dry run with the checks done in batches elsewhere: the same reports, in the same order, as the loop of {@link runNormalize}. */
async function checkBatched(run: NormalizeRun, check: (jobs: NormalizeCheckJob[]) => Promise<NormalizeCheckResult[]>): Promise<NormalizeSummary> {
  const batchSize = run.batchSize ?? 16;
  const inFlight = run.inFlight ?? 2;
  const tally = newTally(run);
  const { cancelled, fail } = tally;
  const paths = new Map<number, string>();
  const pending = new Map<number, NormalizeCheckResult>();
  let nextToReport = 0;
  const report = (): void => {
    for (let result = pending.get(nextToReport); result; result = pending.get(nextToReport)) {
      pending.delete(nextToReport);
      const path = paths.get(nextToReport)!;
      paths.delete(nextToReport);
      nextToReport++;
      run.onProgress?.(tally.done(), path);
      // As the loop reports them: with a `detail` where the reader gave one (even undefined), else without.
      if (!result.ok) fail('detail' in result ? { path, problem: result.problem, detail: result.detail } : { path, problem: result.problem });
      else if (!result.changed) tally.counts.unchanged++;
      else {
        tally.counts.changed++;
        run.onChanged(path);
      }
    }
  };
  const running = new Set<Promise<void>>();
  let batch: NormalizeCheckJob[] = [];
  const dispatch = async (): Promise<void> => {
    if (batch.length === 0) return;
    const jobs = batch;
    batch = [];
    const task = check(jobs).then((results) => {
      for (const result of results) pending.set(result.seq, result);
      report();
    });
    running.add(task);
    void task.finally(() => running.delete(task));
    while (running.size >= inFlight) await Promise.race(running);
  };
  let seq = 0;
  for await (const event of walkInputs(run.fs, run.paths)) {
    if (cancelled()) break;
    if (!event.file) {
      fail(event.problem);
      continue;
    }
    const path = event.file.path;
    paths.set(seq, path);
    const busy = run.skip?.(path);
    if (busy) {
      pending.set(seq, { seq, ok: false, problem: busy });
      seq++;
      report();
      continue;
    }
    batch.push({ seq: seq++, path, options: run.options });
    if (batch.length >= batchSize) await dispatch();
  }
  if (!cancelled()) await dispatch();
  await Promise.all(running);
  report();
  return tally.summary();
}
