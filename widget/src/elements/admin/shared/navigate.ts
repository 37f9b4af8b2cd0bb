/** `ar-admin-navigate`: a console view asks `<ar-admin>` to go to another route (bubbles, composed). */
export interface ArAdminNavigateDetail {
  /** A console route: `overview`, `worklist`, `customers/<id>[/<tab>]`, `disputes[/<id>]`, `promises`, `payments`, `settings[/<section>]`, `audit`. */
  route: string;
  /** Replace the current history entry rather than add one (a filter or a currency change, not a new page). */
  replace?: boolean;
}

export function emitNavigate(from: EventTarget, route: string, replace = false): void {
  from.dispatchEvent(
    new CustomEvent<ArAdminNavigateDetail>('ar-admin-navigate', {
      detail: { route, replace },
      bubbles: true,
      composed: true,
    }),
  );
}

/** An `<a href>` for a console route (Enter and middle-click work); the click is turned into a navigation. */
export function routeHref(route: string): string {
  return `#admin/${route}`;
}

/** A link's click as a console navigation, unless a modifier asks the browser for a new tab. */
export function followRoute(event: MouseEvent, route: string): void {
  if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
  event.preventDefault();
  emitNavigate(event.currentTarget ?? event.target!, route);
}
