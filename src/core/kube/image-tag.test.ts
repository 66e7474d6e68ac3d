/**
 * The image-reference reader behind convert's warning and check's row: references as runtimes
 * read them (a registry port is not a tag), placeholders other tools fill in, references the
 * kubelet refuses; and convert and check saying the same words about the same image.
 */
import { describe, expect, it } from 'vitest';
import { withDefaults } from '../model/settings';
import { emptyResource, type Topology } from '../model/topology';
import { checkParity } from '../parity/engine';
import { generateBundle } from '../bundle/plain';
import { imageProblem, imageProblemText } from './image-tag';

describe('imageProblem', () => {
  it.each([
    ['registry:5000/img', 'untagged'],
    ['registry:5000/img:1.2', undefined],
    ['localhost:5000/team/img', 'untagged'],
    [`img@sha256:${'a'.repeat(64)}`, undefined],
    [`img:1.2@sha256:${'b'.repeat(64)}`, undefined],
    [`registry:5000/img@sha256:${'c'.repeat(64)}`, undefined],
    ['img@sha256:abc', 'invalid'],
    ['docker.io/library/redis', 'untagged'],
    ['docker.io/library/redis:7.4', undefined],
    ['redis:latest', 'latest'],
    ['redis:LATEST', undefined],
    ['Redis:7', 'invalid'],
    ['SpeciaL-ApP:latest', 'invalid'],
    ['MyRegistry.io/team/img:1', undefined],
    ['redis:latest ', 'invalid'],
    [' redis:7', 'invalid'],
    ['redis:', 'invalid'],
    ['', 'invalid'],
    ['$(IMAGE)', 'placeholder'],
    ['${IMAGE}:1.0', 'placeholder'],
    ['{{ .Values.parameters.project1.project1_image }}', 'placeholder'],
    ['registry.example.com/{{ .Values.image.name }}:{{ .Values.image.tag }}', 'placeholder'],
    ['<your-image>', 'placeholder'],
    ['mcr.microsoft.com/mssql/server:2022-CU16-ubuntu-22.04', undefined],
  ])('%j → %s', (image, want) => {
    expect(imageProblem(image)).toBe(want);
  });
});

describe('convert and check agree', () => {
  /** AddContainer("web", image, tag): the reader adds :latest when neither names a tag (Aspire does). */
  const design = (image: string): Topology => {
    const web = emptyResource('web', 'container', 'container.v0');
    web.image = image;
    return { name: 'app', resources: [web], references: [] };
  };
  it.each([
    ['registry:5000/img', 'warn'],
    ['redis:latest', 'warn'],
    ['Redis:7', 'fail'],
    ['redis:7.4', 'pass'],
  ])('%s: the same words at convert and in the row (%s)', (chosen, status) => {
    const topology = design(chosen);
    const bundle = generateBundle(topology);
    const files = bundle.files.filter((x) => /\.ya?ml$/.test(x.path));
    const r = checkParity({ topology, files, settings: withDefaults(undefined) });
    const row = r.rows.find((x) => x.id === 'kube-linter:latest-tag:web:web')!;
    expect(row.status).toBe(status);
    const warned = bundle.generated.diagnostics.filter((d) => d.code === 'image-unpinned');
    const problem = imageProblem(chosen);
    if (!problem) return expect(warned).toEqual([]);
    const words = imageProblemText(chosen, problem);
    expect(warned.map((d) => d.message)).toEqual([`web: ${words} (WithImageTag).`]);
    expect(row.detail).toContain(words);
  });
});
