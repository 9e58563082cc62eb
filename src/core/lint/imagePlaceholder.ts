/** `image-placeholder`: information: the page had a picture here, which the scraper did not keep. No fix. */
import type { Finding, Rule } from './types';

export const imagePlaceholder: Rule = {
  code: 'image-placeholder',
  severity: 'info',
  fixable: false,
  check({ article }) {
    const out: Finding[] = [];
    for (const block of article.blocks) if (block.kind === 'image') out.push({ message: 'image-placeholder', args: [], start: block.start, end: block.end });
    return out;
  },
};
