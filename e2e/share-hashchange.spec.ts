/**
 * A share link pasted into a tab that is already open changes only the hash (no reload): the
 * design is offered like a link opened fresh, asked about before it replaces the user's work,
 * and Undo brings that work back. A damaged link is named and changes nothing.
 */
import { expect, test } from '@playwright/test';
import { importAny } from '../src/core/aspire/import-any';
import { emptyDesign } from '../src/core/model/design';
import { encodeShareHash } from '../src/state/share-link';
import { HOSTILE_MANIFEST } from '../src/fuzz/inputs';
import { node, openApp, topology } from './support/designer';

function shareHash(): string {
  const imported = importAny(HOSTILE_MANIFEST, 'aspire-manifest.json');
  const r = encodeShareHash({ ...emptyDesign(), topology: imported.topology! });
  if (!r.ok) throw new Error(r.message);
  return r.hash;
}

test('a link pasted into an open tab asks before it replaces the design; Undo brings it back', async ({ page }) => {
  await openApp(page);
  await page.getByRole('button', { name: 'Samples' }).click();
  await page.getByRole('button', { name: 'Open Travel platform' }).click();
  await expect(node(page, 'trip-api')).toBeVisible();

  // Garbage in the hash: a clear message, and the design stays.
  await page.evaluate(() => (location.hash = '#design=%%%not-a-link'));
  await expect(page.getByText(/shared link is damaged/)).toBeVisible();
  await expect(node(page, 'trip-api')).toBeVisible();

  // Declined: nothing changes and the hash goes.
  const hash = shareHash();
  await page.evaluate((h) => (location.hash = h), hash);
  const dialog = page.getByRole('dialog');
  await expect(dialog).toContainText('Open the shared design?');
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(node(page, 'trip-api')).toBeVisible();
  await expect.poll(() => page.evaluate(() => location.hash)).toBe('');

  // Accepted: the shared design opens, and Undo brings the user's design back.
  await page.evaluate((h) => (location.hash = h), hash);
  await dialog.getByRole('button', { name: 'Open shared design' }).click();
  await expect(node(page, 'api')).toBeVisible();
  await expect(node(page, 'trip-api')).toBeHidden();
  await expect.poll(() => page.evaluate(() => location.hash)).toBe('');
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(node(page, 'trip-api')).toBeVisible();
  expect((await topology(page)).resources.map((r) => r.name)).not.toContain('legacy');
});
