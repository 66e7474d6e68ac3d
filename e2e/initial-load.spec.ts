/**
 * The designer's initial JavaScript stays under 300 KB gzip: every script the page requests
 * before it asks for the workbench (Monaco editor, parity table — loaded lazily), measured in
 * Chromium against the production build and compressed here as a server would send it.
 */
import { gzipSync } from 'node:zlib';
import { expect, test } from '@playwright/test';
import { openApp } from './support/designer';

const BUDGET_BYTES = 300 * 1024;

test('the JavaScript before the editor loads stays under 300 KB gzip', async ({ page }) => {
  const initial: string[] = [];
  let workbenchAsked = false;
  page.on('request', (r) => {
    if (r.resourceType() !== 'script') return;
    if (/\/(Workbench|editor\.api|editor\.main)[-.]/.test(new URL(r.url()).pathname)) workbenchAsked = true;
    if (!workbenchAsked) initial.push(r.url());
  });
  await openApp(page);
  // Opening a sample makes the workbench (and Monaco with it) load: the boundary is crossed.
  await page.getByRole('button', { name: 'Samples' }).click();
  await page
    .getByRole('button', { name: /travel/i })
    .first()
    .click();
  await expect(page.locator('.monaco-editor').first()).toBeVisible({ timeout: 60_000 });
  expect(workbenchAsked).toBe(true);
  expect(initial.length).toBeGreaterThan(0);
  let total = 0;
  const lines: string[] = [];
  for (const url of initial) {
    const body = await (await page.request.get(url)).body();
    const gz = gzipSync(body, { level: 9 }).length;
    total += gz;
    lines.push(`${new URL(url).pathname}: ${(gz / 1024).toFixed(1)} KB gzip`);
  }
  console.log(
    `initial JavaScript: ${(total / 1024).toFixed(1)} KB gzip in ${initial.length} file(s)\n  ${lines.join('\n  ')}`,
  );
  expect(initial.some((u) => /monaco|editor\.api/.test(u))).toBe(false);
  expect(total).toBeLessThan(BUDGET_BYTES);
});
