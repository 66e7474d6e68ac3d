/**
 * The deployment settings a design is generated and checked with: its saved (partial) settings
 * completed with the defaults once per settings object. The design store replaces `settings` on
 * change and never mutates it, so the generator, the parity worker and the download all get the
 * same completed object and nothing below them merges defaults again.
 */
import type { DesignDoc } from '../core/model/design';
import { withDefaults, type DeploySettings } from '../core/model/settings';

const completed = new WeakMap<object, DeploySettings>();

export function effectiveSettings(doc: Pick<DesignDoc, 'settings'>): DeploySettings {
  let s = completed.get(doc.settings);
  if (!s) {
    s = withDefaults(doc.settings);
    completed.set(doc.settings, s);
  }
  return s;
}
