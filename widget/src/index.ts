/**
 * The bundle entry (`dist/portico.js`). A page needs only
 * `<script type="module" src="…/portico.js"></script>`.
 *
 * It defines the portal, sign-in and the invoice list at once; the other elements (`<ar-easy-pay>`,
 * `<ar-invoice-detail>`, `<ar-payment-list>`, `<ar-promise-list>`, `<ar-promise-to-pay>`,
 * `<ar-statement>`, and `<ar-dispute-editor>`, `<ar-dispute>` and `<ar-dispute-list>`, one chunk) are
 * chunks fetched from beside `portico.js` when the page, or the portal, first uses one
 * (internal/lazy.ts). Their classes are
 * exported by their own entry points (`portico/elements/easy-pay` …), not by this one.
 */
import './elements/invoice-list/define.js';
import './elements/login/define.js';
import './elements/portal/define.js';
import { virtualizerReady } from './elements/invoice-list/virtualizer.js';
import { autoloadElements } from './internal/lazy.js';

autoloadElements();
// The invoice list's virtualizer is a chunk of its own: asked for now, it arrives beside the portal's
// first requests (a failure is tried again when the list's first page is in).
virtualizerReady().catch(() => undefined);

export { ArInvoiceList } from './elements/invoice-list/invoice-list.js';
export { ArLogin } from './elements/login/login.js';
export { ArPortal } from './elements/portal/portal.js';
export { ApiError, PorticoApi } from './internal/api.js';
export { loadElement, type LazyTag } from './internal/lazy.js';
export type * from './internal/events.js';
