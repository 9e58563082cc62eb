/**
 * What the UI tests read of the Article Editor's page and wait for: one copy for every test file.
 */
import type { FrameLocator, Locator, Page } from 'playwright-core';

/** The Article Editor's page: the visible webview's `iframe#active-frame`. */
export function articlePage(page: Page): FrameLocator {
  return page.locator('iframe.webview.ready').filter({ visible: true }).contentFrame().locator('iframe#active-frame').contentFrame();
}

/** Polls `read` (every 100 ms) until `ok` holds; fails with the last value it read. */
export async function until<T>(what: string, read: () => Promise<T>, ok: (value: T) => boolean, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (ok(value)) return value;
    if (Date.now() > deadline) throw new Error(`${what}: still ${JSON.stringify(value)} after ${timeoutMs / 1000} s`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

export async function textOf(locator: Locator): Promise<string> {
  return (await locator.textContent()) ?? '';
}
