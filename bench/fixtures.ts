/**
 * The inputs the benchmarks share, built once: the real seed and the generated big article.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { generateBigArticle, type GeneratedArticle } from '../test/support/generate';

export const SEED_NAME = '000_5edd2806a98033fb.txt';

let seed: string | undefined;
let big: GeneratedArticle | undefined;
let bigParagraphs = 20000;
let bigGeneratedMs = NaN;

/** The real seed's text. Found next to the bundle (out/bench/ → seeds/) or from the working directory. */
export function seedText(): string {
  if (seed === undefined) {
    const candidates = [resolve(__dirname, '..', '..', 'seeds', SEED_NAME), resolve('seeds', SEED_NAME)];
    for (const path of candidates) {
      try {
        seed = readFileSync(path, 'utf8');
        break;
      } catch {
        // try the next place
      }
    }
    if (seed === undefined) throw new Error(`bench: cannot find seeds/${SEED_NAME} (run from the repository root)`);
  }
  return seed;
}

/** Paragraphs of the big article (`--paragraphs N`); 20,000 make the ~15 MB of the targets. */
export function setBigParagraphs(paragraphs: number): void {
  bigParagraphs = paragraphs;
  big = undefined;
}

export function bigParagraphCount(): number {
  return bigParagraphs;
}

/** The generated seed-form article (test/support/generate.ts), deterministic. */
export function bigArticle(): GeneratedArticle {
  if (big === undefined) {
    const t0 = performance.now();
    big = generateBigArticle(bigParagraphs);
    bigGeneratedMs = performance.now() - t0;
  }
  return big;
}

/** How long generating the big article took. */
export function bigGenerationMs(): number {
  bigArticle();
  return bigGeneratedMs;
}

export function megabytes(text: string): string {
  return `${(Buffer.byteLength(text, 'utf8') / 1e6).toFixed(1)} MB`;
}
