import { describe, expect, it } from 'vitest';
import { serializeDesign } from '../model/design-document';
import { importAny } from './import-any';
import { fixture } from './manifest/test-helpers';

describe('importAny', () => {
  it('detects a manifest by content', () => {
    const r = importAny(fixture('seed-travel-platform.json'), 'notes.txt');
    expect(r.kind).toBe('manifest');
    expect(r.topology!.resources).toHaveLength(5);
  });

  it('detects a design document', () => {
    const m = importAny(fixture('seed-travel-platform.json'));
    const text = serializeDesign({ topology: m.topology!, positions: { 'trip-api': { x: 1, y: 2 } } });
    const r = importAny(text, 'travel.aspire-parity.json');
    expect(r.kind).toBe('design');
    expect(r.document!.positions).toEqual({ 'trip-api': { x: 1, y: 2 } });
    expect(r.topology).toEqual(r.document!.topology);
    expect(r.diagnostics).toEqual([]);
  });

  it('reports broken JSON with line and column', () => {
    const r = importAny('{\n "resources": {,\n}', 'aspire-manifest.json');
    expect(r.kind).toBe('manifest');
    expect(r.diagnostics[0]).toMatchObject({ severity: 'error', line: 2, column: 16 });
  });

  it('routes C# to the App Host importer, or says it is unavailable', () => {
    const cs = 'var builder = DistributedApplication.CreateBuilder(args);\nbuilder.AddProject<Projects.Api>("api");';
    const none = importAny(cs, 'Program.cs');
    expect(none.kind).toBe('apphost');
    expect(none.diagnostics[0]).toMatchObject({ severity: 'error', code: 'apphost-unavailable' });
    expect(none.diagnostics[0]!.message).toMatch(/App Host import is not available here/);
    const withImporter = importAny(cs, 'Program.cs', () => ({
      topology: { name: 'shop', resources: [], references: [] },
      diagnostics: [],
    }));
    expect(withImporter).toMatchObject({ kind: 'apphost', topology: { name: 'shop' }, diagnostics: [] });
    const throwing = importAny(cs, undefined, () => {
      throw new Error('boom');
    });
    expect(throwing.diagnostics[0]).toMatchObject({ severity: 'error', code: 'apphost-failed' });
  });

  it('names the file when it recognises nothing', () => {
    const r = importAny('hello world', 'notes.txt');
    expect(r.kind).toBe('unknown');
    expect(r.diagnostics[0]!.message).toMatch(/"notes.txt" is not an Aspire manifest/);
    expect(importAny('{"name": 1}', 'package.json').diagnostics[0]!.message).toMatch(
      /"package.json" is JSON but neither/,
    );
    expect(importAny('').diagnostics[0]!.message).toMatch(/empty/);
  });
});
