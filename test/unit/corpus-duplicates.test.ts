import * as assert from 'node:assert/strict';
import { containment, DEFAULT_THRESHOLD, DuplicateFinder, findDuplicates, sketch, estimateJaccard } from '../../src/core/corpus/duplicates';
import { cleanTextOf } from '../../src/core/corpus/search';
import { parseArticle } from '../../src/core/parse';
import { pairScores, plantedCorpus } from '../support/corpus';
import { readSeed, seedNames } from '../support/seeds';

const SEED = '000_5edd2806a98033fb.txt';

function paragraphs(text: string): string[] {
  return text.split('\n');
}

describe('duplicate finder', () => {
  const seedText = cleanTextOf(parseArticle(readSeed(SEED)));
  const [title, ...body] = paragraphs(seedText);

  it('groups exact duplicates (the same clean text under other ids) as exact', () => {
    const groups = findDuplicates([
      { id: 'a', text: seedText },
      { id: 'b', text: seedText },
      { id: 'c', text: cleanTextOf(parseArticle(readSeed('017_speech-sections-outline.txt'))) },
    ]);
    assert.deepEqual(groups, [{ kind: 'exact', similarity: 1, ids: ['a', 'b'] }]);
  });

  it('groups near duplicates: a changed title, a cut last paragraph, paragraphs left out', () => {
    const variants = [
      { id: 'original', text: seedText },
      { id: 'title', text: ['（图）' + title + '（转载）', ...body].join('\n') },
      { id: 'cut', text: [title, ...body.slice(0, -1)].join('\n') },
      { id: 'omitted', text: [title, ...body.filter((_, i) => i !== 2 && i !== 4)].join('\n') },
    ];
    const groups = findDuplicates(variants);
    assert.equal(groups.length, 1, JSON.stringify(groups));
    assert.equal(groups[0]!.kind, 'near');
    assert.deepEqual([...groups[0]!.ids].sort(), ['cut', 'omitted', 'original', 'title']);
    assert.ok(groups[0]!.similarity >= DEFAULT_THRESHOLD && groups[0]!.similarity <= 1);
  });

  it('does not group distinct articles that share a boilerplate lead and footer', () => {
    const lead = '本网讯 为深入学习贯彻习近平新时代中国特色社会主义思想和党的十九大精神，全面落实党中央决策部署，扎实推进各项工作高质量发展，现将有关情况报道如下。';
    const footer = '（来源：河南日报）本网站所刊登的各种新闻、信息和各种专题专栏资料，均为本网版权所有，未经协议授权，禁止下载使用。责任编辑：某某';
    const items = seedNames().map((name) => {
      const [t, ...b] = paragraphs(cleanTextOf(parseArticle(readSeed(name))));
      return { id: name, text: [t, lead, ...b, footer].join('\n') };
    });
    // The seeds differ from one another, with the same boilerplate around each.
    const groups = findDuplicates(items);
    assert.deepEqual(groups, []);
  });

  it('a generated corpus with planted duplicates: precision and recall of at least 0.98', () => {
    const corpus = plantedCorpus(12, 3000);
    const finder = new DuplicateFinder<number>();
    corpus.forEach((article, i) => finder.add(i, article.text));
    const groups = finder.groups();
    const scores = pairScores(corpus, groups);
    assert.ok(scores.truePairs > 300, `${scores.truePairs} planted pairs`);
    assert.ok(scores.precision >= 0.98, `precision ${scores.precision}`);
    assert.ok(scores.recall >= 0.98, `recall ${scores.recall}`);
    assert.ok(groups.some((g) => g.kind === 'exact') && groups.some((g) => g.kind === 'near'));
  });

  it('estimates Jaccard similarity and turns it into containment', () => {
    const a = sketch(seedText);
    assert.equal(estimateJaccard(a.signature, sketch(seedText).signature), 1);
    const half = sketch([title, ...body.slice(0, 4)].join('\n'));
    const j = estimateJaccard(a.signature, half.signature);
    assert.ok(j > 0.3 && j < 0.75, `J ${j}`);
    assert.ok(containment(j, a.shingles, half.shingles) > 0.85);
    assert.equal(containment(1, 100, 100), 1);
    assert.equal(containment(0, 100, 100), 0);
  });
});
