/**
 * Image calls on a resource: WithImage, WithImageTag (a project or Dockerfile keeps it as the
 * tag to build with), WithImageRegistry and RabbitMQ's WithManagementPlugin.
 */
import type { Node } from 'web-tree-sitter';
import type { Resource } from '../../model/topology';
import type { MethodCall } from './syntax';
import { RABBITMQ_MANAGEMENT, splitImage } from '../../model/integrations/apphost-view';
import type { Evaluator } from './values';

function setImage(r: Resource, repository: string, tag: string | undefined): void {
  r.image = tag !== undefined ? `${repository}:${tag}` : repository;
}

export function withImageTag(ev: Evaluator, r: Resource, c: MethodCall, args: Map<string, Node>): void {
  const n = args.get('tag');
  const tag = n ? ev.str(n) : undefined;
  if (tag === undefined) {
    ev.model.warn(
      'unresolved-argument',
      `Line ${c.line}: WithImageTag needs a constant tag; ignored.`,
      c.at,
      r.name,
      c.method,
    );
    return;
  }
  if (!r.image) {
    // Projects and Dockerfiles have no image yet; the tag is the one to build with.
    r.settings.imageTag = tag;
    return;
  }
  setImage(r, splitImage(r.image).repository, tag);
}

export function withImage(ev: Evaluator, r: Resource, c: MethodCall, args: Map<string, Node>): void {
  const n = args.get('image');
  const image = n ? ev.str(n) : undefined;
  const t = args.get('tag');
  const tag = t ? ev.str(t) : undefined;
  if (image === undefined) {
    ev.model.warn(
      'unresolved-argument',
      `Line ${c.line}: WithImage needs a constant image; ignored.`,
      c.at,
      r.name,
      c.method,
    );
    return;
  }
  const split = splitImage(image);
  setImage(r, split.repository, tag ?? split.tag ?? 'latest');
}

export function withImageRegistry(ev: Evaluator, r: Resource, c: MethodCall, args: Map<string, Node>): void {
  const n = args.get('registry');
  const registry = n ? ev.str(n) : undefined;
  if (registry === undefined || !r.image) return;
  const { repository, tag } = splitImage(r.image);
  const parts = repository.split('/');
  // A first segment with a dot or port is a registry; replace it, else prefix one.
  const rest = parts.length > 1 && /[.:]/.test(parts[0]!) ? parts.slice(1) : parts;
  setImage(r, [registry, ...rest].join('/'), tag);
}

export function withManagementPlugin(ev: Evaluator, r: Resource, c: MethodCall): void {
  if (r.engine !== 'rabbitmq' || !r.image) {
    ev.model.warn(
      'unsupported-call',
      `Line ${c.line}: WithManagementPlugin applies to RabbitMQ only; ignored.`,
      c.at,
      r.name,
      c.method,
    );
    return;
  }
  const { repository, tag } = splitImage(r.image);
  if (tag && !tag.endsWith('-management')) setImage(r, repository, `${tag}-management`);
  if (!r.endpoints.some((e) => e.name === 'management')) r.endpoints.push({ ...RABBITMQ_MANAGEMENT });
}
