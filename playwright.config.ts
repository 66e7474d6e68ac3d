/**
 * Playwright: one Chromium (Debian's /usr/bin/chromium — Playwright cannot download browsers
 * here), one worker, against the preview server that scripts/run-e2e.mjs starts and passes in
 * E2E_BASE_URL. Run everything with `npm run test:e2e`.
 */
import { defineConfig } from '@playwright/test';

const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

/**
 * The *-perf specs are benchmarks, not tests: they measure medians in Chromium and run from
 * `npm run bench` (E2E_PERF=1), never inside `npm test`, where a slow CI machine
 * would turn a timing into a false failure.
 */
const perf = process.env.E2E_PERF === '1';

export default defineConfig({
  testDir: 'e2e',
  testMatch: perf ? /-perf\.spec\.ts$/ : /.*\.spec\.ts$/,
  testIgnore: perf ? [] : [/-perf\.spec\.ts$/],
  // Generous limits: they only bound a broken journey. The longest (the travel journey with a
  // reload) takes 2 min on an idle dev machine and ran past 3 min on a loaded one.
  timeout: 360_000,
  expect: { timeout: 30_000 },
  // One worker by default: the journeys time out rather than fail on a loaded 2-core machine.
  // E2E_WORKERS=2 runs two spec files side by side (measure on the CI machine before adopting).
  workers: Number(process.env.E2E_WORKERS ?? 1),
  fullyParallel: false,
  // One retry on CI absorbs a browser hiccup on a shared machine; a real defect fails twice.
  retries: process.env.CI ? 1 : 0,
  forbidOnly: !!process.env.CI,
  reporter: process.env.CI ? [['line']] : [['list']],
  outputDir: 'test-results',
  use: {
    baseURL: process.env.E2E_BASE_URL ?? 'http://127.0.0.1:4173/',
    viewport: { width: 1440, height: 900 },
    browserName: 'chromium',
    launchOptions: { executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: CHROMIUM_ARGS },
    screenshot: 'only-on-failure',
    trace: 'off',
  },
});
