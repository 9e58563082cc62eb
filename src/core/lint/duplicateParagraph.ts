/**
 * `duplicate-paragraph`: the same clean text twice in one article, typically a page scraped with
 * its teaser, or two pages of a story that overlap. Section headings may repeat. Fix: remove the
 * later copy with its spacer.
 */
import { removalRange } from './scan';
import type { Finding, Rule } from './types';

/** Characters of each end of a text in its key. */
const KEY_LENGTH = 8;

/** White space of every kind, which the clean text does not have at either end (FORMAT.md). */
function isBlank(c: number): boolean {
  return c <= 0x20 || c === 0x3000 || c === 0xa0 || c === 0xfeff || (c >= 0x2000 && c <= 0x200b) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x1680;
}

export const duplicateParagraph: Rule = {
  code: 'duplicate-paragraph',
  severity: 'warning',
  fixable: true,
  check({ article }) {
    const out: Finding[] = [];
    // Keyed by the length and the ends of the trimmed text (hashing every whole text of a big
    // article costs more than the rest of the rule); texts whose keys meet are compared in full.
    const seen = new Map<string, { readonly a: number; readonly b: number; readonly text: string; readonly number: number }[]>();
    let number = 0;
    article.blocks.forEach((block, index) => {
      if (block.kind !== 'paragraph' || block.text === '') return;
      number++;
      // Section headings repeat by design (`（一）主要成效` in each part of a report).
      if (block.heading !== undefined) return;
      const { text } = block;
      let a = 0;
      let b = text.length;
      while (a < b && isBlank(text.charCodeAt(a))) a++;
      while (b > a && isBlank(text.charCodeAt(b - 1))) b--;
      const key = `${b - a}${text.slice(a, a + KEY_LENGTH)}${text.slice(Math.max(a, b - KEY_LENGTH), b)}`;
      const same = seen.get(key);
      const earlier = same?.find((e) => e.b - e.a === b - a && e.text.startsWith(text.slice(a, b), e.a));
      if (earlier === undefined) {
        if (same) same.push({ a, b, text, number });
        else seen.set(key, [{ a, b, text, number }]);
        return;
      }
      const first = earlier.number;
      const range = removalRange(article, index);
      out.push({ message: 'duplicate-paragraph', args: [first], start: range.start, end: range.end, fix: [{ start: range.start, end: range.end, text: '' }] });
    });
    return out;
  },
};
