/**
 * Input for scripts/build-k8s-schema.ts: one interface per kind we emit, with apiVersion, kind
 * and metadata made required and literal, so the generated strict schema can dispatch on kind.
 * Types only; nothing imports this at runtime.
 */
import type { Deployment, StatefulSet } from 'kubernetes-types/apps/v1';
import type { Job } from 'kubernetes-types/batch/v1';
import type {
  ConfigMap,
  Namespace,
  PersistentVolumeClaim,
  Secret,
  Service,
  ServiceAccount,
} from 'kubernetes-types/core/v1';
import type { ObjectMeta } from 'kubernetes-types/meta/v1';
import type { Ingress } from 'kubernetes-types/networking/v1';
import type { Role, RoleBinding } from 'kubernetes-types/rbac/v1';

export interface KDeployment extends Deployment {
  apiVersion: 'apps/v1';
  kind: 'Deployment';
  metadata: ObjectMeta;
}
export interface KStatefulSet extends StatefulSet {
  apiVersion: 'apps/v1';
  kind: 'StatefulSet';
  metadata: ObjectMeta;
}
export interface KJob extends Job {
  apiVersion: 'batch/v1';
  kind: 'Job';
  metadata: ObjectMeta;
}
export interface KService extends Service {
  apiVersion: 'v1';
  kind: 'Service';
  metadata: ObjectMeta;
}
export interface KSecret extends Secret {
  apiVersion: 'v1';
  kind: 'Secret';
  metadata: ObjectMeta;
}
export interface KConfigMap extends ConfigMap {
  apiVersion: 'v1';
  kind: 'ConfigMap';
  metadata: ObjectMeta;
}
export interface KPersistentVolumeClaim extends PersistentVolumeClaim {
  apiVersion: 'v1';
  kind: 'PersistentVolumeClaim';
  metadata: ObjectMeta;
}
export interface KNamespace extends Namespace {
  apiVersion: 'v1';
  kind: 'Namespace';
  metadata: ObjectMeta;
}
export interface KIngress extends Ingress {
  apiVersion: 'networking.k8s.io/v1';
  kind: 'Ingress';
  metadata: ObjectMeta;
}
export interface KServiceAccount extends ServiceAccount {
  apiVersion: 'v1';
  kind: 'ServiceAccount';
  metadata: ObjectMeta;
}
export interface KRole extends Role {
  apiVersion: 'rbac.authorization.k8s.io/v1';
  kind: 'Role';
  metadata: ObjectMeta;
}
export interface KRoleBinding extends RoleBinding {
  apiVersion: 'rbac.authorization.k8s.io/v1';
  kind: 'RoleBinding';
  metadata: ObjectMeta;
}
