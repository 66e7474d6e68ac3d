// The fuzz worker's entry: registers tsx (as bin/aspire-parity.mjs does) and runs the
// TypeScript worker; a Worker's execArgv cannot load tsx on Node 20.
import { register } from 'tsx/esm/api';

register();
await import('../src/fuzz/worker.ts');
