/**
 * Issue 15 in the browser: a share link carries no credential, a design opened from a link
 * survives a reload before any edit, an oversized link is refused with a clear message, and a
 * damaged autosave is offered as a download before anything overwrites it.
 */
import { expect, test } from '@playwright/test';
import LZString from 'lz-string';
import { HOSTILE_MANIFEST } from '../src/fuzz/inputs';
import { node, openApp, topology } from './support/designer';

const STORAGE_KEY = 'aspire-parity:design';

test('share link: no credential, survives a reload, oversized links refused', async ({ page, browser }) => {
  await openApp(page);
  await page.getByTestId('import-input').setInputFiles({
    name: 'aspire-manifest.json',
    mimeType: 'application/json',
    buffer: Buffer.from(HOSTILE_MANIFEST),
  });
  await expect(node(page, 'api')).toBeVisible();
  await page.getByRole('button', { name: 'Share link' }).click();
  const url = await page.getByRole('dialog').getByLabel('Link').inputValue();
  const payload = LZString.decompressFromEncodedURIComponent(url.slice(url.indexOf('#design=') + '#design='.length));
  expect(payload).toContain('"api"');
  expect(payload).not.toMatch(/CANARY/);

  // A fresh browser (no autosave): the link opens the design at once; reload before any edit.
  const context = await browser.newContext();
  const fresh = await context.newPage();
  await fresh.goto(url);
  await expect(node(fresh, 'api')).toBeVisible();
  await expect.poll(() => fresh.evaluate(() => location.hash)).toBe('');
  await fresh.reload();
  await expect(node(fresh, 'api')).toBeVisible();
  expect((await topology(fresh)).resources.map((r) => r.name)).toContain('legacy');

  // An oversized link pasted into the open tab (only the hash changes): a clear message,
  // quickly, and the current design stays.
  await fresh.goto(`${new URL(url).origin}${new URL(url).pathname}#design=${'A'.repeat(70_000)}`);
  await expect(fresh.getByText(/This shared link is too long to open \(\d+ kB/)).toBeVisible();
  await expect(node(fresh, 'api')).toBeVisible();
  await context.close();
});

test('damaged autosave: offered as a download, not overwritten until the user starts fresh', async ({ page }) => {
  const damaged =
    `{"format":"aspire-parity-design","version":1,"topology":{"name":"lost ` +
    `work","resources":[{"name":"keep-me"${'x'.repeat(2000)}`;
  await page.addInitScript(
    ([key, text]) => {
      if (!sessionStorage.getItem('seeded')) {
        localStorage.setItem(key!, text!);
        sessionStorage.setItem('seeded', '1');
      }
    },
    [STORAGE_KEY, damaged],
  );
  await openApp(page);
  const banner = page.getByTestId('damaged-autosave');
  await expect(banner).toContainText('The autosaved design is damaged');
  await expect(banner).not.toContainText('copy was kept');

  const download = page.waitForEvent('download');
  await banner.getByRole('button', { name: 'Download the damaged data' }).click();
  const file = await download;
  const { readFile } = await import('node:fs/promises');
  expect(await readFile((await file.path())!, 'utf8')).toBe(damaged);

  // An edit while the banner is up does not overwrite the only copy.
  await page.getByRole('button', { name: 'Samples' }).click();
  await page.getByRole('button', { name: 'Open Travel platform' }).click();
  await expect(node(page, 'trip-api')).toBeVisible();
  await page.waitForTimeout(600); // past the autosave debounce (400 ms): nothing may be written
  expect(await page.evaluate((key) => localStorage.getItem(key), STORAGE_KEY)).toBe(damaged);

  await banner.getByRole('button', { name: 'Start fresh (overwrite it)' }).click();
  await expect(banner).toBeHidden();
  await expect
    .poll(() => page.evaluate((key) => localStorage.getItem(key)?.includes('trip-api') ?? false, STORAGE_KEY))
    .toBe(true);
});
