/**
 * Replacing a file in place, safely: through a symbolic link to its target, keeping its mode and
 * owner (the temporary file gets them before the rename), never a file with other hard links or
 * a read-only one, and only if the file is still exactly what was read (size, modification time,
 * identity and bytes) just before the rename. Otherwise it is left as it is, with the reason.
 */
import type { Encoding } from '../decode';
import { spliceEncodedAsync, type ByteSpliceEdit } from '../encode';
import { errorCode, type BatchFs, type FileInfo } from './fs';
import type { FileProblem } from './problems';
import type { ArticleFile } from './read';

/** Text to bytes in an encoding (the CLI: iconv-lite for GB18030; the extension: `vscode.workspace.encode`). */
export type Encode = (text: string, encoding: Encoding, bom: boolean) => Uint8Array | Promise<Uint8Array>;

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

function sameInfo(a: FileInfo, b: FileInfo): boolean {
  return a.kind === b.kind && a.size === b.size && a.mtimeMs === b.mtimeMs && a.id === b.id;
}

/** Whether a file may be replaced at all: the problem if not. */
export function replaceRefusal(info: FileInfo): FileProblem | undefined {
  if (info.kind !== 'file') return 'not-regular';
  if (info.readOnly) return 'read-only';
  if (info.nlink !== undefined && info.nlink > 1) return 'hard-link';
  return undefined;
}

export interface Replaced {
  readonly problem?: FileProblem;
  readonly detail?: string;
}

/**
 * Replaces the file at `path`, read as `bytes` when stat said `info`, with `data`.
 * `beforeCommit` runs after the temporary file is written and before the final check (tests use it
 * to change the file at the worst moment).
 */
export async function replaceFile(fs: BatchFs, path: string, info: FileInfo, bytes: Uint8Array, data: Uint8Array, beforeCommit?: () => Promise<void>): Promise<Replaced> {
  const refusal = replaceRefusal(info);
  if (refusal) return { problem: refusal };
  let target = path;
  if (info.symlink) {
    if (!fs.resolvesLinks) return { problem: 'symlink' };
    try {
      target = await fs.realPath(path);
    } catch (error) {
      return { problem: 'write', detail: errorCode(error) };
    }
  }
  let temp;
  try {
    temp = await fs.writeTemp(target, data, info);
  } catch (error) {
    const code = errorCode(error);
    return code === 'EOWNER' ? { problem: 'owner' } : { problem: 'write', detail: code };
  }
  try {
    await beforeCommit?.();
    let now: FileInfo;
    let current: Uint8Array;
    try {
      now = await fs.stat(target);
      current = await fs.readFile(target);
    } catch {
      await fs.discard(temp);
      return { problem: 'changed' };
    }
    if (!sameInfo(now, info) || !sameBytes(current, bytes)) {
      await fs.discard(temp);
      return { problem: 'changed' };
    }
    await fs.commit(temp);
    return {};
  } catch (error) {
    await fs.discard(temp);
    return { problem: 'write', detail: errorCode(error) };
  }
}

/**
 * Writes text edits into a file read as `read`, for every job that rewrites articles (normalize,
 * lint --fix): never where the encoding is only a guess; the edits spliced into the bytes read
 * ({@link spliceEncodedAsync}: every byte outside them kept, every character they hold that the
 * file holds written with its bytes there, only new characters through `encode`); refused when
 * that would not read back; then {@link replaceFile}.
 */
export async function replaceWithEdits(fs: BatchFs, path: string, read: ArticleFile, edits: readonly ByteSpliceEdit[], encode: Encode, beforeCommit?: () => Promise<void>): Promise<Replaced> {
  if (!read.certain) return { problem: 'guessed-encoding' };
  const spliced = await spliceEncodedAsync(read.bytes, read, edits, async (text) => encode(text, read.encoding, false));
  if (!spliced.ok) return { problem: 'unsafe', detail: spliced.problem };
  return replaceFile(fs, path, read.info, read.bytes, spliced.bytes, beforeCommit);
}

/** The one edit that turns `before` into `after`: what lies between their common start and end. */
export function differingSpan(before: string, after: string): ByteSpliceEdit {
  let start = 0;
  const shorter = Math.min(before.length, after.length);
  while (start < shorter && before.charCodeAt(start) === after.charCodeAt(start)) start++;
  let tail = 0;
  while (tail < shorter - start && before.charCodeAt(before.length - 1 - tail) === after.charCodeAt(after.length - 1 - tail)) tail++;
  // Never cut a surrogate pair in two.
  if (start > 0 && isHighSurrogate(before.charCodeAt(start - 1))) start--;
  if (tail > 0 && isLowSurrogate(before.charCodeAt(before.length - tail))) tail--;
  return { start, end: before.length - tail, text: after.slice(start, after.length - tail) };
}

const isHighSurrogate = (c: number): boolean => c >= 0xd800 && c <= 0xdbff;
const isLowSurrogate = (c: number): boolean => c >= 0xdc00 && c <= 0xdfff;
