/** The designer end to end, in real Chromium against the production build. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import {
  autosaved,
  connectByDrag,
  envOf,
  expectImported,
  expectNoOverlaps,
  node,
  openApp,
  openSample,
  positions,
  renameSelected,
  resource,
  settledBox,
  topology,
} from './support/designer';

const MANIFEST = path.join(import.meta.dirname, 'fixtures', 'playground-testshop.json');
const MANIFEST_RESOURCES = Object.keys(
  (JSON.parse(readFileSync(MANIFEST, 'utf8')) as { resources: Record<string, unknown> }).resources,
);

test('draw the travel platform from an empty canvas', async ({ page }) => {
  await openApp(page);
  const palette = page.getByRole('complementary', { name: 'Palette' });
  // SQL Server by drag and drop onto the canvas.
  await palette
    .getByRole('button', { name: 'SQL Server' })
    .dragTo(page.locator('.react-flow__pane'), { targetPosition: { x: 700, y: 250 } });
  await expect(node(page, 'sql')).toBeVisible();
  await node(page, 'sql').click();
  await renameSelected(page, 'catalog-sql');
  // The server is selected: "Database" adds a database inside it.
  await palette.getByRole('button', { name: 'Database', exact: true }).click();
  await renameSelected(page, 'catalog');
  await palette.getByRole('button', { name: '.NET project' }).click();
  await renameSelected(page, 'trip-api');
  await palette.getByRole('button', { name: '.NET project' }).click();
  await renameSelected(page, 'availability-worker');
  const pane = page.locator('.react-flow__pane');
  await pane.click({ position: { x: 10, y: 10 } }); // deselect: the inspector would cover nodes
  const placed = await positions(page);
  await page.getByRole('button', { name: 'Auto layout' }).click();
  await expect.poll(() => positions(page)).not.toEqual(placed);

  await connectByDrag(page, 'trip-api', 'catalog');
  await connectByDrag(page, 'availability-worker', 'trip-api');
  await connectByDrag(page, 'availability-worker', 'catalog');
  await expect.poll(async () => (await topology(page)).references.length).toBe(3);
  expect(envOf(await resource(page, 'trip-api'))['ConnectionStrings__catalog']).toBe('{catalog.connectionString}');
  expect(envOf(await resource(page, 'availability-worker'))['services__trip-api__http__0']).toBe(
    '{trip-api.bindings.http.url}',
  );

  // WaitFor from the inspector.
  await node(page, 'availability-worker').click();
  const inspector = page.getByRole('region', { name: 'Inspector' });
  for (const cb of await inspector.getByRole('checkbox', { name: 'WaitFor' }).all()) await cb.check();
  await expect
    .poll(async () => (await topology(page)).references.filter((r) => r.waitFor === 'running').length)
    .toBe(2);
  await expect(page.locator('.redge-label', { hasText: 'waits' })).toHaveCount(2);

  // An illegal connection is refused with the reason.
  await pane.click({ position: { x: 10, y: 10 } });
  await connectByDrag(page, 'catalog-sql-password', 'trip-api');
  await expect(page.getByRole('alert').filter({ hasText: 'parameter cannot reference' })).toBeVisible();
  expect((await topology(page)).references).toHaveLength(3);

  // Each node's accessible name is the resource name.
  await expect(page.getByRole('group', { name: 'trip-api', exact: true })).toBeVisible();
  await page.getByRole('banner').getByRole('button', { name: 'Fit view' }).click();
  await page.screenshot({ path: 'test-results/travel-drawn.png' });
});

test('import a manifest by file chooser: laid out without overlaps; undo/redo across it', async ({ page }) => {
  await openApp(page);
  await page.getByRole('complementary', { name: 'Palette' }).getByRole('button', { name: 'Redis' }).click();
  await expect(node(page, 'cache')).toBeVisible();
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Import', exact: true }).click();
  await (await chooser).setFiles(MANIFEST);
  await expectImported(page);
  const t = await topology(page);
  expect(t.resources.length).toBeGreaterThanOrEqual(10);
  for (const n of ['postgres', 'catalogservice', 'frontend', 'apigateway']) {
    expect(MANIFEST_RESOURCES).toContain(n);
    await expect(node(page, n)).toBeVisible();
  }
  await settledBox(node(page, 'frontend'));
  expect(await expectNoOverlaps(page)).toBe(t.resources.length);
  await page.screenshot({ path: 'test-results/import-testshop.png' });

  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(node(page, 'cache')).toBeVisible();
  await expect(node(page, 'frontend')).toHaveCount(0);
  await page.getByRole('button', { name: 'Redo' }).click();
  await expect(node(page, 'frontend')).toBeVisible();
  await expect(node(page, 'cache')).toHaveCount(0);
});

test('import by dropping a file on the window; a bad file changes nothing', async ({ page }) => {
  await openApp(page);
  const drop = async (name: string, text: string) => {
    const dt = await page.evaluateHandle(
      ([n, t]) => {
        const d = new DataTransfer();
        d.items.add(new File([t], n, { type: 'application/json' }));
        return d;
      },
      [name, text] as const,
    );
    await page.dispatchEvent('body', 'dragenter', { dataTransfer: dt });
    await expect(page.getByText('Drop to import')).toBeVisible();
    await page.dispatchEvent('body', 'drop', { dataTransfer: dt });
  };
  await drop('broken.json', '{"resources": {');
  const report = page.getByRole('alert').filter({ hasText: 'Nothing was changed' });
  await expect(report).toBeVisible();
  // The error is said once: as the headline, not again as the first bullet.
  const headline = (await report.locator('p').first().textContent())!.replace(' Nothing was changed.', '');
  for (const li of await report.locator('li').allTextContents()) expect(li).not.toContain(headline);
  expect((await topology(page)).resources).toHaveLength(0);

  await drop('manifest.json', readFileSync(MANIFEST, 'utf8'));
  await expectImported(page);
  await expect(node(page, 'frontend')).toBeVisible();
  await settledBox(node(page, 'frontend'));
  await expectNoOverlaps(page);
});

test('rename cascades to references and env; the edge stays', async ({ page }) => {
  await openApp(page);
  await openSample(page, 'Travel platform');
  await node(page, 'catalog').click();
  await renameSelected(page, 'catalogdb');
  const trip = await resource(page, 'trip-api');
  expect(envOf(trip)['ConnectionStrings__catalogdb']).toBe('{catalogdb.connectionString}');
  expect(envOf(trip)['ConnectionStrings__catalog']).toBeUndefined();
  await expect(page.locator('.react-flow__edge[aria-label^="trip-api references catalogdb"]')).toHaveCount(1);
  // The database name was derived from the name: it follows, and so does the connection string.
  const db = await resource(page, 'catalogdb');
  expect(db?.databaseName).toBe('catalogdb');
  expect(db?.connectionString).toBe('{catalog-sql.connectionString};Database=catalogdb');
  await expect(page.getByRole('region', { name: 'Inspector' }).getByLabel('Database name')).toHaveValue('catalogdb');
  // An invalid name is explained and not applied.
  const name = page.getByRole('region', { name: 'Inspector' }).getByLabel('Name', { exact: true });
  await name.fill('trip-api');
  await expect(page.getByRole('alert').filter({ hasText: 'already exists' })).toBeVisible();
  await name.press('Escape');
});

test('reload keeps the design', async ({ page }) => {
  await openApp(page);
  await openSample(page, 'eShop-like shop');
  await expect(node(page, 'webapp')).toBeVisible();
  const before = await topology(page);
  await autosaved(page, 'webapp');
  await page.reload();
  await expect(node(page, 'webapp')).toBeVisible();
  const after = await topology(page);
  expect(after.resources.map((r) => r.name)).toEqual(before.resources.map((r) => r.name));
  expect(after.references).toEqual(before.references);
});

test('keyboard only: add from the palette and connect from the inspector', async ({ page }) => {
  await openApp(page);
  const palette = page.getByRole('complementary', { name: 'Palette' });
  await palette.getByRole('button', { name: 'Redis' }).focus();
  await page.keyboard.press('Enter');
  await palette.getByRole('button', { name: '.NET project' }).focus();
  await page.keyboard.press('Enter');
  await expect(node(page, 'api')).toBeVisible();
  await expect(node(page, 'cache')).toBeVisible();
  // The new project is selected; its inspector offers "Add reference".
  const inspector = page.getByRole('region', { name: 'Inspector' });
  await inspector.getByLabel('Add reference').focus();
  await page.keyboard.press('ArrowDown'); // cache-password? choose by value below
  await inspector.getByLabel('Add reference').selectOption('cache');
  await inspector.getByRole('checkbox', { name: 'Wait for it' }).focus();
  await page.keyboard.press('Space');
  await inspector.getByRole('button', { name: 'Add', exact: true }).focus();
  await page.keyboard.press('Enter');
  await expect
    .poll(async () => (await topology(page)).references)
    .toEqual([{ from: 'api', to: 'cache', kind: 'connection-string', waitFor: 'running' }]);
  await expect(page.locator('.react-flow__edge')).toHaveCount(1);
  // Undo by keyboard removes the reference.
  await page.locator('body').focus();
  await page.keyboard.press('Control+z');
  await expect.poll(async () => (await topology(page)).references.length).toBe(0);
});

test('delete warns with the dependents', async ({ page }) => {
  await openApp(page);
  await openSample(page, 'Travel platform');
  await node(page, 'catalog-sql').click();
  await page.getByRole('region', { name: 'Inspector' }).getByRole('button', { name: 'Delete' }).click();
  const dialog = page.getByRole('dialog');
  await expect(dialog.getByRole('list', { name: 'Also deleted' })).toContainText('catalog');
  // Said before confirming: the references to the database that goes with the server.
  await expect(dialog.getByRole('list', { name: 'References removed' })).toContainText('trip-api → catalog');
  await dialog.getByRole('button', { name: 'Delete' }).click();
  await expect(node(page, 'catalog-sql')).toHaveCount(0);
  await expect(node(page, 'catalog')).toHaveCount(0);
  expect(envOf(await resource(page, 'trip-api'))['ConnectionStrings__catalog']).toBeUndefined();
});

test('share link carries the design without secrets and asks before replacing', async ({ page }) => {
  await openApp(page);
  await openSample(page, 'Travel platform');
  await page.getByRole('button', { name: 'Share link' }).click();
  const url = await page.getByRole('dialog').getByLabel('Link').inputValue();
  expect(url).toContain('#design=');
  await page.keyboard.press('Escape');
  await openSample(page, 'eShop-like shop');
  await autosaved(page, 'webapp');
  await page.goto(url);
  await page.reload();
  await expect(page.getByRole('dialog', { name: 'Open the shared design?' })).toBeVisible();
  await page.getByRole('button', { name: 'Open shared design' }).click();
  await expect(node(page, 'trip-api')).toBeVisible();
  await expect(node(page, 'webapp')).toHaveCount(0);
});

test('no serious accessibility violations, in light and dark mode', async ({ page }) => {
  await openApp(page);
  // The empty canvas, with its first-run choices.
  await expect(page.getByRole('button', { name: 'Open a sample' })).toBeVisible();
  const serious = async () => {
    const results = await new AxeBuilder({ page }).analyze();
    return results.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map(
        (v) =>
          `${v.id}: ${v.help} (${v.nodes
            .map((n) => n.target.join(' '))
            .slice(0, 3)
            .join(', ')})`,
      );
  };
  expect(await serious()).toEqual([]);
  await openSample(page, 'eShop-like shop');
  await node(page, 'basket-api').click();
  await expect(page.getByRole('region', { name: 'Inspector' }).getByLabel('Name', { exact: true })).toHaveValue(
    'basket-api',
  );
  // The status badges are on screen.
  await expect(page.locator('.wb-row').first()).toBeVisible({ timeout: 90_000 });
  expect(await serious()).toEqual([]);
  await page.getByRole('button', { name: 'Dark mode' }).click();
  await expect(page.locator('html[data-theme="dark"]')).toHaveCount(1);
  expect(await serious()).toEqual([]);
  await page.screenshot({ path: 'test-results/eshop-dark.png' });
});
