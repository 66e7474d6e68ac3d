#!/usr/bin/env node
/**
 * End-to-end run: `vite build`, serve dist/ with `vite preview` on 127.0.0.1 (a free port, so
 * parallel runs on one machine don't collide), run `playwright test` against it, tear down.
 * Works without a TTY (CI=true). Extra arguments go to Playwright (e.g. a spec file, --grep).
 * E2E_SKIP_BUILD=1 reuses an existing dist/.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const bin = (name) => path.join(root, 'node_modules', '.bin', name);

function run(cmd, args, opts = {}) {
  return new Promise((resolve) => {
    const child = spawn(cmd, args, { cwd: root, stdio: 'inherit', ...opts });
    child.on('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0)));
    child.on('error', (e) => {
      console.error(`${cmd}: ${e.message}`);
      resolve(1);
    });
  });
}

function freePort() {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

async function waitFor(url, ms) {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    try {
      const res = await fetch(url);
      if (res.ok) return true;
    } catch {
      /* not up yet */
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  return false;
}

if (!existsSync('/usr/bin/chromium') && !process.env.CHROMIUM_PATH) {
  console.error(
    'Chromium is missing: install Debian\'s "chromium" package (apt-get install -y chromium) or set CHROMIUM_PATH.',
  );
  process.exit(1);
}

if (process.env.E2E_SKIP_BUILD !== '1') {
  const code = await run(bin('vite'), ['build', '--logLevel', 'warn']);
  if (code !== 0) process.exit(code);
}

const port = await freePort();
const baseUrl = `http://127.0.0.1:${port}/`;
// Own process group, so teardown ends the server and nothing else.
const preview = spawn(bin('vite'), ['preview', '--host', '127.0.0.1', '--port', String(port), '--strictPort'], {
  cwd: root,
  stdio: ['ignore', 'ignore', 'inherit'],
  detached: true,
});
const stopPreview = () => {
  try {
    process.kill(-preview.pid, 'SIGTERM');
  } catch {
    /* already gone */
  }
};
process.on('SIGINT', () => {
  stopPreview();
  process.exit(130);
});
process.on('SIGTERM', () => {
  stopPreview();
  process.exit(143);
});

let code = 1;
try {
  if (!(await waitFor(baseUrl, 60_000))) {
    console.error(`vite preview did not answer on ${baseUrl} within 60 s.`);
  } else {
    code = await run(bin('playwright'), ['test', ...process.argv.slice(2)], {
      env: { ...process.env, E2E_BASE_URL: baseUrl },
    });
  }
} finally {
  stopPreview();
}
process.exit(code);
