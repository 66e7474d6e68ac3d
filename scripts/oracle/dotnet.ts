/** Running the .NET side of the oracle: one build per project, then one process for all scenarios. */
import { spawnSync } from 'node:child_process';

export function hasDotnet(): boolean {
  return spawnSync('dotnet', ['--version'], { stdio: 'ignore' }).status === 0;
}

/** Runs a command; on failure prints its output and throws with the command named. */
export function run(command: string, args: readonly string[], cwd: string, input?: string): string {
  const started = Date.now();
  const r = spawnSync(command, args, {
    cwd,
    encoding: 'utf8',
    input,
    maxBuffer: 64 * 1024 * 1024,
    // No telemetry or first-run banners in CI logs; the oracle never needs a terminal logger.
    env: {
      ...process.env,
      DOTNET_CLI_TELEMETRY_OPTOUT: '1',
      DOTNET_NOLOGO: '1',
      DOTNET_SKIP_FIRST_TIME_EXPERIENCE: '1',
      MSBUILDTERMINALLOGGER: 'off',
    },
  });
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  if (r.error) throw new Error(`${command} ${args.join(' ')}: ${r.error.message}`);
  if (r.status !== 0) {
    process.stderr.write(r.stdout + r.stderr);
    throw new Error(`${command} ${args.join(' ')} failed (exit ${r.status}) after ${seconds}s`);
  }
  process.stderr.write(`oracle: ${command} ${args.slice(0, 2).join(' ')}… ${seconds}s\n`);
  return r.stdout;
}

export function build(project: string, cwd: string): void {
  run('dotnet', ['build', project, '-c', 'Release', '--nologo', '-v', 'quiet', '-clp:ErrorsOnly'], cwd);
}
