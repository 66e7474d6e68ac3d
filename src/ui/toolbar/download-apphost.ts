/**
 * "Download App Host": the current design as App Host code, written by the same core exporter
 * as `convert --format apphost`, saved as Program.cs.
 */
import { designStore } from '../../state/design-store';
import { downloadText } from './download';
import { designForDisk } from '../../state/secret-policy';
import { safeText } from '../../core/model/safe-text';

export async function downloadAppHost(): Promise<void> {
  try {
    // Loaded on first use: most sessions never export code, so it stays out of the first bundle.
    const { exportAppHost } = await import('../../core/aspire/apphost/export');
    // Secret parameter defaults are exported (publishValueAsDefault) only when the user opted in.
    downloadText(safeText(exportAppHost(designForDisk(designStore.getState().doc).topology)), 'Program.cs', 'text/plain;charset=utf-8');
  } catch (e) {
    designStore.getState().notify({ kind: 'error', text: `App Host export failed: ${(e as Error).message}` });
  }
}
