import { Hono } from 'hono';
import type { AppEnv } from '../http/env';
import { requireSession } from '../http/middleware';
import { adminAuditRouter } from './admin-audit';
import { adminCustomerActionsRouter } from './admin-customer-actions';
import { adminCustomersRouter } from './admin-customers';
import { adminDisputesRouter } from './admin-disputes';
import { adminErpRouter } from './admin-erp';
import { adminMoneyCustomerRouter, adminPaymentsRouter, adminPromisesRouter } from './admin-money';
import { adminOverviewRouter } from './admin-overview';
import { adminSettingsRouter } from './admin-settings';
import { adminStaffRouter } from './admin-staff';
import { adminWorklistRouter } from './admin-worklist';

/** `/admin`: the staff's API (staff sessions only; each router says which roles may act). */
export const adminRouter = new Hono<AppEnv>()
  .use(requireSession('staff'))
  .route('/disputes', adminDisputesRouter)
  .route('/overview', adminOverviewRouter)
  .route('/worklist', adminWorklistRouter)
  .route('/events', adminAuditRouter)
  .route('/settings', adminSettingsRouter)
  .route('/staff', adminStaffRouter)
  .route('/erp', adminErpRouter)
  .route('/customers', adminCustomersRouter)
  .route('/customers', adminCustomerActionsRouter)
  .route('/customers', adminMoneyCustomerRouter)
  .route('/payments', adminPaymentsRouter)
  .route('/promises', adminPromisesRouter);
