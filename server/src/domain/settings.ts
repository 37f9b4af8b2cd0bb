import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../db/client';
import { settings } from '../db/schema';

/** Company settings with their defaults; stored values override them key by key. */
export interface CompanySettings {
  companyName: string;
  timeZone: string;
  currency: string;
  /** Shown in emails' footers and on PDFs. */
  supportEmail: string;
  /** Multi-line postal address, printed on PDFs and statements. */
  companyAddress: string;
  /** "Where to pay" on invoice PDFs: bank details, remittance address. */
  paymentInstructions: string;
  /** The page customers pay on (the company's page embedding `<ar-portal>`), printed on PDFs. */
  portalUrl: string;
  /** Card surcharge in basis points (300 = 3 %); 0 turns it off. Card only, never debit, bank or PayPal. */
  surchargeRateBp: number;
  /** The most one payment's surcharge may be, in minor units; null for no cap. */
  surchargeCap: number | null;
  /** Whether a payer may pay more than they owe, the rest kept as credit. */
  allowOverpayment: boolean;
}

export const defaultSettings: CompanySettings = {
  companyName: 'Your company',
  timeZone: 'UTC',
  currency: 'USD',
  supportEmail: '',
  companyAddress: '',
  paymentInstructions: '',
  portalUrl: '',
  surchargeRateBp: 0,
  surchargeCap: null,
  allowOverpayment: false,
};

export function getSettings(db: DbOrTx): CompanySettings {
  const rows = db.select().from(settings).all();
  const stored = Object.fromEntries(rows.map((r) => [r.key, r.value]));
  return { ...defaultSettings, ...stored } as CompanySettings;
}

export function putSettings(db: DbOrTx, values: Partial<CompanySettings>, now: Date): void {
  for (const [key, raw] of Object.entries(values)) {
    if (raw === undefined) continue;
    // A JSON null is a value ("no cap"), not a missing one: store the text `null`, not SQL NULL.
    const value = raw === null ? sql`'null'` : raw;
    db.insert(settings)
      .values({ key, value, updatedAt: now })
      .onConflictDoUpdate({ target: settings.key, set: { value, updatedAt: now } })
      .run();
  }
}
