/**
 * Self-audit of the App Host reader on a folder of App Hosts (one sub-folder each: the entry file,
 * plus the project's other .cs files): for every name declared by a `.AddX("name")` call, is it
 * imported, reported (an unmodelled entry or a diagnostic naming it), or lost without a trace?
 * The name scan is textual, so it also counts names in dead code (`if (false)`) and strings that
 * are not resources; read the "silent" list before calling one a bug.
 *
 *   npx tsx scripts/apphost-audit.ts DIR [--src OTHER_CHECKOUT] [--only SUBSTRING] [--json OUT]
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import ts from 'typescript';

const arg = (name: string) => {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
};
const base = resolve(process.argv[2] ?? '.');
const root = resolve(arg('--src') ?? join(import.meta.dirname, '..'));
const only = arg('--only');
const { createCSharpParser } = await import(join(root, 'src/core/aspire/apphost/parser.ts'));
const { importAppHost } = await import(join(root, 'src/core/aspire/apphost/import.ts'));
const { importAppHostTs } = await import(join(root, 'src/core/aspire/apphost-ts/import.ts'));
const parser = await createCSharpParser({
  language: resolve(import.meta.dirname, '../node_modules/tree-sitter-c-sharp/tree-sitter-c_sharp.wasm'),
});

const ENTRY = ['apphost.ts', 'apphost.mts', 'apphost.cs', 'AppHost.cs', 'Program.cs'];
/** Calls whose first string is not a resource name (routes, pipeline steps). */
const NOT_A_RESOURCE = /\.(AddRoute|AddCatchAllRoute|AddCluster|AddStep|addRoute|addCatchAllRoute|addStep)\b/;

interface Row {
  declared: string[];
  imported: string[];
  reported: string[];
  silent: string[];
}
const rows: Record<string, Row> = {};
const total = { appHosts: 0, declared: 0, imported: 0, reported: 0, silent: 0 };

for (const dir of readdirSync(base, { withFileTypes: true }).filter((d) => d.isDirectory())) {
  if (only && !dir.name.includes(only)) continue;
  const files = readdirSync(join(base, dir.name));
  const entry = ENTRY.find((e) => files.includes(e));
  if (!entry) continue;
  const text = readFileSync(join(base, dir.name, entry), 'utf8');
  const siblings = files
    .filter((n) => n !== entry && n.endsWith('.cs'))
    .map((n) => ({ name: n, text: readFileSync(join(base, dir.name, n), 'utf8') }));
  const isTs = /\.m?ts$/.test(entry);
  const result = isTs
    ? importAppHostTs(ts, parser, text, { fileName: entry })
    : importAppHost(parser, text, { fileName: entry, siblings });
  const source = [text, ...siblings.map((s) => s.text)].join('\n').replace(/^\s*\/\/.*$/gm, '');
  const pattern = isTs
    ? /\.add[A-Z]\w*\(\s*['"]([^'"]+)['"]/g
    : /\.Add[A-Z]\w*\s*(?:<[^>]*>)?\s*\(\s*(?:name:\s*)?"([^"]+)"/g;
  const declared = new Set<string>();
  for (const m of source.matchAll(pattern))
    if (!m[1]!.startsWith('/') && !NOT_A_RESOURCE.test(m[0])) declared.add(m[1]!);
  const t = result.topology;
  // A placeholder (kind 'unknown': a declaration that was not understood) is reported, not imported.
  const all: { name: string; kind: string; env: { name: string }[] }[] = t?.resources ?? [];
  const resources = new Set(all.filter((r) => r.kind !== 'unknown').map((r) => r.name));
  const placeholders = new Set(all.filter((r) => r.kind === 'unknown').map((r) => r.name));
  // An external service has no resource of its own (as in Aspire's manifest); it lives in consumers' env.
  const envKeys = all.flatMap((r) => r.env.map((e) => e.name));
  const unmodelled: { resource?: string; message: string }[] = t?.unmodelled ?? [];
  const diagnostics: { message: string }[] = result.diagnostics;
  const row: Row = { declared: [...declared], imported: [], reported: [], silent: [] };
  for (const n of declared) {
    if (resources.has(n) || envKeys.some((k) => k.startsWith(`services__${n}__`))) row.imported.push(n);
    else if (
      placeholders.has(n) ||
      unmodelled.some((u) => u.resource === n || u.message.includes(`"${n}"`)) ||
      diagnostics.some((d) => d.message.includes(`"${n}"`))
    )
      row.reported.push(n);
    else row.silent.push(n);
  }
  rows[dir.name] = row;
  total.appHosts++;
  total.declared += declared.size;
  total.imported += row.imported.length;
  total.reported += row.reported.length;
  total.silent += row.silent.length;
  const counts = `declared ${declared.size} imported ${row.imported.length} reported ${row.reported.length}`;
  console.log(`${dir.name.padEnd(34)} ${counts} silent ${row.silent.length} ${row.silent.join(', ')}`);
}
console.log(JSON.stringify(total));
const out = arg('--json');
if (out) writeFileSync(out, JSON.stringify(rows, null, 1));
