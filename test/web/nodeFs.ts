/**
 * `node:fs` for the web tier's bundle: the integration suite imports it for the one test that
 * checks modes and links on this machine, which skips itself in the web worker host. Anything
 * called here anyway fails loudly.
 */
function missing(name: string): () => never {
  return () => {
    throw new Error(`node:fs ${name} is not available in the web worker extension host`);
  };
}

export const chmodSync = missing('chmodSync');
export const linkSync = missing('linkSync');
export const lstatSync = missing('lstatSync');
export const readFileSync = missing('readFileSync');
export const statSync = missing('statSync');
export const symlinkSync = missing('symlinkSync');
