/**
 * `mojibake`: text damaged by a wrong encoding. U+FFFD (the replacement character) is what a
 * GB18030/GBK file read as UTF-8 shows, and the file will be saved with it unless it is reopened
 * in its encoding. `锛` `銆` `鈥` are what UTF-8 punctuation (`，` `、`/`。` `“`/`”`) becomes when
 * it is read as GBK: text that was garbled before it was saved. No fix: the right text is not in
 * the file.
 */
import type { Finding, Rule } from './types';

const REPLACEMENT = /\uFFFD+/g;
/** UTF-8 punctuation read as GBK, and UTF-8 read as Latin-1 (`â€œ`, `Ã©`). */
const GARBLED = /[锛銆鈥]|â€|Ã[\u0080-\u00BF]/g;
/** Matches closer than this are one problem. */
const NEAR = 16;

function collect(source: string, pattern: RegExp, message: 'mojibake-replacement' | 'mojibake-garbled', out: Finding[]): void {
  let open: { start: number; end: number } | undefined;
  const flush = (): void => {
    if (open) out.push({ message, args: [], start: open.start, end: open.end });
    open = undefined;
  };
  pattern.lastIndex = 0;
  for (let m = pattern.exec(source); m; m = pattern.exec(source)) {
    const end = m.index + m[0].length;
    // One problem a line at most where matches come close together.
    if (open && m.index - open.end <= NEAR && !source.slice(open.end, m.index).includes('\n')) open.end = end;
    else {
      flush();
      open = { start: m.index, end };
    }
  }
  flush();
}

export const mojibake: Rule = {
  code: 'mojibake',
  severity: 'error',
  fixable: false,
  check({ source }) {
    const out: Finding[] = [];
    if (source.indexOf('\uFFFD') >= 0) collect(source, REPLACEMENT, 'mojibake-replacement', out);
    // A single rare character is not enough: garbled text has them everywhere.
    const garbled: Finding[] = [];
    collect(source, GARBLED, 'mojibake-garbled', garbled);
    if (garbled.length >= 2 || garbled.some((f) => f.end - f.start > 1)) out.push(...garbled);
    return out.sort((a, b) => a.start - b.start);
  },
};
