/**
 * The small file-system interface the folder jobs run over. The core never touches a file itself:
 * the command line tool passes Node's `fs` (src/node/batchFs.ts), the extension
 * `vscode.workspace.fs` (src/features/batchFs.ts), the unit tests an in-memory one.
 *
 * Paths are strings in the adapter's own form (file paths for Node, URI paths for VS Code); the
 * core joins and splits them only through {@link BatchFs.join} and {@link BatchFs.dirname}.
 * Failures are thrown as errors carrying a `code` (`ENOENT`, `EACCES`, `ENOSPC`, …).
 */

export type EntryKind = 'file' | 'folder' | 'symlink' | 'other';

export interface FileInfo {
  /** What the path is once symbolic links are followed: a regular file, a folder, anything else (FIFO, device, socket). */
  readonly kind: 'file' | 'folder' | 'other';
  readonly size: number;
  readonly mtimeMs: number;
  /** The path itself is a symbolic link. */
  readonly symlink: boolean;
  /** Device and inode (`dev:ino`) where the adapter knows them: a file's identity, whatever its name. */
  readonly id?: string;
  /** Hard links to the file, where known. */
  readonly nlink?: number;
  /** Permission bits, owner and group, where known (kept when a file is replaced). */
  readonly mode?: number;
  readonly uid?: number;
  readonly gid?: number;
  /** Nobody may write it (no write bit at all, or the adapter's read-only flag). */
  readonly readOnly: boolean;
}

export interface DirEntry {
  readonly name: string;
  readonly kind: EntryKind;
}

/** A temporary file written next to its target, waiting to be renamed over it or removed. */
export interface TempFile {
  readonly path: string;
  readonly target: string;
}

export interface BatchFs {
  join(folder: string, name: string): string;
  dirname(path: string): string;
  basename(path: string): string;
  /** Follows symbolic links; `symlink` says whether the path itself is one. */
  stat(path: string): Promise<FileInfo>;
  readDir(folder: string): Promise<DirEntry[]>;
  readFile(path: string): Promise<Uint8Array>;
  /** The path with every symbolic link resolved (only where {@link resolvesLinks}; else the path as is). */
  realPath(path: string): Promise<string>;
  /**
   * Whether {@link realPath} resolves links. Node's does; `vscode.workspace.fs` has no such call,
   * so there links to folders are reported instead of followed, and linked files not replaced.
   */
  readonly resolvesLinks: boolean;
  mkdirp(folder: string): Promise<void>;
  /**
   * Writes `data` to a new temporary file named by {@link tempName} in `target`'s folder. With
   * `like`, the temporary file gets its mode, owner and group (so the rename keeps them).
   */
  writeTemp(target: string, data: Uint8Array | string, like?: FileInfo): Promise<TempFile>;
  /** Renames the temporary file over its target (atomic where the platform can). */
  commit(temp: TempFile): Promise<void>;
  /** Removes the temporary file; never throws. */
  discard(temp: TempFile): Promise<void>;
  remove(path: string): Promise<void>;
  /** Whether a process with this id runs (for stale temporary files); `undefined` when it cannot tell. */
  processAlive(pid: number): boolean | undefined;
  /** This process's id, written into temporary names. */
  readonly pid: number;
}

/** The error code an adapter's failure carries (`ENOENT`, …), or the error's text. */
export function errorCode(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code === 'string' && code !== '') return code;
  return error instanceof Error ? error.message : String(error);
}

/** An error with a `code`, as the adapters throw them. */
export function fsError(code: string, message = code): Error & { code: string } {
  return Object.assign(new Error(message), { code });
}

/**
 * Temporary files: `.NAME.article-tmp-PID-RAND`, hidden (so the folder walk never reads one) and
 * recognisable (so a later run can remove those a killed run left).
 */
export const TEMP_PATTERN = /^\.(.+)\.article-tmp-(\d+)-([0-9a-z]+)$/;

export function tempName(targetName: string, pid: number, random: string): string {
  return `.${targetName}.article-tmp-${pid}-${random}`;
}

/** The path relative to a root, `/`-separated, for messages and output names. */
export function joinRelative(parent: string, name: string): string {
  return parent === '' ? name : `${parent}/${name}`;
}
