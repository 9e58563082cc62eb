import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { foldEdit, updateArticle } from '../../src/core/incremental';
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

describe('foldEdit: a burst of typing gathered into one edit (issue 10, point 10)', () => {
  const apply = (text: string, edit: { start: number; end: number; text: string }): string => text.slice(0, edit.start) + edit.text + text.slice(edit.end);

  it('typing on, deleting what was typed, and replacing inside it fold; anything else does not', () => {
    const base = '甲乙丙丁戊';
    // Typed "ab" after 乙, then "c", then Backspace, then "d" over "a".
    let text = base;
    let pending = { start: 2, end: 2, text: 'ab' };
    text = apply(text, pending);
    for (const next of [{ start: 4, end: 4, text: 'c' }, { start: 4, end: 5, text: '' }, { start: 2, end: 3, text: 'd' }]) {
      text = apply(text, next);
      const folded = foldEdit(pending, next);
      assert.ok(folded, JSON.stringify(next));
      pending = folded;
      assert.equal(apply(base, pending), text);
    }
    assert.deepEqual(pending, { start: 2, end: 2, text: 'db' });
    // Before or after what was typed: not folded.
    assert.equal(foldEdit(pending, { start: 1, end: 1, text: 'x' }), undefined);
    assert.equal(foldEdit(pending, { start: 4, end: 5, text: '' }), undefined);
  });

  it('any sequence of folded edits gives the text the edits one by one give', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.nat(), fc.nat({ max: 2 }), fc.string({ maxLength: 3 })), { minLength: 1, maxLength: 12 }), (steps) => {
        const base = '一二三四五六七八九十';
        let text = base;
        let pending: { start: number; end: number; text: string } | undefined;
        let applied = base;
        for (const [at, removed, typed] of steps) {
          const start = at % (text.length + 1);
          const next = { start, end: Math.min(text.length, start + removed), text: typed };
          text = apply(text, next);
          const folded = pending && foldEdit(pending, next);
          if (folded) pending = folded;
          else {
            if (pending) applied = apply(applied, pending);
            pending = next;
          }
        }
        assert.equal(apply(applied, pending!), text);
      }),
      { numRuns: 2000 },
    );
  });
});
