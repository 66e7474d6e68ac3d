/**
 * Integrations real App Hosts use that have no workload to deploy, and why: each calls
 * ExcludeFromManifest, so Aspire's own publisher writes nothing for them either. Importing them
 * keeps a placeholder and says this instead of a bare "not modelled".
 */
const WHY: ReadonlyMap<string, string> = new Map([
  [
    'AddSqlite',
    'SQLite is a database file the App Host creates on its own disk, not a server; ' +
      'CommunityToolkit.Aspire.Hosting.Sqlite excludes it from the manifest ' +
      '(SqliteResourceBuilderExtensions.cs), so there is no container to deploy. ' +
      'Give consumers a volume and the file path yourself.',
  ],
  [
    'AddSqlProject',
    'a SQL database project is a .dacpac the App Host deploys into its target database while it runs; ' +
      'CommunityToolkit.Aspire.Hosting.SqlDatabaseProjects excludes it from the manifest ' +
      '(SqlProjectBuilderExtensions.cs), so nothing runs in the cluster. ' +
      'Deploy the dacpac with a Job or migration step of your own.',
  ],
  [
    'AddSqlPackage',
    'a SQL package is a .dacpac the App Host deploys into its target database while it runs; ' +
      'CommunityToolkit.Aspire.Hosting.SqlDatabaseProjects excludes it from the manifest ' +
      '(SqlProjectBuilderExtensions.cs), so nothing runs in the cluster. ' +
      'Deploy the dacpac with a Job or migration step of your own.',
  ],
  [
    'AddMcpInspector',
    'the MCP Inspector is a developer tool the App Host runs with npx on the local machine; ' +
      'CommunityToolkit.Aspire.Hosting.McpInspector excludes it from the manifest ' +
      '(McpInspectorResourceBuilderExtensions.cs), so nothing of it is deployed.',
  ],
]);

/** Why a known integration has no workload (`AddSqlite`, `addSqlite`), or undefined. */
export function unmodelledReason(method: string): string | undefined {
  return WHY.get(method.charAt(0).toUpperCase() + method.slice(1));
}
