import * as assert from 'node:assert/strict';
import { buildOutline, flattenOutline, nodeLabel, nodeName, type OutlineNode } from '../../src/core/outline';
import { codePoints as charCount } from '../../src/core/text';
import { parseArticle } from '../../src/core/parse';
import { readSeed } from '../support/seeds';

const p = (text: string): string => `<div><span style='x'> ${text}</span></div><div>&nbsp;</div>`;

describe('buildOutline', () => {
  it('the seed: the title as root, one child per paragraph with its start as name', () => {
    const source = readSeed('000_5edd2806a98033fb.txt');
    const [root, ...rest] = buildOutline(parseArticle(source));
    assert.equal(rest.length, 0);
    assert.equal(root!.kind, 'title');
    assert.equal(root!.name, '河南省“不忘初心、牢记使命”主题教育工作会议召开');
    assert.equal(root!.children.length, 8);
    const first = root!.children[0]!;
    assert.equal(first.name, '6月6日，河南省委召开“不忘初心、牢记使命”主题教育工作会议，深入学习贯彻习近平…');
    assert.equal(first.chars, 153);
    assert.ok(source.slice(first.selection.start, first.selection.end).startsWith('　　6月6日'));
    assert.ok(source.slice(first.selection.end).startsWith('</span></div>'));
    assert.equal(root!.selection.end, source.indexOf('\n'));
  });

  it('nests paragraphs under section headings by level', () => {
    const a = parseArticle(`标题\n${p('引言。')}${p('一、总体要求')}${p('甲。')}${p('（一）分项')}${p('乙。')}${p('二、保障措施')}${p('丙。')}`);
    const [root] = buildOutline(a);
    const shape = (n: { name: string; children: { name: string; children: unknown[] }[] }): unknown => [n.name, n.children.map((c) => shape(c as never))];
    assert.deepEqual(shape(root!), ['标题', [['引言。', []], ['一、总体要求', [['甲。', []], ['（一）分项', [['乙。', []]]]]], ['二、保障措施', [['丙。', []]]]]]);
    const section = root!.children[1]!;
    // The section runs from its heading to the end of its last paragraph (乙。), before 二、.
    assert.ok(a.source.slice(section.span.start, section.span.end).endsWith('乙。</span></div>'));
  });

  it('is flat when sections are turned off', () => {
    const a = parseArticle(`标题\n${p('一、总体要求')}${p('甲。')}`);
    assert.equal(buildOutline(a, { sections: false })[0]!.children.length, 2);
  });

  it('image placeholders are nodes, empty paragraphs are not', () => {
    const a = parseArticle(`标题\n  前文。\n---------- \n-----这里有图片----- \n---------- \n  后文。\n  `);
    assert.deepEqual(flattenOutline(buildOutline(a)).map((n) => n.kind), ['title', 'paragraph', 'image', 'paragraph']);
  });

  it('names are cut at 40 characters without splitting a surrogate pair', () => {
    assert.equal(nodeName('　　' + '字'.repeat(50), 40), '字'.repeat(40) + '…');
    assert.equal(nodeName('字'.repeat(39) + '𠀀', 40), '字'.repeat(39) + '…');
    assert.equal(charCount('𠀀a'), 2);
  });

  it('labels nodes by one rule for the extension and the CLI: images, an untitled title, an empty paragraph', () => {
    const words = { image: 'IMG', untitled: 'UNTITLED', empty: 'EMPTY' };
    const node = (kind: OutlineNode['kind'], name: string): OutlineNode => ({ kind, name, span: { start: 0, end: 0 }, selection: { start: 0, end: 0 }, chars: 0, block: 0, children: [] });
    assert.equal(nodeLabel(node('image', ''), words), 'IMG');
    assert.equal(nodeLabel(node('title', ' '), words), 'UNTITLED');
    assert.equal(nodeLabel(node('paragraph', ''), words), 'EMPTY');
    assert.equal(nodeLabel(node('heading', '第一章'), words), '第一章');
  });
});
