/**
 * Which paragraphs are section headings (issue 10, point 6): short, numbered or wholly bold, and
 * not ending like a sentence or a list item; a run-in heading is a heading of its number's level.
 * Cases from real speeches and government reports; the outline and the Article Editor read the
 * same `Block.heading`, so both follow these.
 */
import * as assert from 'node:assert/strict';
import { detectHeading, headingName } from '../../src/core/headings';
import { buildOutline } from '../../src/core/outline';
import { parseArticle } from '../../src/core/parse';
import { updateArticle } from '../../src/core/incremental';
import { toExportedArticle } from '../../src/core/export';
import { readSeed } from '../support/seeds';

const p = (text: string): string => `<div><span style='x'> 　　${text}</span></div><div>&nbsp;</div>`;
const level = (text: string, allBold = false): number | undefined => detectHeading(text, undefined, allBold)?.level;

describe('headings: what reads as a section heading', () => {
  const headings: ReadonlyArray<readonly [string, number]> = [
    ['一、客观认识当前经济形势', 1],
    ['二、准确把握明年经济工作的总体要求', 1],
    ['第一章　总则', 1],
    ['第三节 加强组织领导', 2],
    ['（一）着力扩大有效需求', 2],
    ['(二) 深化改革开放', 2],
    ['1.持续扩大有效投资', 3],
    ['2、全力促进消费回升', 3],
    ['３．强化要素保障', 3],
    ['（1）总体目标', 4],
    ['一、坚持“两个毫不动摇”', 1],
    ['三、怎么办？', 1],
    ['（二）主要做法：', 2],
    ['1. Introduction', 3],
  ];
  for (const [text, expected] of headings) {
    it(`"${text}" is a heading of level ${expected}`, () => assert.equal(level(text), expected));
  }

  const paragraphs: readonly string[] = [
    // List items end like list items or sentences.
    '（1）开展“云川消费季”系列促消费活动，全年举办各类促消费活动不少于100场；',
    '（2）推动汽车、家电等大宗消费，落实以旧换新支持政策；',
    '（3）加快建设城市一刻钟便民生活圈，提升社区商业服务水平。',
    '1.加强领导，',
    '（4）完善考核机制;',
    '2. We will keep growth stable.',
    '（一）深入学习贯彻党的二十大精神。”',
    '3、农业、',
    // Enumerations by words are sentences, not numbered sections.
    '第一，要坚持稳中求进。',
    '第二，',
    '首先，我们要提高认识',
    '其次要抓好落实',
    // Lead-ins, dates, bylines, furniture.
    '同志们：',
    '重点抓好以下工作：',
    '2019年6月6日',
    '6月6日上午',
    '（记者 王晓明）',
    '（完）',
    '（新华社北京6月6日电）',
    '1.5亿元资金已到位',
    '12.8%',
    '二〇一九年六月',
    // English sentences.
    'Beijing, June 6 (Xinhua)',
  ];
  for (const text of paragraphs) {
    it(`"${text}" is not a heading`, () => assert.equal(level(text), undefined));
  }

  it('a wholly bold short paragraph is a heading, unless it ends like a sentence or in a colon', () => {
    assert.equal(level('坚持人民至上', true), 1);
    assert.equal(level('编者按：', true), undefined);
    assert.equal(level('这是一句加粗的话。', true), undefined);
    assert.equal(level('坚持人民至上', false), undefined);
  });

  it('a run-in heading: a number, a short first sentence, then its text, is a heading of its level', () => {
    const heading = detectHeading('3.稳住外贸外资基本盘。支持外贸企业拓市场、抢订单，扩大跨境电商规模，全年实际使用外资保持稳定。', undefined, false);
    assert.deepEqual(heading, { level: 3, runIn: 12 });
    assert.equal(headingName('3.稳住外贸外资基本盘。支持外贸企业拓市场。', heading), '3.稳住外贸外资基本盘');
    assert.deepEqual(detectHeading('（一）全年经济运行总体平稳、稳中有进。今年以来，面对复杂严峻的外部环境，全市上下迎难而上、苦干实干，主要经济指标保持在合理区间。', undefined, false)?.level, 2);
    assert.equal(level('一、为什么要改？因为形势变了，我们必须主动求变，否则就会落后于时代发展的要求和人民群众的期待。'), 1);
  });

  it('not a run-in heading: a first sentence that is a clause, too long, or alone', () => {
    // A comma in the first sentence: a numbered sentence, not a head.
    assert.equal(level('1.我们要加强学习，提高能力。然后才能做好各项工作，不辜负组织和人民的重托与期待，这是我们的责任。'), undefined);
    // The first sentence is longer than a head.
    assert.equal(level('（二）加快推进以人为核心的新型城镇化建设并不断提高城市规划建设管理水平和城市综合承载能力。此外还要更多。'), undefined);
    // The sentence is all there is: a list item.
    assert.equal(level('（3）加快建设城市一刻钟便民生活圈。'), undefined);
    // A decimal is not a full stop.
    assert.equal(level('1.预计增长5.5%左右，一般公共预算收入增长6%，城乡居民人均可支配收入分别增长4.8%和7.2%，总体平稳。'), undefined);
    // No number: a short first sentence alone makes no heading.
    assert.equal(level('稳住外贸外资基本盘。支持外贸企业拓市场、抢订单，扩大跨境电商规模，全年实际使用外资保持稳定。'), undefined);
  });

  it('seed 017: the （1）–（3） items are paragraphs under 2., and the run-in 3. stands beside 2.', () => {
    const [root] = buildOutline(parseArticle(readSeed('017_speech-sections-outline.txt')));
    const three = root!.children.find((n) => n.name.startsWith('三、'))!;
    const demand = three.children.find((n) => n.name.startsWith('（一）'))!;
    assert.deepEqual(
      demand.children.map((n) => [n.kind, n.level, n.name.slice(0, 12)]),
      [
        ['heading', 3, '1.持续扩大有效投资'],
        ['heading', 3, '2.全力促进消费回升'],
        ['heading', 3, '3.稳住外贸外资基本盘'],
      ],
    );
    const two = demand.children[1]!;
    assert.deepEqual(two.children.map((n) => [n.kind, n.name.slice(0, 3)]), [['paragraph', '要稳定'], ['paragraph', '（1）'], ['paragraph', '（2）'], ['paragraph', '（3）']]);
    // The run-ins of （二） are its level-3 sections too.
    const industry = three.children.find((n) => n.name.startsWith('（二）'))!;
    assert.deepEqual(industry.children.map((n) => n.name), ['1.改造提升传统产业', '2.培育壮大新兴产业']);
  });

  it('the exports keep a run-in heading as the paragraph it is', () => {
    const a = parseArticle(`标题\n${p('一、总体要求')}${p('1.稳住外贸外资基本盘。支持外贸企业拓市场、抢订单，扩大跨境电商规模，全年实际使用外资保持稳定。')}`);
    assert.deepEqual(toExportedArticle(a, 'x.txt').blocks.map((b) => b.type), ['heading', 'paragraph']);
  });

  it('typing keeps the rule: ending a heading with "；" makes it a list item, deleting the "；" a heading again', () => {
    const source = `标题\n${p('（1）开展促消费活动')}`;
    const a = parseArticle(source);
    assert.equal(a.blocks[0]!.heading?.level, 4);
    const at = source.indexOf('活动') + 2;
    const typed = updateArticle(a, { start: at, end: at, text: '；' })!;
    assert.equal(typed.blocks[0]!.heading, undefined);
    assert.equal(parseArticle(typed.source).blocks[0]!.heading, undefined);
    const deleted = updateArticle(typed, { start: at, end: at + 1, text: '' })!;
    assert.equal(deleted.blocks[0]!.heading?.level, 4);
  });
});
