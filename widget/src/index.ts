/**
 * The bundle entry (`dist/portico.js`): defines every Portico element. A page needs only
 * `<script type="module" src="…/portico.js"></script>`.
 */
import './elements/easy-pay/define.js';
import './elements/invoice-detail/define.js';
import './elements/invoice-list/define.js';
import './elements/login/define.js';
import './elements/payment-list/define.js';
import './elements/portal/define.js';
import './elements/statement/define.js';

export { ArEasyPay } from './elements/easy-pay/easy-pay.js';
export { ArInvoiceDetail } from './elements/invoice-detail/invoice-detail.js';
export { ArInvoiceList } from './elements/invoice-list/invoice-list.js';
export { ArLogin } from './elements/login/login.js';
export { ArPaymentList } from './elements/payment-list/payment-list.js';
export { ArPortal } from './elements/portal/portal.js';
export { ArStatement } from './elements/statement/statement.js';
export { ApiError, PorticoApi } from './internal/api.js';
export type * from './internal/events.js';
