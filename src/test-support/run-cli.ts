/**
 * Run the CLI in process, as the installed bin would run it: `main(argv, io)` with standard
 * output and error captured and standard input given as text. A case costs a function call,
 * not a Node start (which the CI sandbox makes take seconds).
 */
import { main } from '../cli/main';

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

export async function runCli(argv: string[], stdin = ''): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  const code = await main(argv, {
    stdout: { write: (text: string) => (stdout += text) },
    stderr: { write: (text: string) => (stderr += text) },
    readStdin: () => stdin,
  });
  return { code, stdout, stderr };
}
