/**
 * npm run oracle [-- --check] [scenario ...]
 *
 * Makes the real Aspire 13.6 and the real .NET readers the judge of our importers and generator:
 * 1. builds oracle/ once (the App Host that runs every fixtures/oracle/<scenario>/apphost.cs,
 *    and the consumer program);
 * 2. runs the scenarios in publish mode with Aspire's manifest publisher →
 *    fixtures/oracle/<scenario>/aspire-manifest.json;
 * 3. turns each manifest into a bundle with our product, resolves every workload's env as
 *    Kubernetes would, asks the consumer program what .NET reads from it →
 *    fixtures/oracle/<scenario>/consumer.json.
 * The tests (src/core/aspire/oracle*.test.ts) read only these committed files: no .NET needed.
 * With --check nothing is written; it exits 1 when a committed file differs from a fresh run.
 */
import { existsSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { consumerCases, type ConsumerCase } from '../src/test-support/oracle/consumer-cases';
import { build, hasDotnet, run } from './oracle/dotnet';
import { listScenarios, wrapScenarios, ROOT, type Scenario } from './oracle/scenarios';

const ORACLE = join(ROOT, 'oracle');

export interface ConsumerRecord extends ConsumerCase {
  /** What .NET read: GetConnectionString(name) and each URI's resolved endpoints. */
  dotnet: {
    connectionStrings: Record<string, string | null>;
    services: Record<string, { serviceDefaults: unknown; configuration: unknown }>;
    settings: Record<string, string | null>;
  };
}

function consumerRecords(
  scenarios: readonly Scenario[],
  manifests: Map<string, string>,
): Map<string, ConsumerRecord[]> {
  const cases = scenarios.flatMap((s) => consumerCases(manifests.get(s.name)!).map((c) => ({ scenario: s.name, c })));
  const input = {
    cases: cases.map(({ scenario, c }) => ({
      id: `${scenario}/${c.workload}`,
      env: c.env,
      connectionStrings: Object.keys(c.connectionStrings),
      services: Object.keys(c.services),
      settings: Object.keys(c.settings),
    })),
  };
  const dll = join(ORACLE, 'Consumer/bin/Release/net10.0/Consumer.dll');
  const answers = (
    JSON.parse(run('dotnet', [dll], ROOT, JSON.stringify(input))) as {
      results: ({ id: string } & ConsumerRecord['dotnet'])[];
    }
  ).results;
  const out = new Map<string, ConsumerRecord[]>(scenarios.map((s) => [s.name, []]));
  cases.forEach(({ scenario, c }, i) => {
    const a = answers[i]!;
    if (a.id !== `${scenario}/${c.workload}`)
      throw new Error(`consumer answered ${a.id} for ${scenario}/${c.workload}`);
    out.get(scenario)!.push({
      ...c,
      dotnet: { connectionStrings: a.connectionStrings, services: a.services, settings: a.settings },
    });
  });
  return out;
}

function main(argv: string[]): number {
  const check = argv.includes('--check');
  const scenarios = listScenarios(argv.filter((a) => !a.startsWith('--')));
  if (!hasDotnet()) {
    process.stderr.write(
      'oracle: needs the .NET 10 SDK (dotnet) and NuGet; the tests only read the committed fixtures/oracle files.\n',
    );
    return 1;
  }
  const started = Date.now();
  mkdirSync(join(ORACLE, 'AppHost/generated'), { recursive: true });
  writeFileSync(join(ORACLE, 'AppHost/generated/Scenarios.g.cs'), wrapScenarios(scenarios));
  build(join(ORACLE, 'Oracle.slnx'), ROOT);

  // --check writes beside the committed manifest (same folder, so the same relative paths), then removes it.
  const manifestName = check ? 'aspire-manifest.check.json' : 'aspire-manifest.json';
  run(
    'dotnet',
    [join(ORACLE, 'AppHost/bin/Release/net10.0/AppHost.dll'), manifestName, ...scenarios.map((s) => s.name)],
    ROOT,
  );
  const manifests = new Map<string, string>();
  for (const s of scenarios) {
    const file = join(s.dir, manifestName);
    manifests.set(s.name, readFileSync(file, 'utf8'));
    if (check) rmSync(file);
  }
  const records = consumerRecords(scenarios, manifests);

  const stale: string[] = [];
  for (const s of scenarios) {
    const fresh: [string, string][] = [
      ['aspire-manifest.json', manifests.get(s.name)!],
      ['consumer.json', JSON.stringify(records.get(s.name), null, 2) + '\n'],
    ];
    for (const [name, text] of fresh) {
      const file = join(s.dir, name);
      const committed = existsSync(file) ? readFileSync(file, 'utf8') : undefined;
      if (committed === text) continue;
      if (check) stale.push(`fixtures/oracle/${s.name}/${name}`);
      else writeFileSync(file, text);
    }
  }
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  if (stale.length > 0) {
    process.stderr.write(
      `oracle --check: ${stale.length} committed file(s) differ from a fresh run; run \`npm run oracle\` and ` +
        `commit:\n  ${stale.join('\n  ')}\n`,
    );
    return 1;
  }
  process.stdout.write(
    `oracle: ${scenarios.length} scenarios ${check ? 'checked, committed output is current' : 'written'} in ` +
      `${seconds}s\n`,
  );
  return 0;
}

try {
  process.exitCode = main(process.argv.slice(2));
} catch (e) {
  process.stderr.write(`oracle: ${e instanceof Error ? e.message : String(e)}\n`);
  process.exitCode = 1;
}
