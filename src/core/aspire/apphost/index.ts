/**
 * App Host code both ways. Import: `createCSharpParser` (the caller supplies the WebAssembly
 * bytes or URLs) then `importAppHost(parser, text)`. Export: `exportAppHost(topology)`.
 * Round-trip comparisons use `normaliseTopology` (the rule is documented there).
 */
export { createCSharpParser, type AppHostParserOptions, type CSharpParser, type WasmSource } from './parser';
export { importAppHost, type AppHostImport, type AppHostImportOptions } from './import';
export { exportAppHost, exportAppHostWithDiagnostics, type AppHostExport } from './export';
export { normaliseTopology, type NormalisedTopology } from './normalise';
