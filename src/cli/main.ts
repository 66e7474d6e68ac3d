/**
 * The CLI face of the core: `convert` (topology → bundle) and `check` (topology + YAML → parity
 * rows). Exit codes: 0 ok, 1 parity failures (check), 2 bad input or usage.
 */
import { Command, CommanderError } from 'commander';
import { registerConvert } from './convert';
import { registerCheck } from './check';
import { printLine, printText } from './print';

export async function main(argv: string[]): Promise<number> {
  const program = new Command();
  program
    .name('aspire-parity')
    .description('Turn a .NET Aspire App Host topology into a Kubernetes bundle and check parity.')
    .exitOverride()
    .showHelpAfterError(false)
    .configureOutput({ writeErr: (s) => printText(process.stderr, s), writeOut: (s) => printText(process.stdout, s) });
  let exitCode = 0;
  const setExit = (code: number) => {
    exitCode = code;
  };
  registerConvert(program, setExit);
  registerCheck(program, setExit);
  try {
    await program.parseAsync(argv, { from: 'user' });
  } catch (e) {
    if (e instanceof CommanderError) {
      // --help and --version end through here with exit code 0.
      return e.exitCode === 0 ? 0 : 2;
    }
    printLine(process.stderr, `aspire-parity: ${(e as Error).message}`);
    return 2;
  }
  return exitCode;
}
