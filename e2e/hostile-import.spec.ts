/**
 * Hostile files in the browser's import and share links (issue 15, classes beyond the fuzzer):
 * prototype names, nesting past the limit, UTF-16 and non-UTF-8 bytes, a truncated link. Each
 * is imported or refused with a message naming what; nothing crashes the page.
 */
import { expect, test, type Page } from '@playwright/test';
import { importAny } from '../src/core/aspire/import-any';
import { emptyDesign } from '../src/core/model/design';
import { encodeShareHash } from '../src/state/share-link';
import { HOSTILE_MANIFEST } from '../src/fuzz/inputs';
import { node, openApp, topology } from './support/designer';

const container = { type: 'container.v0', image: 'nginx:1.27' };
async function importBytes(page: Page, name: string, buffer: Buffer) {
  await page.getByTestId('import-input').setInputFiles({ name, mimeType: 'application/json', buffer });
}

test('hostile imports are read or refused by name, and the page keeps working', async ({ page }) => {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await openApp(page);

  // JSON.stringify drops a literal __proto__ key from an object literal: written as text.
  const c = JSON.stringify(container);
  const env = '"env":{"__proto__":"1","constructor":"2","toString":"3"}';
  const proto = `{"resources":{"__proto__":${c},"constructor":${c.replace('}', `,${env}}`)},"a-b":${c},"a_b":${c}}}`;
  await importBytes(page, 'aspire-manifest.json', Buffer.from(proto));
  await expect(node(page, 'constructor')).toBeVisible();
  await expect(node(page, 'a_b')).toBeVisible();
  const names = (await topology(page)).resources.map((r) => r.name);
  expect(names).toEqual(expect.arrayContaining(['__proto__', 'constructor', 'a-b', 'a_b']));

  const nested = `${'['.repeat(5000)}${']'.repeat(5000)}`;
  const deep = `{"resources":{"a":{"type":"container.v0","image":"x","env":{"A":${nested}}}}}`;
  await importBytes(page, 'deep.json', Buffer.from(deep));
  await expect(page.getByRole('alert').filter({ hasText: /Nesting is deeper than \d+ levels/ })).toBeVisible();

  const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(HOSTILE_MANIFEST, 'utf16le')]);
  await importBytes(page, 'utf16.json', utf16);
  await expect(node(page, 'api')).toBeVisible();

  const bad = Buffer.concat([Buffer.from('{"resources":\n{"a'), Buffer.from([0xc3, 0x28]), Buffer.from('":{}}}')]);
  await importBytes(page, 'bad.json', bad);
  await expect(page.getByRole('alert').filter({ hasText: /line 2: not UTF-8 text/ })).toBeVisible();
  await expect(node(page, 'api')).toBeVisible();

  // A truncated share link: named as damaged, the design stays.
  const link = encodeShareHash({ ...emptyDesign(), topology: importAny(HOSTILE_MANIFEST, 'm.json').topology! });
  if (!link.ok) throw new Error(link.message);
  await page.evaluate((h) => (location.hash = h), link.hash.slice(0, link.hash.length / 2));
  await expect(page.getByText(/shared link is damaged/)).toBeVisible();
  await expect(node(page, 'api')).toBeVisible();
  expect(errors).toEqual([]);
});
