/**
 * The workbench end to end in real Chromium: live parity table, Monaco editor, Fix, download,
 * reload, a design change under edits, and no network request except to the app's own origin.
 * Bad YAML is in workbench-bad-yaml.spec.ts.
 */
import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { unzipSync, strFromU8 } from 'fflate';
import { parseAllDocuments } from 'yaml';
import type { AspireParityHook as Hook } from '../src/ui/workbench/test-hook';
import {
  ADVISORY,
  foreign,
  hook,
  locate,
  openTravel,
  recordRequests,
  report,
  rowById,
  yaml,
} from './support/workbench';

test('travel platform: edit, undo, delete a probe, Fix, download, reload — all on our own origin', async ({
  page,
}, info) => {
  const urls = recordRequests(page);
  await openTravel(page);
  const origin = new URL(page.url()).origin;

  // Every relationship row passes; lint advice may warn but nothing fails.
  const first = (await report(page))!;
  const failing = first.rows.filter((r) => r.status === 'fail').map((r) => `${r.id}: ${r.detail}`);
  expect(failing).toEqual([]);
  const notPassing = first.rows
    .filter((r) => r.status !== 'pass' && !ADVISORY.test(r.id))
    .map((r) => `${r.status} ${r.id}: ${r.detail}`);
  expect(notPassing).toEqual([]);
  const table = page.getByRole('table', { name: 'Parity' });
  await expect(table).toBeVisible();
  await expect(page.locator('[data-count="fail"] strong')).toHaveText('0');
  await page.screenshot({ path: info.outputPath('workbench-1-travel.png') });

  // Misspell ConnectionStrings__catalog by typing in Monaco.
  const file = 'trip-api.yaml';
  const original = (await yaml(page, file))!;
  const at = locate(original, 'ConnectionStrings__catalog');
  const wordStart = at.column + 'ConnectionStrings__'.length;
  await hook(page, (h, a: { file: string; line: number; col: number }) => h.placeCursor(a.file, a.line, a.col), {
    file,
    line: at.line,
    col: wordStart,
  });
  for (let i = 0; i < 'catalog'.length; i++) await page.keyboard.press('Shift+ArrowRight');
  await page.keyboard.type('catalgo');
  expect(await yaml(page, file)).toContain('ConnectionStrings__catalgo');
  const rowId = 'connection-string:trip-api:catalog';
  await expect.poll(async () => (await rowById(page, rowId))?.status).toBe('fail');
  await expect(table.locator(`tr[data-row-id="${rowId}"]`)).toHaveAttribute('data-status', 'fail');
  await expect
    .poll(
      async () =>
        (await hook(page, (h, f: string) => h.markers(f), file)).filter(
          (m) => m.owner === 'aspire-parity' && m.line <= at.line && m.endLine >= at.line,
        ).length,
    )
    .toBeGreaterThan(0);
  await page.screenshot({ path: info.outputPath('workbench-2-misspelt.png') });

  // Undo in the editor brings the row back to pass.
  for (let i = 0; i < 4 && (await yaml(page, file)) !== original; i++) await page.keyboard.press('Control+z');
  expect(await yaml(page, file)).toBe(original);
  await expect.poll(async () => (await rowById(page, rowId))?.status).toBe('pass');

  // Delete the readiness probe block with the keyboard.
  const lines = original.split('\n');
  const start = lines.findIndex((l) => /^\s*readinessProbe:/.test(l));
  expect(start).toBeGreaterThan(0);
  const indent = lines[start]!.search(/\S/);
  let end = start + 1;
  while (end < lines.length && (lines[end]!.trim() === '' || lines[end]!.search(/\S/) > indent)) end++;
  await hook(page, (h, a: { file: string; line: number }) => h.placeCursor(a.file, a.line, 1), {
    file,
    line: start + 1,
  });
  await page.keyboard.press('Home');
  for (let i = start; i < end; i++) await page.keyboard.press('Shift+ArrowDown');
  await page.keyboard.press('Delete');
  expect(await yaml(page, file)).not.toContain('readinessProbe');
  await expect
    .poll(
      async () =>
        (await report(page))!.rows.filter((r) => r.resource === 'trip-api' && r.status === 'fail' && r.fix?.snippet)
          .length,
    )
    .toBeGreaterThan(0);
  const probeRow = (await report(page))!.rows.find(
    (r) => r.resource === 'trip-api' && r.status === 'fail' && r.fix?.snippet && /probe/i.test(r.id + r.requirement),
  )!;
  expect(probeRow, 'a failing probe row with a fix snippet').toBeTruthy();
  await page.screenshot({ path: info.outputPath('workbench-3-no-probe.png') });

  // Click the row: evidence is revealed; then apply "Fix".
  const tr = table.locator(`tr[data-row-id="${probeRow.id}"]`);
  await tr.scrollIntoViewIfNeeded();
  await tr.click();
  await tr.getByRole('button', { name: /^Fix/ }).click();
  // Nothing changes until the diff is accepted.
  const review = tr.getByRole('group', { name: /Review the fix/ });
  await expect(review.locator('.wb-add').first()).toContainText('readinessProbe');
  await review.getByRole('button', { name: 'Apply fix' }).click();
  await expect.poll(async () => (await rowById(page, probeRow.id))?.status).toBe('pass');
  expect(await yaml(page, file)).toContain('readinessProbe');
  await expect
    .poll(async () => (await report(page))!.rows.filter((r) => r.status === 'fail').map((r) => r.id))
    .toEqual([]);
  await page.screenshot({ path: info.outputPath('workbench-4-fixed.png') });

  // A hand edit that must survive reload.
  const fixed = (await yaml(page, file))!;
  await hook(page, (h, f: string) => h.placeCursor(f, 1, 1), file);
  await page.keyboard.type('# reviewed by ops\n');
  const edited = (await yaml(page, file))!;
  expect(edited).toBe(`# reviewed by ops\n${fixed}`);

  // Download: the zip holds exactly the editor's files plus the README and the design (so
  // `aspire-parity check` runs on the zip alone).
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Download bundle' }).click(),
  ]);
  const zipPath = info.outputPath('bundle.zip');
  await download.saveAs(zipPath);
  const entries = unzipSync(new Uint8Array(readFileSync(zipPath)));
  const editorFiles = await hook(page, (h) => h.files());
  expect(Object.keys(entries).sort()).toEqual([...editorFiles, 'README.md', 'aspire-parity.design.json'].sort());
  expect(JSON.parse(strFromU8(entries['aspire-parity.design.json']!))).toMatchObject({
    format: 'aspire-parity-design',
    topology: { name: expect.any(String) },
  });
  for (const p of editorFiles) expect(strFromU8(entries[p]!), p).toBe(await yaml(page, p));
  expect(strFromU8(entries[file]!)).toContain('# reviewed by ops');
  // No secret value the user did not type: generated Secrets carry only the placeholder.
  for (const doc of parseAllDocuments(strFromU8(entries['01-secrets.yaml'] ?? new Uint8Array()))) {
    const s = doc.toJS() as { kind?: string; data?: unknown; stringData?: Record<string, string> } | null;
    if (s?.kind !== 'Secret') continue;
    expect(s.data).toBeUndefined();
    for (const v of Object.values(s.stringData ?? {})) expect(v).toBe('REPLACE_ME');
  }

  // Reload keeps the edits.
  await expect.poll(async () => (await hook(page, (h) => h.edits()))[file]).toBe(edited);
  await page.reload();
  // A reload loads the editor chunk and rebuilds every model: give a slow CI machine time.
  await page.waitForFunction(
    () => typeof (window as unknown as { __aspireParity?: Partial<Hook> }).__aspireParity?.getYaml === 'function',
    null,
    { timeout: 90_000 },
  );
  await expect.poll(async () => (await yaml(page, file)) ?? '', { timeout: 60_000 }).toBe(edited);
  await expect
    .poll(async () => (await report(page))?.rows.filter((r) => r.status === 'fail').length ?? -1, { timeout: 60_000 })
    .toBe(0);
  await page.screenshot({ path: info.outputPath('workbench-5-reloaded.png') });

  expect(foreign(urls, origin)).toEqual([]);
});

test('settings regenerate; a design change under edits asks keep or regenerate with a diff', async ({ page }, info) => {
  await openTravel(page);
  const file = 'trip-api.yaml';
  await hook(page, (h, f: string) => h.placeCursor(f, 1, 1), file);
  await page.keyboard.type('# mine\n');
  await expect.poll(async () => (await hook(page, (h) => h.edits()))[file]).toContain('# mine');

  await page.getByRole('button', { name: 'Settings' }).click();
  const tag = page.getByLabel('Image tag');
  await tag.fill('2.0.0');
  await tag.press('Enter');
  // Unedited files follow the design at once; the edited one waits for the user's choice.
  await expect.poll(async () => (await yaml(page, 'availability-worker.yaml')) ?? '').toContain(':2.0.0');
  expect(await yaml(page, file)).toContain('# mine');
  await page.getByRole('button', { name: 'Settings' }).click();
  await expect(page.getByText(/The design changed after you edited/)).toBeVisible();
  await page.getByRole('button', { name: 'Review changes' }).click();
  await expect(page.getByRole('dialog', { name: 'Review design changes' })).toBeVisible();
  await expect(page.locator('.wb-diff-editor .monaco-diff-editor')).toBeVisible();
  await page.screenshot({ path: info.outputPath('workbench-diff.png') });
  await page.getByRole('button', { name: /^Regenerate all/ }).click();
  await expect.poll(async () => (await yaml(page, file)) ?? '').not.toContain('# mine');
  expect(await yaml(page, file)).toContain(':2.0.0');
  expect((await hook(page, (h) => h.edits()))[file]).toBeUndefined();
});
