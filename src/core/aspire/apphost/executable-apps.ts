/**
 * `AddBunApp` and `AddRustApp` (CommunityToolkit/Aspire): both add an ExecutableResource the App
 * Host runs on the developer's machine (`bun run <entry>`, `cargo run .`) and neither calls
 * PublishAsDockerfile, so they are executables here exactly as AddExecutable would make them;
 * an App Host's own `.PublishAsDockerFile()` then turns them into built containers.
 * Sources: src/CommunityToolkit.Aspire.Hosting.Bun/BunAppExtensions.cs (9c428cd),
 * src/CommunityToolkit.Aspire.Hosting.Rust/RustAppHostingExtension.cs (55b734b).
 */
import { httpEndpoint } from '../../model/integrations/types';
import { created, nameArg, requiredArg } from './builder-arguments';
import { newResource } from './state';
import type { MethodCall } from './syntax';
import { REPORTED, type Evaluator, type Value } from './values';

/** `AddBunApp(name, workingDirectory = "../<name>", entryPoint = "index.ts", watch = false)`. */
function addBunApp(ev: Evaluator, c: MethodCall): Value {
  const a = nameArg(ev, c, ['name', 'workingDirectory', 'entryPoint', 'watch']);
  if (!a) return REPORTED;
  const r = newResource(a.name, 'executable', 'executable.v0');
  const wd = a.args.get('workingDirectory');
  const entry = a.args.get('entryPoint');
  const watch = a.args.get('watch');
  r.command = 'bun';
  r.workingDirectory = (wd ? ev.str(wd) : undefined) ?? `../${a.name}`;
  const entryPoint = (entry ? ev.str(entry) : undefined) ?? 'index.ts';
  r.args = watch && ev.bool(watch) ? ['--watch', 'run', entryPoint] : ['run', entryPoint];
  // WithBunDefaults: "production" outside Development, which is what publish runs under.
  r.env.push({ name: 'NODE_ENV', value: 'production' });
  return announce(ev, c, r.name, created(ev, r, c));
}

/** `AddRustApp(name, workingDirectory, port = 8080, args = null)`: `cargo run . <args>`. */
function addRustApp(ev: Evaluator, c: MethodCall): Value {
  const a = nameArg(ev, c, ['name', 'workingDirectory', 'port', 'args']);
  if (!a) return REPORTED;
  const workingDirectory = requiredArg(ev, c, a, 'workingDirectory', 'working directory');
  if (workingDirectory === undefined) return REPORTED;
  const r = newResource(a.name, 'executable', 'executable.v0');
  r.command = 'cargo';
  r.workingDirectory = workingDirectory;
  r.args = ['run', '.'];
  const extra = a.args.get('args');
  const v = extra ? ev.value(extra) : undefined;
  for (const item of v?.t === 'array' ? v.items : []) {
    const t = ev.templateOf(item);
    if (t !== undefined) r.args.push(t);
  }
  const portNode = a.args.get('port');
  const port = (portNode ? ev.int(portNode) : undefined) ?? 8080;
  // WithHttpEndpoint(port, isProxied: false): the app listens on the port itself.
  r.endpoints.push({ ...httpEndpoint('http', port), port });
  return announce(ev, c, r.name, created(ev, r, c));
}

function announce(ev: Evaluator, c: MethodCall, name: string, out: Value): Value {
  ev.model.info(
    'executable',
    `Line ${c.line}: "${name}" (${c.method}) is an executable the App Host runs locally; it has no direct ` +
      'Kubernetes equivalent unless the App Host publishes it as a Dockerfile.',
    c.at,
    name,
  );
  return out;
}

/** The executable-app integrations, or undefined for any other method. */
export function addExecutableApp(ev: Evaluator, c: MethodCall): Value | undefined {
  if (c.method === 'AddBunApp' || c.method === 'addBunApp') return addBunApp(ev, c);
  if (c.method === 'AddRustApp' || c.method === 'addRustApp') return addRustApp(ev, c);
  return undefined;
}
