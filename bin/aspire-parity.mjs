#!/usr/bin/env node
// Runs the TypeScript CLI directly (tsx), so `npm run cli` works straight after `npm ci`
// with no build step to remember.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../src/cli/main.ts');
process.exitCode = await main(process.argv.slice(2));
