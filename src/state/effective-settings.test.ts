import { describe, expect, it } from 'vitest';
import { generate } from '../core/kube/generate';
import { emptyDesign } from '../core/model/design';
import { isComplete, withDefaults } from '../core/model/settings';
import { effectiveSettings } from './effective-settings';

describe('settings defaults, applied once', () => {
  it('completes a design’s settings once per settings object', () => {
    const doc = { ...emptyDesign(), settings: { tag: '2.0.0' } };
    const s = effectiveSettings(doc);
    expect(s).toMatchObject({ tag: '2.0.0', registry: 'registry.example.com' });
    expect(effectiveSettings({ ...doc })).toBe(s);
    expect(effectiveSettings({ ...doc, settings: { tag: '3' } })).not.toBe(s);
  });

  it('layers below get completed settings back unchanged instead of merging again', () => {
    const s = withDefaults({ namespace: 'shop' });
    expect(isComplete(s)).toBe(true);
    expect(withDefaults(s)).toBe(s);
    expect(isComplete({ ...s })).toBe(false);
    // The generator reads exactly what it was given.
    expect(
      generate(emptyDesign().topology, s).objects.find((o) => o.object.kind === 'Namespace')?.object.metadata?.name,
    ).toBe('shop');
  });
});
