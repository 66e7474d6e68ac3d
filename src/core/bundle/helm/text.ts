/** Fixed chart files: the template helpers and the post-install NOTES. */
import type { UserSecret } from '../inspect';
import type { DatabaseServer } from './modes';

/** `<chart>.namespace` and `<chart>.image`, the two helpers every template uses. */
export function helpersTpl(chart: string): string {
  return `{{/*
Namespace of every object: values namespace.name, else the release namespace.
*/}}
{{- define "${chart}.namespace" -}}
{{- .Values.namespace.name | default .Release.Namespace -}}
{{- end -}}

{{/*
Image reference from {registry, repository, tag, digest}: a digest wins over a tag.
*/}}
{{- define "${chart}.image" -}}
{{- $repo := .repository -}}
{{- if .registry -}}{{- $repo = printf "%s/%s" (trimSuffix "/" .registry) .repository -}}{{- end -}}
{{- if .digest -}}
{{- printf "%s@%s" $repo .digest -}}
{{- else if .tag -}}
{{- printf "%s:%v" $repo .tag -}}
{{- else -}}
{{- $repo -}}
{{- end -}}
{{- end -}}
`;
}

export interface NotesInput {
  secrets: UserSecret[];
  /** Secrets only some database modes use: the condition under which each is listed. */
  secretGuards: Map<string, string>;
  servers: DatabaseServer[];
  ingress: boolean;
  namespaced: boolean;
}

export function notesTxt(chart: string, { secrets, secretGuards, servers, ingress, namespaced }: NotesInput): string {
  const lines = [`{{ .Chart.Name }} {{ .Chart.AppVersion }} is installed as release {{ .Release.Name }}.`, ''];
  if (servers.length) {
    lines.push('Database servers:');
    for (const s of servers) lines.push(`  - ${s.key}: {{ (index .Values.databases ${JSON.stringify(s.key)}).mode }}`);
    lines.push('');
  }
  if (secrets.length) {
    lines.push('Secrets come from your values (never from defaults):');
    for (const s of secrets) {
      const line =
        `  - ${s.name}: {{ if (index .Values.secrets ${JSON.stringify(s.name)}).existingSecret ` +
        `}}existing Secret {{ (index .Values.secrets ${JSON.stringify(s.name)}).existingSecret }}{{ else }}created ` +
        `from secrets.${s.name}.stringData{{ end }}`;
      const guard = secretGuards.get(s.name);
      lines.push(...(guard ? [`{{- if ${guard} }}`, line, '{{- end }}'] : [line]));
    }
    lines.push('');
  }
  if (ingress) {
    lines.push(
      '{{- if .Values.ingress.enabled }}',
      'Public endpoints:',
      '{{- range $name, $host := .Values.ingress.hosts }}',
      '  - {{ $name }}: {{ if $host }}{{ if $.Values.ingress.tls.enabled }}https{{ else }}http{{ end }}://{{ $host ' +
        '}}/{{ else }}any host (set ingress.hosts.{{ $name }}){{ end }}',
      '{{- end }}',
      '{{- end }}',
      '',
    );
  }
  lines.push(
    `Check it: kubectl get pods -n ${namespaced ? `{{ include "${chart}.namespace" . }}` : '{{ .Release.Namespace }}'}`,
  );
  return `${lines.join('\n')}\n`;
}
