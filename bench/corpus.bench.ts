/**
 * The corpus features at scale.
 *
 * Indexing: 5,000 and 10,000 generated article files on disk (test/support/generate.ts
 * generateCorpus, every variant; kept in bench/.data/corpus-index-N/), indexed the way the
 * extension's CorpusIndex does it, through the same core function (`indexEntry`): batches of 32
 * files stat'ed and read concurrently, each file's entry built synchronously, control handed back
 * to the event loop after 15 ms. Reported: time to the first rows (the first batch indexed), the
 * total, the longest synchronous slice, the heap the entries hold, and a second pass from the
 * cache (every stamp fresh: stat only). (The extension reads through `vscode.workspace.fs`
 * instead of `node:fs`; the work in between is this.)
 *
 * Duplicates: 100,000 generated articles' clean text with planted duplicates
 * (test/support/corpus.ts: exact copies, changed titles, cut last paragraphs, paragraphs left
 * out, and distinct articles sharing a boilerplate lead and footer) through the DuplicateFinder:
 * the time to add them and to group them, the memory the finder holds, the process's peak RSS,
 * and precision and recall over the planted pairs.
 */
import { mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import * as v8 from 'node:v8';
import * as vm from 'node:vm';
import { DEFAULT_THRESHOLD, DuplicateFinder } from '../src/core/corpus/duplicates';
import { indexEntry, isFresh, type CachedEntry } from '../src/core/corpus/entry';
import { generateCorpus } from '../test/support/generate';
import { pairScores, plantedCorpus } from '../test/support/corpus';
import { registerBench } from './harness';

const SEED = 0xc0125;
const BATCH = 32;
const SLICE_MS = 15;
const DUPLICATE_ARTICLES = 100_000;

function repoRoot(): string {
  for (const dir of [resolve(__dirname, '..', '..'), resolve('.')]) {
    try {
      readFileSync(join(dir, 'package.json'));
      return dir;
    } catch {
      // next
    }
  }
  return resolve('.');
}

function ensureCorpus(count: number): { dir: string; files: string[] } {
  const dir = join(repoRoot(), 'bench', '.data', `corpus-index-${count}`);
  const marker = join(dir, '.done');
  let ready = false;
  try {
    ready = readFileSync(marker, 'utf8') === String(SEED);
  } catch {
    // generate
  }
  if (!ready) {
    rmSync(dir, { recursive: true, force: true });
    generateCorpus(SEED, count).forEach((entry, i) => {
      const folder = join(dir, `part-${String(Math.floor(i / 500)).padStart(2, '0')}`);
      if (i % 500 === 0) mkdirSync(folder, { recursive: true });
      writeFileSync(join(folder, entry.name), entry.text);
    });
    writeFileSync(marker, String(SEED));
  }
  const files = readdirSync(dir)
    .filter((name) => name.startsWith('part-'))
    .sort()
    .flatMap((folder) => readdirSync(join(dir, folder)).sort().map((name) => join(dir, folder, name)));
  return { dir, files };
}

const yieldNow = (): Promise<void> => new Promise((r) => setImmediate(r));

interface IndexRun {
  firstRowsMs: number;
  totalMs: number;
  /** Wall clock: on a busy machine it counts time the process was not running too. */
  longestSliceMs: number;
  /** The same slices in CPU time of this process: the work itself. */
  longestSliceCpuMs: number;
  articles: number;
  read: number;
  entries: Map<string, CachedEntry>;
}

/** The extension's indexing loop over node:fs: stamps, then entries for files not fresh in `cache`. */
async function indexFiles(files: readonly string[], cache: ReadonlyMap<string, CachedEntry>): Promise<IndexRun> {
  const started = performance.now();
  const entries = new Map<string, CachedEntry>();
  let firstRowsMs = NaN;
  let longest = 0;
  let longestCpu = 0;
  let sliceStart = performance.now();
  let sliceCpu = process.cpuUsage();
  let read = 0;
  const begin = (): void => {
    sliceStart = performance.now();
    sliceCpu = process.cpuUsage();
  };
  const mark = (): void => {
    longest = Math.max(longest, performance.now() - sliceStart);
    const cpu = process.cpuUsage(sliceCpu);
    longestCpu = Math.max(longestCpu, (cpu.user + cpu.system) / 1000);
  };
  for (let at = 0; at < files.length; at += BATCH) {
    const batch = files.slice(at, at + BATCH);
    const stamps = await Promise.all(batch.map((path) => stat(path).then((s) => ({ mtime: s.mtimeMs, size: s.size }))));
    begin();
    const stale: number[] = [];
    batch.forEach((path, i) => {
      const known = cache.get(path);
      if (known && isFresh(known, stamps[i]!)) entries.set(path, known);
      else stale.push(i);
    });
    mark();
    const contents = await Promise.all(stale.map((i) => readFile(batch[i]!)));
    begin();
    for (let k = 0; k < stale.length; k++) {
      const i = stale[k]!;
      entries.set(batch[i]!, { ...stamps[i]!, entry: indexEntry(contents[k]!) });
      read++;
      mark();
      if (performance.now() - sliceStart >= SLICE_MS) {
        await yieldNow();
        begin();
      }
    }
    if (Number.isNaN(firstRowsMs)) firstRowsMs = performance.now() - started;
    await yieldNow();
    begin();
  }
  const articles = [...entries.values()].filter((e) => e.entry.kind === 'article').length;
  return { firstRowsMs, totalMs: performance.now() - started, longestSliceMs: longest, longestSliceCpuMs: longestCpu, articles, read, entries };
}

let collect: (() => void) | undefined;

/** A full GC (for the heap figures): `--expose-gc` switched on from inside, as the harness does. */
function gc(): void {
  if (!collect) {
    v8.setFlagsFromString('--expose-gc');
    collect = vm.runInNewContext('gc') as () => void;
  }
  collect();
}

const mb = (bytes: number): string => (bytes / 1e6).toFixed(1);

registerBench({
  name: 'corpus: index and duplicates',
  budgetMs: 15 * 60_000,
  async run(ctx) {
    const rows: string[][] = [];
    for (const count of [5000, 10000]) {
      const id = `corpus.index.${count}`;
      if (!ctx.selected(id)) continue;
      const { files } = ensureCorpus(count);
      gc();
      const heapBefore = process.memoryUsage().heapUsed;
      const cold = await indexFiles(files, new Map());
      gc();
      const heapAfter = process.memoryUsage().heapUsed;
      const cacheBytes = Buffer.byteLength(JSON.stringify([...cold.entries].map(([k, v]) => [k, v.mtime, v.size, v.entry])));
      const warm = await indexFiles(files, cold.entries);
      rows.push([
        String(files.length),
        String(cold.articles),
        cold.firstRowsMs.toFixed(0),
        cold.totalMs.toFixed(0),
        cold.longestSliceMs.toFixed(1),
        cold.longestSliceCpuMs.toFixed(1),
        mb(heapAfter - heapBefore),
        mb(cacheBytes),
        warm.totalMs.toFixed(0),
        String(warm.read),
      ]);
      // Judged on CPU time: on a machine shared by many processes the wall clock also counts the
      // time the scheduler gave to others, which no yielding can avoid. Both are shown.
      ctx.check({ label: `index ${count}: longest synchronous slice (cpu; wall ${cold.longestSliceMs.toFixed(1)} ms)`, value: `${cold.longestSliceCpuMs.toFixed(1)} ms`, target: '≤ 50 ms', pass: cold.longestSliceCpuMs <= 50 });
      ctx.check({ label: `index ${count}: first rows before the end`, value: `${cold.firstRowsMs.toFixed(0)} of ${cold.totalMs.toFixed(0)} ms`, target: '< total', pass: cold.firstRowsMs < cold.totalMs });
      ctx.check({ label: `index ${count}: the cached pass reads no file`, value: String(warm.read), target: '0', pass: warm.read === 0 });
    }
    if (rows.length > 0) {
      ctx.table({
        title: 'Indexing generated article files (node:fs, indexEntry per file, batches of 32, 15 ms slices)',
        header: ['files', 'articles', 'first rows ms', 'total ms', 'longest slice ms', 'longest slice cpu ms', 'entries heap MB', 'cache JSON MB', 'cached pass ms', 'cached pass reads'],
        rows,
        right: [0, 1, 2, 3, 4, 5, 6, 7, 8, 9],
      });
    }

    if (ctx.selected('corpus.threshold')) {
      // Why 0.8: precision and recall over the thresholds, on a smaller corpus of the same kind.
      const corpus = plantedCorpus(SEED + 1, 20_000);
      const finder = new DuplicateFinder<number>();
      corpus.forEach((article, i) => finder.add(i, article.text));
      const sweep = [0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 0.95, 1].map((threshold) => {
        const scores = pairScores(corpus, finder.groups(threshold));
        return [threshold.toFixed(2), String(scores.predictedPairs), scores.precision.toFixed(4), scores.recall.toFixed(4)];
      });
      ctx.table({ title: `Duplicates: precision and recall by threshold (20,000 generated articles, ${pairScores(corpus, []).truePairs} planted pairs)`, header: ['threshold', 'found pairs', 'precision', 'recall'], rows: sweep, right: [0, 1, 2, 3] });
    }

    if (ctx.selected('corpus.duplicates')) {
      const t0 = performance.now();
      const corpus = plantedCorpus(SEED, DUPLICATE_ARTICLES);
      const generatedMs = performance.now() - t0;
      const chars = corpus.reduce((n, a) => n + a.text.length, 0);
      gc();
      // The signatures live in an ArrayBuffer, outside the JS heap: both are counted.
      const held = (): number => process.memoryUsage().heapUsed + process.memoryUsage().arrayBuffers;
      const heapBefore = held();
      const t1 = performance.now();
      const finder = new DuplicateFinder<number>();
      corpus.forEach((article, i) => finder.add(i, article.text));
      const addMs = performance.now() - t1;
      gc();
      const finderHeap = held() - heapBefore;
      const t2 = performance.now();
      const groups = finder.groups(DEFAULT_THRESHOLD);
      const groupMs = performance.now() - t2;
      const peakRss = process.resourceUsage().maxRSS * 1024;
      const scores = pairScores(corpus, groups);
      const boilerplate = corpus.filter((a) => a.kind === 'boilerplate').length;
      ctx.note(`duplicates: ${DUPLICATE_ARTICLES.toLocaleString()} articles (${(chars / 1e6).toFixed(0)} M characters, ${boilerplate.toLocaleString()} distinct ones sharing boilerplate), generated in ${(generatedMs / 1000).toFixed(1)} s`);
      ctx.table({
        title: `Duplicates over ${DUPLICATE_ARTICLES.toLocaleString()} generated articles (threshold ${DEFAULT_THRESHOLD})`,
        header: ['add s', 'group s', 'total s', 'finder memory MB', 'peak RSS MB', 'groups', 'planted pairs', 'found pairs', 'precision', 'recall'],
        rows: [[(addMs / 1000).toFixed(1), (groupMs / 1000).toFixed(1), ((addMs + groupMs) / 1000).toFixed(1), mb(finderHeap), mb(peakRss), String(groups.length), String(scores.truePairs), String(scores.predictedPairs), scores.precision.toFixed(4), scores.recall.toFixed(4)]],
        right: [0, 1, 2, 3, 4, 5, 6, 7, 8, 9],
      });
      ctx.check({ label: 'duplicates: precision', value: scores.precision.toFixed(4), target: '≥ 0.99', pass: scores.precision >= 0.99 });
      ctx.check({ label: 'duplicates: recall', value: scores.recall.toFixed(4), target: '≥ 0.99', pass: scores.recall >= 0.99 });
      ctx.check({ label: 'duplicates: finder memory', value: `${mb(finderHeap)} MB`, target: '≤ 150 MB', pass: finderHeap <= 150e6 });
    }
  },
});
