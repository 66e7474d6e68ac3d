/**
 * The shape of one row of the integration table: what an Aspire 13.6 hosting integration
 * (`AddPostgres`, `AddKeycloak`, …) puts in the app model, as its source writes it. Everything
 * is data or a small template function, so palette, App Host import and export, manifest import,
 * generator and parity all read the same facts.
 *
 * Templates use the manifest's expression syntax (`{pg.bindings.tcp.host}`, `{pg-password.value}`)
 * because that is what a Topology stores (../template.ts).
 */
import type { Endpoint, Engine, EnvVar } from '../topology';

/** Palette groups, in the order the palette shows them. */
export const GROUPS = [
  'Compute',
  'Data',
  'Caching',
  'Messaging',
  'Identity & gateways',
  'Observability',
  'AI & search',
  'Configuration',
  'Other',
] as const;
export type Group = (typeof GROUPS)[number];

/** `WithImage(Image, Tag).WithImageRegistry(Registry)` as the integration's `*ContainerImageTags` pins it. */
export interface ImagePin {
  registry: string;
  image: string;
  tag: string;
}

/** What the templates of one server are built from. */
export interface ServerContext {
  /** The resource name. */
  name: string;
  /** The secret parameter's name (`<name>-password`, `<name>-key`, …) when it has one. */
  secret?: string;
  /** Whether WithDataVolume / WithDataBindMount was called (some args change with it). */
  dataVolume?: boolean;
  /** A `userName:` parameter replacing the integration's default user (UserNameReference). */
  user?: string;
}

/** The user as the templates write it: the parameter's value, or the integration's default. */
export const userOf = (s: ServerContext, fallback: string): string => (s.user ? `{${s.user}.value}` : fallback);
/** The user inside a URI: `{user:uri}` for a parameter, the default as is. */
export const userUri = (s: ServerContext, fallback: string): string =>
  s.user ? `{${s.user}-uri-encoded.value}` : fallback;

/** Connection properties in Aspire's order: key as `GetConnectionProperties` yields it, template. */
export type Properties = ReadonlyArray<readonly [key: string, template: string]>;

/** A child resource (`AddDatabase`): a connection string derived from the server's. */
export interface ChildSpec {
  csharp: string;
  typescript: string;
  connectionString(server: ServerContext, database: string): string;
  /** The child's own properties; Aspire merges them over the server's (`CombineProperties`). */
  properties(server: ServerContext, database: string): Properties;
}

/** A hosting integration that runs a container. */
export interface IntegrationSpec {
  engine: Exclude<Engine, 'other'>;
  label: string;
  group: Group;
  /** Palette: base for the generated name ("cache", "cache-2"…). Absent: not in the palette. */
  baseName?: string;
  /** C# builder method and its TypeScript App Host twin. */
  csharp: string;
  typescript: string;
  /** Positional parameters after the name, as the C# overload declares them. */
  params: string[];
  /** NuGet package that brings it. */
  package: string;
  /** Where these facts come from: repository and file (or the corpus manifest that shows them). */
  source: string;
  image: ImagePin;
  /** Other image repositories recognised as this integration when importing a manifest. */
  imageAliases?: RegExp;
  endpoints: Endpoint[];
  /** Endpoints `WithReference` leaves out (`ExcludeReferenceEndpoint = true`). */
  unreferencedEndpoints?: string[];
  env(s: ServerContext): EnvVar[];
  entrypoint?: string;
  args?(s: ServerContext): string[];
  /** The secret parameter the integration generates: `<name><suffix>`. */
  secret?: { suffix: string; length: number };
  connectionString?(s: ServerContext): string;
  properties?(s: ServerContext): Properties;
  /**
   * An integration's own WithReference overload (Qdrant): it writes the connection string
   * expression inline instead of `{x.connectionString}`, and more `ConnectionStrings__<name>_<suffix>`.
   */
  customReference?: {
    inline: true;
    extra(s: ServerContext): ReadonlyArray<readonly [suffix: string, template: string]>;
  };
  /** Where WithDataVolume mounts. */
  dataPath?: string;
  child?: ChildSpec;
  /** `WithHttpHealthCheck` the integration itself adds: endpoint and path. */
  health?: { endpoint: string; path: string };
  /** True for Azure resources whose emulator runs only in run mode: publish writes azure.bicep. */
  publishesAsCloud?: boolean;
}

/** `{r.bindings.e.p}` */
export const bind = (r: string, e: string, p: string): string => `{${r}.bindings.${e}.${p}}`;
/** `{p.value}` */
export const val = (p: string | undefined): string => (p ? `{${p}.value}` : '');
/**
 * `{p-uri-encoded.value}`: Aspire's `{Parameter:uri}` — the manifest writer adds an
 * annotated.string `<p>-uri-encoded` (filter "uri") and points at it.
 */
export const uriVal = (p: string | undefined): string => (p ? `{${p}-uri-encoded.value}` : '');
/**
 * `Uri.EscapeDataString` of a constant (database names in URIs): everything but RFC 3986
 * unreserved characters. A lone surrogate (a hostile name) becomes U+FFFD, as .NET writes it;
 * encodeURIComponent threw on it and crashed the generator.
 */
export const uriConst = (text: string): string =>
  encodeURIComponent(
    text.replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '\ufffd'),
  ).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);

export function tcpEndpoint(name: string, targetPort: number, scheme = 'tcp'): Endpoint {
  return { name, scheme, protocol: 'tcp', transport: 'tcp', targetPort, external: false };
}

export function httpEndpoint(
  name: string,
  targetPort: number | undefined,
  transport: 'http' | 'http2' = 'http',
  scheme = 'http',
): Endpoint {
  const e: Endpoint = { name, scheme, protocol: 'tcp', transport, external: false };
  if (targetPort !== undefined) e.targetPort = targetPort;
  return e;
}

/** The image reference a container gets: `registry/image:tag`. */
export function imageRef(pin: ImagePin, tag = pin.tag): string {
  return `${pin.registry}/${pin.image}:${tag}`;
}

/** Merge child properties over the server's the way Aspire's CombineProperties does (case-insensitive, in place). */
export function combineProperties(base: Properties, extra: Properties): Properties {
  const out: Array<readonly [string, string]> = [...base];
  for (const [k, v] of extra) {
    const i = out.findIndex(([x]) => x.toLowerCase() === k.toLowerCase());
    if (i >= 0) out[i] = [out[i]![0], v];
    else out.push([k, v]);
  }
  return out;
}
