/**
 * The banner for an autosave that cannot be read. It offers the damaged data as a download
 * before anything may overwrite it: autosave holds until the user starts fresh.
 */
export function DamagedAutosave({
  damaged,
  onDownload,
  onStartFresh,
}: {
  damaged: { message: string; downloaded: boolean } | undefined;
  onDownload(): void;
  onStartFresh(): void;
}) {
  if (!damaged) return null;
  return (
    <div className="banner banner-error" role="alert" data-testid="damaged-autosave">
      <div className="banner-row">
        <p>
          {damaged.message} It is still in this browser's storage, and autosave is paused so nothing overwrites it.
          Download it to keep a copy; your changes here are saved once you start fresh.
        </p>
        <button type="button" onClick={onDownload}>
          {damaged.downloaded ? 'Download again' : 'Download the damaged data'}
        </button>
        <button type="button" onClick={onStartFresh}>
          Start fresh (overwrite it)
        </button>
      </div>
    </div>
  );
}
