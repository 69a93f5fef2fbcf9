/** Shared by the package tests: find a system Chromium, launch it headless, watch a page for errors. */
import { existsSync } from 'node:fs';
import type { Browser, Page } from 'puppeteer-core';

/** CHROME_PATH, else Debian's /usr/bin/chromium; null when neither exists (the tests then skip). */
export function findChromium(): string | null {
  const candidates = [process.env.CHROME_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'];
  return candidates.find((p): p is string => !!p && existsSync(p)) ?? null;
}

export const NO_CHROMIUM = 'no Chromium: set CHROME_PATH or install Debian chromium (/usr/bin/chromium)';

export async function launchChromium(executablePath: string): Promise<Browser> {
  const puppeteer = (await import('puppeteer-core')).default;
  return puppeteer.launch({
    executablePath,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-dev-shm-usage', '--no-first-run'],
  });
}

/** Records console errors, uncaught exceptions, failed requests and HTTP errors of a page. */
export function watchPage(page: Page): string[] {
  const problems: string[] = [];
  page.on('console', (msg) => {
    if (msg.type() === 'error') problems.push(`console.error: ${msg.text()} ${msg.location()?.url ?? ''}`);
  });
  page.on('pageerror', (err) => problems.push(`uncaught: ${(err as Error).message ?? String(err)}`));
  page.on('requestfailed', (req) => {
    const reason = req.failure()?.errorText ?? '';
    // A request cancelled on purpose (a newer input aborts the older fetch) is not a failure.
    if (reason === 'net::ERR_ABORTED') return;
    problems.push(`request failed: ${req.method()} ${req.url()} ${reason}`);
  });
  page.on('response', (res) => {
    if (res.status() >= 400) problems.push(`HTTP ${res.status()}: ${res.request().method()} ${res.url()}`);
  });
  return problems;
}
