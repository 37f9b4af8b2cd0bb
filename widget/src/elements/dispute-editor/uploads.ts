/**
 * The files of a dispute just opened, sent one by one (`POST /disputes/:id/attachments`). One the
 * server refuses stops the queue with why, until the person tries it again or skips it: the dispute
 * exists by then, so nothing is lost but that file.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { PorticoApi } from '../../internal/api.js';
import { uploadDisputeAttachment } from '../../internal/dispute-api.js';
import type { Uploads } from './outcome.js';

const idle: Uploads = { queue: [], attached: 0, skipped: [], failed: null, count: 0 };

export class DisputeUploadsController implements ReactiveController {
  /** Where the files stand; the host renders it (`renderOpened`). */
  state: Uploads = idle;
  private dispute = '';

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly options: {
      client: () => PorticoApi;
      /** A file failed and its notice is on screen: focus goes to it. */
      failed: () => void;
    },
  ) {
    host.addController(this);
  }

  /** Nothing to set up: the queue outlives a move in the page (a controller needs one hook). */
  hostConnected(): void {}

  reset(): void {
    this.set(idle);
  }

  /** Sends `files` to the dispute `id`, in turn. */
  start(id: string, files: readonly File[]): Promise<void> {
    this.dispute = id;
    this.set({ ...idle, queue: files, count: files.length });
    return this.send();
  }

  retry(): Promise<void> {
    this.set({ ...this.state, failed: null });
    return this.send();
  }

  skip(): Promise<void> {
    const { queue, skipped } = this.state;
    this.set({ ...this.state, failed: null, queue: queue.slice(1), skipped: [...skipped, queue[0]!.name] });
    return this.send();
  }

  private async send(): Promise<void> {
    for (let file = this.state.queue[0]; file; file = this.state.queue[0]) {
      try {
        await uploadDisputeAttachment(this.options.client(), this.dispute, file);
        this.set({ ...this.state, queue: this.state.queue.slice(1), attached: this.state.attached + 1 });
      } catch (error) {
        this.set({ ...this.state, failed: { file, error } });
        this.options.failed();
        return;
      }
    }
  }

  private set(state: Uploads): void {
    this.state = state;
    this.host.requestUpdate();
  }
}
