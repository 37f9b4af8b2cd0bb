/**
 * The portal's two ways out: "Log out" ends this tab's session, "Log out everywhere" every session of
 * the person. Both buttons are disabled while either is under way; only the second can fail (this
 * tab's session ends whatever the server answers).
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { PorticoApi } from '../../internal/api.js';

export class LogoutController implements ReactiveController {
  busy = false;
  /** Why "Log out everywhere" failed, to show; empty otherwise. */
  error = '';

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly client: () => PorticoApi,
    private readonly everywhereFailed: () => string,
  ) {
    host.addController(this);
  }

  /** Nothing to set up (a controller needs one hook). */
  hostConnected(): void {}

  async logout(): Promise<void> {
    this.start();
    await this.client().logout();
    this.finish();
  }

  async logoutEverywhere(): Promise<void> {
    this.start();
    try {
      await this.client().logoutEverywhere();
    } catch {
      this.error = this.everywhereFailed();
    } finally {
      this.finish();
    }
  }

  private start(): void {
    this.busy = true;
    this.error = '';
    this.host.requestUpdate();
  }

  private finish(): void {
    this.busy = false;
    this.host.requestUpdate();
  }
}
