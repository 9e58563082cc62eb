/**
 * Decoding a file's bytes (UTF-8 first, GB18030 where they are not UTF-8): the first step of
 * opening an article.
 */
import { decodeBytes } from '../src/core/decode';
import { bigArticle, seedText } from './fixtures';
import { registerBench } from './harness';

registerBench({
  name: 'decodeBytes',
  run(ctx) {
    const seedBytes = new Uint8Array(Buffer.from(seedText(), 'utf8'));
    ctx.measure({
      id: 'decode.seed',
      label: 'seed, UTF-8',
      run: () => decodeBytes(seedBytes),
      inner: 'auto',
      warmup: 100,
      reps: 15,
    });
    if (!ctx.selected('decode.big')) return;
    const bigBytes = new Uint8Array(Buffer.from(bigArticle().text, 'utf8'));
    ctx.measure({
      id: 'decode.big',
      label: 'big article, UTF-8',
      run: () => decodeBytes(bigBytes),
      warmup: 2,
      reps: 10,
    });
  },
});
