/**
 * `article export --from-jsonl FILE|-`: the mapper for distributed engines (Spark's `RDD.pipe`,
 * Hadoop Streaming). JSON records in, one per line; one output line per record out, in the same
 * order (the core's {@link exportRecordLines}). The input is read in blocks of whole lines that
 * the worker threads turn into output; at most a few blocks are in flight, and reading waits
 * while stdout does, so memory stays bounded on an endless stream.
 *
 * Error records are data, not failures: the exit status is 0 unless the input cannot be read
 * (engines fail a task on any other status). A reader that goes away (EPIPE) ends the run quietly.
 */
import { open } from 'node:fs/promises';
import { DEFAULT_MAX_BYTES } from '../core/decode';
import type { ExportOptions } from '../core/export';
import { errorRecord, exportRecordLines, type RecordProblem, type RecordRun, type RecordsResult } from '../core/batch/records';
import { errorCode } from '../core/batch/fs';
import { describeProblem, pickMessages, type Messages } from './messages';
import type { Output } from './output';
import { WorkerPool } from './pool';

export interface FromJsonlRequest {
  /** A file, or `-` for stdin. */
  readonly source: string;
  readonly jobs: number;
  readonly options: ExportOptions;
}

/** A block of whole input lines, as a worker gets it. */
export interface RecordJob {
  readonly bytes: Uint8Array;
  readonly options: ExportOptions;
}

/**
 * Input bytes a block gathers before it goes to a worker: small enough that a block's strings die
 * young in the worker (measured on 100,000 records, 152 MB: peak RSS 131 MB with 64 KB blocks, 142
 * MB with 128 KB, 151 MB with 256 KB, 195 MB with 512 KB), large enough to keep the messages few.
 */
const BLOCK_BYTES = 128 * 1024;
/**
 * The longest line read: the base64 of a file at the size limit, with room for its path. A longer
 * line is skipped as it streams by (never held whole) and answered with a `line-too-long` record.
 */
export const MAX_LINE_BYTES = Math.ceil(DEFAULT_MAX_BYTES / 3) * 4 + 1024 * 1024;

/** The message of an error record, in the CLI's words. */
export function describeRecordProblem(messages: Messages, path: string | null, problem: RecordProblem, detail?: string): string {
  switch (problem) {
    case 'bad-json':
      return messages.recordBadJson;
    case 'bad-record':
      return messages.recordBadFields;
    case 'bad-base64':
      return messages.recordBadBase64;
    case 'line-too-long':
      return messages.recordTooLong(`${Math.round(MAX_LINE_BYTES / (1024 * 1024))} MB`);
    case 'internal':
      return messages.recordInternal(detail ?? '');
    default:
      return describeProblem(messages, { path: path ?? '', problem, detail });
  }
}

let workerRun: RecordRun | undefined;

/** One block's work (in a worker thread, or in the main thread with `--jobs 1`). */
export function runRecordJob(job: RecordJob): RecordsResult {
  if (workerRun === undefined || workerRun.options !== job.options) {
    const messages = pickMessages();
    workerRun = {
      options: job.options,
      decodeBase64: (base64) => Buffer.from(base64, 'base64'),
      describe: (path, problem, detail) => describeRecordProblem(messages, path, problem, detail),
    };
  }
  return exportRecordLines(job.bytes, workerRun);
}

/** The `path` of an over-long line, if its start shows one. */
function pathOfHead(head: Uint8Array): string | null {
  const match = /^\s*\{\s*"path"\s*:\s*("(?:[^"\\]|\\.)*")/.exec(new TextDecoder().decode(head));
  if (!match) return null;
  try {
    return JSON.parse(match[1]!) as string;
  } catch {
    return null;
  }
}

/** The first `size` bytes of `parts`. */
function head(parts: readonly Uint8Array[], size: number): Uint8Array {
  const taken: Uint8Array[] = [];
  let total = 0;
  for (const part of parts) {
    if (total >= size) break;
    const piece = part.subarray(0, size - total);
    taken.push(piece);
    total += piece.length;
  }
  return concat(taken, total);
}

function concat(parts: readonly Uint8Array[], total: number): Uint8Array {
  const block = new Uint8Array(total);
  let at = 0;
  for (const part of parts) {
    block.set(part, at);
    at += part.length;
  }
  return block;
}

/** Runs the mapper; returns the exit code. */
export async function runFromJsonl(request: FromJsonlRequest, script: string, messages: Messages, stdout: Output): Promise<number> {
  let input: AsyncIterable<Buffer>;
  if (request.source === '-') {
    input = process.stdin;
  } else {
    try {
      const handle = await open(request.source, 'r');
      if ((await handle.stat()).isDirectory()) {
        await handle.close();
        process.stderr.write(`article: ${describeProblem(messages, { path: request.source, problem: 'folder' })}\n`);
        return 2;
      }
      // Chunks of a block's size: one chunk makes at most about one block.
      input = handle.createReadStream({ highWaterMark: BLOCK_BYTES });
    } catch (error) {
      const code = errorCode(error);
      const problem = code === 'ENOENT' ? 'missing' : 'unreadable';
      process.stderr.write(`article: ${describeProblem(messages, { path: request.source, problem, detail: code })}\n`);
      return 2;
    }
  }

  const pool = request.jobs > 1 ? new WorkerPool<RecordJob, RecordsResult>(script, request.jobs, 'mapper') : undefined;
  const window = Math.max(2, request.jobs * 2);
  /** Blocks in flight, in input order. */
  const queue: Promise<RecordsResult>[] = [];
  let exported = 0;
  let failed = 0;

  const writeHead = async (): Promise<void> => {
    const result = await queue.shift()!;
    exported += result.exported;
    failed += result.failed;
    await stdout.write(result.output);
  };

  let block: Uint8Array[] = [];
  let blockBytes = 0;
  const dispatch = async (): Promise<void> => {
    if (blockBytes === 0) return;
    const job: RecordJob = { bytes: concat(block, blockBytes), options: request.options };
    block = [];
    blockBytes = 0;
    queue.push(pool ? pool.run([job]).then((results) => results[0]!) : Promise.resolve(runRecordJob(job)));
    while (queue.length >= window) await writeHead();
  };

  /** The line being read, not yet ended by `\n`. */
  let line: Uint8Array[] = [];
  let lineBytes = 0;
  /** An over-long line being skipped: its first bytes, for its path. */
  let skipping: Uint8Array | undefined;
  const tooLong = async (head: Uint8Array): Promise<void> => {
    await dispatch();
    const path = pathOfHead(head);
    const output = errorRecord(path, 'line-too-long', describeRecordProblem(messages, path, 'line-too-long'));
    queue.push(Promise.resolve({ output, exported: 0, failed: 1 }));
  };

  let first = true;
  let readFailure: string | undefined;
  // A failure to read ends the input (and is reported); a failure of the work is not a read error.
  async function* chunks(): AsyncGenerator<Buffer> {
    try {
      for await (const chunk of input) yield chunk;
    } catch (error) {
      readFailure = errorCode(error);
    }
  }
  try {
    for await (const chunk of chunks()) {
      if (stdout.closed) break;
      let start = 0;
      if (first) {
        first = false;
        // A UTF-8 BOM at the start of the stream is not part of the first record.
        if (chunk.length >= 3 && chunk[0] === 0xef && chunk[1] === 0xbb && chunk[2] === 0xbf) start = 3;
      }
      if (skipping) {
        const end = chunk.indexOf(10, start);
        if (end < 0) continue;
        await tooLong(skipping);
        skipping = undefined;
        start = end + 1;
      }
      const last = chunk.lastIndexOf(10);
      if (last < start) {
        line.push(chunk.subarray(start));
        lineBytes += chunk.length - start;
        if (lineBytes > MAX_LINE_BYTES) {
          skipping = head(line, 64 * 1024);
          line = [];
          lineBytes = 0;
        }
        continue;
      }
      block.push(...line, chunk.subarray(start, last + 1));
      blockBytes += lineBytes + last + 1 - start;
      line = last + 1 < chunk.length ? [chunk.subarray(last + 1)] : [];
      lineBytes = chunk.length - last - 1;
      if (blockBytes >= BLOCK_BYTES) await dispatch();
    }
    if (!stdout.closed) {
      // The last line may lack its `\n`; after a read failure only whole lines count.
      if (readFailure === undefined && skipping) await tooLong(skipping);
      else if (readFailure === undefined && lineBytes > 0) {
        block.push(...line);
        blockBytes += lineBytes;
      }
      await dispatch();
    }
    while (queue.length > 0) await writeHead();
  } finally {
    await pool?.close();
  }
  if (readFailure !== undefined) {
    process.stderr.write(`article: ${describeProblem(messages, { path: request.source === '-' ? 'stdin' : request.source, problem: 'unreadable', detail: readFailure })}\n`);
    return 1;
  }
  if (stdout.closed) return 0;
  process.stderr.write(messages.recordsSummary(exported, failed) + '\n');
  return 0;
}
