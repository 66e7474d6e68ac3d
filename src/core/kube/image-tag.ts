/**
 * Whether an image reference is unpinned: `:latest`, or no tag and no digest (which pulls
 * latest). The generator warns about it at convert and the parity check judges it, from this
 * one definition, so both say the same thing about the same image.
 */
export type Unpinned = 'latest' | 'untagged';

export function unpinnedImage(image: string): Unpinned | undefined {
  if (image.includes('@')) return undefined;
  const last = image.slice(image.lastIndexOf('/') + 1);
  const colon = last.indexOf(':');
  if (colon < 0) return 'untagged';
  return last.slice(colon + 1).toLowerCase() === 'latest' ? 'latest' : undefined;
}
