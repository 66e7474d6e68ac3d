/**
 * Save data as a file through a temporary object URL: the one way the app hands a file to the
 * user (design JSON, bundle zip, App Host code).
 */
export function downloadFile(data: BlobPart, fileName: string, type: string): void {
  const url = URL.createObjectURL(new Blob([data], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  document.body.appendChild(a);
  a.click();
  a.remove();
  // Revoke later: Chromium reads the blob asynchronously after click().
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** Save text as a file. */
export function downloadText(text: string, fileName: string, type = 'application/json'): void {
  downloadFile(text, fileName, type);
}
