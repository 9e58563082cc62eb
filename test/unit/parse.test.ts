import * as assert from 'node:assert/strict';
import { parseArticle, rebuild, segments } from '../../src/core/parse';
import type { Article } from '../../src/core/model';
import { readSeed, seedNames } from '../support/seeds';

const STYLE = 'font-size:16px;margin-top:15px;line-height:25px;text-indent:30px';
const p = (text: string, style = STYLE): string => `<div><span style='${style}'> ${text}</span></div><div>&nbsp;</div>`;
const texts = (a: Article): string[] => a.blocks.filter((b) => b.kind === 'paragraph' && b.text !== '').map((b) => b.text);
const kinds = (a: Article): string[] => a.blocks.map((b) => b.kind);

describe('parseArticle: the real seed', () => {
  const source = readSeed('000_5edd2806a98033fb.txt');
  const article = parseArticle(source);

  it('reads line 1 as list index 227 and the title without .txt', () => {
    assert.equal(article.listIndex, 227);
    assert.equal(article.title, '河南省“不忘初心、牢记使命”主题教育工作会议召开');
    assert.equal(article.titleLine.raw, '227河南省“不忘初心、牢记使命”主题教育工作会议召开.txt');
    assert.equal(article.layout, 'html');
  });

  it('finds eight paragraphs, each followed by a spacer', () => {
    assert.equal(texts(article).length, 8);
    assert.deepEqual(kinds(article), Array.from({ length: 8 }, () => ['paragraph', 'spacer']).flat());
  });

  it('keeps the 　　 indent in clean text and drops the scraper space', () => {
    const first = article.blocks[0]!;
    assert.ok(first.text.startsWith('　　6月6日，河南省委召开'));
    assert.equal(source.slice(first.textStart, first.textEnd), first.text);
    assert.equal(source[first.textStart - 1], ' ');
    assert.ok(source.slice(first.start, first.end).startsWith('<div><span style='));
    assert.ok(source.slice(first.start, first.end).endsWith('</span></div>'));
  });

  it('rebuilds the file byte for byte', () => {
    assert.equal(rebuild(article), source);
  });
});

describe('parseArticle: variants', () => {
  it('A: seed form with list index', () => {
    const a = parseArticle(`12测试标题.txt\n${p('　　第一段。')}${p('　　第二段。')}`);
    assert.equal(a.listIndex, 12);
    assert.equal(a.title, '测试标题');
    assert.deepEqual(texts(a), ['　　第一段。', '　　第二段。']);
  });

  it('B: display:block style and a bare title', () => {
    const a = parseArticle(`青禾县新闻\n${p('　　内容。', STYLE + ';display:block')}`);
    assert.equal(a.title, '青禾县新闻');
    assert.equal(a.listIndex, null);
    assert.deepEqual(texts(a), ['　　内容。']);
  });

  it('C: the title runs straight into the first <div>', () => {
    const src = `3标题在此.txt${p('　　正文。')}`;
    const a = parseArticle(src);
    assert.equal(a.title, '标题在此');
    assert.equal(a.listIndex, 3);
    assert.equal(a.titleLine.end, '3标题在此.txt'.length);
    assert.deepEqual(texts(a), ['　　正文。']);
    assert.equal(rebuild(a), src);
  });

  it('D: plain text, continuation lines join the paragraph before', () => {
    const a = parseArticle('标题\n  　　第一段开头\n接着写。\n  Second paragraph\ncontinues here.\n\n  第三段。');
    assert.equal(a.layout, 'plain');
    assert.deepEqual(texts(a), ['　　第一段开头接着写。', 'Second paragraph continues here.', '第三段。']);
  });

  it('E: image placeholders in HTML and in plain text', () => {
    const ph = '---------------------------------------- \n-------------------这里有图片------------ \n---------------------------------------- ';
    const html = parseArticle(`标题\n${p('前')}\n${ph}\n${p('后')}`);
    assert.deepEqual(kinds(html), ['paragraph', 'spacer', 'image', 'paragraph', 'spacer']);
    const image = html.blocks[2]!;
    assert.equal(html.source.slice(image.start, image.end), ph);
    const plain = parseArticle(`标题\n  前文。\n${ph}\n  后文。`);
    assert.deepEqual(kinds(plain), ['paragraph', 'image', 'paragraph']);
    assert.deepEqual(texts(plain), ['前文。', '后文。']);
  });

  it('F: unescaped &, < and > stay exactly as written', () => {
    const a = parseArticle(`标题\n${p('A&B公司，x<5，<注>说明，当a<b时，c>d，AT&T，&copy2019')}`);
    assert.deepEqual(texts(a), ['A&B公司，x<5，<注>说明，当a<b时，c>d，AT&T，&copy2019']);
  });

  it('F: prose that looks like a tag with attributes is still text', () => {
    const a = parseArticle(`标题\n${p('如果a<b and c>d则成立')}`);
    assert.deepEqual(texts(a), ['如果a<b and c>d则成立']);
  });

  it('G: markup newlines join with nothing between CJK, one space between Latin words', () => {
    const a = parseArticle(`标题\n${p('　　会议指出\n要加强，大会举办了Digital\nSilk Road论坛。')}`);
    assert.deepEqual(texts(a), ['　　会议指出要加强，大会举办了Digital Silk Road论坛。']);
  });

  it('H: empty paragraphs have no text', () => {
    const a = parseArticle(`标题\n${p('')}${p('　　有字。')}<div><span style='x'> </span></div>`);
    assert.deepEqual(texts(a), ['　　有字。']);
    assert.equal(a.blocks[0]!.kind, 'paragraph');
    assert.equal(a.blocks[0]!.text, '');
  });

  it('I: other markup is interpreted', () => {
    const src = '标题\n<P>第一段&amp;<STRONG>加粗</STRONG>&quot;引&#8220;号&#x201D;</P>\n<p class="x">上行<br>下行</p>\n<h2>二、小标题</h2>\n<div><a href="http://x">链接</a>文字</div>';
    const a = parseArticle(src);
    assert.deepEqual(texts(a), ['第一段&加粗"引“号”', '上行\n下行', '二、小标题', '链接文字']);
    assert.deepEqual(a.blocks[2]!.heading, { level: 1 }); // the number's level wins over <h2>
    assert.equal(rebuild(a), src);
  });

  it('I: a wrapper <div> around paragraphs is opened, not read as one paragraph', () => {
    const a = parseArticle('标题\n<div>\n<div>甲</div>\n<div>乙</div>\n</div>');
    assert.deepEqual(kinds(a), ['other', 'paragraph', 'paragraph', 'other']);
    assert.deepEqual(texts(a), ['甲', '乙']);
  });

  it('J: CRLF line ends', () => {
    const a = parseArticle(`5标题.txt\r\n  第一段\r\n接着。\r\n  第二段。\r\n`);
    assert.equal(a.eol, '\r\n');
    assert.equal(a.title, '标题');
    assert.deepEqual(texts(a), ['第一段接着。', '第二段。']);
  });

  it('headings: numbered, short paragraphs; not long ones that merely start with a number', () => {
    const a = parseArticle(`标题\n${p('　　一、总体要求')}${p('　　（二）重点任务')}${p('　　3.加强领导')}${p('　　（4）细则')}${p('　　1.5亿元资金已经到位，各地要抓紧使用。后续还有安排。')}${p('　　第一章 总则')}`);
    assert.deepEqual(
      a.blocks.filter((b) => b.kind === 'paragraph').map((b) => b.heading?.level),
      [1, 2, 3, 4, undefined, 1],
    );
  });

  it('a wholly bold short paragraph is a heading', () => {
    const a = parseArticle(`标题\n<div><span style='x'> <strong>坚持人民至上</strong></span></div>`);
    assert.deepEqual(a.blocks[0]!.heading, { level: 1 });
  });
});

describe('parseArticle: malformed input', () => {
  for (const [name, src] of [
    ['empty', ''],
    ['title only', '只有标题'],
    ['unclosed div', '标题\n<div><span> 没有结尾'],
    ['stray closing tags', '标题\n</span></div></div>文字'],
    ['lone <', '标题\n<'],
    ['unterminated attribute', "标题\n<div style='abc>文字</div>"],
    ['BOM inside', '\uFEFF1标题.txt\n<div>正文</div>'],
  ] as const) {
    it(`${name}: parses and rebuilds`, () => {
      const a = parseArticle(src);
      assert.equal(rebuild(a), src);
    });
  }

  it('keeps text of an unclosed paragraph', () => {
    assert.deepEqual(texts(parseArticle('标题\n<div><span> 没有结尾')), ['没有结尾']);
  });
});

describe('parseArticle: every seed', () => {
  for (const name of seedNames()) {
    it(`${name}: rebuilds, tiles, and has a title and paragraphs`, () => {
      const src = readSeed(name);
      const a = parseArticle(src);
      assert.equal(rebuild(a), src);
      assert.notEqual(a.title, '');
      assert.ok(texts(a).length >= 2, 'at least two paragraphs');
      for (const segment of segments(a)) {
        if (segment.kind === 'gap') assert.match(src.slice(segment.start, segment.end), /^\s*$/);
      }
      for (const text of texts(a)) assert.doesNotMatch(text, /<\/?(?:div|span|p|strong|br)\b|&nbsp;|&amp;/i, 'no markup in clean text');
    });
  }
});
