/**
 * A new paragraph (Enter at a paragraph's end or start, Ctrl+Enter, Enter in the title) takes the
 * form of its neighbours: their indent, their markup, their layout — in every layout the
 * generator knows — and what is typed into it goes after the indent.
 */
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import type { Article, Block } from '../../src/core/model';
import { applyEdits, type TextEdit } from '../../src/core/normalize';
import { parseArticle } from '../../src/core/parse';
import { editText, insertParagraph, newParagraph, shownText, splitParagraph, viewIndex } from '../../src/core/edits';
import { generateArticle, mixSeed, type BodyLayout, type GenerateOptions } from '../support/generate';

const apply = (article: Article, edit: TextEdit): Article => parseArticle(applyEdits(article.source, [edit]));

/** The paragraph shown as view block `v`. */
function shownBlock(article: Article, v: number): Block {
  return article.blocks[viewIndex(article)[v]!]!;
}

/** The indent a paragraph's text starts with. */
const lead = (text: string): string => /^\s*/.exec(text)![0];

/** The markup around a paragraph's text (its opening tags up to the text, its closing tags). */
function markupOf(article: Article, block: Block): string {
  return article.source.slice(block.start, block.textStart).replace(/\s+$/, '') + '…' + article.source.slice(block.textEnd, block.end);
}

const LAYOUTS: readonly { name: string; options: GenerateOptions }[] = [
  ...(['seed', 'block', 'inline', 'plain', 'markup'] as BodyLayout[]).map((layout) => ({ name: layout, options: { layout, headings: false } })),
  { name: 'seed with images', options: { variant: 'E', layout: 'seed', headings: false } },
  { name: 'plain with images', options: { variant: 'E', layout: 'plain', headings: false } },
  { name: 'other indents, seed (K)', options: { variant: 'K', layout: 'seed', headings: false } },
  { name: 'other indents, plain (K)', options: { variant: 'K', layout: 'plain', headings: false } },
  { name: 'CRLF plain', options: { layout: 'plain', crlf: true, headings: false } },
];

describe('a new paragraph takes the form of its neighbours (property over the generator’s layouts)', () => {
  for (const layout of LAYOUTS) {
    it(`${layout.name}: Enter at the end, Enter at the start, Ctrl+Enter and Enter in the title`, () => {
      fc.assert(
        fc.property(fc.integer({ min: 0, max: 100_000 }), fc.nat(), fc.constantFrom('end', 'start', 'ctrlEnter', 'title'), (seed, which, how) => {
          const article = parseArticle(generateArticle(mixSeed(0x9a4a, seed), { paragraphs: 3 + (seed % 4), ...layout.options }).text);
          const index = viewIndex(article);
          const paragraphsAt = index.map((i, v) => (article.blocks[i]!.kind === 'paragraph' && article.blocks[i]!.text !== '' ? v : -1)).filter((v) => v >= 0);
          if (paragraphsAt.length === 0) return;
          const v = how === 'title' ? 0 : paragraphsAt[which % paragraphsAt.length]!;
          const neighbour = shownBlock(article, how === 'title' ? paragraphsAt[0]! : v);
          const i = index[v]!;
          const text = shownText(article, neighbour);
          const edit =
            how === 'end' ? splitParagraph(article, i, shownText(article, article.blocks[i]!).length)
            : how === 'start' ? splitParagraph(article, i, 0)
            : how === 'ctrlEnter' ? insertParagraph(article, i)
            : insertParagraph(article, -1);
          const at = how === 'end' || how === 'ctrlEnter' ? v + 1 : v;
          const indent = lead(text);
          if (article.layout === 'plain' && !/[^ \t]/.test(indent)) {
            // A plain-text article holds no empty paragraph without an indent: the page keeps it until
            // something is typed, then sends it with its text.
            assert.equal(edit, undefined, 'refused: a blank line would be no paragraph');
            const typed = insertParagraph(article, how === 'title' ? -1 : i, how === 'start' ? 'before' : 'after', undefined, '新段');
            assert.ok(typed, 'a new paragraph with text is written');
            const after = apply(article, typed);
            assert.equal(viewIndex(after).length, index.length + 1);
            const fresh = shownBlock(after, at);
            assert.equal(fresh.text, indent + '新段', 'the new line holds the typed text');
            assert.equal(after.source.slice(fresh.start, fresh.textStart), '  ', 'a plain-text paragraph line: two spaces, then the text');
            return;
          }
          assert.ok(edit, `${how}: a new paragraph`);
          const after = apply(article, edit);
          assert.equal(after.layout, article.layout, 'the layout stays');
          assert.equal(viewIndex(after).length, index.length + 1, 'one block more');
          const fresh = shownBlock(after, at);
          assert.equal(fresh.kind, 'paragraph');
          assert.equal(fresh.text, '', 'the new paragraph is empty');
          if (!indent.includes('&')) {
            assert.equal(shownText(after, fresh), after.layout === 'plain' || !/&/.test(after.source.slice(fresh.textStart, fresh.textEnd)) ? indent : '', 'it shows the neighbour’s indent');
          }
          if (article.layout !== 'plain' && neighbour.textStart > neighbour.start && /<span/i.test(article.source.slice(neighbour.start, neighbour.textStart))) {
            assert.equal(markupOf(after, fresh), markupOf(article, neighbour), 'the neighbour’s markup');
          }
          // Typing into it goes after the indent.
          if (shownText(after, fresh) === indent) {
            const typed = apply(after, editText(after, viewIndex(after)[at]!, indent.length, indent.length, '新'));
            assert.equal(shownBlock(typed, at).text, indent + '新');
          }
        }),
        { numRuns: 120 },
      );
    });
  }

  it('the seed: a new paragraph is `<div><span style=…> 　　</span></div><div>&nbsp;</div>`, typing goes after `　　`', () => {
    const source = "227标题.txt\n<div><span style='color:red'> 　　第一段。</span></div><div>&nbsp;</div>";
    const article = parseArticle(source);
    const edit = insertParagraph(article, viewIndex(article)[0]!);
    assert.ok(edit);
    const after = apply(article, edit);
    assert.equal(after.source, `${source}<div><span style='color:red'> 　　</span></div><div>&nbsp;</div>`);
    const typed = apply(after, editText(after, viewIndex(after)[1]!, 2, 2, '第二段'));
    assert.equal(shownBlock(typed, 1).text, '　　第二段');
  });

  it('plain text: Enter in the middle gives the second half the indent; a new line with text is a paragraph line', () => {
    const article = parseArticle('标题\n  　　第一段文字。\n  　　第二段。');
    const split = apply(article, splitParagraph(article, viewIndex(article)[0]!, 5)!);
    assert.equal(split.source, '标题\n  　　第一段\n  　　文字。\n  　　第二段。');
    const bare = parseArticle('标题\n  第一段。\n  第二段。');
    assert.equal(insertParagraph(bare, viewIndex(bare)[0]!), undefined);
    assert.equal(newParagraph(bare, viewIndex(bare)[0]!, undefined, 'a<b'), '  a<b');
    const typed = apply(bare, insertParagraph(bare, viewIndex(bare)[0]!, 'after', undefined, '新的一段')!);
    assert.equal(typed.source, '标题\n  第一段。\n  新的一段\n  第二段。');
  });

  it('a `<p>` article: a new paragraph with text copies the `<p>`, an empty one takes the canonical span with the setting’s style', () => {
    const article = parseArticle('标题.txt\n<p style="text-indent:2em">　　第一段。</p>');
    assert.equal(newParagraph(article, viewIndex(article)[0]!, 'font-size:18px', '新'), '<p style="text-indent:2em">　　新</p>');
    assert.equal(newParagraph(article, viewIndex(article)[0]!, 'font-size:18px'), "<div><span style='font-size:18px'> 　　</span></div><div>&nbsp;</div>");
  });
});
