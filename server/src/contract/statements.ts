/** Statements of account, and the health check. */
import type { z } from 'zod';
import type { statementQuery } from './schemas/statements';

/** `GET /statement`'s query (schemas/statements.ts). Without `from` and `to`, the last 90 days. */
export type StatementQuery = z.input<typeof statementQuery>;

export interface AgingBuckets {
  /** Not yet due. */
  current: number;
  days1to30: number;
  days31to60: number;
  days61to90: number;
  over90: number;
}

export interface StatementLine {
  date: string;
  type: 'invoice' | 'payment' | 'credit';
  reference: string;
  description: string;
  /** Signed: charges positive, payments and credits negative. */
  amount: number;
  /** Running balance after this line. */
  balance: number;
}

/** An open dispute on the statement: which invoice, how much is in question, where it stands. */
export interface StatementDispute {
  disputeId: string;
  invoiceNumber: string;
  amount: number;
  status: 'open' | 'under_review';
  openedOn: string;
}

export interface Statement {
  account: { id: string; name: string; currency: string; billingAddress: string | null };
  company: { name: string; address: string; timeZone: string };
  from: string;
  to: string;
  currency: string;
  openingBalance: number;
  lines: StatementLine[];
  totals: { invoiced: number; paid: number; credited: number };
  /** opening + invoiced − paid − credited, always. */
  closingBalance: number;
  /** As of `to`: payments and credit notes not applied to any invoice. */
  unappliedCredit: number;
  /** As of `to`: open invoice balances by days past due (disputed amounts included). */
  aging: AgingBuckets;
  /**
   * Now: the amounts open disputes put in question, part of the balance and shown apart; `aging` splits
   * them by the same days past due as the balances they are part of.
   */
  disputed: { total: number; aging: AgingBuckets; items: StatementDispute[] };
}

export interface Health {
  ok: true;
}
