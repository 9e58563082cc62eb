/**
 * `article export`: the core's export job ({@link runExport}) over Node's file system, with the
 * reading and exporting done by a pool of worker threads in batches; results go in input order to
 * stdout or, with `--out`, one file per article. At most a few batches per worker are in flight,
 * so memory stays bounded however large the corpus.
 */
import { availableParallelism } from 'node:os';
import { runExport as runExportJobs, type ExportJob, type ExportJobResult } from '../core/batch/export';
import { nodeFs } from '../node/batchFs';
import type { ExportFormat, ExportOptions } from '../core/export';
import { describeProblem, printable, type Messages } from './messages';
import type { Output } from './output';
import { WorkerPool } from './pool';

export interface ExportRequest {
  readonly paths: readonly string[];
  readonly format: ExportFormat;
  readonly out: string | undefined;
  readonly overwrite: boolean;
  readonly jobs: number;
  readonly options: ExportOptions;
}

/** Files a worker gets at a time: fewer round trips between threads. */
const BATCH = 16;
/** Bytes of output gathered before one write to stdout: a few large writes rather than one per article. */
const WRITE_CHUNK = 256 * 1024;

/** White space at the end of a JSON output (its final line end), as bytes. */
function trimEndBytes(bytes: Uint8Array): Uint8Array {
  let end = bytes.length;
  while (end > 0 && (bytes[end - 1] === 0x0a || bytes[end - 1] === 0x0d || bytes[end - 1] === 0x20 || bytes[end - 1] === 0x09)) end--;
  return bytes.subarray(0, end);
}

/**
 * stdout in large writes: outputs (strings, or the UTF-8 bytes the workers send) are gathered
 * into chunks of about {@link WRITE_CHUNK} bytes; {@link flush} writes what is left.
 */
class Coalescer {
  private parts: Uint8Array[] = [];
  private size = 0;

  constructor(private readonly stdout: Output) {}

  async write(output: string | Uint8Array): Promise<void> {
    const bytes = typeof output === 'string' ? Buffer.from(output, 'utf8') : output;
    this.parts.push(bytes);
    this.size += bytes.length;
    if (this.size >= WRITE_CHUNK) await this.flush();
  }

  async flush(): Promise<void> {
    if (this.parts.length === 0) return;
    const chunk = this.parts.length === 1 ? this.parts[0]! : Buffer.concat(this.parts, this.size);
    this.parts = [];
    this.size = 0;
    await this.stdout.write(chunk);
  }
}

/** Runs the export; returns the exit code (0 all exported, 1 some failed, 2 refused before writing). */
export async function runExport(request: ExportRequest, script: string, messages: Messages, stdout: Output): Promise<number> {
  const { format, out } = request;
  const progress = process.stderr.isTTY === true;
  let single = false;
  if (request.paths.length === 1 && out === undefined) {
    try {
      single = (await nodeFs.stat(request.paths[0]!)).kind !== 'folder';
    } catch {
      single = true;
    }
  }
  const pool = request.jobs > 1 && !single ? new WorkerPool<ExportJob, ExportJobResult>(script, request.jobs, 'export') : undefined;
  const arrayJson = format === 'json' && out === undefined && !single;
  const clear = progress ? '\r\x1b[K' : '';
  const sink = new Coalescer(stdout);
  if (arrayJson) await sink.write('[\n');
  let summary;
  try {
    summary = await runExportJobs({
      fs: nodeFs,
      paths: request.paths,
      format,
      options: request.options,
      destination:
        out === undefined
          ? {
              kind: 'stream',
              write: async (output, index) => {
                const separator = index === 0 ? '' : arrayJson ? ',\n' : format === 'txt' || format === 'md' ? '\n' : '';
                if (separator !== '') await sink.write(separator);
                await sink.write(!arrayJson ? output : typeof output === 'string' ? output.trimEnd() : trimEndBytes(output));
              },
            }
          : { kind: 'folder', out, overwrite: request.overwrite },
      run: pool ? (jobs) => pool.run(jobs) : undefined,
      batchSize: pool ? BATCH : 1,
      inFlight: Math.max(2, request.jobs * 2),
      onProblem: (problem) => process.stderr.write(`${clear}article: ${describeProblem(messages, problem)}\n`),
      onProgress: progress ? (done, input) => process.stderr.write(`${clear}${messages.progress(done, printable(input.path))}`) : undefined,
      // A reader that went away (`| head`): stop between files.
      cancelled: () => stdout.closed,
    });
  } finally {
    await pool?.close();
  }
  await sink.flush();
  if (summary.refused) {
    const refused = summary.refused;
    const line = 'paths' in refused ? messages.collision(refused.paths[0]!, refused.paths[1]!) : messages.badOut(refused.path, refused.detail ?? refused.problem);
    process.stderr.write(`article: ${line}\n`);
    return 2;
  }
  if (arrayJson && summary.exported > 0) await stdout.write('\n]\n');
  else if (arrayJson) await stdout.write(']\n');
  if (progress) process.stderr.write(clear);
  const { exported, skipped, failed } = summary;
  // A stdout that went away ends the run with one line at most (said in src/cli.ts), no summary.
  if (stdout.closed) return failed > 0 ? 1 : 0;
  if (!single || failed + skipped > 0) process.stderr.write(messages.exportSummary(exported, skipped, failed) + '\n');
  return failed > 0 ? 1 : 0;
}

export function defaultJobs(): number {
  return Math.max(1, Math.min(availableParallelism(), 8));
}
