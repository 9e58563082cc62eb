/**
 * `other-indent`: a paragraph indented with em or en spaces (U+2003/U+2002, all of news.cn),
 * no-break spaces (`&nbsp;`, U+00A0) or ASCII spaces instead of the ideographic `　　` (U+3000)
 * every other paragraph has. Readers and exports then disagree on where the text starts. Fix:
 * the canonical `　　`. An indent of ideographic spaces alone, however many, is left as it is.
 */
import { entityCode } from './scan';
import type { Finding, Rule } from './types';

const INDENT_ENTITY = /&(?:nbsp|emsp|ensp|thinsp|#160|#xa0|#8194|#8195|#x2002|#x2003|#12288|#x3000);/iy;

function isIndentChar(c: number): boolean {
  return c === 0x3000 || c === 0x2003 || c === 0x2002 || c === 0x2009 || c === 0xa0 || c === 0x20 || c === 0x09;
}

function describe(codes: number[]): string {
  const parts: string[] = [];
  for (let i = 0; i < codes.length; ) {
    let j = i;
    while (j < codes.length && codes[j] === codes[i]) j++;
    const hex = codes[i]!.toString(16).toUpperCase().padStart(4, '0');
    parts.push(j - i > 1 ? `U+${hex}×${j - i}` : `U+${hex}`);
    i = j;
  }
  return parts.join(' ');
}

export const otherIndent: Rule = {
  code: 'other-indent',
  severity: 'warning',
  fixable: true,
  check({ article, source, paragraphs }) {
    const html = article.layout === 'html';
    const out: Finding[] = [];
    for (const block of paragraphs) {
      const { textStart, textEnd } = block;
      // Fast path: most paragraphs start with `　　` and a letter, or with no indent at all.
      const prev = source.charCodeAt(textStart - 1);
      const markupBefore = !html || (!isIndentChar(prev) && prev !== 0x3b) || (prev === 0x20 && source.charCodeAt(textStart - 2) === 0x3e);
      const first = source.charCodeAt(textStart);
      if (markupBefore && !isIndentChar(first) && first !== 0x26) continue;
      const third = source.charCodeAt(textStart + 2);
      if (markupBefore && first === 0x3000 && source.charCodeAt(textStart + 1) === 0x3000 && !isIndentChar(third) && third !== 0x26) continue;
      // The indent may sit before the text's start (a parser that leaves it out of the text) or after it.
      let start = textStart;
      if (html) {
        while (start > block.start) {
          const c = source.charCodeAt(start - 1);
          if (isIndentChar(c)) {
            start--;
            continue;
          }
          if (c === 0x3b /* ; */) {
            const amp = source.lastIndexOf('&', start - 1);
            INDENT_ENTITY.lastIndex = amp;
            if (amp >= block.start && INDENT_ENTITY.test(source) && INDENT_ENTITY.lastIndex === start) {
              start = amp;
              continue;
            }
          }
          break;
        }
        // The scraper's one ASCII space after the opening tag is markup, not indent.
        if (start < textStart && source.charCodeAt(start) === 0x20 && source.charCodeAt(start - 1) === 0x3e) start++;
      }
      const codes: number[] = [];
      let end = start;
      while (end < textEnd) {
        const c = source.charCodeAt(end);
        if (isIndentChar(c)) {
          codes.push(c);
          end++;
          continue;
        }
        if (html && c === 0x26) {
          INDENT_ENTITY.lastIndex = end;
          if (INDENT_ENTITY.test(source)) {
            codes.push(entityCode(source.slice(end, INDENT_ENTITY.lastIndex)));
            end = INDENT_ENTITY.lastIndex;
            continue;
          }
        }
        break;
      }
      if (codes.length === 0 || codes.every((c) => c === 0x3000) || end >= textEnd) continue;
      out.push({ message: 'other-indent', args: [describe(codes)], start, end, fix: [{ start, end, text: '\u3000\u3000' }] });
    }
    return out;
  },
};
