/**
 * "Download App Host": the current design as App Host code, written by the same core exporters
 * as `convert --format apphost` (C#, Program.cs) and `--format apphost-ts` (TypeScript, apphost.ts).
 */
import type { DesignStore } from '../../state/design-store';
import { downloadText } from './download';
import { designForDisk } from '../../state/secret-policy';
import { safeText } from '../../core/model/safe-text';

export async function downloadAppHost(design: DesignStore, language: 'cs' | 'ts' = 'cs'): Promise<void> {
  try {
    // Loaded on first use: most sessions never export code, so it stays out of the first bundle.
    // Secret parameter defaults are exported (publishValueAsDefault) only when the user opted in.
    const topology = designForDisk(design.getState().doc).topology;
    const code =
      language === 'ts'
        ? (await import('../../core/aspire/apphost-ts/export')).exportAppHostTs(topology)
        : (await import('../../core/aspire/apphost/export')).exportAppHost(topology);
    downloadText(safeText(code), language === 'ts' ? 'apphost.ts' : 'Program.cs', 'text/plain;charset=utf-8');
  } catch (e) {
    design.getState().notify({ kind: 'error', text: `App Host export failed: ${(e as Error).message}` });
  }
}
