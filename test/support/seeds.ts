/** The repository's seed files, read as the extension and the CLI read them. */
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { decodeBytes } from '../../src/core/decode';

/** The repository root, found from the bundle's place (`out/test/...`) or the source's. */
export function repoRoot(): string {
  let dir = __dirname;
  for (let i = 0; i < 6; i++) {
    try {
      readFileSync(join(dir, 'package.json'));
      if (readdirSync(dir).includes('seeds')) return dir;
    } catch {
      // keep climbing
    }
    dir = resolve(dir, '..');
  }
  throw new Error('repository root not found from ' + __dirname);
}

export function seedNames(): string[] {
  return readdirSync(join(repoRoot(), 'seeds')).filter((name) => name.endsWith('.txt')).sort();
}

export function readSeed(name: string): string {
  const decoded = decodeBytes(readFileSync(join(repoRoot(), 'seeds', name)));
  if (!decoded.ok) throw new Error(`${name}: ${decoded.problem}`);
  return decoded.text;
}

export function seedPath(name: string): string {
  return join(repoRoot(), 'seeds', name);
}
