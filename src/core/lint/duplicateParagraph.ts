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
    // Texts are keyed by a number made of their length and their ends, without a string per
    // paragraph (hashing every whole text of a big article would cost more than the rest of the
    // rule); texts whose keys meet are compared in full.
    const firstWithKey = new Map<number, number>();
    /** Per paragraph seen: its trimmed text's bounds, its number, and the next one with the same key. */
    const seen: { readonly text: string; readonly a: number; readonly b: number; readonly number: number; next: number }[] = [];
    let number = 0;
    article.blocks.forEach((block, index) => {
      if (block.kind !== 'paragraph' || block.text === '') return;
      number++;
      // Section headings repeat by design (`（一）主要成效` in each part of a report).
      if (block.heading !== undefined && block.heading.runIn === undefined) return;
      const { text } = block;
      let a = 0;
      let b = text.length;
      while (a < b && isBlank(text.charCodeAt(a))) a++;
      while (b > a && isBlank(text.charCodeAt(b - 1))) b--;
      let key = b - a;
      for (let i = 0; i < KEY_LENGTH && a + i < b; i++) key = (Math.imul(key, 31) + text.charCodeAt(a + i) + Math.imul(text.charCodeAt(b - 1 - i), 17)) | 0;
      let k = firstWithKey.get(key) ?? -1;
      let last = -1;
      while (k >= 0) {
        const earlier = seen[k]!;
        if (earlier.b - earlier.a === b - a && earlier.text.startsWith(text.slice(a, b), earlier.a)) break;
        last = k;
        k = earlier.next;
      }
      if (k < 0) {
        seen.push({ text, a, b, number, next: -1 });
        if (last >= 0) seen[last]!.next = seen.length - 1;
        else firstWithKey.set(key, seen.length - 1);
        return;
      }
      const first = seen[k]!.number;
      const range = removalRange(article, index);
      out.push({ message: 'duplicate-paragraph', args: [first], start: range.start, end: range.end, fix: [{ start: range.start, end: range.end, text: '' }] });
    });
    return out;
  },
};
