/**
 * `builder.AddX(...)`: the calls that declare resources. Each one creates the resource the way
 * Aspire's manifest writer would show it (see ../../model/integrations), so an imported App Host and an
 * imported manifest of the same app agree.
 */
import { engineFromImage } from '../../model/semantics';
import type { ParameterSpec, Resource } from '../../model/topology';
import { bindArguments, isNullLiteral, type MethodCall } from './syntax';
import {
  conventionalProjectPath,
  GENERATED_PASSWORD_LENGTH,
  projectEndpoints,
  projectEnv,
} from '../../model/integrations/apphost-view';
import { appResource, generatedSecret, serverResource } from '../../model/integrations/create';
import { appByMethod, integrationForMethod } from '../../model/integrations';
import { newResource } from './state';
import { REPORTED, type Evaluator, type Value } from './values';
import { addExternalService } from './external-service';

/** The resource name argument (first), or a warning when it is not a constant string. */
function nameArg(
  ev: Evaluator,
  c: MethodCall,
  params: string[],
): { name: string; args: ReturnType<typeof bindArguments> } | undefined {
  const args = bindArguments(c.args, params);
  const nameNode = args.get(params[0]!);
  const name = nameNode ? ev.str(nameNode) : undefined;
  if (name === undefined) {
    ev.model.warn(
      'unresolved-name',
      `Line ${c.line}: ${ev.model.construct(c.method)} needs a constant resource name; this resource is skipped.`,
      c.at,
      undefined,
      c.method,
    );
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
    if (path === undefined)
      ev.model.warn(
        'unresolved-argument',
        `Line ${c.line}: the project path is not a constant string.`,
        c.at,
        a.name,
        c.method,
      );
    else r.projectPath = path.replace(/\\/g, '/');
  } else {
    ev.model.warn(
      'missing-project',
      `Line ${c.line}: AddProject without a project type or path.`,
      c.at,
      a.name,
      c.method,
    );
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
    ev.model.warn(
      'unresolved-argument',
      `Line ${c.line}: AddContainer needs a constant image; "${a.name}" is skipped.`,
      c.at,
      a.name,
      c.method,
    );
    return REPORTED;
  }
  const tagNode = a.args.get('tag');
  const tag = tagNode ? ev.str(tagNode) : undefined;
  const r = newResource(a.name, 'container', 'container.v0');
  // Aspire adds ":latest" when neither the image nor the call names a tag.
  r.image =
    tag !== undefined ? `${image}:${tag}` : /:[^/]+$/.test(image) || image.includes('@') ? image : `${image}:latest`;
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
    ev.model.warn(
      'unresolved-argument',
      `Line ${c.line}: AddDockerfile needs a constant context path; "${a.name}" is skipped.`,
      c.at,
      a.name,
      c.method,
    );
    return REPORTED;
  }
  const dfNode = a.args.get('dockerfilePath');
  const dockerfile = dfNode ? ev.str(dfNode) : undefined;
  const stageNode = a.args.get('stage');
  const stage = stageNode ? ev.str(stageNode) : undefined;
  const r = newResource(a.name, 'dockerfile', 'container.v1');
  r.build = {
    context,
    dockerfile: `${context}/${dockerfile ?? 'Dockerfile'}`,
    ...(stage !== undefined ? { stage } : {}),
  };
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
      else
        ev.model.warn(
          'unresolved-argument',
          `Line ${c.line}: an argument of "${a.name}" is not a constant; ignored.`,
          c.at,
          a.name,
          c.method,
        );
    }
  }
  ev.model.info(
    'executable',
    `Line ${c.line}: "${a.name}" is an executable; it has no direct Kubernetes equivalent.`,
    c.at,
    a.name,
  );
  return created(ev, r, c);
}

function addParameter(ev: Evaluator, c: MethodCall): Value {
  // Overloads: (name, secret = false) and (name, value, publishValueAsDefault = false, secret = false).
  const second = c.args.filter((x) => x.name === undefined)[1];
  const valueOverload =
    c.args.some((x) => x.name === 'value') || (second !== undefined && ev.bool(second.value) === undefined);
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
    else if (v !== undefined && publishNode && ev.bool(publishNode) === true)
      spec.default = { kind: 'value', value: v };
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

/** `AddPostgres(...)` & co: built by the integration table's own factory, the one the palette uses. */
function addIntegration(ev: Evaluator, c: MethodCall): Value | undefined {
  const spec = integrationForMethod(c.method);
  // Azure resources publish as azure.bicep even with RunAsEmulator: not a container here.
  if (!spec || spec.publishesAsCloud) return undefined;
  const a = nameArg(ev, c, ['name', ...spec.params]);
  if (!a) return REPORTED;
  const { name } = a;
  if (ev.model.resources.has(name)) return created(ev, newResource(name, 'container', 'container.v0'), c);
  let pw: string | undefined;
  const generated = generatedSecret(spec, name);
  if (generated) {
    const secretParam = spec.params.find((p) => /password|key/i.test(p));
    const pwNode = secretParam ? a.args.get(secretParam) : undefined;
    const given = pwNode ? ev.value(pwNode) : undefined;
    if (given?.t === 'resource' && ev.model.resources.get(given.name)?.kind === 'parameter') {
      pw = given.name;
    } else {
      if (pwNode)
        ev.model.warn(
          'unresolved-argument',
          `Line ${c.line}: the password of "${name}" is not a parameter; a generated one is used.`,
          c.at,
          name,
          c.method,
        );
      pw = generated.name;
      if (!ev.model.resources.has(pw)) ev.model.add(generated, c.at);
    }
    ev.model.passwords.set(name, pw);
  }
  // userName: a parameter replaces the default user everywhere the integration writes it.
  const userNode = a.args.get('userName');
  const userValue = userNode ? ev.value(userNode) : undefined;
  const user =
    userValue?.t === 'resource' && ev.model.resources.get(userValue.name)?.kind === 'parameter'
      ? userValue.name
      : undefined;
  if ((userNode && user === undefined) || a.args.has('adminUsername'))
    ev.model.warn(
      'not-modelled',
      `Line ${c.line}: a custom user name for "${name}" is not modelled; the integration's default user is assumed.`,
      c.at,
      name,
      c.method,
    );
  const portNode = a.args.get('port');
  const port = portNode ? ev.int(portNode) : undefined;
  const r = serverResource(spec, name, {
    ...(pw !== undefined ? { secret: pw } : {}),
    ...(port !== undefined ? { port } : {}),
    ...(user !== undefined ? { user } : {}),
  });
  const out = created(ev, r, c);
  if (pw) ev.model.reference(name, pw, 'parameter');
  if (user) ev.model.reference(name, user, 'parameter');
  return out;
}

/** Compute environments of other deployment targets (Docker Compose, Azure Container Apps, …). */
const OTHER_TARGET_ENVIRONMENT = /^Add(DockerCompose|AzureContainerApp|AzureAppService|Kubernetes)Environment$/;

/** `AddViteApp("web", "../web")` & co: the language apps of the integration table. */
function addApp(ev: Evaluator, c: MethodCall): Value | undefined {
  const spec = appByMethod(c.method);
  if (!spec || spec.publishes !== 'dockerfile') return undefined;
  const a = nameArg(ev, c, ['name', ...spec.params]);
  if (!a) return REPORTED;
  const call: Record<string, string> = {};
  for (const p of spec.params) {
    const n = a.args.get(p);
    const v = n ? ev.str(n) : undefined;
    if (v !== undefined) call[p] = v;
  }
  const directory = call[spec.params[0]!];
  if (directory === undefined) {
    ev.model.warn(
      'unresolved-argument',
      `Line ${c.line}: ${c.method} needs a constant app directory; "${a.name}" is skipped.`,
      c.at,
      a.name,
      c.method,
    );
    return REPORTED;
  }
  return created(ev, appResource(spec, a.name, directory.replace(/\\/g, '/'), call), c);
}

/** Dispatch a call on the builder; undefined when the method is not one we know. */
export function builderCall(ev: Evaluator, c: MethodCall): Value | undefined {
  if (OTHER_TARGET_ENVIRONMENT.test(c.method)) {
    // Where `aspire publish` would deploy to; this tool's target is the Kubernetes bundle itself.
    ev.model.info(
      'other-target',
      `Line ${c.line}: ${ev.model.construct(c.method)}(…) sets up a publishing environment; the Kubernetes bundle is generated with this tool's own settings instead, so it is not a resource here.`,
      c.at,
    );
    return REPORTED;
  }
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
    case 'AddExternalService':
      return addExternalService(ev, c, REPORTED);
    case 'Build':
      return { t: 'app' };
    default:
      return addIntegration(ev, c) ?? addApp(ev, c);
  }
}
