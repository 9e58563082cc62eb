/**
 * The folder jobs' file-system interface over `vscode.workspace.fs`, so that Export Folder and
 * Normalize Folder work on any folder VS Code can open (local, remote, virtual). Paths are the
 * URI's path; every URI is made from the folder's own scheme and authority.
 *
 * What `vscode.workspace.fs` cannot do, the engine is told: it resolves no symbolic links (linked
 * folders are reported, linked files not replaced) and knows no inode, hard-link count or mode
 * (read-only is its `permissions` flag). Temporary files are written whole and renamed over the
 * target.
 *
 * A folder on this machine (`file:`, where a URI's path is the file's path) goes through the
 * command line tool's Node adapter instead: the same protections as the CLI (symbolic links
 * followed and written through, mode, owner and group kept, hard links refused, the unchanged
 * check by inode). ARCHITECTURE.md has features reach files through `vscode.workspace.fs` only;
 * that would cost a local user's files their modes and links, which "nothing lost" rules out.
 * That adapter is handed in by the Node entry (`useLocalFiles`); the web entry has none, so there
 * every folder, `file:` ones included, goes through `vscode.workspace.fs`.
 */
import * as vscode from 'vscode';
import { fsError, tempName, type BatchFs, type DirEntry, type FileInfo, type TempFile } from '../core/batch/fs';
import type { Encoding } from '../core/decode';
import { encodeUtf8 } from '../core/encode';

const CODES: Record<string, string> = {
  FileNotFound: 'ENOENT',
  FileExists: 'EEXIST',
  FileNotADirectory: 'ENOTDIR',
  FileIsADirectory: 'EISDIR',
  NoPermissions: 'EACCES',
  Unavailable: 'EUNAVAILABLE',
};

/** Runs a `vscode.workspace.fs` call, turning its FileSystemError into an error with a POSIX-like code. */
async function call<T>(run: () => Thenable<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (error instanceof vscode.FileSystemError) throw fsError(CODES[error.code] ?? error.code, error.message);
    throw error;
  }
}

function kindOf(type: vscode.FileType): DirEntry['kind'] {
  if (type & vscode.FileType.SymbolicLink) return 'symlink';
  if (type & vscode.FileType.Directory) return 'folder';
  if (type & vscode.FileType.File) return 'file';
  return 'other';
}

const pid = typeof process !== 'undefined' ? process.pid : 0;

/** Whether a `file:` URI's path is the file's path here (not on Windows: `/c:/…` against `c:\\…`). */
const posixFiles = typeof process !== 'undefined' && process.platform !== 'win32';

/** The Node adapter for folders of this machine, when the extension runs in Node (loaded on first use). */
let localFiles: (() => BatchFs) | undefined;

/** Makes `file:` folders go through `files()` (the Node entry passes the CLI's adapter); undone on dispose. */
export function useLocalFiles(files: () => BatchFs): vscode.Disposable {
  localFiles = files;
  return new vscode.Disposable(() => {
    if (localFiles === files) localFiles = undefined;
  });
}

export function workspaceFs(base: vscode.Uri): BatchFs {
  if (base.scheme === 'file' && posixFiles && localFiles) return localFiles();
  const uri = (path: string): vscode.Uri => base.with({ path });
  return {
    pid,
    resolvesLinks: false,
    join: (folder, name) => (folder.endsWith('/') ? folder + name : `${folder}/${name}`),
    dirname: (path) => {
      const at = path.lastIndexOf('/');
      return at <= 0 ? '/' : path.slice(0, at);
    },
    basename: (path) => path.slice(path.lastIndexOf('/') + 1),

    async stat(path): Promise<FileInfo> {
      const stat = await call(() => vscode.workspace.fs.stat(uri(path)));
      return {
        kind: stat.type & vscode.FileType.Directory ? 'folder' : stat.type & vscode.FileType.File ? 'file' : 'other',
        size: stat.size,
        mtimeMs: stat.mtime,
        symlink: (stat.type & vscode.FileType.SymbolicLink) !== 0,
        readOnly: ((stat.permissions ?? 0) & vscode.FilePermission.Readonly) !== 0,
      };
    },
    async readDir(folder) {
      const entries = await call(() => vscode.workspace.fs.readDirectory(uri(folder)));
      return entries.map(([name, type]) => ({ name, kind: kindOf(type) }));
    },
    readFile: (path) => call(() => vscode.workspace.fs.readFile(uri(path))),
    realPath: async (path) => path,
    mkdirp: (folder) => call(() => vscode.workspace.fs.createDirectory(uri(folder))),
    async writeTemp(target, data): Promise<TempFile> {
      const at = target.lastIndexOf('/');
      const path = `${target.slice(0, at)}/${tempName(target.slice(at + 1), pid, Math.random().toString(36).slice(2, 10))}`;
      const bytes = typeof data === 'string' ? new TextEncoder().encode(data) : data;
      try {
        await call(() => vscode.workspace.fs.writeFile(uri(path), bytes));
      } catch (error) {
        await vscode.workspace.fs.delete(uri(path)).then(undefined, () => undefined);
        throw error;
      }
      return { path, target };
    },
    commit: (temp) => call(() => vscode.workspace.fs.rename(uri(temp.path), uri(temp.target), { overwrite: true })),
    discard: async (temp) => {
      await vscode.workspace.fs.delete(uri(temp.path)).then(undefined, () => undefined);
    },
    remove: (path) => call(() => vscode.workspace.fs.delete(uri(path))),
    processAlive(other) {
      if (typeof process === 'undefined' || base.scheme !== 'file') return undefined;
      try {
        process.kill(other, 0);
        return true;
      } catch (error) {
        return (error as { code?: string }).code === 'ESRCH' ? false : undefined;
      }
    },
  };
}

/** Text to bytes in a file's own encoding: UTF-8 (BOM kept) by the platform, GB18030 by VS Code. */
export async function encodeForWorkspace(text: string, encoding: Encoding, bom: boolean): Promise<Uint8Array> {
  if (encoding === 'gb18030') return vscode.workspace.encode(text, { encoding: 'gb18030' });
  return encodeUtf8(text, bom);
}

/** The folder a command acts on: the one it was invoked on, else one the user picks (any scheme). */
export async function pickFolder(folder: vscode.Uri | undefined, title: string): Promise<vscode.Uri | undefined> {
  if (folder instanceof vscode.Uri) return folder;
  return (await vscode.window.showOpenDialog({ canSelectFolders: true, canSelectFiles: false, title }))?.[0];
}
