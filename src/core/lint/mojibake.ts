/**
 * `mojibake`: text damaged by a wrong encoding. U+FFFD (the replacement character) is what a
 * GB18030/GBK file read as UTF-8 shows, and the file will be saved with it unless it is reopened
 * in its encoding. `锛` `銆` `鈥` are what UTF-8 punctuation (`，` `、`/`。` `“`/`”`) becomes when
 * it is read as GBK: text that was garbled before it was saved. No fix: the right text is not in
 * the file.
 */
import { NextChar } from './scan';
import type { Finding, Rule } from './types';

const REPLACEMENT = '\uFFFD';
/** UTF-8 punctuation read as GBK: `，` → `锛`, `、`/`。` → `銆`, `“`/`”`/`—` → `鈥`. */
const GARBLED = '锛銆鈥';
/** Marks closer than this on one line are one problem. */
const NEAR = 16;

function collect(source: string, chars: string, message: 'mojibake-replacement' | 'mojibake-garbled', out: Finding[]): void {
  const next = new NextChar(source, chars);
  let open: { start: number; end: number } | undefined;
  const flush = (): void => {
    if (open) out.push({ message, args: [], start: open.start, end: open.end });
    open = undefined;
  };
  for (let at = next.within(0, source.length); at >= 0; at = next.within(at + 1, source.length)) {
    if (open && at - open.end <= NEAR && !source.slice(open.end, at).includes('\n')) open.end = at + 1;
    else {
      flush();
      open = { start: at, end: at + 1 };
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
    collect(source, REPLACEMENT, 'mojibake-replacement', out);
    // A single rare character is not enough: garbled text has them everywhere.
    const garbled: Finding[] = [];
    collect(source, GARBLED, 'mojibake-garbled', garbled);
    if (garbled.length >= 2 || garbled.some((f) => f.end - f.start > 1)) out.push(...garbled);
    return out.sort((a, b) => a.start - b.start);
  },
};
