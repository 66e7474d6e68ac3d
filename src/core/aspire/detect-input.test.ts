import { describe, expect, it } from 'vitest';
import { detectInput } from './detect-input';

describe('detectInput', () => {
  it('recognises a formatted C# App Host pasted without a file name', () => {
    const cs = 'var builder = DistributedApplication\n    .CreateBuilder(args);\n\nbuilder.AddRedis("cache");\n';
    expect(detectInput(cs)).toBe('apphost-csharp');
    expect(detectInput('var b = DistributedApplication /* the host */ . CreateBuilder(args);')).toBe('apphost-csharp');
  });

  it('recognises C# by file name, builder interface or SDK directive', () => {
    expect(detectInput('// empty for now', 'apphost.csx')).toBe('apphost-csharp');
    expect(detectInput('static void Add(IDistributedApplicationBuilder b) {}')).toBe('apphost-csharp');
    expect(detectInput('#:sdk Aspire.AppHost.Sdk@13.0.0\nvar x = 1;')).toBe('apphost-csharp');
  });

  it('recognises a TypeScript App Host by createBuilder imported from an Aspire module', () => {
    const ts =
      "import { createBuilder, refExpr } from './.modules/aspire.js';\nconst builder = await createBuilder();\n";
    expect(detectInput(ts)).toBe('apphost-typescript');
    expect(detectInput("import {\n  createBuilder\n} from '@aspire/hosting';")).toBe('apphost-typescript');
    expect(detectInput("import * as aspire from '@aspire/hosting';\nconst b = await aspire.createBuilder();")).toBe(
      'apphost-typescript',
    );
    expect(detectInput("const { createBuilder } = require('@aspire/hosting');")).toBe('apphost-typescript');
    expect(detectInput('const builder = await createBuilder();', 'apphost.ts')).toBe('apphost-typescript');
  });

  it('does not take any createBuilder for an App Host', () => {
    expect(detectInput("import { createBuilder } from 'some-http-lib';")).toBe('unknown');
    expect(detectInput("import * as aspire from './aspire.js';\ncreateBuilder();")).toBe('unknown');
    expect(detectInput('export const x = 1;', 'util.ts')).toBe('unknown');
  });

  it('tells manifests from designs, content before file name', () => {
    expect(detectInput('{"resources": {}}', 'notes.txt')).toBe('manifest');
    expect(detectInput('\uFEFF  {"format": "aspire-parity-design", "version": 2}')).toBe('design');
    // JSON that mentions DistributedApplication is still JSON.
    expect(detectInput('{"resources": {"DistributedApplication": {}}}', 'x.cs')).toBe('manifest');
    expect(detectInput('hello world', 'notes.txt')).toBe('unknown');
  });
});
