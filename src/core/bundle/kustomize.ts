/**
 * Kustomize layout: `base/` holds the generated objects and a kustomization; `overlays/dev`
 * and `overlays/prod` vary what teams vary per environment (replicas, image tags, resource
 * requests, ingress hosts). Secrets are never written as values: each user-provided Secret
 * becomes a `secretGenerator` reading `base/secrets/<name>.env`, a file the user creates
 * (listed in the README, ignored by git). `kubectl kustomize overlays/prod` builds as soon as
 * those files exist; kustomize then hashes the Secret names and rewrites every reference.
 */
import type { BundleFile, GeneratedBundle } from '../kube/objects';
import type { DeploySettings } from '../model/settings';
import type { Topology } from '../model/topology';
import { userSecrets, workloads, type Rec } from './inspect';
import { baseResourceFiles, secretEnvPath, secretExample, secretGenerator, yaml } from './kustomize-base';
import { overlay } from './kustomize-overlay';
import { readme } from './kustomize-readme';

export { secretEnvPath };

/** The Kustomize layout of a generated bundle. Pure; never throws for user input. */
export function kustomizeBundle(gen: GeneratedBundle, topology: Topology, settings: DeploySettings): BundleFile[] {
  const secrets = userSecrets(gen);
  const generated = new Set(secrets.map((s) => s.name));
  const resources = baseResourceFiles(gen, generated);
  const base: Rec = {
    apiVersion: 'kustomize.config.k8s.io/v1beta1',
    kind: 'Kustomization',
    // Secrets from secretGenerator carry no namespace of their own; this puts them beside the rest.
    ...(settings.namespace ? { namespace: settings.namespace } : {}),
    resources: resources.map((f) => f.path.slice('base/'.length)),
    ...(secrets.length ? { secretGenerator: secrets.map(secretGenerator) } : {}),
  };
  const ws = workloads(gen, topology);
  const overlays = [overlay('dev', gen, ws, settings), overlay('prod', gen, ws, settings)];
  const files: BundleFile[] = [
    {
      path: 'README.md',
      text: readme(
        topology,
        secrets,
        overlays,
        settings,
        gen.objects.map((o) => o.object).filter((o) => o.kind === 'Job'),
      ),
    },
    {
      path: 'base/kustomization.yaml',
      text: yaml(base, 'Generated objects; secrets come from files you create (see README.md).'),
    },
    ...resources,
  ];
  if (secrets.length) {
    files.push({ path: 'base/secrets/.gitignore', text: '# Real secret values never go into git.\n*.env\n' });
    for (const s of secrets) files.push({ path: `base/${secretEnvPath(s.name)}.example`, text: secretExample(s) });
  }
  for (const o of overlays) files.push(...o.files);
  return files;
}
