/** Removing the temporary files that killed runs left behind (their process is gone). */
import { TEMP_PATTERN, type BatchFs } from './fs';

export async function cleanStaleTemps(fs: BatchFs, folder: string): Promise<number> {
  let removed = 0;
  let entries;
  try {
    entries = await fs.readDir(folder);
  } catch {
    return 0;
  }
  for (const entry of entries) {
    const match = TEMP_PATTERN.exec(entry.name);
    if (!match || entry.kind !== 'file') continue;
    const pid = Number(match[2]);
    if (pid === fs.pid || fs.processAlive(pid) !== false) continue;
    try {
      await fs.remove(fs.join(folder, entry.name));
      removed++;
    } catch {
      // Someone else's, or gone already.
    }
  }
  return removed;
}

/** Cleans each folder once per run. */
export class TempCleaner {
  private readonly done = new Set<string>();
  constructor(private readonly fs: BatchFs) {}

  async clean(folder: string): Promise<void> {
    if (this.done.has(folder)) return;
    this.done.add(folder);
    await cleanStaleTemps(this.fs, folder);
  }
}
