/**
 * Let the browser save a blob under a file name: a real download (an anchor with `download`), so
 * the browser's own download handling — and a test's download event — sees it.
 */
export function downloadBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  document.body.append(a);
  a.click();
  a.remove();
  // the click starts the download asynchronously; revoke once it has surely read the URL
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
