/**
 * `node:assert/strict` for the web tier: the integration tests import it, and the web worker
 * extension host has no Node. The web test build (esbuild.config.mjs) points the import here. Only
 * what the suite uses, with the same meaning: strict equality (`Object.is`) and a strict deep
 * equality over plain values, arrays, maps, sets, dates, regular expressions and typed arrays.
 */

export class AssertionError extends Error {
  override name = 'AssertionError';
}

function show(value: unknown): string {
  try {
    return typeof value === 'string' ? JSON.stringify(value) : (JSON.stringify(value) ?? String(value));
  } catch {
    return String(value);
  }
}

function fail(message: string | Error | undefined, fallback: string): never {
  if (message instanceof Error) throw message;
  throw new AssertionError(message ?? fallback);
}

function deepStrictEqual(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Object.getPrototypeOf(a) !== Object.getPrototypeOf(b)) return false;
  if (a instanceof Date) return a.getTime() === (b as Date).getTime();
  if (a instanceof RegExp) return b instanceof RegExp && String(a) === String(b);
  if (ArrayBuffer.isView(a)) {
    const x = new Uint8Array(a.buffer, a.byteOffset, a.byteLength);
    const y = new Uint8Array((b as ArrayBufferView).buffer, (b as ArrayBufferView).byteOffset, (b as ArrayBufferView).byteLength);
    return x.length === y.length && x.every((byte, i) => byte === y[i]);
  }
  if (a instanceof Map) {
    const other = b as Map<unknown, unknown>;
    return a.size === other.size && [...a].every(([key, value]) => other.has(key) && deepStrictEqual(value, other.get(key)));
  }
  if (a instanceof Set) {
    const other = b as Set<unknown>;
    return a.size === other.size && [...a].every((value) => other.has(value));
  }
  const keysA = Object.keys(a);
  const keysB = Object.keys(b);
  if (keysA.length !== keysB.length) return false;
  const record = b as Record<string, unknown>;
  return keysA.every((key) => Object.prototype.hasOwnProperty.call(b, key) && deepStrictEqual((a as Record<string, unknown>)[key], record[key]));
}

export function ok(value: unknown, message?: string | Error): asserts value {
  if (!value) fail(message, `expected a truthy value, got ${show(value)}`);
}

/** Where two strings first differ, with a little context: what a failure message needs. */
function difference(actual: string, expected: string): string {
  let at = 0;
  while (at < actual.length && actual[at] === expected[at]) at++;
  const from = Math.max(0, at - 20);
  return `first difference at ${at}: expected …${show(expected.slice(from, at + 40))}, got …${show(actual.slice(from, at + 40))}`;
}

export function equal<T>(actual: unknown, expected: T, message?: string | Error): asserts actual is T {
  if (Object.is(actual, expected)) return;
  const detail = typeof actual === 'string' && typeof expected === 'string' ? difference(actual, expected) : `expected ${show(expected)}, got ${show(actual)}`;
  fail(message instanceof Error ? message : message === undefined ? undefined : `${message} (${detail})`, detail);
}

export function notEqual(actual: unknown, expected: unknown, message?: string | Error): void {
  if (Object.is(actual, expected)) fail(message, `expected anything but ${show(expected)}`);
}

export function deepEqual<T>(actual: unknown, expected: T, message?: string | Error): asserts actual is T {
  if (!deepStrictEqual(actual, expected)) fail(message, `expected ${show(expected)}, got ${show(actual)}`);
}

export function notDeepEqual(actual: unknown, expected: unknown, message?: string | Error): void {
  if (deepStrictEqual(actual, expected)) fail(message, `expected anything but ${show(expected)}`);
}

export function match(text: string, pattern: RegExp, message?: string | Error): void {
  if (typeof text !== 'string' || !pattern.test(text)) fail(message, `expected ${show(text)} to match ${String(pattern)}`);
}

export function doesNotMatch(text: string, pattern: RegExp, message?: string | Error): void {
  if (typeof text !== 'string' || pattern.test(text)) fail(message, `expected ${show(text)} not to match ${String(pattern)}`);
}

type Expected = RegExp | ((error: unknown) => boolean) | (new (...args: never[]) => unknown);

function check(error: unknown, expected: Expected | undefined, message?: string | Error): void {
  if (expected === undefined) return;
  if (expected instanceof RegExp) {
    match(error instanceof Error ? error.message : String(error), expected, message);
  } else if (expected.prototype !== undefined && error instanceof (expected as new (...args: never[]) => unknown)) {
    return;
  } else if (!(expected as (error: unknown) => boolean)(error)) {
    fail(message, `the error ${show(String(error))} is not the expected one`);
  }
}

export function throws(run: () => unknown, expected?: Expected, message?: string | Error): void {
  try {
    run();
  } catch (error) {
    check(error, expected, message);
    return;
  }
  fail(message, 'expected the function to throw');
}

export async function rejects(run: Promise<unknown> | (() => Promise<unknown>), expected?: Expected, message?: string | Error): Promise<void> {
  try {
    await (typeof run === 'function' ? run() : run);
  } catch (error) {
    check(error, expected, message);
    return;
  }
  fail(message, 'expected the promise to reject');
}

export const strict = { ok, equal, notEqual, deepEqual, notDeepEqual, match, doesNotMatch, throws, rejects, AssertionError };
export default strict;
