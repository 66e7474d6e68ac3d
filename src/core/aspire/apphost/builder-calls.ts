/**
 * `builder.AddX(...)`: the calls that declare resources. Each one creates the resource the way
 * Aspire's manifest writer would show it (see ./catalogue.ts), so an imported App Host and an
 * imported manifest of the same app agree.
 */
import { engineFromImage } from '../../model/semantics';
import type { ParameterSpec, Resource } from '../../model/topology';
import { bindArguments, isNullLiteral, type MethodCall } from './syntax';
import {
  conventionalProjectPath,
  GENERATED_PASSWORD_LENGTH,
  integrationByMethod,
  passwordParameterName,
  projectEndpoints,
  projectEnv,
} from './catalogue';
import { newResource } from './state';
import { REPORTED, type Evaluator, type Value } from './values';

/** The resource name argument (first), or a warning when it is not a constant string. */
function nameArg(ev: Evaluator, c: MethodCall, params: string[]): { name: string; args: ReturnType<typeof bindArguments> } | undefined {
  const args = bindArguments(c.args, params);
  const nameNode = args.get(params[0]!);
  const name = nameNode ? ev.str(nameNode) : undefined;
  if (name === undefined) {
    ev.model.warn('unresolved-name', `Line ${c.line}: ${c.method} needs a constant resource name; this resource is skipped.`, c.at, undefined, c.method);
    return undefined;
  }
  return { name, args };
}

function created(ev: Evaluator, r: Resource, c: MethodCall): Value {
  return { t: 'resource', name: ev.model.add(r, c.at, c.method).name };
}

function addProject(ev: Evaluator, c: MethodCall): Value {
  const typeArg = c.typeArgs[0];
  // AddProject<T>(name, launchProfileName?) and AddProject(name, projectPath, launchProfileName?).
  const a = nameArg(ev, c, typeArg ? ['name', 'launchProfileName'] : ['name', 'projectPath', 'launchProfileName']);
  if (!a) return REPORTED;
  const r = newResource(a.name, 'project', 'project.v0');
  const pathNode = a.args.get('projectPath');
  if (typeArg) {
    // Projects.TripApi → the SDK generates one type per referenced project.
    const typeName = typeArg.replace(/^global::/, '').replace(/^Projects\./, '');
    r.projectPath = ev.model.projectPaths.get(typeName) ?? conventionalProjectPath(typeName);
  } else if (pathNode) {
    const path = ev.str(pathNode);
    if (path === undefined) ev.model.warn('unresolved-argument', `Line ${c.line}: the project path is not a constant string.`, c.at, a.name, c.method);
    else r.projectPath = path.replace(/\\/g, '/');
  } else {
    ev.model.warn('missing-project', `Line ${c.line}: AddProject without a project type or path.`, c.at, a.name, c.method);
  }
  // `launchProfileName: null`: no launch profile, so no default endpoints (a worker service).
  const profile = a.args.get('launchProfileName');
  const worker = profile !== undefined && isNullLiteral(profile);
  r.endpoints = worker ? [] : projectEndpoints();
  r.env = projectEnv(a.name, worker);
  return created(ev, r, c);
}

function addContainer(ev: Evaluator, c: MethodCall): Value {
  const a = nameArg(ev, c, ['name', 'image', 'tag']);
  if (!a) return REPORTED;
  const imageNode = a.args.get('image');
  const image = imageNode ? ev.str(imageNode) : undefined;
  if (image === undefined) {
    ev.model.warn('unresolved-argument', `Line ${c.line}: AddContainer needs a constant image; "${a.name}" is skipped.`, c.at, a.name, c.method);
    return REPORTED;
  }
  const tagNode = a.args.get('tag');
  const tag = tagNode ? ev.str(tagNode) : undefined;
  const r = newResource(a.name, 'container', 'container.v0');
  // Aspire adds ":latest" when neither the image nor the call names a tag.
  r.image = tag !== undefined ? `${image}:${tag}` : /:[^/]+$/.test(image) || image.includes('@') ? image : `${image}:latest`;
  const engine = engineFromImage(r.image);
  if (engine) r.engine = engine;
  return created(ev, r, c);
}

function addDockerfile(ev: Evaluator, c: MethodCall): Value {
  const a = nameArg(ev, c, ['name', 'contextPath', 'dockerfilePath', 'stage']);
  if (!a) return REPORTED;
  const ctxNode = a.args.get('contextPath');
  const context = ctxNode ? ev.str(ctxNode) : undefined;
  if (context === undefined) {
    ev.model.warn('unresolved-argument', `Line ${c.line}: AddDockerfile needs a constant context path; "${a.name}" is skipped.`, c.at, a.name, c.method);
    return REPORTED;
  }
  const dfNode = a.args.get('dockerfilePath');
  const dockerfile = dfNode ? ev.str(dfNode) : undefined;
  const stageNode = a.args.get('stage');
  const stage = stageNode ? ev.str(stageNode) : undefined;
  const r = newResource(a.name, 'dockerfile', 'container.v1');
  r.build = { context, dockerfile: `${context}/${dockerfile ?? 'Dockerfile'}`, ...(stage !== undefined ? { stage } : {}) };
  return created(ev, r, c);
}

function addExecutable(ev: Evaluator, c: MethodCall): Value {
  const a = nameArg(ev, c, ['name', 'command', 'workingDirectory']);
  if (!a) return REPORTED;
  const r = newResource(a.name, 'executable', 'executable.v0');
  const cmd = a.args.get('command');
  const wd = a.args.get('workingDirectory');
  const command = cmd ? ev.str(cmd) : undefined;
  const workingDirectory = wd ? ev.str(wd) : undefined;
  if (command !== undefined) r.command = command;
  if (workingDirectory !== undefined) r.workingDirectory = workingDirectory;
  // Remaining positional arguments are the `params string[] args`.
  for (const arg of c.args.filter((x) => x.name === undefined).slice(3)) {
    const v = ev.value(arg.value);
    // TypeScript passes the arguments as one array: addExecutable(name, cmd, dir, ["run"]).
    for (const item of v.t === 'array' ? v.items : [v]) {
      const t = ev.templateOf(item);
      if (t !== undefined) r.args.push(t);
      else ev.model.warn('unresolved-argument', `Line ${c.line}: an argument of "${a.name}" is not a constant; ignored.`, c.at, a.name, c.method);
    }
  }
  ev.model.info('executable', `Line ${c.line}: "${a.name}" is an executable; it has no direct Kubernetes equivalent.`, c.at, a.name);
  return created(ev, r, c);
}

function addParameter(ev: Evaluator, c: MethodCall): Value {
  // Overloads: (name, secret = false) and (name, value, publishValueAsDefault = false, secret = false).
  const second = c.args.filter((x) => x.name === undefined)[1];
  const valueOverload = c.args.some((x) => x.name === 'value') || (second !== undefined && ev.bool(second.value) === undefined);
  const params = valueOverload ? ['name', 'value', 'publishValueAsDefault', 'secret'] : ['name', 'secret'];
  const a = nameArg(ev, c, params);
  if (!a) return REPORTED;
  const secretNode = a.args.get('secret');
  const spec: ParameterSpec = { secret: secretNode ? ev.bool(secretNode) === true : false };
  const valueNode = a.args.get('value');
  const publishNode = a.args.get('publishValueAsDefault');
  if (valueNode) {
    const generated = generateDefault(ev, valueNode);
    const v = generated === undefined ? ev.str(valueNode) : undefined;
    if (generated !== undefined) spec.default = { kind: 'generate', minLength: generated };
    // Only a published constant default reaches the manifest; the same rule here.
    else if (v !== undefined && publishNode && ev.bool(publishNode) === true) spec.default = { kind: 'value', value: v };
  }
  const r = newResource(a.name, 'parameter', 'parameter.v0');
  r.parameter = spec;
  return created(ev, r, c);
}

/** `new GenerateParameterDefault { MinLength = n }` → n (22 when not set). */
function generateDefault(ev: Evaluator, node: Parameters<Evaluator['str']>[0]): number | undefined {
  if (node.type !== 'object_creation_expression') return undefined;
  if (node.childForFieldName('type')?.text !== 'GenerateParameterDefault') return undefined;
  const init = node.namedChildren.find((n) => n?.type === 'initializer_expression');
  for (const a of init?.namedChildren ?? []) {
    if (a?.type !== 'assignment_expression') continue;
    if (a.childForFieldName('left')?.text === 'MinLength') {
      const right = a.childForFieldName('right');
      const v = right ? ev.int(right) : undefined;
      if (v !== undefined) return v;
    }
  }
  return GENERATED_PASSWORD_LENGTH;
}

function addConnectionString(ev: Evaluator, c: MethodCall): Value {
  const a = nameArg(ev, c, ['name', 'environmentVariableName']);
  if (!a) return REPORTED;
  const r = newResource(a.name, 'connection-string', 'parameter.v0');
  // The manifest writes AddConnectionString as a secret parameter whose value is the string.
  r.connectionString = `{${a.name}.value}`;
  r.parameter = { secret: true };
  return created(ev, r, c);
}

function addIntegration(ev: Evaluator, c: MethodCall): Value | undefined {
  const integration = integrationByMethod(c.method);
  if (!integration) return undefined;
  const a = nameArg(ev, c, ['name', ...integration.params]);
  if (!a) return REPORTED;
  const { name } = a;
  if (ev.model.resources.has(name)) return created(ev, newResource(name, 'container', 'container.v0'), c);
  let pw: string | undefined;
  if (integration.password) {
    const pwNode = a.args.get('password');
    const given = pwNode ? ev.value(pwNode) : undefined;
    if (given?.t === 'resource' && ev.model.resources.get(given.name)?.kind === 'parameter') {
      pw = given.name;
    } else {
      if (pwNode) ev.model.warn('unresolved-argument', `Line ${c.line}: the password of "${name}" is not a parameter; a generated one is used.`, c.at, name, c.method);
      pw = passwordParameterName(name);
      if (!ev.model.resources.has(pw)) {
        const p = newResource(pw, 'parameter', 'parameter.v0');
        p.parameter = { secret: true, default: { kind: 'generate', minLength: GENERATED_PASSWORD_LENGTH } };
        ev.model.add(p, c.at);
      }
    }
    ev.model.passwords.set(name, pw);
  }
  if (a.args.has('userName')) ev.model.warn('not-modelled', `Line ${c.line}: a custom user name for "${name}" is not modelled; the integration's default user is assumed.`, c.at, name, c.method);
  const r = newResource(name, 'container', 'container.v0');
  r.engine = integration.engine;
  r.image = `${integration.repository}:${integration.tag}`;
  r.endpoints = integration.endpoints(name);
  const portNode = a.args.get('port');
  const port = portNode ? ev.int(portNode) : undefined;
  if (port !== undefined && r.endpoints[0] && port !== r.endpoints[0].targetPort) r.endpoints[0].port = port;
  r.env = integration.env(name, pw);
  if (integration.entrypoint) r.entrypoint = integration.entrypoint;
  if (integration.args) r.args = integration.args(name, false);
  r.connectionString = integration.connectionString(name, pw);
  const out = created(ev, r, c);
  if (pw) ev.model.reference(name, pw, 'parameter');
  return out;
}

/** Dispatch a call on the builder; undefined when the method is not one we know. */
export function builderCall(ev: Evaluator, c: MethodCall): Value | undefined {
  switch (c.method) {
    case 'AddProject':
      return addProject(ev, c);
    case 'AddCSharpApp':
      // A project by path (a .csproj, its folder, or a file-based .cs app); deployed like AddProject.
      return addProject(ev, { ...c, typeArgs: [] });
    case 'AddContainer':
      return addContainer(ev, c);
    case 'AddDockerfile':
      return addDockerfile(ev, c);
    case 'AddExecutable':
      return addExecutable(ev, c);
    case 'AddParameter':
      return addParameter(ev, c);
    case 'AddConnectionString':
      return addConnectionString(ev, c);
    case 'Build':
      return { t: 'app' };
    default:
      return addIntegration(ev, c);
  }
}
