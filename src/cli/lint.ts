/**
 * `article lint PATHS... [--json] [--fix] [--jobs N]`: the lint's problems of files and of the
 * `.txt` articles in folders (walked recursively; files found in folders that are not articles are
 * skipped, files named are linted as asked). One line a problem,
 * `path:line:column: severity: message [code]`, or with `--json` an array of
 * `{ path, problems: [{ code, severity, message, start, end }] }` (offsets into the file's text).
 * `--fix` applies every fix (rounds until none is left), writes the file atomically in its own
 * encoding, and reports what is left. Exit 1 when a warning or an error is found (or a file could
 * not be read or written), else 0.
 *
 * The work per file is {@link lintFile}, synchronous, run inline or by worker threads (the CLI's
 * own script, started with `workerData.articleLintWorker`); results are printed in input order.
 * Written on the current file helpers (inputFiles, readTextFileSync, writeFileAtomicSync) and a
 * pool like the export's: the batch engine takes it over as one more job kind. A file changed
 * between its read and the write is the engine's business (it re-reads before writing); here the
 * read text is what gets fixed.
 */
import { parentPort, Worker } from 'node:worker_threads';
import { fixAll, lintArticle, type MessageArgs, type MessageId, type Problem, type RuleSettings, type Severity } from '../core/lint';
import { parseArticle } from '../core/parse';
import { encodeText, inputFiles, readTextFileSync, writeFileAtomicSync } from '../node/files';
import { describeProblem, type Messages } from './messages';

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

interface LintJob {
  readonly seq: number;
  readonly path: string;
  readonly named: boolean;
  readonly fix: boolean;
  readonly rules: RuleSettings;
}

/** A problem as it crosses to the main thread: no fix, a message id and its arguments. */
type FoundProblem = Pick<Problem, 'code' | 'severity' | 'start' | 'end' | 'message' | 'args'>;

type LintResult =
  | {
      readonly seq: number;
      readonly ok: true;
      readonly problems: FoundProblem[];
      /** 1-based line and column (UTF-16 code units) of each problem's start. */
      readonly positions: [number, number][];
      /** Problems fixed (and the file written), 0 when nothing was. */
      readonly fixed: number;
    }
  | { readonly seq: number; readonly ok: false; readonly problem: string; readonly detail?: string };

/** A problem's message in the CLI's language. */
export function problemMessage(messages: Messages, problem: { readonly message: MessageId; readonly args: MessageArgs[MessageId] }): string {
  const say = messages.lint[problem.message] as (...args: readonly unknown[]) => string;
  return say(...problem.args);
}

/** 1-based line and column (UTF-16 code units) of sorted offsets, in one pass over the text. */
function positions(text: string, offsets: readonly number[]): [number, number][] {
  const out: [number, number][] = [];
  let line = 1;
  let lineStart = 0;
  for (const offset of offsets) {
    for (let nl = text.indexOf('\n', lineStart); nl >= 0 && nl < offset; nl = text.indexOf('\n', lineStart)) {
      line++;
      lineStart = nl + 1;
    }
    out.push([line, offset - lineStart + 1]);
  }
  return out;
}

/** One file: read, lint, maybe fix and write. Never throws for the file's sake. */
export function lintFile(job: LintJob): LintResult {
  const read = readTextFileSync(job.path, !job.named);
  if (!read.ok) return { seq: job.seq, ok: false, problem: read.problem, ...(read.detail !== undefined ? { detail: read.detail } : {}) };
  let text = read.text;
  let problems = lintArticle(parseArticle(text), job.rules);
  let fixed = 0;
  if (job.fix && problems.some((p) => p.fix !== undefined)) {
    const after = fixAll(text, parseArticle, job.rules);
    if (after !== text) {
      try {
        writeFileAtomicSync(job.path, encodeText(after, read.encoding, read.bom));
      } catch (error) {
        return { seq: job.seq, ok: false, problem: 'write', detail: (error as NodeJS.ErrnoException).code ?? String(error) };
      }
      const before = problems.length;
      text = after;
      problems = lintArticle(parseArticle(text), job.rules);
      fixed = Math.max(1, before - problems.length);
    }
  }
  return {
    seq: job.seq,
    ok: true,
    problems: problems.map(({ code, severity, start, end, message, args }) => ({ code, severity, start, end, message, args }) as FoundProblem),
    positions: positions(text, problems.map((p) => p.start)),
    fixed,
  };
}

/** The worker's side: batches of jobs in, their results out. */
export function runLintWorker(): void {
  parentPort!.on('message', (jobs: LintJob[]) => parentPort!.postMessage(jobs.map(lintFile)));
}

/** Files per message to a worker. */
const BATCH = 16;

class Pool {
  private readonly idle: Worker[] = [];
  private readonly waiting: ((worker: Worker) => void)[] = [];
  private readonly all: Worker[] = [];

  constructor(script: string, size: number) {
    for (let i = 0; i < size; i++) {
      const worker = new Worker(script, { workerData: { articleLintWorker: true }, resourceLimits: { maxYoungGenerationSizeMb: 8 } });
      worker.unref();
      this.all.push(worker);
      this.idle.push(worker);
    }
  }

  async run(jobs: readonly LintJob[]): Promise<LintResult[]> {
    const worker = this.idle.pop() ?? (await new Promise<Worker>((resolveWorker) => this.waiting.push(resolveWorker)));
    try {
      return await new Promise<LintResult[]>((resolveResult, reject) => {
        const onError = (error: Error): void => reject(error);
        worker.once('error', onError);
        worker.once('message', (results: LintResult[]) => {
          worker.off('error', onError);
          resolveResult(results);
        });
        worker.postMessage(jobs);
      });
    } finally {
      const next = this.waiting.shift();
      if (next) next(worker);
      else this.idle.push(worker);
    }
  }

  async close(): Promise<void> {
    await Promise.all(this.all.map((worker) => worker.terminate()));
  }
}

export async function runLint(request: LintRequest, messages: Messages): Promise<number> {
  const rules = request.rules ?? {};
  const jobs = request.jobs ?? 1;
  const pool = jobs > 1 && request.script !== undefined ? new Pool(request.script, jobs) : undefined;
  const inFlightLimit = Math.max(2, jobs * 2);
  const counts = { error: 0, warning: 0, info: 0 };
  let files = 0;
  let failed = 0;
  let firstJson = true;
  const paths = new Map<number, { path: string; named: boolean }>();
  const pending = new Map<number, LintResult>();
  let nextToEmit = 0;
  const running = new Set<Promise<void>>();

  const emit = (path: string, named: boolean, result: LintResult): void => {
    if (!result.ok) {
      if (result.problem !== 'not-article' || named) failed++;
      process.stderr.write(`article: ${describeProblem(messages, path, result.problem, result.detail)}\n`);
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
    const task = (pool ? pool.run(work) : Promise.resolve(work.map(lintFile))).then((results) => {
      for (const result of results) pending.set(result.seq, result);
      emitReady();
    });
    running.add(task);
    void task.finally(() => running.delete(task));
    while (running.size >= inFlightLimit) await Promise.race(running);
  };

  if (request.json) process.stdout.write('[');
  try {
    for await (const input of inputFiles(request.paths)) {
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
