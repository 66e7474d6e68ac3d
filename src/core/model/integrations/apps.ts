/**
 * Application integrations: code the App Host builds and runs (JavaScript, Python, Go, C# file
 * apps) plus the two that decorate other resources (Orleans, Dapr sidecars). In publish mode the
 * language apps become `container.v1` built from a Dockerfile Aspire generates; they do not use
 * .NET service defaults, so they get no `/alive` or `/health` unless the App Host names a path.
 */
import type { EnvVar } from '../topology';
import type { Group } from './types';

export interface AppSpec {
  id: string;
  label: string;
  group: Group;
  /** Palette: base for the generated name; absent: not offered by the palette. */
  baseName?: string;
  csharp: string;
  typescript: string;
  /** Positional parameters after the name, as the C# overload declares them. */
  params: string[];
  package: string;
  source: string;
  /** What publish writes: a .NET project, a container built from a (generated) Dockerfile, or nothing of its own. */
  publishes: 'project' | 'dockerfile' | 'decorator';
  /** The environment the integration writes in publish mode. */
  env(name: string): EnvVar[];
  /** Endpoints the integration declares itself (`WithHttpEndpoint(env: "PORT")`). */
  httpEndpointEnv?: string;
  /** Whether it uses Aspire service defaults (/alive, /health): .NET only. */
  serviceDefaults: boolean;
  /** Command-line args publish writes (Uvicorn's `app --host 0.0.0.0 --port <PORT>`), from the call's arguments. */
  args?(name: string, call: Record<string, string>): string[];
}

const PYTHON_OTEL = (): EnvVar[] => [
  { name: 'OTEL_TRACES_EXPORTER', value: 'otlp' },
  { name: 'OTEL_LOGS_EXPORTER', value: 'otlp' },
  { name: 'OTEL_METRICS_EXPORTER', value: 'otlp' },
  { name: 'OTEL_PYTHON_LOGGING_AUTO_INSTRUMENTATION_ENABLED', value: 'true' },
];
const NODE_PRODUCTION = (): EnvVar[] => [{ name: 'NODE_ENV', value: 'production' }];
const JS =
  'microsoft/aspire src/Aspire.Hosting.JavaScript/JavaScriptHostingExtensions.cs; ' +
  'fixtures/manifests/playground-aspirewithjavascript.json';
const PY =
  'microsoft/aspire src/Aspire.Hosting.Python/PythonAppResourceBuilderExtensions.cs; ' +
  'fixtures/manifests/playground-python.json';

export const APPS: readonly AppSpec[] = [
  {
    id: 'vite-app',
    label: 'Vite app',
    group: 'Compute',
    baseName: 'frontend',
    csharp: 'AddViteApp',
    typescript: 'addViteApp',
    params: ['appDirectory', 'runScriptName'],
    package: 'Aspire.Hosting.JavaScript',
    source: JS,
    publishes: 'dockerfile',
    env: NODE_PRODUCTION,
    httpEndpointEnv: 'PORT',
    serviceDefaults: false,
  },
  {
    // Publish mode: NextStandalone Dockerfile (node server.js) and HOSTNAME=0.0.0.0 after WithNodeDefaults' NODE_ENV.
    id: 'nextjs-app',
    label: 'Next.js app',
    group: 'Compute',
    csharp: 'AddNextJsApp',
    typescript: 'addNextJsApp',
    params: ['appDirectory', 'runScriptName'],
    package: 'Aspire.Hosting.JavaScript',
    source: JS,
    publishes: 'dockerfile',
    env: () => [...NODE_PRODUCTION(), { name: 'HOSTNAME', value: '0.0.0.0' }],
    httpEndpointEnv: 'PORT',
    serviceDefaults: false,
  },
  {
    id: 'javascript-app',
    label: 'JavaScript app',
    group: 'Compute',
    baseName: 'webapp',
    csharp: 'AddJavaScriptApp',
    typescript: 'addJavaScriptApp',
    params: ['appDirectory', 'runScriptName'],
    package: 'Aspire.Hosting.JavaScript',
    source: JS,
    publishes: 'dockerfile',
    env: NODE_PRODUCTION,
    serviceDefaults: false,
  },
  {
    id: 'node-app',
    label: 'Node.js app',
    group: 'Compute',
    baseName: 'node',
    csharp: 'AddNodeApp',
    typescript: 'addNodeApp',
    params: ['appDirectory', 'scriptPath'],
    package: 'Aspire.Hosting.JavaScript',
    source: JS,
    publishes: 'dockerfile',
    env: NODE_PRODUCTION,
    serviceDefaults: false,
  },
  {
    id: 'npm-app',
    label: 'npm app (Aspire 9)',
    group: 'Compute',
    csharp: 'AddNpmApp',
    typescript: 'addNpmApp',
    params: ['workingDirectory', 'scriptName'],
    package: 'Aspire.Hosting.NodeJs',
    // Renamed away in Aspire 13 (aspire#12681: Aspire.Hosting.NodeJs → Aspire.Hosting.JavaScript).
    source: 'microsoft/aspire src/Aspire.Hosting.NodeJs/NodeAppHostingExtension.cs before a52d36c266',
    publishes: 'dockerfile',
    env: NODE_PRODUCTION,
    serviceDefaults: false,
  },
  {
    id: 'python-app',
    label: 'Python app',
    group: 'Compute',
    baseName: 'python',
    csharp: 'AddPythonApp',
    typescript: 'addPythonApp',
    params: ['appDirectory', 'scriptPath'],
    package: 'Aspire.Hosting.Python',
    source: PY,
    publishes: 'dockerfile',
    env: PYTHON_OTEL,
    serviceDefaults: false,
  },
  {
    // AddPythonModule/AddPythonExecutable go through the same AddPythonAppCore as AddPythonApp
    // (EntrypointType.Module / Executable): same generated Dockerfile, same environment.
    id: 'python-module',
    label: 'Python module',
    group: 'Compute',
    csharp: 'AddPythonModule',
    typescript: 'addPythonModule',
    params: ['appDirectory', 'moduleName'],
    package: 'Aspire.Hosting.Python',
    source: PY,
    publishes: 'dockerfile',
    env: PYTHON_OTEL,
    serviceDefaults: false,
  },
  {
    id: 'python-executable',
    label: 'Python executable',
    group: 'Compute',
    csharp: 'AddPythonExecutable',
    typescript: 'addPythonExecutable',
    params: ['appDirectory', 'executableName'],
    package: 'Aspire.Hosting.Python',
    source: PY,
    publishes: 'dockerfile',
    env: PYTHON_OTEL,
    serviceDefaults: false,
  },
  {
    id: 'uvicorn-app',
    label: 'Uvicorn (ASGI) app',
    group: 'Compute',
    baseName: 'pyapi',
    csharp: 'AddUvicornApp',
    typescript: 'addUvicornApp',
    params: ['appDirectory', 'app'],
    package: 'Aspire.Hosting.Python',
    source: PY,
    publishes: 'dockerfile',
    env: PYTHON_OTEL,
    httpEndpointEnv: 'PORT',
    serviceDefaults: false,
    args: (name, call) => [
      call['app'] ?? 'main:app',
      '--host',
      '0.0.0.0',
      '--port',
      `{${name}.bindings.http.targetPort}`,
    ],
  },
  {
    id: 'go-app',
    label: 'Go app',
    group: 'Compute',
    baseName: 'goapp',
    csharp: 'AddGoApp',
    typescript: 'addGoApp',
    params: ['appDirectory'],
    package: 'Aspire.Hosting.Go',
    source:
      'microsoft/aspire src/Aspire.Hosting.Go/GoHostingExtensions.cs (CommunityToolkit/Aspire has the older ' +
      'AddGolangApp)',
    publishes: 'dockerfile',
    env: () => [],
    serviceDefaults: false,
  },
  {
    id: 'golang-app',
    label: 'Go app (Community Toolkit)',
    group: 'Compute',
    csharp: 'AddGolangApp',
    typescript: 'addGolangApp',
    params: ['workingDirectory', 'args'],
    package: 'CommunityToolkit.Aspire.Hosting.Golang',
    source: 'CommunityToolkit/Aspire src/CommunityToolkit.Aspire.Hosting.Golang/GolangAppHostingExtension.cs',
    publishes: 'dockerfile',
    env: () => [],
    serviceDefaults: false,
  },
  {
    id: 'csharp-app',
    label: 'C# file app',
    group: 'Compute',
    csharp: 'AddCSharpApp',
    typescript: 'addCSharpApp',
    params: ['path'],
    package: 'Aspire.Hosting',
    source:
      'microsoft/aspire src/Aspire.Hosting/ProjectResourceBuilderExtensions.cs (AddCSharpApp writes a ' +
      'project resource)',
    publishes: 'project',
    env: () => [],
    serviceDefaults: true,
  },
  {
    id: 'orleans',
    label: 'Orleans cluster',
    group: 'Compute',
    csharp: 'AddOrleans',
    typescript: 'addOrleans',
    params: [],
    package: 'Aspire.Hosting.Orleans',
    // Not a resource of its own: WithReference(orleans) writes Orleans__* settings into each
    // silo/client; what it writes is ./orleans.ts.
    source: 'microsoft/aspire src/Aspire.Hosting.Orleans/OrleansServiceExtensions.cs; fixtures/oracle/orleans*',
    publishes: 'decorator',
    env: () => [],
    serviceDefaults: true,
  },
  {
    id: 'dapr-sidecar',
    label: 'Dapr sidecar',
    group: 'Compute',
    csharp: 'WithDaprSidecar',
    typescript: 'withDaprSidecar',
    params: ['appId'],
    package: 'CommunityToolkit.Aspire.Hosting.Dapr',
    // Publish writes a `dapr.v0` resource beside the app; Kubernetes runs it by the Dapr injector's annotations.
    source:
      'CommunityToolkit/Aspire ' +
      'src/CommunityToolkit.Aspire.Hosting.Dapr/IDistributedApplicationComponentBuilderExtensions.cs; ' +
      'fixtures/manifests/history-dapr-2025-01.json',
    publishes: 'decorator',
    env: () => [],
    serviceDefaults: false,
  },
];

const BY_APP_METHOD = new Map(APPS.flatMap((a) => [[a.csharp, a] as const, [a.typescript, a] as const]));

/** The application integration behind a C# or TypeScript method name. */
export function appByMethod(method: string): AppSpec | undefined {
  return BY_APP_METHOD.get(method);
}
