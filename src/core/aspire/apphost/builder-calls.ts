/**
 * `builder.AddX(...)`: the calls that declare resources. Each one creates the resource the way
 * Aspire's manifest writer would show it (see ../../model/integrations), so an imported App Host and an
 * imported manifest of the same app agree.
 */
import { engineFromImage } from '../../model/semantics';
import { isNullLiteral, type MethodCall } from './syntax';
import { conventionalProjectPath, projectEndpoints, projectEnv } from '../../model/integrations/apphost-view';
import { newResource } from './state';
import { REPORTED, type Evaluator, type Value } from './values';
import { addExternalService } from './external-service';
import { created, nameArg, requiredArg } from './builder-arguments';
import { addConnectionString, addParameter, addParameterFromConfiguration } from './parameter-calls';
import { addApp, addIntegration } from './integration-calls';
import { addResource } from './custom-resource';
import { addOrleans } from './orleans-calls';
import { addExecutableApp } from './executable-apps';

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
  const image = requiredArg(ev, c, a, 'image', 'image');
  if (image === undefined) return REPORTED;
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
  const context = requiredArg(ev, c, a, 'contextPath', 'context path');
  if (context === undefined) return REPORTED;
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

/** Compute environments of other deployment targets (Docker Compose, Azure Container Apps, …). */
const OTHER_TARGET_ENVIRONMENT = /^Add(DockerCompose|AzureContainerApp|AzureAppService|Kubernetes)Environment$/;

/** Dispatch a call on the builder; undefined when the method is not one we know. */
export function builderCall(ev: Evaluator, c: MethodCall): Value | undefined {
  if (OTHER_TARGET_ENVIRONMENT.test(c.method)) {
    // Where `aspire publish` would deploy to; this tool's target is the Kubernetes bundle itself.
    const name = c.args[0] ? ev.str(c.args[0].value) : undefined;
    ev.model.info(
      'other-target',
      `Line ${c.line}: ${ev.model.construct(c.method)}(${name !== undefined ? `"${name}"` : '…'}) sets up a ` +
        "publishing environment; the Kubernetes bundle is generated with this tool's own settings instead, so it " +
        'is not a resource here.',
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
    case 'AddDotnetProject': {
      // DotnetProjectResource (Aspire.Hosting.Dotnet, experimental) runs `dotnet run` locally; Aspire's own
      // publish refuses it ("Automatic publishing is not supported") unless PublishAsDockerFile is used.
      const a = nameArg(ev, c, ['name', 'path']);
      if (!a) return REPORTED;
      const r = ev.model.placeholder(
        a.name,
        `Line ${c.line}: ${ev.model.construct(c.method)}("${a.name}") is a run-only .NET project: aspire publish ` +
          'refuses it (use AddProject or AddCSharpApp to deploy it); kept as a placeholder, not deployed.',
        c.at,
        c.method,
      );
      return { t: 'resource', name: r.name };
    }
    case 'AddParameterFromConfiguration':
      return addParameterFromConfiguration(ev, c);
    case 'AddConnectionString':
      return addConnectionString(ev, c);
    case 'AddOrleans':
      return addOrleans(ev, c);
    case 'AddExternalService':
      return addExternalService(ev, c, REPORTED);
    case 'AddResource':
      return addResource(ev, c);
    case 'Build':
      return { t: 'app' };
    default:
      return addIntegration(ev, c) ?? addApp(ev, c) ?? addExecutableApp(ev, c);
  }
}
