import type { ReactiveController, ReactiveControllerHost } from 'lit';

/** Counts whole seconds down to zero, re-rendering its host each second (resend cooldowns). */
export class CountdownController implements ReactiveController {
  private endsAt = 0;
  private timer: ReturnType<typeof setInterval> | undefined;

  constructor(private readonly host: ReactiveControllerHost) {
    host.addController(this);
  }

  /** Seconds left, 0 when done. */
  get remaining(): number {
    return Math.max(0, Math.ceil((this.endsAt - Date.now()) / 1000));
  }

  start(seconds: number): void {
    this.endsAt = Date.now() + Math.max(0, seconds) * 1000;
    this.tick();
  }

  hostConnected(): void {
    if (this.remaining > 0) this.tick();
  }

  hostDisconnected(): void {
    clearInterval(this.timer);
    this.timer = undefined;
  }

  private tick(): void {
    clearInterval(this.timer);
    this.timer = undefined;
    this.host.requestUpdate();
    if (this.remaining === 0) return;
    this.timer = setInterval(() => {
      this.host.requestUpdate();
      if (this.remaining === 0) {
        clearInterval(this.timer);
        this.timer = undefined;
      }
    }, 1000);
  }
}
