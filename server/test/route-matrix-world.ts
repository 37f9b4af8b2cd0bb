/**
 * For the route matrix and the fuzz: a seeded world with real ids and real sessions (signed in through real links)
 * to fill the requests of ROUTE_TABLE (route-matrix.ts).
 */
import { randomUUID } from 'node:crypto';
import { and, eq, gt, inArray, notInArray } from 'drizzle-orm';
import { testConfig } from '../src/config';
import { disputes, erpWebhookDeliveries, invoices, staffUsers } from '../src/db/schema';
import { deactivateStaffUser } from '../src/domain/auth/sessions';
import { revokeErpKey } from '../src/domain/erp/keys';
import { systemActor } from '../src/domain/events';
import { issueMagicLink, newLinkSecrets } from '../src/domain/auth';
import { linkFrom } from '../../test/support/smtp-capture';
import { openDispute, PNG, upload } from './disputes-support';
import { customerRow, erpCall, erpKey } from './erp-helpers';
import { ORIGIN, type TestServer } from './helpers';

// ---- The world: real ids and real sessions ---------------------------------------------------

/** `staff` is an admin; `deactivated` is a collector's session from before their deactivation. */
export type Principal =
  | 'none'
  | 'owner'
  | 'other'
  | 'easyPay'
  | 'staff'
  | 'collector'
  | 'viewer'
  | 'deactivated'
  | 'revoked'
  | 'erp'
  | 'revokedErp';

/** The order calls are made in: the owner last, so its positive control cannot change what others see. */
export const PRINCIPALS: readonly Principal[] = [
  'none',
  'other',
  'easyPay',
  'staff',
  'collector',
  'viewer',
  'deactivated',
  'revoked',
  'erp',
  'revokedErp',
  'owner',
];

export const VICTIM = { email: 'ap@northwind.test', account: 'cus_northwind' } as const;
export const OTHER_CUSTOMER = 'cfo@globex.test';
export const STAFF = 'ar@acme.test';
/** Signs the sandbox's webhooks in these tests (configured, so the tests do not lean on a default). */
export const SANDBOX_SECRET = 'whsec_route_matrix_tests_0123456789';

export interface World extends MatrixStaff, MatrixDisputes {
  t: TestServer;
  /** Open, undisputed Northwind invoices outside the Easy Pay link. */
  victimInvoice: { id: string; number: string };
  /** Holds the 3-D Secure payment that waits for the payer. */
  victimInvoice2: { id: string; number: string };
  /** The one invoice the Easy Pay session may see. */
  easyInvoice: { id: string; number: string };
  paymentSucceeded: string;
  paymentWaiting: string;
  /** The owner's promise to pay `victimInvoice` (cancelled by the matrix's cancel). */
  promise: string;
  /** Receives deliveries (and so has one to retry). */
  endpointA: string;
  deliveryA: string;
  /** Disabled by the matrix's DELETE. */
  endpointB: string;
  erpKey: string;
  revokedErpKey: string;
  owner: string;
  other: string;
  easyPay: string;
  staff: string;
  revoked: string;
  /** Quoted JSON strings that must never appear in a 2xx body for that principal. */
  secretsFrom: Partial<Record<Principal, string[]>>;
}

/** A session opened from an Easy Pay link for one invoice, as the invoice email carries it. */
export async function easyPaySession(t: TestServer, email: string, invoice: { id: string; number: string }) {
  const config = testConfig({ PUBLIC_URL: 'https://ar.shop.test', ALLOWED_ORIGINS: ORIGIN });
  await t.deliver();
  const sent = t.mail.to(email).length;
  await issueMagicLink(
    t.db,
    config,
    {
      email,
      audience: 'customer',
      returnTo: `${ORIGIN}/portal`,
      target: `pay/${invoice.number}`,
      nonceHash: null,
      scopeInvoiceIds: [invoice.id],
      ttlMinutes: 30 * 1440,
      maxUses: 20,
    },
    await newLinkSecrets(),
    t.clock.now(),
  );
  await t.deliver();
  const mail = await t.mail.waitFor(email, { after: sent });
  const res = await t.call('POST', '/auth/sessions', { body: { token: linkFrom(mail).token } });
  if (res.status !== 200) throw new Error(`Easy Pay sign-in failed: ${res.status} ${await res.text()}`);
  return ((await res.json()) as { token: string }).token;
}

/** A customer session that has been signed out through the API. */
export async function revokedSession(t: TestServer): Promise<string> {
  const token = await t.signIn(VICTIM.email);
  const res = await t.call('DELETE', '/auth/session', { token });
  if (res.status !== 204) throw new Error(`sign-out failed: ${res.status}`);
  return token;
}

async function created(res: Response, what: string): Promise<{ id: string }> {
  if (res.status >= 300) throw new Error(`${what}: ${res.status} ${await res.text()}`);
  return (await res.json()) as { id: string };
}

export const cardPayment = (invoiceId: string, amount: number, paymentMethod = 'tok_visa') => ({
  account: VICTIM.account,
  allocations: [{ invoiceId, amount }],
  method: 'card',
  paymentMethod,
});

/** The calendar date `days` after the test clock's today (UTC, the demo company's default zone). */
export function promiseDate(t: TestServer, days: number): string {
  return new Date(t.clock.now().getTime() + days * 86_400_000).toISOString().slice(0, 10);
}

// ---- Staff of every role, and disputes ----------------------------------------------------------

export const COLLECTOR = 'collector@acme.test';
/** Not in the demo seed: written straight into the world's database. */
export const VIEWER = { id: 'stf_matrix_viewer', email: 'viewer@acme.test', name: 'Vic Viewer' } as const;
export const DEACTIVATED = { id: 'stf_matrix_gone', email: 'gone@acme.test', name: 'Gale Gone' } as const;

export interface MatrixStaff {
  collector: string;
  viewer: string;
  /** A session of a collector made before they were deactivated. */
  deactivated: string;
  /** A sign-in link issued to that collector before the deactivation, never used. */
  deactivatedLink: string;
}

export async function staffWorld(t: TestServer): Promise<MatrixStaff> {
  const now = t.clock.now();
  await t.db
    .insert(staffUsers)
    .values([
      { ...VIEWER, role: 'viewer', createdAt: now },
      { ...DEACTIVATED, role: 'collector', createdAt: now },
    ])
    .run();
  const deactivated = await t.signIn(DEACTIVATED.email, 'staff');
  const { token: deactivatedLink } = await t.signInLink(DEACTIVATED.email, { audience: 'staff' });
  await deactivateStaffUser(t.db, DEACTIVATED.id, { type: 'system' }, t.clock.now());
  return {
    collector: await t.signIn(COLLECTOR, 'staff'),
    viewer: await t.signIn(VIEWER.email, 'staff'),
    deactivated,
    deactivatedLink,
  };
}

export interface MatrixDisputes {
  /** The owner's standing dispute (opened over the API), with a file and a staff-only note. */
  dispute: string;
  attachment: string;
  /** Disputed, decided and disputed again afresh by the calls that change a dispute's state. */
  scratchInvoice: string;
  /** Its standing dispute: a new one for each caller of such calls (renewScratchDispute). */
  scratchDispute: string;
}

/** What the scratch invoice's disputes question: a cent of its first line. */
const SCRATCH_AMOUNT = 100;

export async function disputeWorld(
  t: TestServer,
  owner: string,
  admin: string,
  disputeInvoice: { id: string },
  scratchInvoice: { id: string },
): Promise<MatrixDisputes> {
  const dispute = await openDispute(t, owner, disputeInvoice.id, 1_000);
  const attachment = await created(await upload(t, owner, dispute.id, PNG, 'box.png'), 'dispute attachment');
  await created(
    await t.call('POST', `/admin/disputes/${dispute.id}/messages`, {
      token: admin,
      body: { body: 'Staff only: check the warehouse.', internal: true },
    }),
    'internal note',
  );
  const scratch = await openDispute(t, owner, scratchInvoice.id, SCRATCH_AMOUNT);
  return {
    dispute: dispute.id,
    attachment: attachment.id,
    scratchInvoice: scratchInvoice.id,
    scratchDispute: scratch.id,
  };
}

/** Withdraws the scratch invoice's standing dispute, if it has one, so it may be disputed again. */
export async function clearScratchInvoice(w: World): Promise<void> {
  const standing = await w.t.db
    .select({ id: disputes.id })
    .from(disputes)
    .where(and(eq(disputes.invoiceId, w.scratchInvoice), inArray(disputes.status, ['open', 'under_review'])))
    .all();
  for (const { id } of standing) {
    const res = await w.t.call('POST', `/disputes/${id}/withdraw`, { token: w.owner });
    if (res.status !== 200) throw new Error(`withdrawing ${id}: ${res.status} ${await res.text()}`);
  }
}

/** A new standing dispute on the scratch invoice, for a call that decides or withdraws it. */
export async function renewScratchDispute(w: World): Promise<void> {
  await clearScratchInvoice(w);
  w.scratchDispute = (await openDispute(w.t, w.owner, w.scratchInvoice, SCRATCH_AMOUNT)).id;
}

/** The environment both tests start their server with. */
export const WORLD_ENV: Record<string, string> = {
  DEMO: 'true',
  SANDBOX_WEBHOOK_SECRET: SANDBOX_SECRET,
  PAYMENT_ATTEMPTS_PER_HOUR: '100000',
  RATE_LIMIT_EMAIL: '100000',
  RATE_LIMIT_IP: '100000',
  RATE_LIMIT_GLOBAL: '100000',
  RESEND_COOLDOWN_SECONDS: '0',
};

export async function buildWorld(t: TestServer): Promise<World> {
  const openNorthwind = await t.db
    .select({ id: invoices.id, number: invoices.number })
    .from(invoices)
    .where(
      and(
        eq(invoices.customerId, VICTIM.account),
        gt(invoices.balance, 10_000),
        notInArray(invoices.id, t.db.select({ id: disputes.invoiceId }).from(disputes)),
      ),
    )
    .orderBy(invoices.number, invoices.id)
    .all();
  if (openNorthwind.length < 5) throw new Error('the demo seed has fewer than 5 open Northwind invoices');
  const [victimInvoice, victimInvoice2, easyInvoice, disputeInvoice, scratchInvoice] = openNorthwind as [
    (typeof openNorthwind)[0],
    (typeof openNorthwind)[0],
    (typeof openNorthwind)[0],
    (typeof openNorthwind)[0],
    (typeof openNorthwind)[0],
  ];

  const erp = await erpKey(t, 'Matrix ERP');
  const revoked = await erpKey(t, 'Revoked ERP');
  await revokeErpKey(t.db, revoked.id, systemActor, t.clock.now());
  // The ERP's own customer, for the invoice upserts in the table.
  const upsert = await erpCall(t, erp.key, 'PUT', '/customers', { body: { customers: [customerRow(900)] } });
  if (upsert.status !== 200) throw new Error(`ERP customer upsert: ${upsert.status} ${await upsert.text()}`);
  const endpointA = await created(
    await erpCall(t, erp.key, 'POST', '/webhooks', { body: { url: 'http://127.0.0.1:9/matrix-a' } }),
    'webhook endpoint A',
  );
  const endpointB = await created(
    await erpCall(t, erp.key, 'POST', '/webhooks', { body: { url: 'http://127.0.0.1:9/matrix-b' } }),
    'webhook endpoint B',
  );

  const owner = await t.signIn(VICTIM.email);
  const pay = (body: unknown, what: string) =>
    t
      .call('POST', '/payments', { token: owner, body, headers: { 'idempotency-key': randomUUID() } })
      .then((r) => created(r, what));
  const paymentSucceeded = await pay(cardPayment(victimInvoice.id, 100), 'card payment');
  const paymentWaiting = await pay(
    cardPayment(victimInvoice2.id, 100, 'tok_authentication_required'),
    '3-D Secure payment',
  );
  const promise = await created(
    await t.call('POST', '/promises', {
      token: owner,
      body: { account: VICTIM.account, invoices: [victimInvoice.id], amount: 1_000, promisedDate: promiseDate(t, 5) },
    }),
    'promise to pay',
  );
  // One delivery attempt (to a closed port) so endpoint A has a delivery to list and retry.
  await t.deliver();
  const delivery = await t.db
    .select({ id: erpWebhookDeliveries.id })
    .from(erpWebhookDeliveries)
    .where(eq(erpWebhookDeliveries.endpointId, endpointA.id))
    .get();
  if (!delivery) throw new Error('no webhook delivery for endpoint A after a payment');

  const world: Omit<World, 'secretsFrom' | keyof MatrixDisputes> = {
    t,
    victimInvoice,
    victimInvoice2,
    easyInvoice,
    paymentSucceeded: paymentSucceeded.id,
    paymentWaiting: paymentWaiting.id,
    promise: promise.id,
    endpointA: endpointA.id,
    deliveryA: delivery.id,
    endpointB: endpointB.id,
    erpKey: erp.key,
    revokedErpKey: revoked.key,
    owner,
    other: await t.signIn(OTHER_CUSTOMER),
    easyPay: await easyPaySession(t, VICTIM.email, easyInvoice),
    staff: await t.signIn(STAFF, 'staff'),
    revoked: await revokedSession(t),
    ...(await staffWorld(t)),
  };
  const disputeIds = await disputeWorld(t, owner, world.staff, disputeInvoice, scratchInvoice);

  const northwind = await t.db
    .select({ id: invoices.id, number: invoices.number })
    .from(invoices)
    .where(eq(invoices.customerId, VICTIM.account))
    .all();
  const quoted = (xs: string[]) => xs.map((x) => JSON.stringify(x));
  const victimPayments = [
    world.paymentSucceeded,
    world.paymentWaiting,
    world.promise,
    disputeIds.dispute,
    disputeIds.attachment,
  ];
  const outsideLink = northwind.filter((i) => i.id !== easyInvoice.id);
  return {
    ...world,
    ...disputeIds,
    secretsFrom: {
      other: quoted([VICTIM.account, ...northwind.flatMap((i) => [i.id, i.number]), ...victimPayments]),
      easyPay: quoted([...outsideLink.flatMap((i) => [i.id, i.number]), ...victimPayments]),
    },
  };
}

/** The invoices an Easy Pay session may name, for checks. */
export function invoicesOf(t: TestServer, ids: string[]): Promise<(typeof invoices.$inferSelect)[]> {
  return t.db.select().from(invoices).where(inArray(invoices.id, ids)).all();
}
