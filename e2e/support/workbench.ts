/** Helpers for the workbench e2e specs: the test hook, the travel sample, request recording. */
import { expect, type Page } from '@playwright/test';
import type { ParityRow } from '../../src/core/parity/types';
import type { AspireParityHook as Hook } from '../../src/ui/workbench/test-hook';
import { openApp, openSample } from './designer';

export const hook = <T>(page: Page, fn: (h: Hook, arg: never) => T, arg?: unknown): Promise<T> =>
  page.evaluate(
    ({ src, arg }) =>
      new Function('h', 'arg', `return (${src})(h, arg)`)(
        (window as unknown as { __aspireParity: Hook }).__aspireParity,
        arg,
      ) as T,
    { src: fn.toString(), arg },
  );

export const report = (page: Page) => hook(page, (h) => h.report());
export const yaml = (page: Page, path: string) => hook(page, (h, p: string) => h.getYaml(p), path);
/** Waits until the parity table has more than `min` rows (the first check of a large design). */
export async function waitForRows(page: Page, min: number, timeout: number): Promise<void> {
  await expect.poll(async () => (await report(page))?.rows.length ?? 0, { timeout }).toBeGreaterThan(min);
}

export const rowById = async (page: Page, id: string): Promise<ParityRow | undefined> =>
  (await report(page))?.rows.find((r) => r.id === id);

/** Lint and cluster-only rows are advice (warn/unknown by design); relationship rows must pass. */
export const ADVISORY = /^(kube-linter|kube-score|polaris|telemetry-collector|health-exposure)/;

/** Every request the page makes, to prove the app stays on its own origin. */
export function recordRequests(page: Page): string[] {
  const urls: string[] = [];
  page.on('request', (r) => urls.push(r.url()));
  page.on('worker', (w) => urls.push(`worker:${w.url()}`));
  return urls;
}

export function foreign(urls: readonly string[], origin: string): string[] {
  return urls.filter((u) => {
    const url = u.startsWith('worker:') ? u.slice('worker:'.length) : u;
    return !(url.startsWith(origin) || url.startsWith('blob:') || url.startsWith('data:'));
  });
}

export async function openTravel(page: Page): Promise<void> {
  await openApp(page);
  await openSample(page, 'Travel platform');
  await expect(page.getByRole('region', { name: 'Kubernetes YAML' })).toBeVisible();
  await expect
    .poll(async () => (await hook(page, (h) => h.files())).includes('trip-api.yaml'), { timeout: 30_000 })
    .toBe(true);
  await expect.poll(async () => (await report(page))?.rows.length ?? 0, { timeout: 30_000 }).toBeGreaterThan(50);
}

/** 1-based line and column of the first occurrence of `needle` in `text`. */
export function locate(text: string, needle: string): { line: number; column: number } {
  const lines = text.split('\n');
  const i = lines.findIndex((l) => l.includes(needle));
  expect(i, `"${needle}" in the editor text`).toBeGreaterThanOrEqual(0);
  return { line: i + 1, column: lines[i]!.indexOf(needle) + 1 };
}
