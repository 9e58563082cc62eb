/**
 * An in-memory {@link BatchFs} for the engine's unit tests, shaped like `vscode.workspace.fs`: no
 * inodes, no link resolution. Folders exist implicitly above every file; `unreadable` folders
 * fail to list, `links` are symbolic links (reported, not followed).
 */
import { fsError, tempName, type BatchFs, type DirEntry, type FileInfo, type TempFile } from '../../src/core/batch/fs';

export interface MemoryFile {
  data: Uint8Array;
  mtime: number;
  readOnly?: boolean;
}

export class MemoryFs implements BatchFs {
  readonly files = new Map<string, MemoryFile>();
  readonly folders = new Set<string>(['/']);
  readonly unreadable = new Set<string>();
  readonly links = new Map<string, string>();
  readonly pid = 4242;
  readonly resolvesLinks = false;
  private clock = 1;
  private random = 0;

  write(path: string, data: string | Uint8Array, readOnly = false): void {
    this.files.set(path, { data: typeof data === 'string' ? new TextEncoder().encode(data) : data, mtime: this.clock++, readOnly });
    for (let folder = this.dirname(path); !this.folders.has(folder); folder = this.dirname(folder)) this.folders.add(folder);
  }

  text(path: string): string {
    return new TextDecoder().decode(this.files.get(path)!.data);
  }

  join(folder: string, name: string): string {
    return folder.endsWith('/') ? folder + name : `${folder}/${name}`;
  }

  dirname(path: string): string {
    const at = path.lastIndexOf('/');
    return at <= 0 ? '/' : path.slice(0, at);
  }

  basename(path: string): string {
    return path.slice(path.lastIndexOf('/') + 1);
  }

  async stat(path: string): Promise<FileInfo> {
    const symlink = this.links.has(path);
    const real = this.links.get(path) ?? path;
    const file = this.files.get(real);
    if (file) return { kind: 'file', size: file.data.length, mtimeMs: file.mtime, symlink, readOnly: file.readOnly === true };
    if (this.folders.has(real)) return { kind: 'folder', size: 0, mtimeMs: 0, symlink, readOnly: false };
    throw fsError('ENOENT');
  }

  async readDir(folder: string): Promise<DirEntry[]> {
    if (this.unreadable.has(folder)) throw fsError('EACCES');
    if (!this.folders.has(folder)) throw fsError('ENOENT');
    const names = new Map<string, DirEntry['kind']>();
    const prefix = folder === '/' ? '/' : folder + '/';
    for (const path of [...this.files.keys(), ...this.folders, ...this.links.keys()]) {
      if (!path.startsWith(prefix) || path === folder) continue;
      const rest = path.slice(prefix.length);
      const name = rest.split('/')[0]!;
      const child = prefix + name;
      names.set(name, this.links.has(child) ? 'symlink' : this.files.has(child) ? 'file' : 'folder');
    }
    return [...names].map(([name, kind]) => ({ name, kind }));
  }

  async readFile(path: string): Promise<Uint8Array> {
    const file = this.files.get(this.links.get(path) ?? path);
    if (!file) throw fsError('ENOENT');
    return file.data;
  }

  async realPath(path: string): Promise<string> {
    return path;
  }

  async mkdirp(folder: string): Promise<void> {
    if (this.files.has(folder)) throw fsError('EEXIST');
    for (let at = folder; !this.folders.has(at); at = this.dirname(at)) this.folders.add(at);
  }

  async writeTemp(target: string, data: Uint8Array | string): Promise<TempFile> {
    const path = this.join(this.dirname(target), tempName(this.basename(target), this.pid, String(this.random++)));
    this.write(path, data);
    return { path, target };
  }

  async commit(temp: TempFile): Promise<void> {
    const file = this.files.get(temp.path)!;
    this.files.delete(temp.path);
    this.files.set(temp.target, { ...file, mtime: this.clock++ });
  }

  async discard(temp: TempFile): Promise<void> {
    this.files.delete(temp.path);
  }

  async remove(path: string): Promise<void> {
    this.files.delete(path);
  }

  processAlive(pid: number): boolean {
    return pid === this.pid;
  }
}
