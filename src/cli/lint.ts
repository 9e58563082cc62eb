/**
 * `article lint PATHS... [--json] [--fix] [--jobs N]`: the lint's problems of files and of the
 * `.txt` articles in folders (walked recursively by the batch engine's walk; files found in folders
 * that are not articles are skipped, files named are linted as asked). One line a problem,
 * `path:line:column: severity: message [code]`, or with `--json` an array of
 * `{ path, problems: [{ code, severity, message, start, end }] }` (offsets into the file's text).
 * `--fix` applies every fix (rounds until none is left) and writes the file back safely, as
 * normalize does (unchanged since it was read, its own bytes kept outside the fixes, never a
 * guessed encoding), and reports what is left. Exit 1 when a warning or an error is found (or a
 * file could not be read or written), else 0.
 *
 * The work per file is the core's {@link runLintJob}, run inline or by worker threads
 * (src/cli/pool.ts); results are printed in input order.
 */
import { runLintJob, type LintJob, type LintJobResult, type MessageArgs, type MessageId } from '../core/batch/lint';
import { isSkip } from '../core/batch/problems';
import { walkInputs } from '../core/batch/walk';
import type { RuleSettings, Severity } from '../core/lint';
import { nodeFs } from '../node/batchFs';
import { encodeText } from '../node/encode';
import { describeProblem, type Messages } from './messages';
import { WorkerPool } from './pool';

export interface LintRequest {
  readonly paths: readonly string[];
  readonly json: boolean;
  readonly fix: boolean;
  /** Worker threads; 1 lints in this thread. */
  readonly jobs?: number;
  /** The script the workers run (the CLI bundle); without it everything runs in this thread. */
  readonly script?: string;
  /** Rule code → severity or `off`, as `article.lint.rules`. */
  readonly rules?: RuleSettings;
}

export interface JsonProblem {
  readonly code: string;
  readonly severity: Severity;
  readonly message: string;
  readonly start: number;
  readonly end: number;
}

/** A problem's message in the CLI's language. */
export function problemMessage(messages: Messages, problem: { readonly message: MessageId; readonly args: MessageArgs[MessageId] }): string {
  const say = messages.lint[problem.message] as (...args: readonly unknown[]) => string;
  return say(...problem.args);
}

/** Files per message to a worker. */
const BATCH = 16;

export async function runLint(request: LintRequest, messages: Messages): Promise<number> {
  const rules = request.rules ?? {};
  const jobs = request.jobs ?? 1;
  const pool = jobs > 1 && request.script !== undefined ? new WorkerPool<LintJob, LintJobResult>(request.script, jobs, 'lint') : undefined;
  const inFlightLimit = Math.max(2, jobs * 2);
  const counts = { error: 0, warning: 0, info: 0 };
  let files = 0;
  let failed = 0;
  let firstJson = true;
  const paths = new Map<number, { path: string; named: boolean }>();
  const pending = new Map<number, LintJobResult>();
  let nextToEmit = 0;
  const running = new Set<Promise<void>>();

  const emit = (path: string, named: boolean, result: LintJobResult): void => {
    if (!result.ok) {
      if (!isSkip(result.problem) || named) failed++;
      process.stderr.write(`article: ${describeProblem(messages, { path, problem: result.problem, detail: result.detail })}\n`);
      return;
    }
    files++;
    if (result.fixed > 0) process.stderr.write(`${messages.lintFixed(path, result.fixed)}\n`);
    for (const problem of result.problems) counts[problem.severity]++;
    if (request.json) {
      const problems = result.problems.map((p): JsonProblem => ({ code: p.code, severity: p.severity, message: problemMessage(messages, p), start: p.start, end: p.end }));
      process.stdout.write(`${firstJson ? '' : ','}\n${JSON.stringify({ path, problems })}`);
      firstJson = false;
    } else if (result.problems.length > 0) {
      const lines = result.problems.map((p, i) => `${path}:${result.positions[i]![0]}:${result.positions[i]![1]}: ${messages.severity[p.severity]}: ${problemMessage(messages, p)} [${p.code}]`);
      process.stdout.write(lines.join('\n') + '\n');
    }
  };
  const emitReady = (): void => {
    for (let result = pending.get(nextToEmit); result; result = pending.get(nextToEmit)) {
      pending.delete(nextToEmit);
      const input = paths.get(nextToEmit)!;
      paths.delete(nextToEmit);
      nextToEmit++;
      emit(input.path, input.named, result);
    }
  };

  let seq = 0;
  let batch: LintJob[] = [];
  const dispatch = async (): Promise<void> => {
    if (batch.length === 0) return;
    const work = batch;
    batch = [];
    const task = (pool ? pool.run(work) : Promise.all(work.map((job) => runLintJob(nodeFs, job, encodeText)))).then((results) => {
      for (const result of results) pending.set(result.seq, result);
      emitReady();
    });
    running.add(task);
    void task.finally(() => running.delete(task));
    while (running.size >= inFlightLimit) await Promise.race(running);
  };

  if (request.json) process.stdout.write('[');
  try {
    for await (const event of walkInputs(nodeFs, request.paths)) {
      if (!event.file) {
        failed++;
        process.stderr.write(`article: ${describeProblem(messages, event.problem)}\n`);
        continue;
      }
      const input = event.file;
      paths.set(seq, { path: input.path, named: input.named });
      batch.push({ seq: seq++, path: input.path, named: input.named, fix: request.fix, rules });
      if (batch.length >= (pool ? BATCH : 1)) await dispatch();
    }
    await dispatch();
    await Promise.all(running);
  } finally {
    await pool?.close();
  }
  if (request.json) process.stdout.write(firstJson ? ']\n' : '\n]\n');
  process.stderr.write(messages.lintSummary(counts.error, counts.warning, counts.info, files) + '\n');
  return failed > 0 || counts.error > 0 || counts.warning > 0 ? 1 : 0;
}
