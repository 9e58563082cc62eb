/**
 * `empty-paragraph`: a paragraph with no text (variant H, `<span> </span>`): an empty line in
 * every reader and every export. Fix: remove it with its spacer.
 */
import { removalRange } from './scan';
import type { Finding, Rule } from './types';

export const emptyParagraph: Rule = {
  code: 'empty-paragraph',
  severity: 'warning',
  fixable: true,
  check({ article }) {
    const out: Finding[] = [];
    article.blocks.forEach((block, index) => {
      if (block.kind !== 'paragraph' || block.text !== '') return;
      const range = removalRange(article, index);
      out.push({ message: 'empty-paragraph', args: [], start: range.start, end: range.end, fix: [{ start: range.start, end: range.end, text: '' }] });
    });
    return out;
  },
};
