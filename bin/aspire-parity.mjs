#!/usr/bin/env node
// The installed command: the bundle `prepare` builds at install (scripts/build-cli.mjs), so
// the CLI starts as plain JavaScript. `npm run build:cli` rebuilds it after editing src/cli.
try {
  await import('../dist-cli/aspire-parity.mjs');
} catch (e) {
  if (e?.code !== 'ERR_MODULE_NOT_FOUND' || !String(e.message).includes('dist-cli')) throw e;
  process.stderr.write(
    'aspire-parity: the CLI is not built yet; run `npm run build:cli` in the aspire-parity folder.\n',
  );
  process.exitCode = 2;
}
