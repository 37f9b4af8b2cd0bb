/**
 * The bundle entry (`dist/portico.js`). A page needs only
 * `<script type="module" src="…/portico.js"></script>`.
 *
 * It defines the portal, sign-in and the invoice list at once; the other elements (`<ar-easy-pay>`,
 * `<ar-invoice-detail>`, `<ar-payment-list>`, `<ar-statement>`) are chunks fetched from beside
 * `portico.js` when the page, or the portal, first uses one (internal/lazy.ts). Their classes are
 * exported by their own entry points (`portico/elements/easy-pay` …), not by this one.
 */
import './elements/invoice-list/define.js';
import './elements/login/define.js';
import './elements/portal/define.js';
import { autoloadElements } from './internal/lazy.js';

autoloadElements();
// The invoice list's virtualizer imports its default layout when it first renders, after the session
// and the invoices have loaded; asked for now, the layout's chunk arrives beside those requests.
void import('@lit-labs/virtualizer/layouts/flow.js');

export { ArInvoiceList } from './elements/invoice-list/invoice-list.js';
export { ArLogin } from './elements/login/login.js';
export { ArPortal } from './elements/portal/portal.js';
export { ApiError, PorticoApi } from './internal/api.js';
export { loadElement, type LazyTag } from './internal/lazy.js';
export type * from './internal/events.js';
