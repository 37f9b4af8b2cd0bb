/**
 * Every change the settings view sends goes through `Changes.run`: one at a time, with its busy, saved
 * and error states (keyed by the form that sent it), the server's per-field problems when it names
 * them, and the fresh sign-in the server asks for (`403 reauth_required`): the change waits in
 * `pending` until `<ar-login>` signs the person in again, then `resume()` sends it once more.
 */
import type { ReactiveControllerHost } from 'lit';
import { ApiError } from '../../../internal/api.js';

type Action = () => Promise<unknown>;

/** The `issues` of a 422 (`{path, message}`), when the error carries them. */
function issuesOf(error: unknown): Record<string, string> {
  const issues = (error as { issues?: unknown }).issues;
  if (!Array.isArray(issues)) return {};
  return Object.fromEntries(
    issues.map((issue: { path?: unknown; message?: unknown }) => [String(issue.path), String(issue.message)]),
  );
}

export class Changes {
  /** The key of the change under way, '' when none. */
  busy = '';
  /** The last change that went through, and what to say about it. */
  saved: { key: string; message: string } | null = null;
  failed: { key: string; error: unknown } | null = null;
  /** Problems by field (a setting key, `email` …): the form's own checks, or the server's. */
  fieldErrors: Record<string, string> = {};
  /** The change waiting for a fresh sign-in. */
  pending: { key: string; action: Action; message: string } | null = null;

  constructor(private readonly host: ReactiveControllerHost) {}

  /** Shows the form's own problems and sends nothing. */
  invalid(key: string, errors: Record<string, string>, error: unknown): void {
    this.fieldErrors = errors;
    this.failed = { key, error };
    this.saved = null;
    this.host.requestUpdate();
  }

  /** Sends `action`; true when it went through. */
  async run(key: string, action: Action, message: string): Promise<boolean> {
    if (this.busy) return false;
    this.busy = key;
    this.saved = this.failed = this.pending = null;
    this.fieldErrors = {};
    this.host.requestUpdate();
    try {
      await action();
      this.saved = { key, message };
      return true;
    } catch (error) {
      if (error instanceof ApiError && error.code === 'reauth_required') this.pending = { key, action, message };
      else {
        this.failed = { key, error };
        this.fieldErrors = issuesOf(error);
      }
      return false;
    } finally {
      this.busy = '';
      this.host.requestUpdate();
    }
  }

  /** After the fresh sign-in: sends the waiting change again. */
  resume(): Promise<boolean> {
    const pending = this.pending;
    return pending ? this.run(pending.key, pending.action, pending.message) : Promise.resolve(false);
  }

  /** Forgets the states of a form the person left. */
  clear(): void {
    this.saved = this.failed = this.pending = null;
    this.fieldErrors = {};
  }
}
