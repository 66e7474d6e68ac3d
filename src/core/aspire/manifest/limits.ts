/**
 * Input limits for user files. Real manifests are tens of kilobytes and nest about 8 levels
 * (resources → name → deployment → params → …); the limits leave wide headroom while keeping
 * a hostile file from hanging the tab or overflowing the stack.
 */
import type { JsonLimits } from '../../json/json-parse';

export const MANIFEST_LIMITS: JsonLimits = {
  maxChars: 10_000_000,
  maxDepth: 64,
  // Pointers up to /resources/<name>/<field>/<key>/<sub> are enough to place every diagnostic.
  positionDepth: 6,
};
