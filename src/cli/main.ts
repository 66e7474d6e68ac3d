/**
 * The CLI face of the core: `convert` (topology → bundle) and `check` (topology + YAML → parity
 * rows). Exit codes: 0 ok, 1 parity failures (check), 2 bad input or usage.
 */
import { Command, CommanderError } from 'commander';
import { processIo, type CliIo } from './io';
import { printLine, printText } from './print';

type Register = (program: Command, setExit: (code: number) => void, io: CliIo) => void;

/**
 * Each command's code is loaded only when it runs (the bundle splits them): `convert` never
 * parses the parity rules and `check` never the generators, which keeps start-up near a bare
 * `node`. Help without a command loads both, to list them.
 */
const COMMANDS: Record<string, () => Promise<Register>> = {
  convert: () => import('./convert').then((m) => m.registerConvert),
  check: () => import('./check').then((m) => m.registerCheck),
};

export async function main(argv: string[], io: CliIo = processIo): Promise<number> {
  const program = new Command();
  program
    .name('aspire-parity')
    .description('Turn a .NET Aspire App Host topology into a Kubernetes bundle and check parity.')
    .exitOverride()
    .showHelpAfterError(false)
    .configureOutput({ writeOut: (s) => printText(io.stdout, s), writeErr: (s) => printText(io.stderr, s) });
  let exitCode = 0;
  const setExit = (code: number) => {
    exitCode = code;
  };
  const named = argv[0] !== undefined && Object.hasOwn(COMMANDS, argv[0]) ? [argv[0]] : Object.keys(COMMANDS);
  for (const name of named) (await COMMANDS[name]!())(program, setExit, io);
  try {
    await program.parseAsync(argv, { from: 'user' });
  } catch (e) {
    if (e instanceof CommanderError) {
      // --help and --version end through here with exit code 0.
      return e.exitCode === 0 ? 0 : 2;
    }
    printLine(io.stderr, `aspire-parity: ${(e as Error).message}`);
    return 2;
  }
  return exitCode;
}
