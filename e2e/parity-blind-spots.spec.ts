/**
 * Issue 18 as a user meets it in the browser: one letter of a database host changed in Monaco makes a
 * fail on the right resource, whose Fix (reviewed as a diff) restores it without moving any other row;
 * the password that diff was built from never reaches the URL or localStorage in clear.
 */
import { expect, test } from '@playwright/test';
import { hook, openTravel, report, rowById, yaml } from './support/workbench';
import { openApp } from './support/designer';

test('a misspelt database host fails on its resource, Fix restores it and nothing else moves', async ({ page }) => {
  const logs: string[] = [];
  page.on('console', (m) => logs.push(m.text()));
  await openTravel(page);
  const before = (await report(page))!;
  const status = new Map(before.rows.map((r) => [r.id, r.status]));
  const files = await hook(page, (h) => h.files());
  // Find the file and line holding a connection string with a host the checker must resolve.
  let target: { file: string; text: string; host: string } | undefined;
  for (const f of files) {
    const text = (await yaml(page, f)) ?? '';
    const m = /(?:Host|Server)=([a-z][a-z0-9-]+)/i.exec(text);
    if (m) {
      target = { file: f, text, host: m[1]! };
      break;
    }
  }
  expect(target, 'travel bundle has a connection string with a host').toBeTruthy();
  const { file, text, host } = target!;
  const wrong = host.slice(0, -1) + (host.endsWith('x') ? 'y' : 'x');
  const password = /Password=([^;"\s]+)/i.exec(text)?.[1];
  await hook(page, (h, a: { f: string; t: string }) => h.setYaml(a.f, a.t), {
    f: file,
    t: text.replace(`=${host}`, `=${wrong}`),
  });
  await expect
    .poll(async () => (await report(page))!.rows.filter((r) => r.status === 'fail').map((r) => r.id), {
      timeout: 3000,
    })
    .not.toEqual([]);
  const failing = (await report(page))!.rows.filter((r) => r.status === 'fail');
  const row = failing.find((r) => r.fix?.snippet) ?? failing[0]!;
  expect(row.detail + row.id, 'the fail names the host the user broke').toMatch(new RegExp(`${wrong}|${host}`));

  const table = page.getByRole('table', { name: 'Parity' });
  const tr = table.locator(`tr[data-row-id="${row.id}"]`);
  await tr.scrollIntoViewIfNeeded();
  await tr.click();
  await tr.getByRole('button', { name: /^Fix/ }).click();
  const review = tr.getByRole('group', { name: /Review the fix/ });
  await expect(review).toBeVisible();
  await review.getByRole('button', { name: 'Apply fix' }).click();
  await expect.poll(async () => (await rowById(page, row.id))?.status).toBe('pass');
  const after = (await report(page))!;
  const moved = after.rows.filter((r) => status.get(r.id) !== r.status).map((r) => `${r.id}: ${r.status}`);
  expect(moved, 'applying the fix changes no other row').toEqual([]);

  if (password && password.length >= 6) {
    expect(page.url()).not.toContain(password);
    const stored = await page.evaluate(() => JSON.stringify({ ...localStorage }));
    expect(stored.includes(password), 'password in localStorage in clear').toBe(false);
    expect(logs.filter((l) => l.includes(password))).toEqual([]);
  }
});

test('a manifest resource the importer cannot model is an unknown row on it, and the counts say so', async ({
  page,
}) => {
  await openApp(page);
  const manifest = {
    resources: {
      api: { type: 'container.v0', image: 'nginx:1.27' },
      'odd-thing': { type: 'azure.bicep.v9', path: 'odd.bicep' },
    },
  };
  await page.getByTestId('import-input').setInputFiles({
    name: 'aspire-manifest.json',
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify(manifest)),
  });
  // The workbench hook appears once its chunk loads; until then there is no report to read.
  const unknownOn = async () =>
    hook(page, (h) => (typeof h.report === 'function' ? h.report() : undefined))
      .then((r) => (r?.rows ?? []).filter((x) => x.status === 'unknown').map((x) => x.resource))
      .catch(() => []);
  // The unknown row sits on the resource the importer could not model.
  await expect.poll(unknownOn, { timeout: 30_000 }).toContain('odd-thing');
  await expect(page.locator('tr[data-status="unknown"]').first()).toBeVisible();
  const unknownCount = page.locator('[data-count="unknown"] strong');
  await expect(unknownCount).not.toHaveText('0');
});
