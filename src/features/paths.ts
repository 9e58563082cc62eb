/**
 * The last segment of a URI's path and its extension, for messages and file names. `node:path`
 * is not there in VS Code for the Web, and a URI's path is always `/`-separated whatever the host.
 */

/** `a/b/c.txt` → `c.txt`; with `suffix` given and matching (`.txt`), it is cut off: `c`. */
export function pathBasename(path: string, suffix?: string): string {
  const trimmed = path.length > 1 && path.endsWith('/') ? path.slice(0, -1) : path;
  const name = trimmed.slice(trimmed.lastIndexOf('/') + 1);
  return suffix && name !== suffix && name.endsWith(suffix) ? name.slice(0, name.length - suffix.length) : name;
}

/** `c.txt` → `.txt`; `c` and `.hidden` → `''` (as `node:path` `extname`). */
export function pathExtname(path: string): string {
  const name = pathBasename(path);
  const dot = name.lastIndexOf('.');
  return dot <= 0 ? '' : name.slice(dot);
}
