/**
 * What is wrong with an image reference, read the way a container runtime reads it: `:latest`,
 * no tag and no digest (which pulls latest; `registry:5000/img` has a port, not a tag), a
 * placeholder some tool fills in later (`$(IMAGE)`, `${IMAGE}`, Helm `{{ … }}`), or a reference
 * the kubelet refuses (upper-case repository, spaces, an empty tag, a malformed digest). The
 * generator warns at convert and the parity check judges the image, both from this one
 * definition and with the same words, so they say the same thing about the same image.
 */
export type Unpinned = 'latest' | 'untagged';
export type ImageProblem = Unpinned | 'placeholder' | 'invalid';

/** Repository path components: lower-case alphanumerics joined by `.`, `_`, `__` or dashes. */
const COMPONENT = /^[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*$/;
/** A registry host: DNS labels (any case) or an IPv6 literal, with an optional port. */
const DOMAIN =
  /^(?:[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?(?:\.[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?)*|\[[0-9a-fA-F:]+\])(?::\d+)?$/;
const TAG = /^[\w][\w.-]{0,127}$/;
const DIGEST = /^[a-z0-9]+(?:[.+_-][a-z0-9]+)*:[0-9a-fA-F]{32,}$/;
/** Text a templating tool replaces before the object reaches the cluster. */
const PLACEHOLDER = /\{\{|\$\(|\$\{|<[^>]*>|%\{|#\{/;

export function imageProblem(image: string): ImageProblem | undefined {
  if (PLACEHOLDER.test(image)) return 'placeholder';
  if (image === '' || /\s/.test(image)) return 'invalid';
  const at = image.indexOf('@');
  const named = at < 0 ? image : image.slice(0, at);
  if (at >= 0 && !DIGEST.test(image.slice(at + 1))) return 'invalid';
  // The tag is after the last ':' of the last path component (a ':' before a '/' is a registry port).
  const slash = named.lastIndexOf('/');
  const colon = named.lastIndexOf(':');
  const hasTag = colon > slash;
  const repo = hasTag ? named.slice(0, colon) : named;
  const tag = hasTag ? named.slice(colon + 1) : undefined;
  const parts = repo.split('/');
  // The first component is a registry when it has a '.' or ':' or is localhost (Docker's rule).
  const domain = parts.length > 1 && /[.:]|^localhost$/.test(parts[0]!) ? parts.shift()! : undefined;
  if (domain !== undefined && !DOMAIN.test(domain)) return 'invalid';
  if (parts.some((p) => !COMPONENT.test(p))) return 'invalid';
  if (tag !== undefined && !TAG.test(tag)) return 'invalid';
  if (at >= 0) return undefined;
  if (tag === undefined) return 'untagged';
  return tag === 'latest' ? 'latest' : undefined;
}

/** `:latest` or untagged: the reference is valid and pulls whatever latest is today. */
export function unpinnedImage(image: string): Unpinned | undefined {
  const p = imageProblem(image);
  return p === 'latest' || p === 'untagged' ? p : undefined;
}

/** The words convert and check both use for an image's problem. */
export function imageProblemText(image: string, problem: ImageProblem): string {
  const shown = JSON.stringify(image);
  switch (problem) {
    case 'latest':
      return `image ${shown} is :latest, so a redeploy may run different code; pin a version tag or digest`;
    case 'untagged':
      return (
        `image ${shown} has no tag or digest and pulls :latest, so a redeploy may run different code; pin a ` +
        `version tag or digest`
      );
    case 'placeholder':
      return `image ${shown} is a placeholder filled in later; verify the value it gets is pinned to a tag or digest`;
    case 'invalid':
      return (
        `image ${shown} is not a valid image reference (lower-case repository, no spaces, a non-empty tag, ` +
        `sha256 digest); the kubelet refuses it (InvalidImageName)`
      );
  }
}
