/**
 * The new-user review's keyboard and chrome findings (ux-review-2026-12 §10, §13, §14), measured
 * in the page: skip links, focus after a palette add, Tab presses to "Add reference", empty
 * state, file-tab overflow, the delete warning, a clean console on load and PNG export.
 */
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { expectImported, node, openApp, openSample, topology } from './support/designer';

/** A short description of the focused element, to assert on. */
const focused = (page: Page) =>
  page.evaluate(() => {
    const a = document.activeElement as HTMLElement | null;
    const label = a?.id ? document.querySelector(`label[for="${CSS.escape(a.id)}"]`)?.textContent : undefined;
    return { tag: a?.tagName, text: a?.textContent?.trim() ?? '', label: label ?? a?.getAttribute('aria-label') ?? '' };
  });

test('keyboard: skip links, focus follows a palette add, "Add reference" a few Tabs away', async ({ page }) => {
  await openApp(page);
  // The first Tab lands on a visible skip link.
  await page.keyboard.press('Tab');
  expect(await focused(page)).toMatchObject({ tag: 'A', text: 'Skip to canvas' });
  await expect(page.getByRole('link', { name: 'Skip to canvas' })).toBeInViewport();
  // Shown, it covers no control and shifts nothing: a mouse click right after still hits its button.
  await page.getByRole('button', { name: 'Samples' }).click();
  await expect(page.getByRole('dialog', { name: 'Samples' })).toBeVisible();
  await page.keyboard.press('Escape');

  const palette = page.getByRole('complementary', { name: 'Palette' });
  await palette.getByRole('button', { name: 'Redis' }).focus();
  await page.keyboard.press('Enter');
  await expect(node(page, 'cache')).toBeVisible();
  // Focus moves to the new resource's Name field, not back to the palette.
  await expect.poll(() => focused(page)).toMatchObject({ tag: 'INPUT', label: 'Name' });
  await expect(page.locator('.inspector .insp-title')).toHaveText('cache');
  await palette.getByRole('button', { name: '.NET project' }).focus();
  await page.keyboard.press('Enter');
  await expect.poll(() => focused(page)).toMatchObject({ tag: 'INPUT', label: 'Name' });
  let presses = 0;
  while ((await focused(page)).label !== 'Add reference' && presses < 20) {
    await page.keyboard.press('Tab');
    presses++;
  }
  console.log(`Tab presses from the Name field to "Add reference": ${presses}`);
  expect(presses).toBeLessThanOrEqual(3);

  // The skip links lead where they say (the first Tab of a page reaches them, as checked above).
  const fromTop = async (link: string) => {
    await page.getByRole('link', { name: link }).focus();
    await expect(page.getByRole('link', { name: link })).toBeInViewport();
    await page.keyboard.press('Enter');
  };
  await fromTop('Skip to inspector');
  expect(await focused(page)).toMatchObject({ tag: 'INPUT', label: 'Name' });
  await fromTop('Skip to parity table');
  expect(await focused(page)).toMatchObject({ tag: 'SECTION', label: 'Parity table' });
  await fromTop('Skip to canvas');
  expect(await focused(page)).toMatchObject({ label: 'Design canvas' });
  await page.keyboard.press('Tab');
  expect(await page.evaluate(() => document.activeElement?.classList.contains('react-flow__node'))).toBe(true);
});

test('chrome: empty state, file-tab overflow, delete warning, same database glyph, clean console', async ({ page }) => {
  const noise: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'warning' || m.type() === 'error') noise.push(`${m.type()}: ${m.text()}`);
  });
  page.on('pageerror', (e) => noise.push(`pageerror: ${e.message}`));
  await openApp(page);
  // Empty design: words where the editor goes, no blank editor box, no empty minimap box.
  await expect(page.getByText('No Kubernetes YAML yet')).toBeVisible({ timeout: 90_000 });
  await expect(page.locator('.wb-editor .monaco-editor')).toBeHidden();
  await expect(page.locator('.react-flow__minimap')).toHaveCount(0);

  // A palette database inside a palette server looks like an imported one: DB glyph, "<engine> database".
  const palette = page.getByRole('complementary', { name: 'Palette' });
  await palette.getByRole('button', { name: 'PostgreSQL' }).click();
  await palette.getByRole('button', { name: 'Database', exact: true }).click();
  const drawnDb = (await page.locator('.inspector .insp-title').textContent())!;
  const drawn = {
    glyph: await node(page, drawnDb).locator('.rnode-glyph').textContent(),
    kind: await page.locator('.inspector .insp-kind').textContent(),
  };
  await openSample(page, 'eShop-like shop');
  // "PostgreSQL (3 databases)": three databases, not three names for one (they all said postgresdb).
  const dbs = (await topology(page)).resources.filter((r) => r.kind === 'database');
  expect(dbs.map((r) => r.databaseName)).toEqual(dbs.map((r) => r.name));
  await node(page, 'catalogdb').click();
  expect({
    glyph: await node(page, 'catalogdb').locator('.rnode-glyph').textContent(),
    kind: await page.locator('.inspector .insp-kind').textContent(),
  }).toEqual(drawn);
  expect(drawn).toEqual({ glyph: 'DB', kind: 'PostgreSQL database' });
  // The inspector title keeps the name's case.
  expect(await page.locator('.inspector .insp-title').evaluate((e) => getComputedStyle(e).textTransform)).toBe('none');
  await expect(page.locator('.react-flow__minimap')).toHaveCount(1);

  // 15 resources: more files than tabs fit; the strip says so and offers every file.
  const tabs = page.locator('.wb-tabs');
  await expect(tabs).toHaveClass(/more-right/);
  const menu = page.getByRole('combobox', { name: /^All \d+ bundle files$/ });
  await expect(menu).toBeVisible();
  const last = (await menu.locator('option').last().textContent())!;
  await menu.selectOption(last);
  await expect(page.getByRole('tab', { name: last })).toBeInViewport();
  await expect(tabs).toHaveClass(/more-left/);
  await page.getByRole('button', { name: 'Scroll file tabs left' }).click();
  await expect(page.getByRole('button', { name: 'Scroll file tabs right' })).toBeEnabled();

  // Deleting the server names the databases that go with it and the references to them.
  await node(page, 'postgres').click();
  await page.getByRole('region', { name: 'Inspector' }).getByRole('button', { name: 'Delete' }).click();
  const dialog = page.getByRole('dialog');
  await expect(dialog.getByRole('list', { name: 'Also deleted' })).toContainText('catalogdb');
  await expect(dialog.getByRole('list', { name: 'References removed' })).toContainText('catalog-api → catalogdb');
  await page.screenshot({ path: 'test-results/delete-transitive.png' });
  await dialog.getByRole('button', { name: 'Cancel' }).click();

  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export PNG' }).click();
  expect((await download).suggestedFilename()).toBe('aspire-design.png');
  expect(noise).toEqual([]);
});

test('a long import-warning list stays one folded line: the canvas does not move down', async ({ page }) => {
  await openApp(page);
  const top = () => page.locator('main.body').evaluate((e) => e.getBoundingClientRect().top);
  const before = await top();
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Import', exact: true }).click();
  // Aspire's playground "dotnettool" App Host: 17 resources, 16 import warnings.
  await (
    await chooser
  ).setFiles(path.join(import.meta.dirname, '..', 'fixtures', 'manifests', 'playground-dotnettool.json'));
  await expectImported(page);
  const report = page.locator('section[aria-label="Import report"]');
  const summary = report.locator('summary');
  await expect(summary).toHaveText(/^1\d diagnostics$/);
  const moved = (await top()) - before;
  console.log(`import report: canvas moved down ${moved} px`);
  expect(moved).toBeLessThanOrEqual(80);
  await expect(report.locator('.diag-list')).toBeHidden();
  await summary.click();
  await expect(report.locator('.diag-list li').first()).toBeVisible();
});
