/**
 * A 300-node design stays responsive while dragging, in Chromium (production build): frame
 * intervals during a mouse drag, the renderer's main-thread work per frame from a trace, and a
 * blank page's frame intervals as the reference for what the host allows (support/frames.ts).
 */
import { writeFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { node, openApp } from './support/designer';
import { blankPageFrames, describe, mainThreadWorkPerFrame, sampleFrames } from './support/frames';
import { waitForStillViewport } from './support/measure';
import { spread } from './support/spread';
import { waitForRows } from './support/workbench';

test('dragging in a 300-node design keeps frames short', async ({ page }) => {
  test.setTimeout(180_000);
  await openApp(page);
  await page.evaluate(() => {
    const hook = (
      window as unknown as { __aspireParity: { designStore: { getState(): { replaceDoc(d: unknown): void } } } }
    ).__aspireParity;
    const resources = [];
    const references = [];
    const positions: Record<string, { x: number; y: number }> = {};
    for (let i = 0; i < 300; i++) {
      const name = `svc-${i}`;
      resources.push({
        name,
        kind: 'container',
        sourceType: 'container.v0',
        image: 'docker.io/library/nginx:1.29',
        args: [],
        env: [],
        endpoints: [
          { name: 'http', scheme: 'http', protocol: 'tcp', transport: 'http', targetPort: 80, external: i % 7 === 0 },
        ],
        volumes: [],
        bindMounts: [],
        settings: {},
      });
      positions[name] = { x: (i % 20) * 280, y: Math.floor(i / 20) * 140 };
      if (i > 0)
        references.push({ from: name, to: `svc-${Math.floor(i / 2)}`, kind: 'service-discovery', waitFor: 'none' });
    }
    hook.designStore
      .getState()
      .replaceDoc({ topology: { name: 'big', resources, references }, positions, settings: {}, edits: {} });
  });
  await page.getByRole('banner').getByRole('button', { name: 'Fit view' }).click();
  await expect(page.locator('.react-flow__node')).toHaveCount(300);
  // Measure the drag, not the load: wait for the parity table to fill and the page to go quiet
  // (four animation frames in a row answered within 60 ms). The load is reported separately.
  const loadStarted = Date.now();
  await waitForRows(page, 300, 120_000);
  for (let calm = 0, tries = 0; calm < 4 && tries < 300; tries++) {
    const t = Date.now();
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => r(null))));
    calm = Date.now() - t < 60 ? calm + 1 : 0;
    await page.waitForTimeout(250);
  }
  console.log(`300-node design: checked and quiet ${((Date.now() - loadStarted) / 1000).toFixed(1)} s after fit view`);
  // The host's own frame intervals, for reading the figures below (see support/frames.ts).
  const reference = spread(await blankPageFrames(page, 8_000));
  console.log(`blank page (the host alone): ${describe(reference)}`);
  // A fit never shrinks names below readable size, so 300 nodes do not all fit: search takes
  // the user to svc-150 (as it would take a user there), then drag it.
  const search = page.getByLabel('Search resources');
  await search.fill('svc-150');
  await search.press('Enter');
  await waitForStillViewport(page);
  // Drag svc-150 around for 90 pointer moves, sampling frames and tracing the renderer.
  const target = node(page, 'svc-150');
  const box = (await target.boundingBox())!;
  await page.mouse.move(box.x + box.width / 2, box.y + 8);
  const browser = page.context().browser()!;
  await browser.startTracing(page, { categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline'] });
  const frames = await sampleFrames(page, async () => {
    await page.mouse.down();
    for (let i = 0; i < 90; i++)
      await page.mouse.move(box.x + box.width / 2 + Math.sin(i / 10) * 200, box.y + 8 + i * 2);
    await page.mouse.up();
  });
  // Kept with the results: open it in DevTools' Performance panel to see a frame's work.
  const trace = (await browser.stopTracing()).toString('utf8');
  writeFileSync(test.info().outputPath('drag-trace.json'), trace);
  const work = spread(mainThreadWorkPerFrame(trace));
  const drag = spread(frames);
  console.log(`300-node drag, frame intervals: ${describe(drag)}`);
  console.log(`300-node drag, main-thread work per frame: ${describe(work)}`);
  test.info().annotations.push({
    type: 'perf',
    description:
      `frames median ${drag.median.toFixed(1)} ms, p95 ${drag.p95.toFixed(1)} ms; work median ` +
      `${work.median.toFixed(1)} ms; blank page p95 ${reference.p95.toFixed(1)} ms`,
  });
  // The drag moved the node.
  const moved = await page.evaluate(
    () =>
      (
        window as unknown as {
          __aspireParity: {
            designStore: { getState(): { doc: { positions: Record<string, { x: number; y: number }> } } };
          };
        }
      ).__aspireParity.designStore.getState().doc.positions['svc-150'],
  );
  expect(moved).not.toEqual({ x: 10 * 280, y: 7 * 140 });
  // What the app controls: a typical drag frame's work fits one 60 Hz frame, and frames come
  // at least at 20 Hz. The p95 target (200 ms) is only meaningful where the host itself keeps
  // an empty page's p95 under 50 ms; on a host that stalls, the p95 measures the host.
  expect(work.median).toBeLessThan(16.7);
  expect(drag.median).toBeLessThan(50);
  if (reference.p95 < 50) expect(drag.p95).toBeLessThan(200);
  else console.log(`p95 not judged: the blank page's own p95 is ${reference.p95.toFixed(0)} ms on this host`);
});
