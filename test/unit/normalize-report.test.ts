/**
 * What "Normalize Styling" reports (issue 10, point 9): how many of the article's blocks it
 * rewrote, out of how many (spacers aside).
 */
import * as assert from 'node:assert/strict';
import { DEFAULT_NORMALIZE_OPTIONS, normalizeChecked, rewrittenBlocks, SEED_STYLE } from '../../src/core/normalize';
import { parseArticle } from '../../src/core/parse';
import { readSeed } from '../support/seeds';

const canonical = (text: string): string => `<div><span style='${SEED_STYLE}'> 　　${text}</span></div><div>&nbsp;</div>`;

describe('rewrittenBlocks: what a normalization rewrote', () => {
  it('counts the blocks an edit touches, out of all but the spacers', () => {
    const source = `标题\n${canonical('甲。')}<div><span style='color:red'> 　　乙。</span></div><div>&nbsp;</div>${canonical('丙。')}<p>丁。</p>`;
    const article = parseArticle(source);
    const result = normalizeChecked(article, DEFAULT_NORMALIZE_OPTIONS, parseArticle);
    assert.ok(result.safe);
    assert.deepEqual(rewrittenBlocks(article, result.edits), { rewritten: 2, blocks: 4 });
  });

  it('a canonical article: nothing rewritten', () => {
    const article = parseArticle(`标题\n${canonical('甲。')}${canonical('乙。')}`);
    const result = normalizeChecked(article, DEFAULT_NORMALIZE_OPTIONS, parseArticle);
    assert.deepEqual(rewrittenBlocks(article, result.edits), { rewritten: 0, blocks: 2 });
  });

  it('seed 002 (display:block styles): every paragraph rewritten', () => {
    const article = parseArticle(readSeed('002_variant-b-block-style.txt'));
    const result = normalizeChecked(article, DEFAULT_NORMALIZE_OPTIONS, parseArticle);
    const paragraphs = article.blocks.filter((b) => b.kind === 'paragraph').length;
    const { rewritten, blocks } = rewrittenBlocks(article, result.edits);
    assert.equal(blocks, article.blocks.filter((b) => b.kind !== 'spacer').length);
    assert.equal(rewritten, paragraphs);
  });
});
