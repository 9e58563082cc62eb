import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { decodeBytes } from '../../src/core/decode';
import { cleanTextOf, searchArticle } from '../../src/core/corpus/search';
import { parseArticle } from '../../src/core/parse';
import { readSeed, seedPath } from '../support/seeds';

describe('clean-text search', () => {
  it('finds a phrase the page’s markup broke over two lines (variant G), with its paragraph and sentence', () => {
    const name = '009_variant-g-broken-paragraphs.txt';
    const source = readSeed(name);
    assert.ok(!source.includes('加速向实体经济各领域渗透'), 'the raw file holds the phrase broken');
    const article = parseArticle(source);
    const hits = searchArticle(article, '各领域渗透');
    assert.equal(hits.length, 1);
    const hit = hits[0]!;
    assert.equal(article.blocks[hit.block]!.kind, 'paragraph');
    assert.equal(hit.sentence, '与会嘉宾认为，数字技术正加速向实体经济各领域渗透，成为推动产业转型升级的重要力量。');
    assert.equal(hit.sentence.slice(hit.sentenceStart, hit.sentenceEnd), '各领域渗透');
  });

  it('finds text written as an entity, case-insensitively for Latin letters', () => {
    const article = parseArticle('标题.txt\n<div><span> 　　华信A&amp;B公司协办。Digital Silk Road。</span></div>');
    assert.equal(searchArticle(article, 'a&b公司').length, 1);
    assert.equal(searchArticle(article, 'digital silk').length, 1);
    assert.equal(searchArticle(article, 'amp').length, 0, 'the entity’s name is not text');
  });

  it('finds text in a GB18030 file', () => {
    const decoded = decodeBytes(readFileSync(seedPath('013_variant-j-gb18030.txt')));
    assert.ok(decoded.ok);
    const hits = searchArticle(parseArticle(decoded.text), '最美家乡人');
    assert.ok(hits.length >= 2);
    assert.equal(hits[0]!.block, -1, 'the title is searched too');
  });

  it('the clean text is the title and the paragraphs, one a line, without indent', () => {
    const article = parseArticle('7标题.txt\n<div><span> 　　一段。</span></div><div>&nbsp;</div><div><span> </span></div><div><span> 　　二段。</span></div>');
    assert.equal(cleanTextOf(article), '标题\n一段。\n二段。');
  });
});
