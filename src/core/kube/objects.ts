import type { Diagnostic } from '../model/diagnostics';

/**
 * Generated Kubernetes objects before they become text. The generator produces these; the
 * plain, Kustomize and Helm layouts arrange them into files.
 */
export interface KubeObject {
  apiVersion: string;
  kind: string;
  metadata: { name: string; namespace?: string; labels?: Record<string, string>; annotations?: Record<string, string> };
  [field: string]: unknown;
}

/**
 * A generated object built with its kubernetes-types type (Service, Deployment, …), with the
 * fields every object we write has. `kubeObject` turns it into the generic shape the layouts read.
 */
export type Typed<T> = T & { apiVersion: string; kind: string; metadata: KubeObject['metadata'] };

/** The one place a typed object becomes a generic KubeObject (interfaces lack an index signature). */
export function kubeObject<T extends object>(o: Typed<T>): KubeObject {
  return o as unknown as KubeObject;
}

export interface GeneratedObject {
  object: KubeObject;
  /** The Aspire resource this object recreates; absent for shared objects (Namespace, parameters). */
  resource?: string;
  /** File stem this object belongs to in the plain layout (one file per resource, plus shared files). */
  group: string;
  /** Short comment naming the Aspire declaration this block recreates. */
  comment: string;
}

/** A secret the user must create or fill before applying: listed in the bundle README. */
export interface SecretToCreate {
  secretName: string;
  key: string;
  /** What value belongs there, in words. */
  description: string;
  /** The Aspire resource (parameter or connection string) it stands for. */
  resource: string;
}

export interface BundleFile {
  path: string;
  text: string;
}

/** What `generate(topology, settings)` returns: objects plus what the user must provide. */
export interface GeneratedBundle {
  objects: GeneratedObject[];
  /** Secrets with placeholder values the user must fill or pre-create (listed in the README). */
  secrets: SecretToCreate[];
  /** Warnings about things with no honest Kubernetes equivalent (executables, bind mounts, cloud). */
  diagnostics: Diagnostic[];
  /** Aspire name → Kubernetes name, after collision handling. */
  k8sNames: Map<string, string>;
}
