/**
 * The clean text's fast path for paragraphs with inline markup (src/core/text.ts `markupText`):
 * the text of HTML holding only phrasing tags is read without parse5's tree. It must give exactly
 * the string parse5 gives, over everything the parser meets.
 */
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { parseArticle } from '../../src/core/parse';
import { markupText, markupTextByParse5 } from '../../src/core/text';
import { generateArticle, mixSeed, VARIANTS } from '../support/generate';
import { readSeed, seedNames } from '../support/seeds';

/** Every paragraph's source text of an article (what the clean text is made from). */
function paragraphSources(text: string): string[] {
  const article = parseArticle(text);
  return article.blocks.filter((b) => b.kind === 'paragraph').map((b) => text.slice(b.textStart, b.textEnd));
}

describe('clean text: the inline-markup fast path gives what parse5 gives', () => {
  it('every paragraph of 3,000 generated articles of every variant', () => {
    let compared = 0;
    for (let i = 0; i < 3000; i++) {
      const article = generateArticle(mixSeed(0x7e57, i), { variant: VARIANTS[i % VARIANTS.length]! });
      for (const raw of paragraphSources(article.text)) {
        if (raw.indexOf('<') < 0) continue;
        assert.equal(markupText(raw), markupTextByParse5(raw), raw);
        compared++;
      }
    }
    assert.ok(compared > 1000, `${compared} paragraphs with markup compared`);
  });

  it('every paragraph of every seed', () => {
    for (const name of seedNames()) {
      for (const raw of paragraphSources(readSeed(name))) assert.equal(markupText(raw), markupTextByParse5(raw), `${name}: ${raw}`);
    }
  });

  it('random mixes of inline and block tags, misnesting, comments, entities (legacy, numeric, bad), CR/LF and stray characters', () => {
    const pieces = [
      '<b>', '</b>', '<strong>', '</strong>', '<i>', '</i>', '<a href="x">', '<a title="a>b">', '</a>', '<span style=\'c\'>', '</span>', '<font color=red>',
      '</font>', '<br>', '<br/>', '<BR>', '</br>', '<img src=x>', '<wbr>', '<sub>', '</sub>', '<o:p>', '</o:p>', '<u>', '</u>', '<em>', '</em>',
      '<p>', '</p>', '<div>', '</div>', '<h2>', '</h2>', '<li>', '<pre>', '</pre>', '<table>', '<td>', '<hr>', '<!-- c -->', '<!-->', '-->',
      '&amp;', '&lt;', '&gt;', '&nbsp;', '&notit;', '&not', '&copy;', '&#0;', '&#x80;', '&#xD800;', '&#1114112;', '&#13;', '&foo;', '&', '&#', '&#x;',
      '<', '>', '<注>', 'a<b>c', '\r\n', '\r', '\n', ' ', '\t', '\u3000', '\u00a0', '会议', 'text', '"', "'", '=', '/', '\u0000',
    ];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 30 }), (parts) => {
        const raw = parts.join('');
        assert.equal(markupText(raw), markupTextByParse5(raw), JSON.stringify(raw));
      }),
      { numRuns: 20000 },
    );
  });
});
