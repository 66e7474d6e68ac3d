/** Helpers for the designer e2e specs: model access through the test hook, node geometry. */
import { expect, type Locator, type Page } from '@playwright/test';
import type { Resource, Topology } from '../../src/core/model/topology';
import { waitForStillViewport } from './measure';

export const node = (page: Page, name: string): Locator => page.locator(`.react-flow__node[data-id="${name}"]`);

export async function topology(page: Page): Promise<Topology> {
  return page.evaluate(
    () =>
      (
        window as unknown as { __aspireParity: { designStore: { getState(): { doc: { topology: Topology } } } } }
      ).__aspireParity.designStore.getState().doc.topology,
  );
}

/** Node positions as the design document holds them. */
export async function positions(page: Page): Promise<Record<string, { x: number; y: number }>> {
  return page.evaluate(
    () =>
      (
        window as unknown as {
          __aspireParity: {
            designStore: { getState(): { doc: { positions: Record<string, { x: number; y: number }> } } };
          };
        }
      ).__aspireParity.designStore.getState().doc.positions,
  );
}

/** Wait until autosave has written a design naming `resourceName` (instead of sleeping past its debounce). */
export async function autosaved(page: Page, resourceName: string): Promise<void> {
  await expect
    .poll(() => page.evaluate(() => localStorage.getItem('aspire-parity:design') ?? ''))
    .toContain(JSON.stringify(resourceName));
}

export async function resource(page: Page, name: string): Promise<Resource | undefined> {
  return (await topology(page)).resources.find((r) => r.name === name);
}

export function envOf(r: Resource | undefined): Record<string, string> {
  return Object.fromEntries((r?.env ?? []).map((e) => [e.name, e.value]));
}

export async function openApp(page: Page): Promise<void> {
  await page.goto('./');
  await expect(page.getByRole('button', { name: 'Import', exact: true })).toBeVisible();
}

/** Drag from one node's source handle to another's target handle (React Flow connect). */
export async function connectByDrag(page: Page, from: string, to: string): Promise<void> {
  const src = node(page, from).locator('.react-flow__handle.source');
  const dst = node(page, to).locator('.react-flow__handle.target');
  // After an auto layout or fit view the nodes animate; aim only once they stand still.
  const a = await settledBox(src);
  const b = await settledBox(dst);
  await page.mouse.move(a.x + a.width / 2, a.y + a.height / 2);
  await page.mouse.down();
  await page.mouse.move(a.x + 40, a.y + 20, { steps: 4 });
  await page.mouse.move(b.x + b.width / 2, b.y + b.height / 2, { steps: 8 });
  await page.mouse.up();
}

/** The element's box once the viewport stands still (after an auto layout or a fit animation). */
export async function settledBox(el: Locator): Promise<{ x: number; y: number; width: number; height: number }> {
  await waitForStillViewport(el.page());
  const box = await el.boundingBox();
  expect(box).not.toBeNull();
  return box!;
}

/** Rename the selected resource through the inspector's Name field. */
export async function renameSelected(page: Page, to: string): Promise<void> {
  const name = page.getByRole('region', { name: 'Inspector' }).getByLabel('Name', { exact: true });
  await name.fill(to);
  await name.press('Enter');
  await expect(node(page, to)).toBeVisible();
}

/** Every pair of nodes' boxes are disjoint. */
export async function expectNoOverlaps(page: Page): Promise<number> {
  const boxes = await page.locator('.react-flow__node').evaluateAll((els) =>
    els.map((e) => {
      const r = e.getBoundingClientRect();
      return { id: e.getAttribute('data-id'), x: r.x, y: r.y, w: r.width, h: r.height };
    }),
  );
  const overlaps: string[] = [];
  for (let i = 0; i < boxes.length; i++)
    for (let j = i + 1; j < boxes.length; j++) {
      const p = boxes[i]!;
      const q = boxes[j]!;
      if (p.x < q.x + q.w - 0.5 && q.x < p.x + p.w - 0.5 && p.y < q.y + q.h - 0.5 && q.y < p.y + p.h - 0.5)
        overlaps.push(`${p.id} × ${q.id}`);
    }
  expect(overlaps).toEqual([]);
  return boxes.length;
}

export async function openSample(page: Page, title: string): Promise<void> {
  await page.getByRole('button', { name: 'Samples' }).click();
  await page.getByRole('button', { name: `Open ${title}` }).click();
  await expect(page.getByRole('dialog')).toBeHidden();
}

/**
 * The import's success message. The first import also loads the layout chunk (elkjs); on a
 * loaded 2-core CI machine that alone has taken over 30 s, with the result then correct.
 */
export async function expectImported(page: Page): Promise<void> {
  await expect(page.getByRole('status').filter({ hasText: /Imported \d+ resources/ })).toBeVisible({ timeout: 90_000 });
}
