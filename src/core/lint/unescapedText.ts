/**
 * `unescaped-text`: `&`, `<`, `>` in a paragraph's text that are not markup (variant F: the
 * scrapers wrote `get_text()` without escaping). An HTML reader may take `<b时` or `<注>` for a
 * tag and lose the text. Fix: escape them (`&amp;`, `&lt;`, `&gt;`); the clean text stays the same.
 */
import { realTagEnd } from '../text';
import { entityEnd, NextChar } from './scan';
import type { Finding, LintEdit, Rule } from './types';

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;' };
/** A stray `<` and a stray `>` this close on one line are one piece of text (`<注>`, `<<书名>>`). */
const PAIR_REACH = 40;

export const unescapedText: Rule = {
  code: 'unescaped-text',
  severity: 'warning',
  fixable: true,
  check({ article, source, paragraphs }) {
    if (article.layout !== 'html') return [];
    const out: Finding[] = [];
    const special = new NextChar(source, '<>&');
    const gt = new NextChar(source, '>');
    for (const block of paragraphs) {
      const to = block.textEnd;
      // A verbatim text holds no `<` or `&` (the parser says so): only `>` is left to look for.
      const next = block.verbatim ? gt : special;
      const strays: number[] = [];
      for (let i = next.within(block.textStart, to); i >= 0; i = next.within(i, to)) {
        const c = source.charCodeAt(i);
        if (c === 0x3c) {
          const end = realTagEnd(source, i);
          if (end > 0 && end <= to) {
            i = end;
            continue;
          }
        } else if (c === 0x26) {
          const end = entityEnd(source, i);
          if (end > 0 && end <= to) {
            i = end;
            continue;
          }
        }
        strays.push(i);
        i++;
      }
      for (let k = 0; k < strays.length; k++) {
        const at = strays[k]!;
        let last = k;
        if (source.charCodeAt(at) === 0x3c) {
          // Take in every stray up to the last stray `>` within reach on the same line.
          for (let m = k + 1; m < strays.length; m++) {
            const next = strays[m]!;
            if (next - at > PAIR_REACH || source.slice(at, next).includes('\n')) break;
            if (source.charCodeAt(next) === 0x3e) last = m;
          }
        }
        const end = strays[last]! + 1;
        const fix: LintEdit[] = [];
        for (let m = k; m <= last; m++) fix.push({ start: strays[m]!, end: strays[m]! + 1, text: ESCAPES[source[strays[m]!]!]! });
        const text = source.slice(at, end);
        let escaped = '';
        let from = at;
        for (const edit of fix) {
          escaped += source.slice(from, edit.start) + edit.text;
          from = edit.end;
        }
        escaped += source.slice(from, end);
        out.push({ message: 'unescaped-text', args: [text, escaped], start: at, end, fix });
        k = last;
      }
    }
    return out;
  },
};
