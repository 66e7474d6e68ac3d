/** The Aspire manifest importer: `importManifest(text)` → Topology + diagnostics. */
export {
  importManifest,
  importManifestValue,
  parseManifestJson,
  type ImportOptions,
  type ImportResult,
} from './import-manifest';
export { appNameFrom } from './app-name';
export { MANIFEST_LIMITS } from './limits';
