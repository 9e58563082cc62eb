/**
 * `article normalize PATHS... --check | --write`: the core's normalize job ({@link runNormalize})
 * over Node's file system. `--check` lists the files that would change (exit 1 if any); `--write`
 * replaces them safely in their own encoding. `--check` reads and normalizes in worker threads
 * (`--jobs`, as for export); `--write` works through the files one at a time. A file that cannot be read or safely replaced is
 * named on stderr and left untouched. A closed stdout does not stop the writes: the run finishes
 * (it never stops half-way through a file) and only the listing ends.
 */
import { runNormalize as runNormalizeJob, type NormalizeCheckJob, type NormalizeCheckResult } from '../core/batch/normalize';
import type { NormalizeOptions } from '../core/normalize';
import { nodeFs } from '../node/batchFs';
import { encodeText } from '../node/encode';
import { describeProblem, printable, type Messages } from './messages';
import type { Output } from './output';
import { WorkerPool } from './pool';

export interface NormalizeRequest {
  readonly paths: readonly string[];
  readonly write: boolean;
  readonly options: NormalizeOptions;
  /** Worker threads for `--check` (1: none); `--write` replaces files one at a time here. */
  readonly jobs: number;
  /** The CLI's script, to start the workers from (src/cli/pool.ts). */
  readonly script: string;
}

/** Files a worker checks at a time. */
const BATCH = 16;

export async function runNormalize(request: NormalizeRequest, messages: Messages, stdout: Output): Promise<number> {
  const listed: Promise<void>[] = [];
  const pool = !request.write && request.jobs > 1 ? new WorkerPool<NormalizeCheckJob, NormalizeCheckResult>(request.script, request.jobs, 'normalize') : undefined;
  let summary;
  try {
    summary = await runNormalizeJob({
      fs: nodeFs,
      paths: request.paths,
      options: request.options,
      write: request.write,
      encode: encodeText,
      onChanged: (path) => listed.push(stdout.write(`${request.write ? messages.normalized(printable(path)) : printable(path)}\n`)),
      onProblem: (problem) => process.stderr.write(`article: ${describeProblem(messages, problem)}\n`),
      check: pool ? (jobs) => pool.run(jobs) : undefined,
      batchSize: BATCH,
      inFlight: Math.max(2, request.jobs * 2),
    });
  } finally {
    await pool?.close();
  }
  await Promise.all(listed);
  const { changed, unchanged, skipped, failed } = summary;
  process.stderr.write((request.write ? messages.normalizeWriteSummary(changed, unchanged, skipped, failed) : messages.normalizeCheckSummary(changed, unchanged, skipped, failed)) + '\n');
  if (failed > 0) return 1;
  return !request.write && changed > 0 ? 1 : 0;
}
