/**
 * Fluent calls that only shape the local run and its dashboard (Aspire.Hosting
 * ResourceBuilderExtensions.cs, CustomResourceExtensions.cs, Aspire.Hosting.JavaScript,
 * Aspire.Hosting.Browsers): dashboard commands, initial state, hiding, relationships drawn in the
 * dashboard graph, browser debugging and logs, persistent container lifetime. `aspire publish`
 * writes nothing for them, so they are an info line (named, with the line), not an unknown row
 * that would ask the user to verify something that cannot differ. Kept here beside the reader;
 * the catalogue's DEV_ONLY_CALLS lists the integration-specific ones.
 */
export const DASHBOARD_ONLY_CALLS: ReadonlySet<string> = new Set([
  'WithCommand',
  'WithHttpCommand',
  'WithProcessCommand',
  'WithProcessCommandFactory',
  'WithInitialState',
  'WithHidden',
  'WithRelationship',
  'WithReferenceRelationship',
  'WithChildRelationship',
  'WithBrowserDebugger',
  'WithBrowserLogs',
  'WithPersistentLifetime',
]);
