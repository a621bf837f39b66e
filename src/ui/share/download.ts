/** Saves a blob or data URL under a file name through a temporary link. */
export function download(data: Blob | string, fileName: string): void {
  const url = typeof data === 'string' ? data : URL.createObjectURL(data);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.rel = 'noopener';
  document.body.appendChild(link);
  link.click();
  link.remove();
  // Revoked later: some browsers start the download only after the click handler returns.
  if (typeof data !== 'string') setTimeout(() => URL.revokeObjectURL(url), 30_000);
}
