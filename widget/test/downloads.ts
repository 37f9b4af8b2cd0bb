/**
 * Catches the temporary `<a download>` an element clicks to save a fetched file, instead of letting
 * the browser download it: what was saved, under which name, from which blob URL.
 */
export interface CaughtDownload {
  filename: string;
  href: string;
  /** Whether the anchor was in a document when clicked (Firefox needs it). */
  connected: boolean;
}

export function catchDownloads(): { downloads: CaughtDownload[]; restore: () => void } {
  const downloads: CaughtDownload[] = [];
  const click = Object.getOwnPropertyDescriptor(HTMLElement.prototype, 'click')!;
  Object.defineProperty(HTMLAnchorElement.prototype, 'click', {
    configurable: true,
    value(this: HTMLAnchorElement) {
      if (this.download) downloads.push({ filename: this.download, href: this.href, connected: this.isConnected });
      else click.value.call(this);
    },
  });
  return { downloads, restore: () => delete (HTMLAnchorElement.prototype as { click?: unknown }).click };
}
