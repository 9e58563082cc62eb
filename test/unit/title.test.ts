import * as assert from 'node:assert/strict';
import { parseTitleLine } from '../../src/core/title';

describe('parseTitleLine', () => {
  const cases: [string, string, number | null][] = [
    ['227河南省主题教育工作会议召开.txt', '河南省主题教育工作会议召开', 227],
    ['12020年经济运行情况.txt', '2020年经济运行情况', 1],
    ['2019年工作报告.txt', '2019年工作报告', null],
    ['352019年工作报告.txt', '2019年工作报告', 35],
    ['35G基站建设提速.txt', '5G基站建设提速', 3],
    ['5G基站建设提速.txt', '5G基站建设提速', null],
    ['青禾县新闻', '青禾县新闻', null],
    ['2024年春节通知', '2024年春节通知', null],
    ['\uFEFF7标题.TXT', '标题', 7],
    ['  8 标题 .txt  ', '标题', 8],
    ['123.txt', '123', null],
    ['', '', null],
  ];
  for (const [line, title, index] of cases) {
    it(`${JSON.stringify(line)} → ${JSON.stringify(title)}, ${index}`, () => {
      assert.deepEqual(parseTitleLine(line), { title, listIndex: index });
    });
  }
});
