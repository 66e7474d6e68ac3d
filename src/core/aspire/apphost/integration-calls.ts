/** `AddPostgres(...)`, `AddViteApp(...)` & co: the builder calls the integration table describes. */
import type { MethodCall } from './syntax';
import { appResource, generatedSecret, serverResource } from '../../model/integrations/create';
import { appByMethod, integrationForMethod } from '../../model/integrations';
import { newResource } from './state';
import { REPORTED, type Evaluator, type Value } from './values';
import { created, nameArg } from './builder-arguments';

/** `AddPostgres(...)` & co: built by the integration table's own factory, the one the palette uses. */
export function addIntegration(ev: Evaluator, c: MethodCall): Value | undefined {
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
  const userNode = a.args.get('userName') ?? a.args.get('rootUser');
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

/** `AddViteApp("web", "../web")` & co: the language apps of the integration table. */
export function addApp(ev: Evaluator, c: MethodCall): Value | undefined {
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
