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
  /** As of `to`: open invoice balances by days past due. */
  aging: AgingBuckets;
}

export interface Health {
  ok: true;
}
