/**
 * The folder export job, for the CLI and the extension alike: walk, read, export, write (to one
 * ordered stream, or one file per article under an output folder, protected by
 * {@link OutputGuard}), with progress, cancellation and a summary. The reading and exporting of a
 * batch of files may run elsewhere (the CLI's worker threads): {@link runExportJob} is that work.
 */
import { exportArticle, FORMAT_EXTENSIONS, type ExportFormat, type ExportOptions } from '../export';
import { parseArticle } from '../parse';
import { errorCode, type BatchFs } from './fs';
import { OutputGuard, outputPath } from './output';
import { isSkip, type FileProblem, type Problem } from './problems';
import { readArticleFile } from './read';
import { TempCleaner } from './temps';
import { walkInputs, type InputFile } from './walk';

/** One file's work, as sent to a worker. */
export interface ExportJob {
  readonly seq: number;
  readonly input: InputFile;
  /** The path the export names the article by (FORMAT.md's `path`). */
  readonly name: string;
  readonly format: ExportFormat;
  readonly options: ExportOptions;
}

export type ExportJobResult =
  /** `output`: the text, or its UTF-8 bytes where a worker thread encoded it (so it is transferred, not copied). */
  | { readonly seq: number; readonly ok: true; readonly output: string | Uint8Array }
  | { readonly seq: number; readonly ok: false; readonly problem: FileProblem; readonly detail?: string };

/** Reads and exports one file. Files named on the command line are exported as asked; files found in folders must be articles. */
export async function runExportJob(fs: BatchFs, job: ExportJob): Promise<ExportJobResult> {
  const read = await readArticleFile(fs, job.input.path, { requireArticle: !job.input.named });
  if (!read.ok) return { seq: job.seq, ok: false, problem: read.problem, detail: read.detail };
  return { seq: job.seq, ok: true, output: exportArticle(parseArticle(read.text), job.name, job.format, job.options) };
}

export type ExportDestination =
  /** Every result in input order, e.g. to stdout or into one JSON Lines file. */
  | { readonly kind: 'stream'; readonly write: (output: string | Uint8Array, index: number) => Promise<void> }
  /**
   * One file per article under `out`. `overwrite`: whether existing files there may be replaced,
   * or a question asked once with the files that exist.
   */
  | { readonly kind: 'folder'; readonly out: string; readonly overwrite: boolean | ((existing: readonly string[]) => Promise<boolean>) };

export interface ExportRun {
  readonly fs: BatchFs;
  readonly paths: readonly string[];
  readonly format: ExportFormat;
  readonly options: ExportOptions;
  readonly destination: ExportDestination;
  /** Runs a batch of jobs (a worker pool); by default here, one after the other. */
  readonly run?: (jobs: ExportJob[]) => Promise<ExportJobResult[]>;
  readonly batchSize?: number;
  /** Batches in flight at most (memory stays bounded). */
  readonly inFlight?: number;
  /** How an input is named in the export; by default its path. */
  readonly name?: (input: InputFile) => string;
  /** A file or folder with a problem; `skipped` for files that are simply not articles. */
  readonly onProblem: (problem: Problem, skipped: boolean) => void;
  readonly onProgress?: (done: number, input: InputFile) => void;
  readonly cancelled?: () => boolean;
}

export interface ExportSummary {
  readonly exported: number;
  readonly skipped: number;
  readonly failed: number;
  readonly cancelled: boolean;
  /** The run was refused before anything was written: two inputs with one output, or no output folder. */
  readonly refused?: { readonly problem: 'collision'; readonly paths: readonly string[] } | { readonly problem: FileProblem; readonly path: string; readonly detail?: string };
}

interface Planned {
  readonly guard: OutputGuard;
  readonly overwrite: boolean;
}

/** The folder destination's checks before anything is written: the output folder, name collisions, files there already. */
async function plan(run: ExportRun, out: string, overwrite: boolean | ((existing: readonly string[]) => Promise<boolean>)): Promise<Planned | ExportSummary> {
  const { fs } = run;
  const guard = await OutputGuard.create(fs, out, run.paths);
  if (!(guard instanceof OutputGuard)) return { exported: 0, skipped: 0, failed: 0, cancelled: false, refused: { problem: guard.problem, path: out, detail: guard.detail } };
  const extension = FORMAT_EXTENSIONS[run.format];
  const targets = new Map<string, string>();
  const collisions: string[] = [];
  const existing: string[] = [];
  for await (const event of walkInputs(fs, run.paths, { exclude: (real) => guard.excludes(real) })) {
    if (!event.file) continue;
    const target = outputPath(fs, out, event.file.relative, extension);
    const other = targets.get(target);
    if (other !== undefined) {
      collisions.push(other, event.file.path);
      continue;
    }
    targets.set(target, event.file.path);
    await guard.addSource(event.file.path);
    if (typeof overwrite === 'function') {
      try {
        await fs.stat(target);
        existing.push(target);
      } catch {
        // Not there yet.
      }
    }
    if (run.cancelled?.()) break;
  }
  if (collisions.length > 0) return { exported: 0, skipped: 0, failed: 0, cancelled: false, refused: { problem: 'collision', paths: collisions } };
  if (typeof overwrite === 'boolean') return { guard, overwrite };
  return { guard, overwrite: existing.length > 0 ? await overwrite(existing) : false };
}

export async function runExport(run: ExportRun): Promise<ExportSummary> {
  const { fs, destination, format, options } = run;
  const batchSize = run.batchSize ?? 1;
  const inFlight = run.inFlight ?? 2;
  const runJobs = run.run ?? (async (jobs: ExportJob[]) => { const results: ExportJobResult[] = []; for (const job of jobs) results.push(await runExportJob(fs, job)); return results; });
  const cancelled = (): boolean => run.cancelled?.() === true;

  let planned: Planned | undefined;
  if (destination.kind === 'folder') {
    const result = await plan(run, destination.out, destination.overwrite);
    if (!('guard' in result)) return result;
    planned = result;
  }
  const cleaner = new TempCleaner(fs);
  const extension = FORMAT_EXTENSIONS[format];

  let exported = 0;
  let skipped = 0;
  let failed = 0;
  let emitted = 0;
  const pending = new Map<number, { input: InputFile; result: ExportJobResult }>();
  let nextToEmit = 0;
  const running = new Set<Promise<void>>();

  const fail = (problem: Problem): void => {
    const skip = isSkip(problem.problem);
    if (skip) skipped++;
    else failed++;
    run.onProblem(problem, skip);
  };

  const deliver = async (input: InputFile, output: string | Uint8Array): Promise<void> => {
    if (destination.kind === 'stream') {
      await destination.write(output, emitted++);
      exported++;
      return;
    }
    const target = outputPath(fs, destination.out, input.relative, extension);
    let refused: FileProblem | undefined;
    try {
      refused = await planned!.guard.check(target, planned!.overwrite);
    } catch (error) {
      fail({ path: target, problem: 'write', detail: errorCode(error) });
      return;
    }
    if (refused) {
      fail({ path: refused === 'source' ? input.path : target, problem: refused });
      return;
    }
    await cleaner.clean(fs.dirname(target));
    let temp;
    try {
      temp = await fs.writeTemp(target, output);
      await fs.commit(temp);
      exported++;
    } catch (error) {
      if (temp) await fs.discard(temp);
      fail({ path: target, problem: 'write', detail: errorCode(error) });
    }
  };

  const emitReady = async (): Promise<void> => {
    for (let entry = pending.get(nextToEmit); entry; entry = pending.get(nextToEmit)) {
      pending.delete(nextToEmit);
      nextToEmit++;
      const { input, result } = entry;
      if (result.ok) {
        if (!cancelled()) await deliver(input, result.output);
      } else fail({ path: input.path, problem: result.problem, detail: result.detail });
      run.onProgress?.(exported + skipped + failed, input);
    }
  };

  // Results are delivered one batch at a time, in input order.
  let chain = Promise.resolve();
  let seq = 0;
  let batch: ExportJob[] = [];
  const inputs = new Map<number, InputFile>();
  const dispatch = async (): Promise<void> => {
    if (batch.length === 0) return;
    const jobs = batch;
    batch = [];
    const task = runJobs(jobs).then((results) => {
      for (const result of results) {
        pending.set(result.seq, { input: inputs.get(result.seq)!, result });
        inputs.delete(result.seq);
      }
      chain = chain.then(emitReady);
      return chain;
    });
    running.add(task);
    void task.finally(() => running.delete(task));
    while (running.size >= inFlight) await Promise.race(running);
  };

  const walk = walkInputs(fs, run.paths, planned ? { exclude: (real) => planned.guard.excludes(real) } : {});
  for await (const event of walk) {
    if (cancelled()) break;
    if (!event.file) {
      fail(event.problem);
      continue;
    }
    inputs.set(seq, event.file);
    batch.push({ seq: seq++, input: event.file, name: run.name?.(event.file) ?? event.file.path, format, options });
    if (batch.length >= batchSize) await dispatch();
  }
  if (!cancelled()) await dispatch();
  await Promise.all(running);
  await chain;
  return { exported, skipped, failed, cancelled: cancelled() };
}
