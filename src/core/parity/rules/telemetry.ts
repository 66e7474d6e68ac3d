/**
 * AddServiceDefaults → OTEL_EXPORTER_OTLP_ENDPOINT, OTEL_SERVICE_NAME and a per-pod
 * service.instance.id in OTEL_RESOURCE_ATTRIBUTES; the Aspire dashboard → an OTLP collector
 * the pods can reach (a Service in the bundle or an external URL, never localhost).
 */
import { usesServiceDefaults } from '../../model/semantics';
import type { Resource } from '../../model/topology';
import { evidenceAt } from '../bundle-index';
import { row, type CheckContext, type ResourceMatch } from '../context';
import { expand } from '../env';
import { parseServiceUrl } from '../matcher';
import { fix } from '../snippets';
import type { Evidence, ParityRow } from '../types';

const LOCAL = /^(localhost|127\.\d+\.\d+\.\d+|\[::1\]|0\.0\.0\.0)$/i;
const PER_POD_FIELDS = new Set(['metadata.name', 'metadata.uid', 'status.podIP']);

export function telemetryRows(ctx: CheckContext): ParityRow[] {
  const rows: ParityRow[] = [];
  const endpoints: { resource: string; value: string; evidence: Evidence }[] = [];
  for (const r of ctx.topology.resources) {
    if (!usesServiceDefaults(r)) continue;
    const m = ctx.match(r.name);
    if (!m) continue;
    const ep = m.env.get('OTEL_EXPORTER_OTLP_ENDPOINT');
    const epValue = ep ? expand(m.env, ep).text : undefined;
    if (ep && epValue) endpoints.push({ resource: r.name, value: epValue, evidence: ep.evidence });
    // A service's own rows read only the resource and its match (env included).
    rows.push(...ctx.remember('telemetry', r, ctx.matchKey(r.name), () => serviceRows(ctx, r, m)));
  }
  rows.push(...collectorRows(ctx, endpoints));
  return rows;
}

/** The three OTEL_* rows of one service. */
function serviceRows(ctx: CheckContext, r: Resource, m: ResourceMatch): ParityRow[] {
  const rows: ParityRow[] = [];
  const declaration = 'AddServiceDefaults()';
  const envPath = [...m.container.path, 'env'];
  const file = m.workload.doc.file;
  const at = [evidenceAt(m.workload, m.container.path)];

  const ep = m.env.get('OTEL_EXPORTER_OTLP_ENDPOINT');
  const epValue = ep ? expand(m.env, ep).text : undefined;
  const epUrl = epValue ? parseServiceUrl(epValue) : undefined;
  const epFix = fix(
    'Set OTEL_EXPORTER_OTLP_ENDPOINT to the production collector.',
    [{ name: 'OTEL_EXPORTER_OTLP_ENDPOINT', value: ctx.settings?.otlpEndpoint ?? 'http://otel-collector:4317' }],
    file,
    envPath,
  );
  const epReq = 'OTEL_EXPORTER_OTLP_ENDPOINT names a production collector';
  if (!ep)
    rows.push(
      row({
        rule: 'otel-endpoint',
        resource: r.name,
        declaration,
        requirement: epReq,
        status: 'fail',
        detail: 'Not set: the service exports no telemetry in production.',
        evidence: at,
        fix: epFix,
        checklist: ['telemetry'],
      }),
    );
  else if (ep.source === 'secret' || ep.source === 'secret-envfrom')
    rows.push(
      row({
        rule: 'otel-endpoint',
        resource: r.name,
        declaration,
        requirement: epReq,
        status: 'unknown',
        detail: `From Secret ${ep.secretName}; verify it names the collector.`,
        evidence: [ep.evidence],
        checklist: ['telemetry'],
      }),
    );
  else if (!epUrl)
    rows.push(
      row({
        rule: 'otel-endpoint',
        resource: r.name,
        declaration,
        requirement: epReq,
        status: 'fail',
        detail: `"${epValue ?? ''}" is not a URL.`,
        evidence: [ep.evidence],
        fix: epFix,
        checklist: ['telemetry'],
      }),
    );
  else if (LOCAL.test(epUrl.fullHost))
    rows.push(
      row({
        rule: 'otel-endpoint',
        resource: r.name,
        declaration,
        requirement: epReq,
        status: 'fail',
        detail: `${epValue} is the pod itself, not a collector.`,
        evidence: [ep.evidence],
        fix: epFix,
        checklist: ['telemetry'],
      }),
    );
  else
    rows.push(
      row({
        rule: 'otel-endpoint',
        resource: r.name,
        declaration,
        requirement: epReq,
        status: 'pass',
        detail: epValue,
        evidence: [ep.evidence],
        checklist: ['telemetry'],
      }),
    );

  const sn = m.env.get('OTEL_SERVICE_NAME');
  const snValue = sn ? expand(m.env, sn).text : undefined;
  const snReq = `OTEL_SERVICE_NAME is "${r.name}" (the App Host name)`;
  const snFix = fix(
    'Set OTEL_SERVICE_NAME to the App Host resource name.',
    [{ name: 'OTEL_SERVICE_NAME', value: r.name }],
    file,
    envPath,
  );
  if (!sn)
    rows.push(
      row({
        rule: 'otel-service-name',
        resource: r.name,
        declaration,
        requirement: snReq,
        status: 'fail',
        detail: 'Not set: traces show the assembly name, not the service name.',
        evidence: at,
        fix: snFix,
        checklist: ['telemetry'],
      }),
    );
  else
    rows.push(
      row({
        rule: 'otel-service-name',
        resource: r.name,
        declaration,
        requirement: snReq,
        status: snValue === r.name || snValue === ctx.k8sName(r.name) ? 'pass' : 'warn',
        detail: `OTEL_SERVICE_NAME=${snValue ?? ''}`,
        evidence: [sn.evidence],
        ...(snValue === r.name || snValue === ctx.k8sName(r.name) ? {} : { fix: snFix }),
        checklist: ['telemetry'],
      }),
    );

  const ra = m.env.get('OTEL_RESOURCE_ATTRIBUTES');
  const raReq = 'OTEL_RESOURCE_ATTRIBUTES sets a per-pod service.instance.id';
  // Kubernetes expands $(VAR) only for variables defined earlier, and applying the fix replaces
  // an existing OTEL_RESOURCE_ATTRIBUTES in place, so reuse a pod-name variable defined before it.
  const raIndex = ra ? m.env.entries.indexOf(ra) : m.env.entries.length;
  const podVar = m.env.entries
    .slice(0, raIndex)
    .find((e) => e.source === 'field' && e.fieldPath === 'metadata.name' && /^[A-Za-z_][A-Za-z0-9_]*$/.test(e.name));
  const raFix = fix(
    'Derive service.instance.id from the pod (downward API).',
    podVar
      ? [{ name: 'OTEL_RESOURCE_ATTRIBUTES', value: `service.instance.id=$(${podVar.name})` }]
      : [
          { name: 'OTEL_POD_NAME', valueFrom: { fieldRef: { fieldPath: 'metadata.name' } } },
          { name: 'OTEL_RESOURCE_ATTRIBUTES', value: 'service.instance.id=$(OTEL_POD_NAME)' },
        ],
    file,
    envPath,
  );
  if (!ra)
    rows.push(
      row({
        rule: 'otel-instance-id',
        resource: r.name,
        declaration,
        requirement: raReq,
        status: 'fail',
        detail: 'Not set: telemetry from several replicas cannot be told apart.',
        evidence: at,
        fix: raFix,
        checklist: ['telemetry'],
      }),
    );
  else {
    const x = expand(m.env, ra);
    const attr = /(?:^|,)\s*service\.instance\.id\s*=\s*([^,]*)/.exec(x.text);
    const perPod = attr !== null && /<field:(metadata\.name|metadata\.uid|status\.podIP)>/.test(attr[1] ?? '');
    const fromSecretOrUnknown = attr !== null && /\$\(/.test(attr[1] ?? '');
    const status = perPod ? 'pass' : fromSecretOrUnknown ? 'unknown' : 'fail';
    rows.push(
      row({
        rule: 'otel-instance-id',
        resource: r.name,
        declaration,
        requirement: raReq,
        status,
        detail: perPod
          ? `service.instance.id from the pod's ` +
            `${x.fieldPaths.filter((f) => PER_POD_FIELDS.has(f)).join(', ') || 'field'}.`
          : attr
            ? `service.instance.id=${attr[1]} is the same for every ` +
              `replica${fromSecretOrUnknown ? ' unless the referenced variable is set per pod' : ''}.`
            : `${x.text} has no service.instance.id.`,
        evidence: [ra.evidence],
        ...(perPod ? {} : { fix: raFix }),
        checklist: ['telemetry'],
      }),
    );
  }
  return rows;
}

/** The dashboard's replacement: one row for the whole application. */
function collectorRows(
  ctx: CheckContext,
  endpoints: { resource: string; value: string; evidence: Evidence }[],
): ParityRow[] {
  const rows: ParityRow[] = [];
  if (endpoints.length || ctx.topology.resources.some((r) => usesServiceDefaults(r) && ctx.match(r.name))) {
    const base = {
      rule: 'telemetry-collector',
      resource: ctx.topology.name,
      detailKey: 'collector',
      declaration: 'Aspire dashboard',
      requirement: 'A production OTLP collector receives the telemetry',
      checklist: ['telemetry'],
    };
    const problems: string[] = [];
    const unknowns: string[] = [];
    const found: string[] = [];
    for (const e of endpoints) {
      const url = parseServiceUrl(e.value);
      if (!url) continue;
      if (LOCAL.test(url.fullHost)) problems.push(`${e.resource} exports to ${e.value} (inside its own pod)`);
      else if (ctx.idx.services.some((s) => s.name === url.host)) found.push(`Service ${url.host}`);
      else if (url.fullHost.includes('.') && !/\.svc(\.|$)|\.cluster\.local$/.test(url.fullHost))
        found.push(`external ${url.fullHost}`);
      else unknowns.push(`${url.host} (not in the bundle)`);
    }
    const uniq = (xs: string[]) => [...new Set(xs)];
    if (endpoints.length === 0)
      rows.push(row({ ...base, status: 'fail', detail: 'No service sets OTEL_EXPORTER_OTLP_ENDPOINT.' }));
    else if (problems.length)
      rows.push(
        row({
          ...base,
          status: 'fail',
          detail: `${uniq(problems).join('; ')}.`,
          evidence: endpoints.map((e) => e.evidence),
        }),
      );
    else if (unknowns.length)
      rows.push(
        row({
          ...base,
          status: 'unknown',
          detail: `Collector ${uniq(unknowns).join(', ')}: verify it runs in the namespace and accepts OTLP.`,
          evidence: endpoints.map((e) => e.evidence),
        }),
      );
    else
      rows.push(
        row({
          ...base,
          status: 'pass',
          detail: `${uniq(found).join(', ')}.`,
          evidence: endpoints.map((e) => e.evidence),
        }),
      );
  }
  return rows;
}
