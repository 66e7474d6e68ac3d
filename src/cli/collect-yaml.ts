/**
 * The YAML files `check` reads: files as given, `-` for standard input, folders walked
 * recursively. Only .yaml/.yml files count inside folders; node_modules and .git are skipped.
 * A Kustomize or Helm folder is refused with the command that renders it: read as loose files,
 * its patches look like broken objects, its generated Secrets are missing and its templates are
 * not YAML yet, so every row would fail for reasons that are not in the cluster.
 *
 * Symbolic links: each real file is read once and each real folder walked once (a set of real
 * paths), so two links to `.` cannot loop until memory runs out and one link cannot multiply
 * the rows; a link that leads outside the folder given is named in a note and not followed.
 */
import { STDIN_PATH } from '../core/parity/check-bundle';
import { lstatSync, readFileSync, readdirSync, realpathSync, statSync, type Stats } from 'node:fs';
import { isAbsolute, join, relative } from 'node:path';
import type { SourceFile } from '../core/yaml/parse';
import { CliError, whyUnreadable } from './io';
import { decodeText } from './read-text';

/** The one-line input error for a path the file system refused. */
function unreadable(path: string, e: unknown): CliError {
  return e instanceof CliError ? e : new CliError(`${path}: cannot read: ${whyUnreadable(e)}`);
}

function readText(path: string): string {
  try {
    return decodeText(readFileSync(path), path);
  } catch (e) {
    throw unreadable(path, e);
  }
}

/** Stat, or undefined for an entry that cannot be followed (a dangling symlink). */
function statOrUndefined(path: string): Stats | undefined {
  try {
    return statSync(path);
  } catch {
    return undefined;
  }
}

const KUSTOMIZATION = /^(kustomization\.ya?ml|Kustomization)$/;
const HELM_CHART = /^Chart\.ya?ml$/;

/** The render-first message for a folder that holds a Kustomize or Helm source, if it does. */
function renderFirst(dir: string, names: readonly string[]): string | undefined {
  if (names.some((n) => KUSTOMIZATION.test(n)))
    return (
      `${dir} is a Kustomize folder: check what it renders, e.g. kubectl kustomize ${dir} | aspire-parity ` +
      `check <topology-file> -`
    );
  if (names.some((n) => HELM_CHART.test(n)))
    return (
      `${dir} is a Helm chart: check what it renders, e.g. helm template <release> ${dir} | aspire-parity ` +
      `check <topology-file> -`
    );
  return undefined;
}

const STDIN = '-';

/** True when `inner` is `outer` or lies inside it. */
function within(inner: string, outer: string): boolean {
  const rel = relative(outer, inner);
  return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel));
}

function realOf(path: string): string | undefined {
  try {
    return realpathSync(path);
  } catch {
    return undefined;
  }
}

/**
 * @param note receives one line per link not followed (outside the folder) and per file
 *   reached again through a link; `check` prints them as warnings.
 */
export function collectYaml(
  paths: string[],
  readStdin: () => string = () => decodeText(readFileSync(0), 'standard input'),
  note: (line: string) => void = () => {},
): SourceFile[] {
  const out: SourceFile[] = [];
  const seenFiles = new Set<string>();
  const seenDirs = new Set<string>();
  const shown = (p: string) => relative(process.cwd(), p) || p;
  const addFile = (p: string, display: string) => {
    const real = realOf(p);
    if (real !== undefined) {
      if (seenFiles.has(real)) return;
      seenFiles.add(real);
    }
    out.push({ path: display, text: readText(p) });
  };
  const walk = (p: string, root: string | undefined, explicit: boolean) => {
    if (explicit && p === STDIN) {
      out.push({ path: STDIN_PATH, text: readStdin() });
      return;
    }
    let st;
    try {
      st = statSync(p);
    } catch (e) {
      throw unreadable(p, e);
    }
    if (!st.isDirectory()) {
      addFile(p, p);
      return;
    }
    if (!explicit && /(^|\/)(node_modules|\.git)$/.test(p)) return;
    const real = realOf(p) ?? p;
    if (seenDirs.has(real)) return; // a link back to a folder already walked (a loop)
    seenDirs.add(real);
    const top = root ?? real;
    const names = readdirSync(p).sort();
    const refusal = renderFirst(p, names);
    if (refusal) throw new CliError(refusal);
    for (const name of names) {
      const child = join(p, name);
      const isLink = lstatSync(child).isSymbolicLink();
      const childReal = isLink ? realOf(child) : undefined;
      if (isLink && childReal !== undefined && !within(childReal, top)) {
        if (statOrUndefined(child)?.isDirectory() || /\.ya?ml$/i.test(name))
          note(`${shown(child)}: a link to ${childReal}, outside ${shown(top)}; not followed`);
        continue;
      }
      // A dangling link is not a folder; if it is named like YAML, readText says it cannot
      // be read (naming it), otherwise it is skipped like any other non-YAML file.
      const st = statOrUndefined(child);
      if (st?.isDirectory()) walk(child, top, false);
      else if (!/\.ya?ml$/i.test(name)) continue;
      // A pipe, socket or device named like YAML would block the read or never end; named on the
      // command line it is read (`check t.json <(helm template …)` is a pipe), found in a folder not.
      else if (st && !st.isFile()) note(`${shown(child)}: not a regular file (a pipe, socket or device); not read`);
      else addFile(child, shown(child));
    }
  };
  for (const p of paths) walk(p, undefined, true);
  // A chart's templates read without their Chart.yaml (Aspire's publisher output copied file by
  // file): every `{{ .Values… }}` would be judged as a literal image, port or name.
  const template = out.find((f) => HELM_ACTION.test(f.text));
  if (template)
    throw new CliError(
      `${template.path} holds Helm template actions ({{ .Values … }}): check what the chart renders, e.g. helm ` +
        `template <release> <chart> | aspire-parity check <topology-file> -`,
    );
  return out;
}

/** A Helm template action (values, release, chart, include): text Helm replaces before Kubernetes sees it.
 *  Other `{{ … }}` (Prometheus rule templates in a ConfigMap) are data and stay. */
const HELM_ACTION = /\{\{-?\s*(\.Values|\.Release|\.Chart|\.Capabilities|include\s|template\s)/;
