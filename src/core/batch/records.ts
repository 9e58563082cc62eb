/**
 * The mapper's work (`article export --from-jsonl`): JSON Lines in, one export record per input
 * record out, in the same order. An input record is `{"path": "...", "text": "..."}` or
 * `{"path": "...", "base64": "..."}` (the file's raw bytes, decoded as files are: UTF-8 or GB18030,
 * binary refused); the output is the JSONL export record of FORMAT.md, or
 * `{"path": ..., "error": CODE, "message": TEXT}` for a record that cannot be exported. A line
 * that is blank (only white space) is no record and gets no output. Nothing here throws: every
 * failure becomes an error record.
 *
 * Pure: the caller gives the base64 decoder (Node's `Buffer` is many times faster than anything
 * written here) and the wording of the messages.
 */
import { decodeBytes, DEFAULT_MAX_BYTES, type DecodeProblem } from '../decode';
import { isArticleText } from '../detect';
import { exportArticle, type ExportOptions } from '../export';
import { parseArticle } from '../parse';

/**
 * Why a record gives no export: the reader's problems (`empty`, `binary`, `encoding`, `too-large`,
 * `truncated`, `not-article`), and the record's own: `bad-json` (not JSON, or not UTF-8),
 * `bad-record` (not an object with a string `path` and exactly one of a string `text` or
 * `base64`), `bad-base64`, `line-too-long` (longer than the mapper reads), `internal` (a bug).
 */
export type RecordProblem = DecodeProblem | 'not-article' | 'bad-json' | 'bad-record' | 'bad-base64' | 'line-too-long' | 'internal';

export interface RecordRun {
  readonly options: ExportOptions;
  /** Raw bytes of a base64 string (standard or URL-safe alphabet, padded or not). */
  readonly decodeBase64: (base64: string) => Uint8Array;
  /** The human-readable message of an error record. */
  readonly describe: (path: string | null, problem: RecordProblem, detail?: string) => string;
  /** Bytes an article may have (base64 records) or UTF-16 units (text records); default 64 MB as for files. */
  readonly maxBytes?: number;
}

export interface RecordsResult {
  /** The output lines, each ending in `\n`. */
  readonly output: string;
  readonly exported: number;
  readonly failed: number;
}

/** The error record of a record that cannot be exported: one JSON line. */
export function errorRecord(path: string | null, problem: RecordProblem, message: string): string {
  return JSON.stringify({ path, error: problem, message }) + '\n';
}

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

type Outcome = { readonly ok: true; readonly text: string } | { readonly ok: false; readonly problem: RecordProblem; readonly detail?: string };

/** Is a base64 string's length what its decoded bytes imply? Decoders skip characters outside the alphabet; this catches them. */
function base64Intact(base64: string, bytes: number): boolean {
  let end = base64.length;
  while (end > 0 && base64.charCodeAt(end - 1) === 0x3d /* = */) end--;
  if (base64.length - end > 2 || end % 4 === 1) return false;
  if (base64.length !== end && base64.length % 4 !== 0) return false;
  return bytes === Math.floor((end * 3) / 4);
}

function textOf(record: { text?: unknown; base64?: unknown }, run: RecordRun): Outcome {
  const maxBytes = run.maxBytes ?? DEFAULT_MAX_BYTES;
  const hasText = typeof record.text === 'string';
  const hasBase64 = typeof record.base64 === 'string';
  if (hasText === hasBase64 || (!hasText && record.text !== undefined) || (!hasBase64 && record.base64 !== undefined)) return { ok: false, problem: 'bad-record' };
  if (hasBase64) {
    const base64 = record.base64 as string;
    // A quick refusal before decoding: 4 characters make 3 bytes.
    if (base64.length > Math.ceil(maxBytes / 3) * 4 + 4) return { ok: false, problem: 'too-large', detail: String(maxBytes) };
    const bytes = run.decodeBase64(base64);
    // Line breaks and spaces (MIME's 76-character lines) are allowed; anything else outside the alphabet is not.
    if (!base64Intact(base64, bytes.length) && !(/\s/.test(base64) && base64Intact(base64.replace(/\s+/g, ''), bytes.length))) return { ok: false, problem: 'bad-base64' };
    const decoded = decodeBytes(bytes, maxBytes);
    if (!decoded.ok) return { ok: false, problem: decoded.problem, detail: decoded.problem === 'too-large' ? String(maxBytes) : undefined };
    return { ok: true, text: decoded.text };
  }
  let text = record.text as string;
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  if (text.length > maxBytes) return { ok: false, problem: 'too-large', detail: String(maxBytes) };
  if (text.length === 0) return { ok: false, problem: 'empty' };
  if (text.includes('\0')) return { ok: false, problem: 'binary' };
  return { ok: true, text };
}

function isBlank(line: string): boolean {
  return line.trim() === '';
}

/**
 * One line of input (without its `\n`; a `\r` before it is allowed): its output line, or
 * `undefined` for a blank line.
 */
export function exportRecordLine(line: string, run: RecordRun): { readonly output: string; readonly ok: boolean } | undefined {
  if (isBlank(line)) return undefined;
  let path: string | null = null;
  const fail = (problem: RecordProblem, detail?: string): { output: string; ok: boolean } => ({
    output: errorRecord(path, problem, run.describe(path, problem, detail)),
    ok: false,
  });
  try {
    let record: unknown;
    try {
      record = JSON.parse(line);
    } catch {
      return fail('bad-json');
    }
    if (typeof record !== 'object' || record === null || Array.isArray(record)) return fail('bad-record');
    const fields = record as { path?: unknown; text?: unknown; base64?: unknown };
    if (typeof fields.path !== 'string') return fail('bad-record');
    path = fields.path;
    const outcome = textOf(fields, run);
    if (!outcome.ok) return fail(outcome.problem, outcome.detail);
    if (!isArticleText(outcome.text)) return fail('not-article');
    return { output: exportArticle(parseArticle(outcome.text), path, 'jsonl', run.options), ok: true };
  } catch (error) {
    return fail('internal', error instanceof Error ? error.message : String(error));
  }
}

/**
 * A block of whole lines of input (UTF-8, each ending in `\n` except perhaps the last): the output
 * lines of its records, in order.
 */
export function exportRecordLines(bytes: Uint8Array, run: RecordRun): RecordsResult {
  /** The lines; `undefined` for one that is not UTF-8. */
  let lines: (string | undefined)[];
  try {
    lines = utf8.decode(bytes).split('\n');
  } catch {
    // Some line is not UTF-8: decode line by line, so that only it becomes an error record.
    lines = [];
    for (let start = 0; start <= bytes.length; ) {
      let end = bytes.indexOf(10, start);
      if (end < 0) end = bytes.length;
      try {
        lines.push(utf8.decode(bytes.subarray(start, end)));
      } catch {
        lines.push(undefined);
      }
      start = end + 1;
    }
  }
  // The text after the last `\n` is a line only if it is not empty.
  if (lines.length > 0 && lines[lines.length - 1] === '') lines.pop();
  let output = '';
  let exported = 0;
  let failed = 0;
  for (const line of lines) {
    const result = line === undefined ? { output: errorRecord(null, 'bad-json', run.describe(null, 'bad-json')), ok: false } : exportRecordLine(line, run);
    if (result === undefined) continue;
    output += result.output;
    if (result.ok) exported++;
    else failed++;
  }
  return { output, exported, failed };
}
