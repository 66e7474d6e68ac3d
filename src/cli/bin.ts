/**
 * The installed `aspire-parity` command (bundled into dist-cli/ by scripts/build-cli.mjs).
 * `npm run cli` starts in the product's folder; npm passes the folder the user typed it in as
 * INIT_CWD, so relative paths are resolved where the user meant them.
 */
import { main } from './main';

if (process.env.npm_lifecycle_event === 'cli' && process.env.INIT_CWD) process.chdir(process.env.INIT_CWD);
process.exitCode = await main(process.argv.slice(2));
