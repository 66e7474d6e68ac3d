/**
 * "Download bundle": a zip of the core's layout of the design (./bundle-files.ts: the same files
 * `convert --out` writes), with the editor's hand edits in the plain YAML. Built in the page
 * (fflate), saved through a blob: URL, so nothing leaves the machine.
 */
import { useState } from 'react';
import { useStore } from 'zustand';
import { zipBundle } from '../../core/bundle/zip';
import { downloadFile } from '../toolbar/download';
import { generateFiles } from '../workbench/pipeline';
import { useDesignApi, useWorkbenchApi } from '../../state/app-state-context';
import { archiveName, bundleFiles, FORMATS, type BundleFormat } from './bundle-files';
import { effectiveSettings } from '../../state/effective-settings';

export default function DownloadBundle() {
  const designStore = useDesignApi();
  const workbench = useWorkbenchApi();
  const [format, setFormat] = useState<BundleFormat>('plain');
  const [error, setError] = useState<string | undefined>();
  const editedCount = useStore(workbench, (s) => Object.keys(s.doc?.edits ?? {}).length + Object.keys(s.live).length);
  const empty = useStore(workbench, (s) => s.files.length === 0);

  const download = () => {
    const wb = workbench.getState();
    wb.flush();
    const doc = designStore.getState().doc;
    try {
      const files = bundleFiles({
        format,
        editorFiles: workbench.getState().files,
        gen: generateFiles(doc).gen,
        topology: doc.topology,
        settings: effectiveSettings(doc),
      });
      downloadFile(zipBundle(files) as BlobPart, archiveName(doc.topology, format), 'application/zip');
      setError(undefined);
    } catch (e) {
      setError(`The bundle could not be built: ${(e as Error).message}`);
    }
  };

  return (
    <div className="wb-download">
      <label className="wb-format">
        <span className="wb-sr">Bundle format</span>
        <select value={format} onChange={(e) => setFormat(e.target.value as BundleFormat)} aria-label="Bundle format">
          {FORMATS.map((f) => (
            <option key={f.id} value={f.id}>
              {f.label}
            </option>
          ))}
        </select>
      </label>
      <button type="button" className="wb-primary" onClick={download} disabled={empty}>
        Download bundle
      </button>
      {format !== 'plain' && editedCount > 0 && (
        <small className="wb-note">
          {FORMATS.find((f) => f.id === format)!.label} is laid out from the design: your hand edits are in the plain
          YAML download only.
        </small>
      )}
      {error && (
        <small className="wb-invalid" role="alert">
          {error}
        </small>
      )}
    </div>
  );
}
