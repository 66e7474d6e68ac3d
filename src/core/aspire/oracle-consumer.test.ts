/**
 * The consumer test, from committed files (no .NET here): for every workload of every oracle
 * scenario, the real Microsoft.Extensions.Configuration and Microsoft.Extensions.ServiceDiscovery
 * (oracle/Consumer, run by `npm run oracle`) read the env our bundle gives it and return exactly
 * the connection strings and service addresses the App Host implies.
 * The committed cases must also still be what our product generates today: a change to the
 * generator that alters a workload's env fails here until `npm run oracle` re-asks .NET.
 */
import { describe, expect, it } from 'vitest';
import { consumerCases, type ConsumerCase } from '../../test-support/oracle/consumer-cases';

interface ConsumerRecord extends ConsumerCase {
  dotnet: {
    connectionStrings: Record<string, string | null>;
    services: Record<string, { serviceDefaults: unknown; configuration: unknown }>;
    settings: Record<string, string | null>;
  };
}

const manifests = import.meta.glob('../../../fixtures/oracle/*/aspire-manifest.json', {
  query: '?raw',
  import: 'default',
  eager: true,
}) as Record<string, string>;
const consumers = import.meta.glob('../../../fixtures/oracle/*/consumer.json', {
  import: 'default',
  eager: true,
}) as Record<string, ConsumerRecord[]>;
const scenarioOf = (path: string): string => path.split('/').at(-2)!;
const committed = new Map(Object.entries(consumers).map(([p, v]) => [scenarioOf(p), v]));

describe('oracle consumer: .NET reads what the App Host implies from our bundle', () => {
  const counted = { connectionStrings: 0, services: 0, aliases: 0, settings: 0, serviceKeys: 0 };

  for (const [path, manifest] of Object.entries(manifests)) {
    const scenario = scenarioOf(path);
    it(scenario, () => {
      const records = committed.get(scenario);
      expect(records, `fixtures/oracle/${scenario}/consumer.json (run npm run oracle)`).toBeDefined();
      // What our product generates today, with the committed .NET answers set aside.
      const stripped = records!.map(({ dotnet: _dotnet, ...c }) => c);
      expect(stripped, `${scenario}: the bundle changed since .NET was asked; run npm run oracle`).toEqual(
        consumerCases(manifest),
      );

      for (const r of records!) {
        for (const [name, expected] of Object.entries(r.connectionStrings)) {
          expect(r.dotnet.connectionStrings[name], `${r.workload}: GetConnectionString("${name}")`).toBe(expected);
          counted.connectionStrings++;
          if (name.includes('_') && r.connectionStrings[name.replace(/_/g, '-')] !== undefined) counted.aliases++;
        }
        for (const [uri, expected] of Object.entries(r.services)) {
          const answer = r.dotnet.services[uri];
          expect(answer?.configuration, `${r.workload}: ${uri} from services__ configuration`).toEqual(expected);
          // Service defaults add a pass-through fallback; where configuration has the answer it must win.
          if (expected.length > 0)
            expect(answer?.serviceDefaults, `${r.workload}: ${uri} with AddServiceDiscovery()`).toEqual(expected);
          counted.services++;
        }
        for (const [key, expected] of Object.entries(r.settings)) {
          expect(r.dotnet.settings[key], `${r.workload}: configuration["${key}"]`).toBe(expected);
          counted.settings++;
          // An Orleans provider's ServiceKey names the connection string its client integration reads.
          if (!key.endsWith(':ServiceKey')) continue;
          expect(
            r.dotnet.connectionStrings[expected],
            `${r.workload}: ${key} = ${expected} has a connection string`,
          ).toBe(r.connectionStrings[expected]);
          expect(r.connectionStrings[expected]).toBeTruthy();
          counted.serviceKeys++;
        }
      }
    });
  }

  it('covered connection strings, the portable alias, service discovery and Orleans settings', () => {
    expect(Object.keys(manifests).length).toBeGreaterThanOrEqual(25);
    expect(counted.connectionStrings).toBeGreaterThanOrEqual(20);
    expect(counted.aliases).toBeGreaterThanOrEqual(3);
    expect(counted.services).toBeGreaterThanOrEqual(20);
    expect(counted.settings).toBeGreaterThanOrEqual(30);
    expect(counted.serviceKeys).toBeGreaterThanOrEqual(8);
  });
});
