/**
 * Deployment settings: what the topology does not say (namespace, images, telemetry, exposure,
 * resource defaults). Writes `doc.settings` in the design store, so settings are saved, shared
 * and undoable with the design.
 *
 * Text fields commit on blur or Enter, not per key: each commit regenerates the bundle and is
 * one undo step. Invalid values are explained and not committed.
 */
import { useId, useState } from 'react';
import { DEFAULT_SETTINGS, withDefaults, type DeploySettings } from '../../core/model/settings';
import { useDesignStore } from '../../state/app-state-context';

const DNS_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
const QUANTITY = /^[0-9]+(\.[0-9]+)?(m|k|M|G|T|P|E|Ki|Mi|Gi|Ti|Pi|Ei)?$/;
const HOST = /^(\*\.)?[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;

type Check = (v: string) => string | undefined;

const checks = {
  namespace: (v: string) =>
    v === '' || (v.length <= 63 && DNS_LABEL.test(v))
      ? undefined
      : 'Lowercase letters, digits and "-", at most 63 characters.',
  registry: (v: string) => (/\s/.test(v) ? 'No spaces.' : undefined),
  tag: (v: string) =>
    v === ''
      ? 'A tag is required (never "latest" by default).'
      : /^[\w][\w.-]{0,127}$/.test(v)
        ? undefined
        : 'Letters, digits, ".", "_" and "-"; at most 128 characters.',
  url: (v: string) => {
    if (v === '') return undefined;
    try {
      const u = new URL(v);
      return u.protocol === 'http:' || u.protocol === 'https:' ? undefined : 'An http:// or https:// URL.';
    } catch {
      return 'An http:// or https:// URL, e.g. http://otel-collector:4317.';
    }
  },
  host: (v: string) => (v === '' || HOST.test(v) ? undefined : 'A DNS host name, e.g. travel.example.com.'),
  quantity: (v: string) =>
    v === '' || QUANTITY.test(v) ? undefined : 'A Kubernetes quantity, e.g. 100m, 0.5, 256Mi, 1Gi.',
  required: (v: string) => (v === '' ? 'Required.' : undefined),
} satisfies Record<string, Check>;

const required =
  (check: Check): Check =>
  (v) =>
    checks.required(v) ?? check(v);

/** Settings that are one text each, written as they are typed (empty optional ones are removed by `put`). */
type TextKey =
  'namespace' | 'registry' | 'tag' | 'otlpEndpoint' | 'ingressClass' | 'ingressHost' | 'storageSize' | 'storageClass';

function TextSetting({
  label,
  value,
  placeholder,
  check,
  onCommit,
  hint,
}: {
  label: string;
  value: string;
  placeholder?: string;
  check: Check;
  onCommit(v: string): void;
  hint?: string;
}) {
  const [draft, setDraft] = useState<string | undefined>();
  const id = useId();
  const shown = draft ?? value;
  const error = check(shown.trim());
  const commit = () => {
    if (draft === undefined) return;
    const v = draft.trim();
    if (!check(v) && v !== value) onCommit(v);
    if (!check(v)) setDraft(undefined);
  };
  return (
    <div className="wb-field">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        value={shown}
        placeholder={placeholder}
        spellCheck={false}
        aria-invalid={!!error}
        aria-describedby={error || hint ? `${id}-msg` : undefined}
        onChange={(e) => setDraft(e.target.value)}
        onBlur={commit}
        onKeyDown={(e) => {
          if (e.key === 'Enter') commit();
          if (e.key === 'Escape') setDraft(undefined);
        }}
      />
      {(error || hint) && (
        <small id={`${id}-msg`} className={error ? 'wb-invalid' : 'wb-muted'}>
          {error ?? hint}
        </small>
      )}
    </div>
  );
}

export default function SettingsPanel() {
  const partial = useDesignStore((s) => s.doc.settings);
  const setSettings = useDesignStore((s) => s.setSettings);
  const s = withDefaults(partial);
  const put = (patch: Partial<DeploySettings>) => {
    const next: Partial<DeploySettings> = { ...partial, ...patch };
    // Empty optional fields are removed, not stored as "" (the generator treats absent as "none").
    for (const k of ['namespace', 'ingressClass', 'ingressHost', 'storageClass'] as const)
      if (next[k] === '') delete next[k];
    setSettings(next);
  };
  const compute = (patch: { reqCpu?: string; reqMem?: string; limMem?: string; limCpu?: string }) => {
    const c = s.defaultCompute;
    const limits: DeploySettings['defaultCompute']['limits'] = { memory: patch.limMem ?? c.limits.memory };
    const limCpu = patch.limCpu ?? c.limits.cpu;
    if (limCpu) limits.cpu = limCpu;
    put({
      defaultCompute: {
        requests: { cpu: patch.reqCpu ?? c.requests.cpu, memory: patch.reqMem ?? c.requests.memory },
        limits,
      },
    });
  };

  /** A text setting stored under its own key. */
  const text = (key: TextKey, label: string, check: Check, more: { placeholder?: string; hint?: string } = {}) => (
    <TextSetting label={label} value={s[key] ?? ''} check={check} onCommit={(v) => put({ [key]: v })} {...more} />
  );

  return (
    <form className="wb-settings" aria-label="Deployment settings" onSubmit={(e) => e.preventDefault()}>
      <fieldset>
        <legend>Namespace and images</legend>
        {text('namespace', 'Namespace', checks.namespace, { placeholder: "(none: kubectl's current namespace)" })}
        {text('registry', 'Image registry', checks.registry, {
          placeholder: DEFAULT_SETTINGS.registry,
          hint: 'Prefixed to the images of projects and Dockerfiles.',
        })}
        {text('tag', 'Image tag', checks.tag)}
      </fieldset>
      <fieldset>
        <legend>Telemetry</legend>
        {text('otlpEndpoint', 'OTLP endpoint', required(checks.url), {
          placeholder: DEFAULT_SETTINGS.otlpEndpoint,
          hint: 'Replaces the Aspire dashboard: every service sends logs, traces and metrics here.',
        })}
      </fieldset>
      <fieldset>
        <legend>External endpoints</legend>
        <div className="wb-radios" role="radiogroup" aria-label="Expose external endpoints with">
          <label>
            <input
              type="radio"
              name="exposure"
              checked={s.exposure === 'ingress'}
              onChange={() => put({ exposure: 'ingress' })}
            />{' '}
            Ingress
          </label>
          <label>
            <input
              type="radio"
              name="exposure"
              checked={s.exposure === 'loadbalancer'}
              onChange={() => put({ exposure: 'loadbalancer' })}
            />{' '}
            LoadBalancer Service
          </label>
        </div>
        {s.exposure === 'ingress' && (
          <>
            {text('ingressClass', 'Ingress class', checks.namespace, { placeholder: '(cluster default)' })}
            {text('ingressHost', 'Ingress host', checks.host, { placeholder: '(any host)' })}
          </>
        )}
      </fieldset>
      <fieldset>
        <legend>Resource defaults</legend>
        <p className="wb-muted">Used where a resource sets no compute of its own.</p>
        <div className="wb-grid2">
          <TextSetting
            label="CPU request"
            value={s.defaultCompute.requests.cpu}
            check={required(checks.quantity)}
            onCommit={(v) => compute({ reqCpu: v })}
          />
          <TextSetting
            label="Memory request"
            value={s.defaultCompute.requests.memory}
            check={required(checks.quantity)}
            onCommit={(v) => compute({ reqMem: v })}
          />
          <TextSetting
            label="Memory limit"
            value={s.defaultCompute.limits.memory}
            check={required(checks.quantity)}
            onCommit={(v) => compute({ limMem: v })}
          />
          <TextSetting
            label="CPU limit"
            value={s.defaultCompute.limits.cpu ?? ''}
            placeholder="(none)"
            check={checks.quantity}
            onCommit={(v) => compute({ limCpu: v })}
          />
          {text('storageSize', 'Volume size', required(checks.quantity))}
          {text('storageClass', 'Storage class', checks.namespace, { placeholder: '(cluster default)' })}
        </div>
      </fieldset>
    </form>
  );
}
