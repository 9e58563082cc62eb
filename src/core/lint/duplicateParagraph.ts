/**
 * `duplicate-paragraph`: the same clean text twice in one article, typically a page scraped with
 * its teaser, or two pages of a story that overlap. Fix: remove the later copy with its spacer.
 */
import { stripIndent } from '../text';
import { removalRange } from './scan';
import type { Finding, Rule } from './types';

export const duplicateParagraph: Rule = {
  code: 'duplicate-paragraph',
  severity: 'warning',
  fixable: true,
  check({ article }) {
    const out: Finding[] = [];
    const seen = new Map<string, number>();
    let number = 0;
    article.blocks.forEach((block, index) => {
      if (block.kind !== 'paragraph' || block.text === '') return;
      number++;
      const key = stripIndent(block.text).trim();
      const first = seen.get(key);
      if (first === undefined) {
        seen.set(key, number);
        return;
      }
      const range = removalRange(article, index);
      out.push({ message: 'duplicate-paragraph', args: [first], start: range.start, end: range.end, fix: [{ start: range.start, end: range.end, text: '' }] });
    });
    return out;
  },
};
