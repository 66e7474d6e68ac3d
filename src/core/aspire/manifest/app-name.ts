/**
 * The application name for a topology: given, or derived from the file name. A manifest is
 * usually ".../Shop.AppHost/aspire-manifest.json", so a generic stem defers to its folder.
 */
import { toK8sName } from '../../model/names';

const GENERIC_STEMS = /^(aspire-manifest|manifest|aspire|design|app|apphost|program)$/i;

export function appNameFrom(fileName: string | undefined): string {
  if (!fileName) return 'app';
  const parts = fileName.split(/[\\/]+/).filter((p) => p !== '' && p !== '.' && p !== '..');
  const file = parts.pop() ?? '';
  const stem = file.replace(/\.[^.]*$/, '').replace(/\.(aspire-parity|design)$/i, '');
  let candidate = stem;
  if (!stem || GENERIC_STEMS.test(stem)) candidate = parts.pop() ?? '';
  candidate = candidate.replace(/[._-]?app-?host$/i, '');
  if (!candidate) return 'app';
  return toK8sName(candidate);
}
