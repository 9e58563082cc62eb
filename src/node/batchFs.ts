/**
 * The folder jobs' file-system interface over Node's `fs`, for the command line tool (main thread
 * and worker threads). Synchronous calls behind the interface's promises: a worker's only work is
 * the file at hand, and the main thread's calls are short; on the main thread each file read
 * yields to the event loop once, so signals are handled between files.
 *
 * Temporary files are created exclusively (`wx`), with the replaced file's mode, owner and group,
 * flushed before they are renamed, and registered so that SIGINT/SIGTERM remove them
 * ({@link removeTempsOnSignals}).
 */
import { randomBytes } from 'node:crypto';
import {
  closeSync,
  fchmodSync,
  fchownSync,
  fstatSync,
  fsyncSync,
  lstatSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  realpathSync,
  renameSync,
  rmSync,
  statSync,
  unlinkSync,
  writeSync,
  type Stats,
} from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { isMainThread } from 'node:worker_threads';
import { fsError, tempName, type BatchFs, type DirEntry, type FileInfo, type TempFile } from '../core/batch/fs';

/** Temporary files of this thread not yet renamed or removed. */
const liveTemps = new Set<string>();

function infoOf(stats: Stats, symlink: boolean): FileInfo {
  return {
    kind: stats.isFile() ? 'file' : stats.isDirectory() ? 'folder' : 'other',
    size: stats.size,
    mtimeMs: stats.mtimeMs,
    symlink,
    id: `${stats.dev}:${stats.ino}`,
    nlink: stats.nlink,
    mode: stats.mode & 0o7777,
    uid: stats.uid,
    gid: stats.gid,
    readOnly: (stats.mode & 0o222) === 0,
  };
}

/** For the fault-injection tests: a pause after each temporary file is written (ARTICLE_TEST_PAUSE_MS). */
const testPause = Number(process.env.ARTICLE_TEST_PAUSE_MS ?? 0);

export const nodeFs: BatchFs = {
  pid: process.pid,
  resolvesLinks: true,
  join,
  dirname,
  basename,

  async stat(path: string): Promise<FileInfo> {
    const link = lstatSync(path);
    return link.isSymbolicLink() ? infoOf(statSync(path), true) : infoOf(link, false);
  },

  async readDir(folder: string): Promise<DirEntry[]> {
    return readdirSync(folder, { withFileTypes: true }).map((entry) => ({
      name: entry.name,
      kind: entry.isFile() ? 'file' : entry.isDirectory() ? 'folder' : entry.isSymbolicLink() ? 'symlink' : 'other',
    }));
  },

  async readFile(path: string): Promise<Uint8Array> {
    const bytes = readFileSync(path);
    // The main thread handles signals between files; a worker has nothing else to do.
    if (isMainThread) await new Promise<void>((resolve) => setImmediate(resolve));
    return bytes;
  },

  async realPath(path: string): Promise<string> {
    return realpathSync(path);
  },

  async mkdirp(folder: string): Promise<void> {
    mkdirSync(folder, { recursive: true });
  },

  async writeTemp(target: string, data: Uint8Array | string, like?: FileInfo): Promise<TempFile> {
    const path = join(dirname(target), tempName(basename(target), process.pid, randomBytes(4).toString('hex')));
    const fd = openSync(path, 'wx', 0o600);
    liveTemps.add(path);
    try {
      const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
      for (let done = 0; done < bytes.length; ) done += writeSync(fd, bytes, done, bytes.length - done);
      if (like?.mode !== undefined) fchmodSync(fd, like.mode);
      else fchmodSync(fd, 0o666 & ~process.umask());
      if (like?.uid !== undefined && like.gid !== undefined) {
        const own = fstatSync(fd);
        if (own.uid !== like.uid || own.gid !== like.gid) {
          try {
            fchownSync(fd, like.uid, like.gid);
          } catch {
            throw fsError('EOWNER');
          }
        }
      }
      fsyncSync(fd);
      closeSync(fd);
    } catch (error) {
      try {
        closeSync(fd);
      } catch {
        // closed already
      }
      rmSync(path, { force: true });
      liveTemps.delete(path);
      throw error;
    }
    if (testPause > 0) await new Promise((resolve) => setTimeout(resolve, testPause));
    return { path, target };
  },

  async commit(temp: TempFile): Promise<void> {
    renameSync(temp.path, temp.target);
    liveTemps.delete(temp.path);
  },

  async discard(temp: TempFile): Promise<void> {
    rmSync(temp.path, { force: true });
    liveTemps.delete(temp.path);
  },

  async remove(path: string): Promise<void> {
    unlinkSync(path);
  },

  processAlive(pid: number): boolean | undefined {
    try {
      process.kill(pid, 0);
      return true;
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      return code === 'ESRCH' ? false : code === 'EPERM' ? true : undefined;
    }
  },
};

/** On SIGINT and SIGTERM: remove this process's temporary files, then end as the signal would. */
export function removeTempsOnSignals(): void {
  for (const [signal, code] of [['SIGINT', 130], ['SIGTERM', 143], ['SIGHUP', 129]] as const) {
    process.once(signal, () => {
      for (const path of liveTemps) {
        try {
          unlinkSync(path);
        } catch {
          // gone already
        }
      }
      liveTemps.clear();
      process.exit(code);
    });
  }
}
