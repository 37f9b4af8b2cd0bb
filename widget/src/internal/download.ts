/**
 * Saving a file the API sent. The API needs the bearer header, so a plain `<a href download>` cannot
 * fetch it: the file is fetched first, then handed to the browser through a short-lived blob URL and
 * a temporary `<a download>` clicked in the element's own shadow root.
 */
import type { DownloadedFile } from './api.js';

/**
 * How long the blob URL outlives the click. Revoking it in the same task can cancel the download in
 * some browsers (the download starts asynchronously); a few seconds is plenty and frees the memory.
 */
const revokeAfterMs = 10_000;

export function saveFile({ blob, filename }: DownloadedFile, container: ParentNode = document.body): void {
  const url = URL.createObjectURL(blob);
  const anchor = document.createElement('a');
  anchor.href = url;
  anchor.download = filename;
  anchor.hidden = true;
  container.append(anchor);
  try {
    anchor.click();
  } finally {
    anchor.remove();
    setTimeout(() => URL.revokeObjectURL(url), revokeAfterMs);
  }
}
