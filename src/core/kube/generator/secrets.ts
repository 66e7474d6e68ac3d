/**
 * Where each kind of sensitive value lives in the cluster. One Secret per parameter or
 * connection (never one per consumer, the defect in Aspire's own publisher), named after the
 * Aspire resource so a reader can tell what to create.
 */
import { envKeyName } from '../../model/names';
import type { Resource } from '../../model/topology';
import { k8sName, needSecret, type GenContext } from './context';

export interface SecretRef {
  secretName: string;
  key: string;
  /** Env var name used when the value is spliced into a larger string via $(VAR). */
  helperVar: string;
}

/** A parameter is treated as secret when marked so, or when its value is generated (a password). */
export function isSecretParameter(r: Resource): boolean {
  return r.parameter?.secret === true || r.parameter?.default?.kind === 'generate';
}

export function parameterSecret(ctx: GenContext, p: Resource): SecretRef {
  const secretName = k8sName(ctx, p.name);
  needSecret(ctx, {
    secretName,
    key: 'value',
    resource: p.name,
    description:
      p.parameter?.default?.kind === 'generate'
        ? `value of secret parameter "${p.name}" (Aspire generated it locally; choose a strong value of at least ` +
          `${p.parameter.default.minLength} characters)`
        : isSecretParameter(p)
          ? `value of secret parameter "${p.name}"`
          : `value of parameter "${p.name}" (not marked secret, but used as a password)`,
  });
  return { secretName, key: 'value', helperVar: `SECRET_${envKeyName(p.name)}` };
}

/** The connection string of something outside the cluster: external managed DB, AddConnectionString, cloud. */
export function connectionSecret(ctx: GenContext, r: Resource): SecretRef {
  const secretName = `${k8sName(ctx, r.name)}-connection`;
  const what =
    r.kind === 'connection-string'
      ? `connection string "${r.name}" (AddConnectionString)`
      : r.kind === 'cloud'
        ? `connection string of cloud resource "${r.name}" (provisioned outside the cluster)`
        : r.kind === 'unknown' || r.kind === 'executable'
          ? `connection string of "${r.name}" (${r.sourceType || 'no type'}), which is not deployed to the cluster`
          : `connection string of the external managed "${r.name}"`;
  needSecret(ctx, { secretName, key: 'connection-string', resource: r.name, description: what });
  return { secretName, key: 'connection-string', helperVar: `CONN_${envKeyName(r.name)}` };
}

/** An output of a cloud resource (Bicep outputs, Key Vault secrets): the user supplies it. */
export function outputSecret(ctx: GenContext, r: Resource, output: string): SecretRef {
  const secretName = `${k8sName(ctx, r.name)}-outputs`;
  const key = output.replace(/[^-._a-zA-Z0-9]/g, '-');
  needSecret(ctx, {
    secretName,
    key,
    resource: r.name,
    description: `output "${output}" of cloud resource "${r.name}"`,
  });
  return { secretName, key, helperVar: `OUT_${envKeyName(r.name)}_${envKeyName(output)}` };
}

/** A secret the input wrote as plain text: one Secret per workload, one key per variable. */
export function literalSecret(ctx: GenContext, r: Resource, envName: string): SecretRef {
  const secretName = `${k8sName(ctx, r.name)}-env`;
  const key = envName.replace(/[^-._a-zA-Z0-9]/g, '-');
  needSecret(ctx, {
    secretName,
    key,
    resource: r.name,
    description: `${envName} of "${r.name}" (the input held it in plain text; it is not copied here)`,
  });
  return { secretName, key, helperVar: `SECRET_${envKeyName(r.name)}_${envKeyName(envName)}` };
}
