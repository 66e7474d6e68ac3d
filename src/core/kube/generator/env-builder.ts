import type { EnvVarSource } from 'kubernetes-types/core/v1';
import type { SecretRef } from './secrets';

export interface EnvVarOut {
  name: string;
  value?: string;
  valueFrom?: EnvVarSource;
}

/** Collects a container's env: helper vars (from Secrets) come first so `$(VAR)` can use them. */
export class EnvBuilder {
  readonly helpers: EnvVarOut[] = [];
  readonly vars: EnvVarOut[] = [];

  helperFromSecret(ref: SecretRef): string {
    if (!this.helpers.some((h) => h.name === ref.helperVar)) {
      this.helpers.push({ name: ref.helperVar, valueFrom: { secretKeyRef: { name: ref.secretName, key: ref.key } } });
    }
    return `$(${ref.helperVar})`;
  }

  helperFromConfigMap(name: string, configMap: string, key: string): string {
    if (!this.helpers.some((h) => h.name === name)) {
      this.helpers.push({ name, valueFrom: { configMapKeyRef: { name: configMap, key } } });
    }
    return `$(${name})`;
  }

  set(v: EnvVarOut): void {
    const i = this.vars.findIndex((x) => x.name === v.name);
    if (i >= 0) this.vars[i] = v;
    else this.vars.push(v);
  }

  has(name: string): boolean {
    return this.vars.some((v) => v.name === name);
  }

  /** Helpers first (deduplicated against explicit vars with the same name), then the vars. */
  build(): EnvVarOut[] {
    const names = new Set(this.vars.map((v) => v.name));
    return [...this.helpers.filter((h) => !names.has(h.name)), ...this.vars];
  }
}
