/**
 * `broken-paragraph`: a line break inside a paragraph's text that came from the page's markup
 * (variant G; in plain text, a continuation line). Readers join it, so it only breaks search,
 * diffs and the text editor's view. Fix: join it the way the clean text does (nothing next to a
 * CJK character, one space between Latin words). Breaks next to a `<br>` or at the text's ends are
 * the markup's own layout and are left alone.
 */
import { joinFor, NextChar, shownAt, shownBefore } from './scan';
import type { Finding, Rule } from './types';

const NEWLINE_RUN = /[ \t]*(?:\r\n|\r|\n)[ \t\r\n]*/y;

export const brokenParagraph: Rule = {
  code: 'broken-paragraph',
  severity: 'warning',
  fixable: true,
  check({ article, source, paragraphs }) {
    const html = article.layout === 'html';
    const out: Finding[] = [];
    const newline = new NextChar(source, '\r\n');
    for (const block of paragraphs) {
      if (block.verbatim) continue; // a verbatim text has no line break
      const { textStart, textEnd } = block;
      for (let i = newline.within(textStart, textEnd); i >= 0; i = newline.within(i, textEnd)) {
        // The whole run of white space around the line end.
        let a = i;
        while (a > textStart && (source.charCodeAt(a - 1) === 0x20 || source.charCodeAt(a - 1) === 0x09)) a--;
        NEWLINE_RUN.lastIndex = a;
        NEWLINE_RUN.test(source);
        const b = Math.min(NEWLINE_RUN.lastIndex, textEnd);
        i = b;
        if (a === textStart || b === textEnd) continue;
        const before = shownBefore(source, a, textStart, html);
        const after = shownAt(source, b, textEnd, html);
        if (before < 0 || after < 0) continue;
        const start = a - 1;
        const end = b + 1;
        out.push({ message: 'broken-paragraph', args: [], start, end, fix: [{ start: a, end: b, text: joinFor(before, after) }] });
      }
    }
    return out;
  },
};
