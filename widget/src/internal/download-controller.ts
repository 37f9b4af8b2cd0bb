/**
 * Fetching a file from the API and saving it (`saveFile`), with the state an element shows meanwhile:
 * which downloads are under way, and the last one that failed. A key names each download (a payment's
 * id, a statement's format); one that is under way is not started twice.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { DownloadedFile } from './api.js';
import { saveFile } from './download.js';

export interface DownloadOptions {
  /** Refuse a new download while any other is under way (the host shows one busy state for all). */
  oneAtATime?: boolean;
}

export class DownloadController<Key = true> implements ReactiveController {
  private readonly busyKeys = new Set<Key>();
  private failed: { key: Key; error: unknown } | null = null;

  constructor(
    private readonly host: ReactiveControllerHost & { readonly renderRoot: ParentNode },
    private readonly options: DownloadOptions = {},
  ) {
    host.addController(this);
  }

  /** Nothing to set up: the state lives across connections (a controller needs one hook). */
  hostConnected(): void {}

  /** Whether the download `key` is under way, or (no key) any download. */
  busy(key?: Key): boolean {
    return key === undefined ? this.busyKeys.size > 0 : this.busyKeys.has(key);
  }

  /** The key under way first, for a host that allows one at a time. */
  get current(): Key | undefined {
    return this.busyKeys.values().next().value;
  }

  /** The last download that failed, until another starts or `clearError()`. */
  get error(): { key: Key; error: unknown } | null {
    return this.failed;
  }

  clearError(): void {
    if (!this.failed) return;
    this.failed = null;
    this.host.requestUpdate();
  }

  /** Fetches the file and saves it through a link in the host's own shadow root. */
  async save(key: Key, fetchFile: () => Promise<DownloadedFile>): Promise<void> {
    if (this.busyKeys.has(key) || (this.options.oneAtATime && this.busyKeys.size > 0)) return;
    this.busyKeys.add(key);
    this.failed = null;
    this.host.requestUpdate();
    try {
      saveFile(await fetchFile(), this.host.renderRoot);
    } catch (error) {
      this.failed = { key, error };
    } finally {
      this.busyKeys.delete(key);
      this.host.requestUpdate();
    }
  }
}
