/** AddExternalService: read as Aspire 13.6 writes it (oracle: external-service). */
import { describe, expect, it } from 'vitest';
import type { Topology } from '../../model/topology';
import { programRunner } from './test-support';

const run = programRunner();
const res = (t: Topology, name: string) => t.resources.find((r) => r.name === name)!;

describe('AddExternalService', () => {
  it('is not a deployed resource; WithReference writes its URL as Aspire 13.6 does', () => {
    const { topology, diagnostics } =
      run(`var weather = builder.AddExternalService("weather", "https://api.weather.example/");
var url = builder.AddParameter("billing-url");
var billing = builder.AddExternalService("billing", url);
builder.AddContainer("api", "api").WithReference(weather).WithReference(billing);`);
    expect(topology.resources.map((r) => r.name).sort()).toEqual(['api', 'billing-url']);
    expect(res(topology, 'api').env).toEqual([
      { name: 'WEATHER', value: 'https://api.weather.example/' },
      { name: 'services__weather__https__0', value: 'https://api.weather.example/' },
      { name: 'BILLING', value: '{billing-url.value}' },
      { name: 'services__billing__default__0', value: '{billing-url.value}' },
    ]);
    expect(topology.references.map((r) => `${r.from}->${r.to}`)).toEqual(['api->billing-url']);
    expect(diagnostics.filter((d) => d.severity !== 'info')).toEqual([]);
  });

  it('WithEnvironment(name, service) writes the URL, a constant or the parameter', () => {
    const { topology, diagnostics } = run(`var url = builder.AddParameter("ext-url");
var ext = builder.AddExternalService("ext", url);
var nuget = builder.AddExternalService("nuget", "https://api.nuget.org/");
builder.AddContainer("api", "api").WithEnvironment("EXT_URL", ext).WithEnvironment("NUGET", nuget);`);
    expect(res(topology, 'api').env).toEqual([
      { name: 'EXT_URL', value: '{ext-url.value}' },
      { name: 'NUGET', value: 'https://api.nuget.org/' },
    ]);
    expect(topology.references.map((r) => `${r.from}->${r.to}`)).toEqual(['api->ext-url']);
    expect(diagnostics.filter((d) => d.severity !== 'info')).toEqual([]);
  });
});
