/**
 * parse5 on first use, for the extension's bundles: the core parses the rare paragraph that holds
 * real markup with parse5's `parseFragment` (src/core/text.ts), and that is half of the bundle's
 * code. esbuild.config.mjs points the extension's `parse5` imports here; this module's own
 * `require('parse5')` is, in the Node bundle, dist/parse5.js (a bundle of its own, read only
 * when a paragraph needs it), and in the web bundle parse5 bundled in and evaluated on first use
 * (the web worker host loads no second file). The CLI bundles parse5 as it is.
 */
import type * as Parse5 from 'parse5';

let parse5: typeof Parse5 | undefined;

function load(): typeof Parse5 {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded on first use, synchronously, as the parser needs it
  parse5 ??= require('parse5') as typeof Parse5;
  return parse5;
}

export const parseFragment: typeof Parse5.parseFragment = ((...args: Parameters<typeof Parse5.parseFragment>) => load().parseFragment(...args)) as typeof Parse5.parseFragment;
