/**
 * A design reads like a diagram at 40 resources as at 5: a real 42-resource manifest
 * (Aspire's playground "deployers" App Host) imported at 1440 and 1024 px, measured in the page.
 */
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { expectImported, node, openApp, openSample, topology } from './support/designer';
import { measureCanvas, measureTable, waitForStillViewport } from './support/measure';

const MANIFEST = path.join(import.meta.dirname, '..', 'fixtures', 'manifests', 'playground-deployers.json');

for (const size of [
  { width: 1440, height: 900 },
  { width: 1024, height: 768 },
]) {
  test(
    `42-resource manifest at ${size.width} px: readable names, no overlaps, no edge through a node, ` + 'table fits',
    async ({ page }) => {
      await page.setViewportSize(size);
      await openApp(page);
      // The toolbar stays one row.
      const bar = await page
        .locator('.toolbar')
        .evaluate((el) => ({ h: el.clientHeight, scroll: el.scrollWidth - el.clientWidth }));
      expect(bar.h).toBeLessThan(48);
      expect(bar.scroll).toBe(0);
      // The search box stays usable (≥ 160 px); narrow windows move rarer file actions into "More".
      const search = (await page.getByLabel('Search resources').boundingBox())!;
      console.log(`[${size.width}px] search box ${search.width.toFixed(0)} px wide`);
      expect(search.width).toBeGreaterThanOrEqual(160);
      const more = page.getByRole('button', { name: /^More/ });
      if (await more.isVisible()) {
        await more.click();
        const items = page.getByRole('menu', { name: 'More actions' }).getByRole('menuitem');
        await expect(items).toHaveText(['Download App Host', 'Download App Host (TS)', 'Share link', 'Export PNG']);
        await page.keyboard.press('Escape');
        await expect(items).toHaveCount(0);
      } else await expect(page.getByRole('button', { name: 'Export PNG' })).toBeVisible();
      const chooser = page.waitForEvent('filechooser');
      await page.getByRole('button', { name: 'Import', exact: true }).click();
      await (await chooser).setFiles(MANIFEST);
      await expectImported(page);
      // 42 manifest resources; Redis' cond-…-tlsenabled value is folded into its connection string.
      await expect(page.locator('.react-flow__node')).toHaveCount(41);
      await waitForStillViewport(page);
      const fig = await measureCanvas(page);
      console.log(
        `[${size.width}px] ${JSON.stringify({ ...fig, cutNames: fig.cutNames.length, overlaps: fig.overlaps.length })}`,
      );
      expect(fig.nodes).toBe(41);
      expect(fig.visibleNodes).toBeGreaterThan(3);
      expect(fig.minNamePx).toBeGreaterThanOrEqual(10);
      expect(fig.cutNames).toEqual([]);
      expect(fig.overlaps).toEqual([]);
      expect(fig.crossings).toEqual([]);
      expect(fig.sharedRuns).toEqual([]);
      expect(fig.labelOverlaps).toEqual([]);
      expect(fig.underOverlays).toEqual([]);
      await page.screenshot({ path: `test-results/readable-deployers-${size.width}.png` });

      // The parity table fits its panel (evidence and fix are under the text).
      await expect(page.locator('.wb-row').first()).toBeVisible({ timeout: 90_000 });
      const t = await measureTable(page);
      console.log(`[${size.width}px] table ${t.table} px in a ${t.panel} px panel`);
      expect(t.table).toBeLessThanOrEqual(t.panel);

      // A new node lands on free space inside the visible canvas.
      await page.locator('.react-flow__pane').click({ position: { x: 5, y: 5 } });
      await page.getByRole('complementary', { name: 'Palette' }).getByRole('button', { name: 'Redis' }).click();
      const added = await page.evaluate(
        () =>
          (
            window as unknown as { __aspireParity: { designStore: { getState(): { view: { selected: string[] } } } } }
          ).__aspireParity.designStore.getState().view.selected[0]!,
      );
      await expect(node(page, added)).toBeVisible();
      const landing = () =>
        page.evaluate((name) => {
          const el = document.querySelector(`.react-flow__node[data-id="${name}"]`)!.getBoundingClientRect();
          const canvas = document.querySelector('.canvas')!.getBoundingClientRect();
          const others = [...document.querySelectorAll<HTMLElement>('.react-flow__node')]
            .filter((n) => n.dataset.id !== name)
            .map((n) => n.getBoundingClientRect());
          const panels = [
            ...document.querySelectorAll('.inspector, .workbench-slot, .palette, .react-flow__minimap'),
          ].map((p) => p.getBoundingClientRect());
          const meets = (a: DOMRect, b: DOMRect) =>
            a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
          return {
            inCanvas:
              el.left >= canvas.left && el.right <= canvas.right && el.top >= canvas.top && el.bottom <= canvas.bottom,
            onNodes: others.filter((o) => meets(el, o)).length,
            underPanels: panels.filter((p) => meets(el, p)).length,
          };
        }, added);
      // The view pans to the new node (and again once the inspector docks): wait for it to settle there.
      await expect.poll(landing).toEqual({ inCanvas: true, onNodes: 0, underPanels: 0 });
      console.log(`[${size.width}px] new node ${added}: ${JSON.stringify(await landing())}`);
    },
  );
}

for (const width of [1440, 1024]) {
  test(`samples at ${width} px: travel and eShop read without cut names, overlaps or edges through nodes`, async ({
    page,
  }) => {
    await page.setViewportSize({ width, height: width === 1440 ? 900 : 768 });
    await openApp(page);
    for (const [title, file, count] of [
      ['Travel platform', 'travel', 5],
      ['eShop-like shop', 'eshop', 15],
    ] as const) {
      await openSample(page, title);
      await expect(page.locator('.react-flow__node')).toHaveCount(count);
      await waitForStillViewport(page);
      const fig = await measureCanvas(page);
      console.log(`[${width}px ${file}] ${JSON.stringify(fig)}`);
      expect(fig.minNamePx).toBeGreaterThanOrEqual(10);
      expect(fig.cutNames).toEqual([]);
      expect(fig.overlaps).toEqual([]);
      expect(fig.crossings).toEqual([]);
      expect(fig.sharedRuns).toEqual([]);
      expect(fig.labelOverlaps).toEqual([]);
      expect(fig.underOverlays).toEqual([]);
      await page.screenshot({ path: `test-results/readable-${file}-${width}.png` });
    }
  });
}

test(
  'a database dropped on its server lands beside it; ' +
    'a connection dropped anywhere on a node connects, or says why not',
  async ({ page }) => {
    await openApp(page);
    await openSample(page, 'Travel platform');
    await expect(page.locator('.react-flow__node')).toHaveCount(5);
    await waitForStillViewport(page);
    await page
      .getByRole('complementary', { name: 'Palette' })
      .getByRole('button', { name: 'Database', exact: true })
      .dragTo(node(page, 'catalog-sql'));
    await expect(page.locator('.react-flow__node')).toHaveCount(6);
    const added = await page.evaluate(
      () =>
        (
          window as unknown as { __aspireParity: { designStore: { getState(): { view: { selected: string[] } } } } }
        ).__aspireParity.designStore.getState().view.selected[0]!,
    );
    await waitForStillViewport(page);
    const beside = await page.evaluate((name) => {
      const box = (n: string) => document.querySelector(`.react-flow__node[data-id="${n}"]`)!.getBoundingClientRect();
      const db = box(name);
      const server = box('catalog-sql');
      return { sameRow: Math.abs(db.top - server.top) < 1, rightOfServer: db.left >= server.right };
    }, added);
    expect(beside).toEqual({ sameRow: true, rightOfServer: true });
    expect((await measureCanvas(page)).overlaps).toEqual([]);

    // Drag from a handle, release in the middle of the target's body.
    const dragToBody = async (from: string, to: string) => {
      await page.locator('.react-flow__pane').click({ position: { x: 5, y: 5 } });
      await page.getByRole('banner').getByRole('button', { name: 'Fit view' }).click();
      await waitForStillViewport(page);
      const h = (await node(page, from).locator('.react-flow__handle.source').boundingBox())!;
      const b = (await node(page, to).boundingBox())!;
      await page.mouse.move(h.x + h.width / 2, h.y + h.height / 2);
      await page.mouse.down();
      await page.mouse.move(h.x + 30, h.y + 40, { steps: 4 });
      await page.mouse.move(b.x + b.width / 2, b.y + b.height / 2 + 10, { steps: 8 });
      await page.mouse.up();
    };
    await dragToBody('trip-api', added);
    await expect
      .poll(async () => (await topology(page)).references.some((r) => r.from === 'trip-api' && r.to === added))
      .toBe(true);
    await dragToBody('catalog-sql-password', 'trip-api');
    await expect(page.getByRole('alert').filter({ hasText: 'cannot reference' })).toBeVisible();
  },
);
