import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { updateArticle } from '../../src/core/incremental';
import { parseArticle } from '../../src/core/parse';
import { generateArticle, mixSeed, VARIANTS } from '../support/generate';

describe('updateArticle: typing in a paragraph without a full parse', () => {
  it('gives exactly what a full parse of the edited text gives (5,000 random edits)', () => {
    let updated = 0;
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 2000 }),
        fc.nat(),
        fc.nat(),
        fc.nat({ max: 3 }),
        fc.string({ unit: fc.constantFrom(...'字文，。一、（1）1.2 a　<&\n'.split('')), maxLength: 5 }),
        (seed, where, offset, removed, typed) => {
          const article = parseArticle(generateArticle(mixSeed(0x1c4e, seed), { variant: VARIANTS[seed % VARIANTS.length]! }).text);
          const paragraphs = article.blocks.filter((b) => b.kind === 'paragraph');
          if (paragraphs.length === 0) return;
          const block = paragraphs[where % paragraphs.length]!;
          const start = block.textStart + (offset % (block.textEnd - block.textStart + 1));
          const end = Math.min(block.textEnd, start + removed);
          const edit = { start, end, text: typed };
          const result = updateArticle(article, edit);
          if (!result) return;
          updated++;
          const source = article.source.slice(0, start) + typed + article.source.slice(end);
          assert.equal(result.source, source);
          assert.deepEqual(result.blocks, parseArticle(source).blocks);
          assert.equal(result.length, source.length);
        },
      ),
      { numRuns: 5000 },
    );
    assert.ok(updated > 1000, `${updated} edits were handled incrementally`);
  });

  it('declines edits it cannot do alone: markup characters, the title, between blocks', () => {
    const article = parseArticle("1标题.txt\n<div><span style='x'> 甲乙</span></div><div>&nbsp;</div>");
    const text = article.blocks[0]!;
    assert.equal(updateArticle(article, { start: text.textStart, end: text.textStart, text: '<' }), undefined);
    assert.equal(updateArticle(article, { start: 1, end: 1, text: '字' }), undefined);
    assert.equal(updateArticle(article, { start: text.end, end: text.end, text: '字' }), undefined);
    assert.ok(updateArticle(article, { start: text.textStart + 1, end: text.textStart + 1, text: '丙' }));
  });
});
